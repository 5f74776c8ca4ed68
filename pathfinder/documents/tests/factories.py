"""Documents for tests: real files in the documents storage, through the same service the app uses."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from pathfinder.documents.models import Document, DocumentPurpose, DocumentStatus
from pathfinder.documents.services import document_receive
from pathfinder.people.tests.factories import ChildFactory

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def document_make(*, child=None, purpose: str = DocumentPurpose.ADVICE, status: str = DocumentStatus.CLEAN,
                  content: bytes = PDF_BYTES, name: str = "report.pdf", uploaded_by=None) -> Document:
    """A document received through document_receive, then set to ``status`` (as the scan would)."""
    document = document_receive(SimpleUploadedFile(name, content), child or ChildFactory(), purpose, uploaded_by)
    Document.objects.filter(pk=document.pk).update(status=status)
    document.refresh_from_db()
    return document
