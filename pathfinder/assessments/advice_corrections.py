"""Corrections to advice the council has already received.

Why not edit the advice: once received, the council may have relied on it (section K of the plan lists it),
so it is closed. A correction is a new numbered version kept beside the original; the caseworker sees both,
and sending one is audited like any other change to the child's record. The caseworker is told it has
arrived.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from pathfinder.assessments.advice_documents import ADVICE_KINDS
from pathfinder.assessments.adviser_messages import caseworker_tell_advice_arrived
from pathfinder.assessments.models import AdviceCorrection, AdviceRequest
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.documents.models import DocumentPurpose
from pathfinder.documents.services import document_receive


def advice_correction_send(
    *, acting_user, advice: AdviceRequest, summary: str, reason: str, document=None
) -> AdviceCorrection:
    """Keep a correction to received advice as its next version (the original is version 1)."""
    if not reason.strip():
        raise ServiceError("Enter what needs correcting", field="reason")
    if not summary.strip():
        raise ServiceError("Enter the corrected summary of the advice", field="summary")
    with transaction.atomic():
        locked = AdviceRequest.objects.select_for_update().get(pk=advice.pk)
        if locked.received_on is None:
            raise ServiceError("The council has not received this advice yet: send the advice itself instead.")
        latest = locked.corrections.aggregate(n=Max("number"))["n"] or 1
        correction = AdviceCorrection(
            advice=locked, number=latest + 1, summary=summary.strip(), reason=reason.strip(), sent_by=acting_user
        )
        if document is not None:
            correction.document = document_receive(document, locked.assessment.child,
                                                   DocumentPurpose.ADVICE_CORRECTION, acting_user, ADVICE_KINDS)
        correction.save()
        audit_event_record(
            acting_user=acting_user, action=AuditAction.CREATE, child=locked.assessment.child, obj=correction,
            what=f"sent correction {correction.number} to advice from {locked.adviser_name}",
        )
        # The caseworker is told, with the advice's own words, once this commits.
        caseworker_tell_advice_arrived(locked, acting_user=acting_user, document=correction.document)
    return correction
