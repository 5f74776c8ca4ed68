"""Documents for the demo county: small real PDFs, kept the way an upload would be, in each state a reviewer
should see (clean and downloadable, waiting for the virus check, refused with its reason).

Domains that own the records (assessments for advice) decide which records get one; this module only makes
the files. A document left "scanning" is checked for real by the task worker or ``documents_scan_waiting``
that ``make run`` runs, once clamd is up.
"""

from __future__ import annotations

import hashlib
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone

from pathfinder.documents.models import Document, DocumentStatus, documents_storage


def report_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with a title and lines of text (Helvetica), enough to open in any reader."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1", "replace").decode(
            "latin-1")

    text = [f"BT /F1 16 Tf 56 780 Td ({escape(title)}) Tj ET"]
    for i, line in enumerate(lines):
        text.append(f"BT /F1 11 Tf 56 {750 - 16 * i} Td ({escape(line)}) Tj ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def demo_document(child, purpose: str, name: str, content: bytes, *, uploaded_by=None,
                  status: str = DocumentStatus.CLEAN, reason: str = "") -> Document:
    """A PDF document as if sent and (for clean or refused) already checked. A refused one keeps no content."""
    stored = ""
    if status != DocumentStatus.REFUSED:
        stored = documents_storage().save(f"{purpose}/demo/{uuid.uuid4().hex}.pdf", ContentFile(content))
    return Document.objects.create(
        child=child, purpose=purpose, original_name=name, kind="pdf", content_type="application/pdf",
        size=len(content), sha256=hashlib.sha256(content).hexdigest(), stored_name=stored, status=status,
        status_reason=reason, uploaded_by=uploaded_by,
        scanned_at=timezone.now() if status != DocumentStatus.SCANNING else None,
    )
