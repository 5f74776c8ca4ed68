"""A document about a child: a file someone sent, or one Pathfinder made, with what it really is and whether it
is safe to open.

Why one model for every file: advice, corrections, the family's uploads, the child's own pictures and recordings
and the final plan's PDF all need the same care (type from content, a virus check, private storage, downloads
only through a checked and audited view). The file lives in the storage named "documents" (settings.STORAGES)
under a random name; the name the uploader gave is kept only to show and to name the download.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models

from pathfinder.documents.kinds import KINDS

WAITING_MESSAGE = "We are checking this file for viruses. It cannot be opened until the check is done."
REFUSED_FALLBACK = "This file was refused, so it cannot be opened."


class DocumentPurpose(models.TextChoices):
    """Why the document is kept. Who may download it depends on this (documents.access)."""

    ADVICE = "advice", "Advice for an EHC needs assessment"
    ADVICE_CORRECTION = "advice_correction", "Correction to advice"
    PLAN_PDF = "plan_pdf", "EHC plan (PDF)"
    FAMILY_UPLOAD = "family_upload", "Sent by the family"
    CHILD_VIEWS = "child_views", "The child's or young person's views"
    DIRECT_PAYMENT_AGREEMENT = "dp_agreement", "Signed direct payment agreement"


class DocumentStatus(models.TextChoices):
    """Whether the file may be opened. A new upload waits in quarantine until the virus check says it is clean."""

    SCANNING = "scanning", "Scanning"
    CLEAN = "clean", "Clean"
    REFUSED = "refused", "Refused"


def documents_storage():
    """The storage documents live in (a private folder, or object storage: see README)."""
    return storages["documents"]


class Document(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False,
                                 help_text="Used in addresses, so a document's address cannot be guessed")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="documents")
    purpose = models.CharField(max_length=24, choices=DocumentPurpose.choices)
    original_name = models.CharField(max_length=255, help_text="The name it was sent with: shown, never a path")
    kind = models.CharField(max_length=8, help_text="What the content shows it is (documents.kinds)")
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(help_text="In bytes")
    sha256 = models.CharField(max_length=64)
    stored_name = models.CharField(max_length=255, help_text="Its random name in the documents storage")
    status = models.CharField(max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.SCANNING)
    status_reason = models.CharField(max_length=300, blank=True, help_text="Why it was refused, in plain English")
    made_by_pathfinder = models.BooleanField(default=False, help_text="Made here (a plan PDF), so not scanned")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    scanned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["child", "purpose"]),
            models.Index(fields=["status"], condition=models.Q(status="scanning"), name="documents_waiting"),
        ]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"

    @property
    def is_clean(self) -> bool:
        return self.status == DocumentStatus.CLEAN

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind].label if self.kind in KINDS else self.kind

    @property
    def size_text(self) -> str:
        """E.g. "2.4MB" or "820KB", as GOV.UK pages write sizes."""
        if self.size >= 1024 * 1024:
            return f"{self.size / (1024 * 1024):.1f}MB"
        return f"{max(1, round(self.size / 1024))}KB"

    @property
    def status_message(self) -> str:
        """What a page says about a file that cannot be opened (empty once it is clean)."""
        if self.status == DocumentStatus.SCANNING:
            return WAITING_MESSAGE
        if self.status == DocumentStatus.REFUSED:
            return self.status_reason or REFUSED_FALLBACK
        return ""

    @property
    def download_name(self) -> str:
        """The name it was sent with, ending in the extension of what it really is."""
        extension = KINDS[self.kind].extension if self.kind in KINDS else "bin"
        stem = self.original_name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
        stem = stem.rsplit(".", 1)[0] if "." in stem else stem
        return f"{stem or 'document'}.{extension}"

    def open(self, mode: str = "rb"):
        """The stored file, for reading (documents are never changed once kept)."""
        if mode != "rb":
            raise ValueError("Documents are opened for reading only")
        return documents_storage().open(self.stored_name, "rb")
