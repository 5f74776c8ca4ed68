"""The signed direct payment agreement as a document, not just a date (PB Regs reg 8 and the agreement the recipient
signs before any payment, CFA s.49(4)).

Why a document: when a family disputes a condition, or an auditor asks what was agreed, the council must show the
agreement itself. The caseworker uploads it with the date it was signed (``direct_payments.direct_payment_sign``),
or afterwards here; it goes through ``documents`` like every file about a child (type from content, ClamAV,
private storage, downloads only through the checked and audited view). The date is what makes the direct payment
active; the document is optional, and the pages say plainly when it is missing.

Who may open it: case staff and the child's family (documents.access checks first that the child is theirs to see).
"""

from __future__ import annotations

from django.db import transaction

from pathfinder.accounts.roles import CASE_VIEWERS
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets.models_money import DirectPayment
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.documents.kinds import IMAGE_KINDS, WRITTEN_KINDS
from pathfinder.documents.models import Document, DocumentPurpose
from pathfinder.documents.services import document_receive

#: A signed agreement arrives as a PDF or Word file, or as a photo of the signed pages.
AGREEMENT_KINDS = WRITTEN_KINDS | IMAGE_KINDS
STALE = ("Someone else changed this direct payment while you were working on it, so the file was not saved. "
         "Check it as it is now, then try again.")


def agreement_document_receive(*, acting_user, dp: DirectPayment, upload) -> Document:
    """Keep the uploaded agreement (in quarantine until the virus check passes). Call inside the transaction that
    links it to the direct payment, so a refused save keeps no row."""
    return document_receive(upload, dp.request.child, DocumentPurpose.DIRECT_PAYMENT_AGREEMENT, acting_user,
                            AGREEMENT_KINDS, field="document")


def direct_payment_agreement_attach(*, acting_user, dp: DirectPayment, expected_version: int, upload) -> DirectPayment:
    """Add (or replace) the signed agreement of a direct payment already recorded as signed. The one it replaces
    stays in the direct payment's history."""
    if upload is None:
        raise ServiceError("Select the signed agreement to upload", field="document")
    with transaction.atomic():
        current = DirectPayment.objects.select_for_update().select_related("request__child").get(pk=dp.pk)
        if current.version != int(expected_version):
            raise StaleEdit(STALE)
        if current.agreement_signed_on is None:
            raise ServiceError("Record the date the agreement was signed first: the file is added with it.",
                               field="document")
        replaced = current.agreement_document_id is not None
        current.agreement_document = agreement_document_receive(acting_user=acting_user, dp=current, upload=upload)
        current.version += 1
        current._change_reason = "Signed agreement replaced" if replaced else "Signed agreement added"
        current.save()
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=current.request.child,
                           obj=current, what="direct payment: signed agreement "
                                             + ("replaced" if replaced else "added"))
    return current


def agreement_document_allowed(user, document: Document) -> bool:
    """Case staff and the family may open a signed agreement that belongs to a direct payment."""
    return getattr(user, "role", None) in CASE_VIEWERS and DirectPayment.objects.filter(
        agreement_document=document, request__child_id=document.child_id).exists()


def agreement_document_access_register() -> None:
    from pathfinder.documents.access import register_document_access

    register_document_access(DocumentPurpose.DIRECT_PAYMENT_AGREEMENT, agreement_document_allowed)
