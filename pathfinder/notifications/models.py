"""The outbox: every message we send (or would send) to a family member or a professional.

Why keep every one: the council must be able to show that the family was told (and when, and how), and a failed
delivery must be seen and followed up. The body holds no personal data (see kinds.py); the child's id is kept
for the audit trail and for the caseworker's view of their own cases' messages, never shown in the message.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    SMS = "sms", "Text message"
    LETTER = "letter", "Letter"


class MessageStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to be sent"
    OUTBOX = "outbox", "In the outbox (not sent)"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Not delivered"
    LETTER_TO_PRINT = "letter_to_print", "Letter to print"
    PRINTED = "printed", "Printed and posted"


class Message(models.Model):
    """One message to one person by one channel."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages_received",
        help_text="Empty for a family member without a sign-in",
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    to_email = models.EmailField(blank=True)
    to_phone = models.CharField(max_length=40, blank=True)
    to_address = models.TextField(blank=True, help_text="The postal address, for a letter")
    kind = models.CharField(max_length=80)
    values = models.JSONField(default=dict, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    # The child the message is about: for the audit trail and the caseworker's view, never in the body. Not a
    # foreign key: people sits above notifications in the layers, and a message outlives nothing it points at.
    child_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=20, choices=MessageStatus.choices, default=MessageStatus.QUEUED)
    failure_reason = models.CharField(max_length=300, blank=True)
    notify_id = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    status_updated_at = models.DateTimeField(null=True, blank=True)
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "channel"]), models.Index(fields=["kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.kind} ({self.get_status_display()})"

    @property
    def to_display(self) -> str:
        """Where it goes, as the outbox shows it."""
        if self.channel == Channel.EMAIL:
            return self.to_email
        if self.channel == Channel.SMS:
            return self.to_phone
        return self.to_address.splitlines()[0] if self.to_address else ""
