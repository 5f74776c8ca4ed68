"""Complaints to the Local Government and Social Care Ombudsman about a child's case, and the remedies agreed.

The Ombudsman investigates maladministration (Local Government Act 1974, Part 3) and recommends remedies, each with
a date the council must comply by; councils report compliance to the Ombudsman. A remedy not done by its date is on
the worklist, because a missed remedy is reported publicly.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class ComplaintStatus(models.TextChoices):
    INVESTIGATING = "investigating", "The Ombudsman is looking into it"
    DECIDED = "decided", "The Ombudsman has decided"
    CLOSED = "closed", "Closed: every remedy done"


class Finding(models.TextChoices):
    UPHELD_INJUSTICE = "upheld_injustice", "Upheld: fault causing injustice"
    UPHELD_NO_INJUSTICE = "upheld_no_injustice", "Upheld: fault but no injustice"
    NOT_UPHELD = "not_upheld", "Not upheld: no fault"
    NOT_INVESTIGATED = "not_investigated", "Not investigated"


class OmbudsmanComplaint(models.Model):
    """One complaint to the Ombudsman about the council's handling of a child's case."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="ombudsman_complaints")
    reference = models.CharField(max_length=30, blank=True, help_text="The Ombudsman's reference")
    received_on = models.DateField(help_text="The day the council heard of the complaint from the Ombudsman")
    complaint = models.TextField(help_text="What the family complained about")
    status = models.CharField(max_length=16, choices=ComplaintStatus.choices, default=ComplaintStatus.INVESTIGATING)
    finding = models.CharField(max_length=20, choices=Finding.choices, blank=True)
    finding_on = models.DateField(null=True, blank=True)
    finding_summary = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-pk"]

    def __str__(self) -> str:
        return f"Ombudsman complaint {self.reference or self.pk} ({self.get_status_display()})"


class Remedy(models.Model):
    """One thing the Ombudsman asked the council to do (an apology, a payment, a service review), by a date."""

    complaint = models.ForeignKey(OmbudsmanComplaint, on_delete=models.PROTECT, related_name="remedies")
    description = models.CharField(max_length=300)
    due_on = models.DateField(help_text="The day the Ombudsman asked it to be done by")
    done_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name_plural = "remedies"
        indexes = [models.Index(fields=["done_on", "due_on"])]

    def __str__(self) -> str:
        return self.description
