"""Receiving, making and checking documents. Every file about a child comes in through here.

A file someone sends is checked (size, and its kind from its content), stored under a random name, and kept in
quarantine (status "scanning") until ClamAV says it is clean. The scan runs on the task queue after the upload's
transaction commits, so a slow or missing scanner never holds up the page; without a scanner the file simply
waits (``documents_scan_waiting`` tries again). A file Pathfinder makes itself (a plan PDF) is clean from the
start and says so.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.core.navigation import home_page_for
from pathfinder.documents import clamav, messages
from pathfinder.documents.kinds import ALL_KINDS, KINDS, kind_of, type_message
from pathfinder.documents.models import Document, DocumentStatus, documents_storage
from pathfinder.documents.uploads import max_upload_bytes, size_message
from pathfinder.notifications.kinds import link
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send

REFUSED_MESSAGE = "The virus check found a problem in this file ({signature}), so it cannot be opened. " \
                  "Send a different file."


@dataclass(frozen=True)
class UploadCheck:
    kind: str  # a code from documents.kinds, or "" when refused
    problem: str = ""


def upload_check(upload, allowed_kinds=ALL_KINDS) -> UploadCheck:
    """What the file really is, or the GOV.UK message saying why it cannot be accepted. Forms call this to show
    the error beside the field; document_receive calls it again before storing anything."""
    if upload.size > max_upload_bytes():
        return UploadCheck("", size_message())
    if upload.size == 0:
        return UploadCheck("", "The selected file is empty")
    kind = kind_of(upload)
    if kind not in allowed_kinds:
        return UploadCheck("", type_message(allowed_kinds))
    return UploadCheck(kind)


def _stored_name(purpose: str, kind: str) -> str:
    """A random name (never the uploader's) with the extension of what the file really is."""
    return f"{purpose}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{KINDS[kind].extension}"


def _sha256(file) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(64 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def document_receive(upload, child, purpose: str, acting_user, allowed_kinds=ALL_KINDS, *,
                     field: str = "document") -> Document:
    """Keep a file someone sent about a child, in quarantine until the virus check passes.

    Raises ServiceError (on ``field``) if the file is too big, empty, or not a kind this place accepts.
    Call it inside the transaction of the record the file belongs to: the scan is queued when that commits.
    """
    check = upload_check(upload, allowed_kinds)
    if check.problem:
        raise ServiceError(check.problem, field=field)
    sha256 = _sha256(upload)
    storage = documents_storage()
    stored = storage.save(_stored_name(purpose, check.kind), upload)
    try:
        document = _received_row(upload, child, purpose, acting_user, check.kind, sha256, stored)
    except Exception:
        storage.delete(stored)  # no row, so no file either
        raise
    return document


def _received_row(upload, child, purpose: str, acting_user, kind: str, sha256: str, stored: str) -> Document:
    """The row and its audit event together; the scan is queued only once the caller's transaction commits, so
    the worker never looks for a row that was rolled back."""
    with transaction.atomic():
        document = Document.objects.create(
            child=child, purpose=purpose, original_name=(upload.name or "document")[-255:], kind=kind,
            content_type=KINDS[kind].content_type, size=upload.size, sha256=sha256, stored_name=stored,
            uploaded_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        )
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=document,
                           what=f"sent a document ({document.get_purpose_display().lower()})")
        transaction.on_commit(lambda: document_scan_enqueue(document))
    return document


def document_store_generated(content: bytes, name: str, child, purpose: str, kind: str = "pdf") -> Document:
    """Keep a file Pathfinder made itself (a plan PDF): clean from the start, marked as made by Pathfinder."""
    from django.core.files.base import ContentFile

    stored = documents_storage().save(_stored_name(purpose, kind), ContentFile(content))
    return Document.objects.create(
        child=child, purpose=purpose, original_name=name, kind=kind, content_type=KINDS[kind].content_type,
        size=len(content), sha256=hashlib.sha256(content).hexdigest(), stored_name=stored,
        status=DocumentStatus.CLEAN, made_by_pathfinder=True,
    )


def document_scan_enqueue(document: Document) -> None:
    from pathfinder.documents.tasks import document_scan_task

    document_scan_task.enqueue(document.pk)


def document_scan(document_id: int) -> Document:
    """Ask ClamAV about a file waiting in quarantine. Clean: it may be opened. A virus: refused, with the reason,
    and its content deleted. No scanner: it keeps waiting (and can be tried again)."""
    document = Document.objects.get(pk=document_id)
    if document.status != DocumentStatus.SCANNING:
        return document
    try:
        with document.open() as file:
            result = clamav.scan_file(file)
    except clamav.ScannerUnavailable:
        return document
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        if document.status != DocumentStatus.SCANNING:
            return document
        document.scanned_at = timezone.now()
        if result.clean:
            document.status = DocumentStatus.CLEAN
            what = "virus check passed"
        else:
            document.status = DocumentStatus.REFUSED
            document.status_reason = REFUSED_MESSAGE.format(signature=result.signature)[:300]
            what = f"virus check refused a document ({result.signature})"
        document.save(update_fields=["status", "status_reason", "scanned_at"])
        audit_event_record(acting_user=None, action=AuditAction.UPDATE, child=document.child, obj=document,
                           what=what)
        if not result.clean:
            _uploader_tell_refused(document)
    if not result.clean:
        documents_storage().delete(document.stored_name)  # never kept: the record says what happened
    return document


def _uploader_tell_refused(document: Document) -> None:
    """Whoever sent a refused file is asked for a different one (sent once the refusal commits). The day it was
    sent and a link to their own start page: never the file's name, which may name the child."""
    uploader = document.uploaded_by
    if uploader is None or not uploader.is_active:
        return
    name = home_page_for(uploader.role)
    try:
        where = link(reverse(name) if name else "/")
    except NoReverseMatch:
        where = link("/")
    message_send(to=Recipient.for_user(uploader), kind=messages.FILE_REFUSED.key, child=document.child,
                 values={"date": timezone.localdate(document.uploaded_at), "link": where})


def documents_waiting() -> QuerySet[Document]:
    """Files still in quarantine, oldest first."""
    return Document.objects.filter(status=DocumentStatus.SCANNING).order_by("uploaded_at")
