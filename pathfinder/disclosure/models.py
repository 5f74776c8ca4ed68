"""A family's request for the data the council holds about a child (a subject access request) and its clock.

Why a record and not only the pack: the council must answer within one month of receipt (UK GDPR Art.12(3)),
extendable by two further months for a complex or numerous request if it tells the person in the first month, so
the request needs a due date on the caseworker's worklist, and who asked, when, whether it was extended and why,
and when it was answered must be kept. The status changes only through ``disclosure.subject_access_workflow``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class RequesterRelation(models.TextChoices):
    YOUNG_PERSON = "young_person", "The young person themselves"
    PARENT = "parent", "A parent or carer, for their child"
    REPRESENTATIVE = "representative", "Someone acting for them, for example a solicitor or advocate"


class SubjectAccessStatus(models.TextChoices):
    RECEIVED = "received", "Received: to answer"
    EXTENDED = "extended", "Extended: to answer"
    ANSWERED = "answered", "Answered"


OPEN_STATUSES = (SubjectAccessStatus.RECEIVED, SubjectAccessStatus.EXTENDED)


class SubjectAccessRequest(models.Model):
    """One request for a child's data: who asked, the clock (statutory.subject_access_clock) and the answer."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="subject_access_requests")
    requester_name = models.CharField("Who asked", max_length=200)
    relation = models.CharField("Their relation to the child", max_length=16, choices=RequesterRelation.choices)
    received_on = models.DateField("Date the request arrived")
    identity_confirmed_on = models.DateField(
        "Date we received what we asked for to confirm who is asking", null=True, blank=True,
        help_text="Empty if we did not need to ask; the time to answer runs from this day if it is later")
    extended_on = models.DateField("Date we told them we need longer", null=True, blank=True)
    extension_reason = models.TextField("Why we need longer", blank=True)
    due_on = models.DateField(help_text="The last day to answer (statutory.subject_access_clock), kept for the worklist")
    answered_on = models.DateField("Date we answered", null=True, blank=True)
    pack_produced_on = models.DateField("Date the subject access pack was produced for the answer", null=True,
                                        blank=True)
    status = models.CharField(max_length=10, choices=SubjectAccessStatus.choices,
                              default=SubjectAccessStatus.RECEIVED)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(due_on__gte=models.F("received_on")),
                                   name="subject_access_due_after_receipt"),
        ]
        # The worklist: open requests by due date, across the council.
        indexes = [models.Index(fields=["status", "due_on"], name="subject_access_status_due")]

    def __str__(self) -> str:
        return f"Subject access request from {self.requester_name} received {self.received_on:%-d %B %Y}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES
