"""Size limits on uploads: a cap on the request body, and a handler that drops a file over the limit as it streams.

Why an upload handler and a middleware: Django reads a whole upload before a form can look at its size. The
middleware refuses a body bigger than any form may send before it is read; the handler drops (without keeping)
a file over the limit while it streams, noting it on the request so the form says so and keeps what was typed.
Every upload in Pathfinder goes through these (FILE_UPLOAD_HANDLERS, MIDDLEWARE), whichever domain's form it is.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest
from django.shortcuts import render


def max_upload_bytes() -> int:
    return settings.FILE_UPLOAD_MAX_SIZE


def max_upload_text() -> str:
    """E.g. "50MB", as the GOV.UK file upload pattern writes it (KB below 1MB)."""
    size = max_upload_bytes()
    return f"{size // (1024 * 1024)}MB" if size >= 1024 * 1024 else f"{size // 1024}KB"


def size_message() -> str:
    return f"The selected file must be smaller than {max_upload_text()}"


def upload_refusals(request: HttpRequest) -> dict:
    """The files the upload handler dropped for being too big, for a form's ``refused_files`` to explain."""
    return {"refused_files": getattr(request, "refused_uploads", set())}


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
            return render(request, "documents/upload_too_large.html", {
                "page_title": "The file is too big", "limit": max_upload_text(),
            }, status=413)
        return self.get_response(request)
