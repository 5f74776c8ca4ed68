"""A proposal to cease an EHC plan and what became of it (CFA s.45, SEND Regulations 2014 regs 29 to 31)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

import statutory


class CessationStatus(models.TextChoices):
    PROPOSED = "proposed", "Ceasing proposed"
    CONSULTING = "consulting", "Consulting the family and the school or college"
    DECIDED = "decided", "Decided to cease: the plan stays in force until the appeal period ends"
    CEASED = "ceased", "Plan ceased"
    WITHDRAWN = "withdrawn", "Not ceased: the plan continues"


OPEN_STATUSES = (CessationStatus.PROPOSED, CessationStatus.CONSULTING, CessationStatus.DECIDED)

REASON_CHOICES = [(r.code, r.label) for r in statutory.CEASE_REASONS.values()]  # SEN2 CeaseReason 1 to 9


class Cessation(models.Model):
    """One proposal to cease a plan. Its status changes only through ceasing.workflow.

    The plan itself stays final (and its provision continues) until the cessation takes effect: after the time to
    appeal has passed with no appeal, or when the Tribunal dismisses an appeal. Then the plan moves to "ceased".
    """

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="cessations")
    reason = models.CharField(max_length=1, choices=REASON_CHOICES, help_text="SEN2 CeaseReason")
    legal_ground = models.TextField(help_text="The ground in law, as it stood when ceasing was proposed")
    proposed_on = models.DateField()
    in_education_or_training = models.BooleanField(default=True)
    reviewed_does_not_wish_to_return = models.BooleanField(
        default=False, help_text="A review found the young person does not wish to return to education (reg 30)",
    )
    family_consulted_on = models.DateField(null=True, blank=True)
    head_consulted_on = models.DateField(null=True, blank=True)
    views_received = models.TextField(blank=True, help_text="What the family and the school or college said")
    decided_on = models.DateField(null=True, blank=True, help_text="The day the decision notice was sent")
    notice_includes_rights = models.BooleanField(
        default=False, help_text="The notice gave the right to appeal, its time limit and mediation (reg 31(2))",
    )
    mediation_certificate_on = models.DateField(
        null=True, blank=True, help_text="A mediation certificate issued late in the period gives a month from it",
    )
    appeal_lodged_on = models.DateField(null=True, blank=True)
    appeal_decided_on = models.DateField(null=True, blank=True)
    appeal_upheld = models.BooleanField(null=True, blank=True, help_text="The Tribunal said the plan must continue")
    ceases_on = models.DateField(null=True, blank=True, help_text="The first day the plan was no longer in force")
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=CessationStatus.choices, default=CessationStatus.PROPOSED)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-proposed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=models.Q(status__in=[s.value for s in OPEN_STATUSES]),
                name="ceasing_one_open_cessation_per_plan",
            ),
        ]
        indexes = [models.Index(fields=["status", "decided_on"]), models.Index(fields=["ceases_on"])]

    def __str__(self) -> str:
        return f"Cessation of plan {self.plan_id} ({self.get_status_display()})"

    @property
    def reason_code(self) -> str:
        """The SEN2 CeaseReason, "1" to "9"."""
        return self.reason

    @property
    def cease_reason(self) -> statutory.CeaseReason:
        return statutory.cease_reason(self.reason_code)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def in_force_until(self):
        """The last day the plan stays in force after the decision, or None (not decided, or an appeal waits)."""
        if self.decided_on is None:
            return None
        return statutory.plan_in_force_until(self.decided_on, self.appeal_lodged_on, self.appeal_decided_on,
                                             certificate_issued_on=self.mediation_certificate_on)

    @property
    def appeal(self) -> statutory.AppealDates | None:
        if self.decided_on is None:
            return None
        return statutory.appeal_dates(self.decided_on, certificate_issued=self.mediation_certificate_on)
