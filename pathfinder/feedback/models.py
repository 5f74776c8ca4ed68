"""Families' comments on the Local Offer (SEND Regulations 2014, reg 56).

A comment's own words and the sender's name and email are private for ever. What the public sees is the
wording the officer approved (`published_text`), which must not identify anyone (reg 56(3)).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from pathfinder.feedback.constants import (
    CommentStatus,
    CommentTopic,
    NotPublishedReason,
    SenderKind,
)


class Comment(models.Model):
    """One comment from a child, young person, parent or carer about the Local Offer or one service in it."""

    topic = models.CharField(max_length=20, choices=CommentTopic.choices)
    service_id = models.CharField(max_length=64, blank=True, db_index=True, help_text="The directory service's id")
    service_name = models.CharField(
        max_length=200, blank=True, help_text="The service's name when the comment was left, kept if it is removed"
    )
    text = models.TextField(help_text="The words as sent. Private: never shown to the public.")
    name = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    sender_kind = models.CharField(max_length=20, choices=SenderKind.choices, blank=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    status = models.CharField(max_length=20, choices=CommentStatus.choices, default=CommentStatus.RECEIVED)
    published_text = models.TextField(blank=True, help_text="The wording shown publicly, with nothing identifying")
    not_published_reason = models.CharField(max_length=20, choices=NotPublishedReason.choices, blank=True)
    not_published_note = models.TextField(blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    response = models.TextField(blank=True, help_text="The council's response, published with the comment")
    action = models.TextField(blank=True, help_text="What the council will do, or has done")
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "received_at"])]

    def __str__(self) -> str:
        return f"Comment {self.pk} ({self.get_topic_display()})"

    @property
    def year(self) -> int:
        return self.received_at.year


class AnonymousSend(models.Model):
    """One comment or report sent without signing in: only a keyed hash of the address and the time.

    Used to limit how often one internet address can send (spam protection without third parties). Rows older
    than a day are of no use and are deleted as new ones arrive.
    """

    purpose = models.CharField(max_length=20)
    sender_key = models.CharField(max_length=64)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["sender_key", "purpose", "sent_at"])]
