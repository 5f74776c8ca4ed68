"""Advice documents through the documents component: what an adviser may send, and who may open it.

Advice is written for the council: the caseworkers and managers of the case open it, and so does the adviser
who sent it (while their involvement lasts). The family receives the advice with the draft plan, not as these
files, so they cannot open them here. Registered with documents.access from AssessmentsConfig.ready().
"""

from __future__ import annotations

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.assessments.models import AdviceCorrection, AdviceRequest
from pathfinder.documents.kinds import IMAGE_KINDS, WRITTEN_KINDS
from pathfinder.documents.models import Document, DocumentPurpose

# A report (PDF, Word, OpenDocument) or a scan or photo of one.
ADVICE_KINDS = WRITTEN_KINDS | IMAGE_KINDS


def advice_document_allowed(user, document: Document) -> bool:
    """Case staff of the child, or the adviser who sent this advice or correction."""
    if user.role in CASE_STAFF:
        return True
    if document.purpose == DocumentPurpose.ADVICE:
        return AdviceRequest.objects.filter(document=document, adviser=user).exists()
    return AdviceCorrection.objects.filter(document=document, sent_by=user).exists()


def advice_document_access_register() -> None:
    from pathfinder.documents.access import register_document_access

    register_document_access(DocumentPurpose.ADVICE, advice_document_allowed)
    register_document_access(DocumentPurpose.ADVICE_CORRECTION, advice_document_allowed)
