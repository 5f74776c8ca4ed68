"""Moving files kept before the documents component (plain FileFields in the default storage) into Documents.

Used by the data migrations of assessments (advice and corrections) and plans (the final PDF). Takes the
migration's historical Document model, so it works whatever the model looks like later. A file someone sent
was only ever checked by its type, never scanned, so it comes across waiting for the virus check
(``documents_scan_waiting`` checks it); a PDF Pathfinder made comes across clean. A file missing from the disk
comes across refused, saying so, so the page shows what happened instead of a broken link.
"""

from __future__ import annotations

import hashlib
import io
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from pathfinder.documents.kinds import KINDS, kind_of

MISSING_REASON = "The file could not be found when documents were moved to the documents store."


def document_from_legacy_file(Document, name: str, *, child_id: int, purpose: str, made_by_pathfinder: bool = False,
                              uploaded_by_id: int | None = None):
    """Copy one old file into the documents storage as a Document row (and delete the old copy)."""
    old, new = storages["default"], storages["documents"]
    data = None
    if old.exists(name):
        with old.open(name, "rb") as file:
            data = file.read()
    original = name.rsplit("/", 1)[-1]
    kind = kind_of(io.BytesIO(data)) if data else ""
    if not kind:  # keep what the name said it was, for display; it is never served unless clean
        extension = original.rsplit(".", 1)[-1].lower() if "." in original else ""
        kind = extension if extension in KINDS else "pdf"
    fields = dict(
        public_id=uuid.uuid4(), child_id=child_id, purpose=purpose, original_name=original[-255:], kind=kind,
        content_type=KINDS[kind].content_type, made_by_pathfinder=made_by_pathfinder, uploaded_by_id=uploaded_by_id,
    )
    if data is None:
        return Document.objects.create(**fields, size=0, sha256="", stored_name="", status="refused",
                                       status_reason=MISSING_REASON)
    stored = new.save(f"{purpose}/legacy/{uuid.uuid4().hex}.{KINDS[kind].extension}", ContentFile(data))
    document = Document.objects.create(
        **fields, size=len(data), sha256=hashlib.sha256(data).hexdigest(), stored_name=stored,
        status="clean" if made_by_pathfinder else "scanning",
    )
    old.delete(name)
    return document
