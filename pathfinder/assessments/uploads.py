"""Checks on advice documents: their real type from their content, their size, and a cap on the request body.

Why not trust the file name: a Windows program renamed ``report.pdf`` or the EICAR test file (a text ``.com``
file) passed a check by extension alone. Here the first bytes decide: a PDF starts ``%PDF-``; a Word (.docx) or
OpenDocument (.odt) file is a zip whose inner content types say it is a word-processing document. Anything
else is refused. This is not virus scanning (that comes in a later issue); it keeps programs, scripts and test
viruses out because none of them is a PDF, .docx or .odt document.

Why an upload handler and a middleware: Django reads a whole upload before a form can look at its size. The
middleware refuses a body bigger than any form may send before it is read; the handler drops (without keeping)
a file over the limit while it streams, noting it on the request so the form says so and keeps what was typed.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.shortcuts import render

DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ALLOWED_EXTENSIONS = {"pdf": "pdf", "docx": "docx", "odt": "odt"}
TYPE_MESSAGE = "The selected file must be a PDF, Word (.docx) or OpenDocument (.odt) document"


def max_upload_bytes() -> int:
    return settings.FILE_UPLOAD_MAX_SIZE


def max_upload_text() -> str:
    """E.g. "10MB", as the GOV.UK file upload pattern writes it (KB below 1MB)."""
    size = max_upload_bytes()
    return f"{size // (1024 * 1024)}MB" if size >= 1024 * 1024 else f"{size // 1024}KB"


def size_message() -> str:
    return f"The selected file must be smaller than {max_upload_text()}"


@dataclass(frozen=True)
class DocumentCheck:
    kind: str  # "pdf", "docx", "odt" or "" when refused
    problem: str = ""


def _zip_kind(head: bytes, upload) -> str:
    upload.seek(0)
    data = upload.read(max_upload_bytes() + 1)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype" and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                if DOCX_MAIN in archive.read("[Content_Types].xml"):
                    return "docx"
    except (zipfile.BadZipFile, KeyError, RuntimeError, ValueError, OSError):
        return ""
    return ""


def document_kind(upload) -> str:
    """"pdf", "docx" or "odt" from the file's content, or "" if it is none of them."""
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(head, upload)
        upload.seek(0)
        return kind
    return ""


def check_document(upload) -> DocumentCheck:
    """The type the content shows, and a GOV.UK-style message if the file must be refused."""
    if upload.size > max_upload_bytes():
        return DocumentCheck("", size_message())
    if upload.size == 0:
        return DocumentCheck("", "The selected file is empty")
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    kind = document_kind(upload)
    if not kind or ALLOWED_EXTENSIONS.get(extension) != kind:
        return DocumentCheck("", TYPE_MESSAGE)
    return DocumentCheck(kind)


def safe_name(kind: str) -> str:
    """Stored under a random name with the extension of what it really is (never the uploader's name)."""
    return f"advice-{uuid.uuid4().hex}.{kind}"


class SizeLimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: a file over the limit is dropped while it streams (never kept on disk or
    in memory), and its form field is listed in ``request.refused_uploads`` so the form can say why, keeping
    every other field the user filled in."""

    def __init__(self, request=None) -> None:
        super().__init__(request)
        self._received = 0
        if request is not None:
            request.refused_uploads = set()

    def new_file(self, field_name, *args, **kwargs) -> None:
        super().new_file(field_name, *args, **kwargs)
        self._received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self._received += len(raw_data)
        if self._received > max_upload_bytes():
            if self.request is not None:
                self.request.refused_uploads.add(self.field_name)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int):
        return None


def max_body_bytes() -> int:
    """The largest request body read at all: the largest file plus the rest of a form."""
    return max_upload_bytes() + settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class RequestBodyLimitMiddleware:
    """Refuses a request whose body is bigger than any form may send, before anything reads it (413).

    Last in MIDDLEWARE so the page can use the signed-in layout; it answers before any view hook (CSRF) reads
    the body.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_body_bytes():
            return render(request, "assessments/upload_too_large.html", {
                "page_title": "The file is too big", "limit": max_upload_text(),
            }, status=413)
        return self.get_response(request)
