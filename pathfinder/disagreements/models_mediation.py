"""Mediation on an appealable decision (SEND Regulations 2014, regs 32 to 42; spec 6.2).

One mediation per decision. Its status changes only through ``disagreements.mediation`` (core.workflow); the dates
are the law's facts (``statutory.MediationFacts``), so every clock and check is statutory's. The mediation service
is an organisation (kind "mediation"): its members see the mediations referred to it and nothing else.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class MediationStatus(models.TextChoices):
    ADVISER_CONTACTED = "adviser_contacted", "Family contacted the mediation adviser"
    COUNCIL_INFORMED = "council_informed", "Family wants mediation: the council has been told"
    ARRANGED = "arranged", "Mediation arranged"
    CANNOT_ARRANGE = "cannot_arrange", "Mediation cannot be arranged in time"
    HELD = "held", "Mediation held"
    CERTIFICATE = "certificate", "Certificate issued: the family may appeal"
    AGREEMENT_DONE = "agreement_done", "What was agreed has been done"


class MediationCase(models.Model):
    """What happened in one mediation, step by step, with the service it was referred to."""

    decision = models.OneToOneField("disagreements.AppealableDecision", on_delete=models.PROTECT,
                                    related_name="mediation")
    mediation_service = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="mediations",
        help_text="The mediation service the case is referred to: only its members see it",
    )
    status = models.CharField(max_length=20, choices=MediationStatus.choices,
                              default=MediationStatus.ADVISER_CONTACTED)
    adviser_contacted = models.DateField(help_text="The day the family contacted the mediation adviser (reg 33)")
    wants_mediation = models.BooleanField(null=True, blank=True)
    adviser_certificate = models.DateField(null=True, blank=True)
    council_informed = models.DateField(null=True, blank=True)
    issues = models.TextField(blank=True, help_text="What the family disagrees with, as they told the council")
    health_in_issue = models.BooleanField(default=False)
    health_sought = models.TextField(blank=True, help_text="The health care provision the family is asking for")
    health_notified = models.DateField(null=True, blank=True)
    arranged_for = models.DateField(null=True, blank=True)
    council_cannot_arrange = models.DateField(null=True, blank=True)
    deemed_certificate = models.DateField(null=True, blank=True)
    mediation_held = models.DateField(null=True, blank=True)
    mediator_certificate = models.DateField(null=True, blank=True)
    agreement_on = models.DateField(null=True, blank=True)
    agreement_appealable = models.BooleanField(null=True, blank=True)
    council_party = models.BooleanField(default=True)
    agreement_summary = models.TextField(blank=True)
    agreement_done = models.DateField(null=True, blank=True)
    council_told_of_agreement = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-adviser_contacted", "-pk"]
        indexes = [models.Index(fields=["mediation_service", "status"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"Mediation on {self.decision} ({self.get_status_display()})"
