from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

import statutory
from pathfinder.assessments.constants import (
    AdviceKind,
    AssessmentKind,
    AssessmentStatus,
    ExceptionCode,
    ReceivedBy,
    RequestSource,
)
from statutory.rules import SEND_2014_IN_FORCE


def _period(code: str, citation: str) -> str:
    """Field help like "6 weeks: reg 5(1)", read from the rule book (as first enacted, so migrations stay put)."""
    return f"{statutory.rule_in_force(code, SEND_2014_IN_FORCE).duration_text}: {citation}"


class Assessment(models.Model):
    """A request for an EHC needs assessment and everything that follows it, up to the final plan.

    Status changes only through assessments.transitions.assessment_transition(), which checks the move,
    stamps the dates and writes the audit event in one transaction.
    """

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="assessments")
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.REQUESTED)
    kind = models.CharField(
        max_length=12, choices=AssessmentKind.choices, default=AssessmentKind.INITIAL,
        db_default=AssessmentKind.INITIAL.value,
        help_text="A first assessment, or a re-assessment of a child who already has a plan (regs 24-27)",
    )
    last_assessment_on = models.DateField(
        null=True, blank=True,
        help_text="For a re-assessment: when the last EHC needs assessment ended (reg 24(2) counts from it)",
    )
    request_source = models.CharField(max_length=1, choices=RequestSource.choices)
    requester_name = models.CharField(max_length=200, blank=True)
    received_by = models.CharField(max_length=10, choices=ReceivedBy.choices, default=ReceivedBy.EMAIL)
    received_on = models.DateField(help_text="The day the request counts as received: the clocks start here")
    arrived_on = models.DateField(
        null=True, blank=True, help_text="The day it arrived, if that was not a working day or after 5pm"
    )
    arrived_after_hours = models.BooleanField(default=False, help_text="It arrived after 5pm")
    request_summary = models.TextField(blank=True)

    decision_to_assess_on = models.DateField(null=True, blank=True)
    decided_to_assess = models.BooleanField(null=True)
    refusal_reasons = models.TextField(blank=True)

    decision_to_issue_on = models.DateField(null=True, blank=True)
    decided_to_issue = models.BooleanField(null=True)
    not_issue_reasons = models.TextField(blank=True)

    # Statutory due dates, stored when the request is recorded. Exceptions never move them (reg 10(4)),
    # so storing them is safe, and it lets timeliness be counted by the database at national scale.
    decision_due_on = models.DateField(null=True, help_text=_period("decision_to_assess", "reg 5(1)"))
    not_issue_due_on = models.DateField(null=True, help_text=_period("decision_not_to_issue", "reg 10(1)"))
    final_plan_due_on = models.DateField(null=True, help_text=_period("final_plan", "reg 13(2)"))
    final_plan_exception_applies = models.BooleanField(
        default=False, help_text=f"A {statutory.rule_in_force('final_plan', SEND_2014_IN_FORCE).amount}-week exception is recorded and "
        "shown (SEN2 Week20)"
    )

    # The assessment's clock runs until its plan is issued (reg 13(2)): the plan's workflow stamps these two
    # facts of the assessment when it sends the draft and issues the final plan, in the same transaction. They are
    # kept here, beside the due dates, so timeliness is counted from one indexed table at national scale.
    draft_served_on = models.DateField(null=True, blank=True)
    final_issued_on = models.DateField(null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)

    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        indexes = [
            models.Index(fields=["status", "received_on"]),
            models.Index(fields=["caseworker", "status"]),
            models.Index(fields=["received_on"]),
            # Covering indexes for the manager's timeliness figures (insights.selectors.council_timeliness).
            models.Index(fields=["decision_to_assess_on", "decided_to_assess", "decision_due_on"],
                         name="assess_decision_timeliness"),
            models.Index(fields=["decision_to_issue_on", "decided_to_issue", "not_issue_due_on"],
                         name="issue_decision_timeliness"),
            models.Index(fields=["final_issued_on", "final_plan_due_on", "final_plan_exception_applies"],
                         name="final_plan_timeliness"),
            # Open cases only: what caseworkers' worklists and the manager's caseloads read.
            models.Index(fields=["caseworker", "child"], name="open_cases_by_caseworker",
                         condition=models.Q(status__in=["requested", "assessing", "decided_to_issue"],
                                           final_issued_on__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"EHC needs assessment for {self.child} (received {self.received_on:%d %b %Y})"

    @property
    def where_it_is(self) -> str:
        """The case's stage in words. After the decision to issue, the assessment has ended and the plan it led to
        carries the stage ("Draft plan sent"); `plan` is the reverse side of plans.Plan.assessment."""
        plan = getattr(self, "plan", None)
        return plan.stage_label if plan is not None and self.status == AssessmentStatus.DECIDED_TO_ISSUE \
            else self.get_status_display()


class AssessmentException(models.Model):
    """An exception to the time limits. It never moves a deadline; it can excuse lateness it caused."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="exceptions")
    code = models.CharField(max_length=2, choices=ExceptionCode.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    evidence = models.TextField(help_text="What shows the exception happened")
    causal_note = models.TextField(
        blank=True, help_text="How it made the deadline impractical. Without this, lateness is not excused."
    )
    applies_to = models.CharField(
        max_length=40, blank=True, help_text="The step it is claimed for; blank means every step of the assessment"
    )
    family_told_on = models.DateField(null=True, blank=True, help_text="CoP 9.42: tell the family an exception applies")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()


class AdviceRequest(models.Model):
    """Advice asked for under reg 6(1), or existing advice reused with everyone's agreement (reg 6(4))."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="advice_requests")
    kind = models.CharField(max_length=1, choices=AdviceKind.choices)
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="advice_requests",
        help_text="The professional asked, if they use Pathfinder",
    )
    adviser_name = models.CharField(max_length=200)
    adviser_organisation = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="advice_requests",
        help_text="The organisation asked: the request waits in its queue and its members see the child",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="assigned_advice",
        help_text="The organisation's member doing it; empty while it waits in the queue",
    )
    requested_on = models.DateField(null=True, blank=True)
    received_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    document = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", help_text="The advice as the adviser sent it")
    reused_existing = models.BooleanField(default=False)
    reuse_agreed_by_adviser = models.BooleanField(default=False)
    reuse_agreed_by_council = models.BooleanField(default=False)
    reuse_agreed_by_family = models.BooleanField(default=False)
    reuse_source = models.CharField(max_length=200, blank=True, help_text="Which existing report is reused")
    exception_code = models.CharField(max_length=2, choices=ExceptionCode.choices, blank=True)
    exception_start = models.DateField(null=True, blank=True)
    exception_end = models.DateField(null=True, blank=True)
    exception_note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["adviser", "received_on"]),
            # The organisation's queue and the council's backlog: open requests by organisation and by kind.
            models.Index(fields=["organisation", "received_on", "requested_on"], name="advice_by_organisation"),
            models.Index(fields=["kind", "received_on", "requested_on"], name="advice_by_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.adviser_name}"


class AdviceNeed(models.Model):
    """Structured advice: one need the adviser saw."""

    advice = models.ForeignKey(AdviceRequest, on_delete=models.CASCADE, related_name="needs_seen")
    description = models.TextField()
    order = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["advice", "order", "id"]

    def __str__(self) -> str:
        return f"Need {self.order}"


class AdviceOutcome(models.Model):
    """Structured advice: one outcome the adviser recommends working towards."""

    advice = models.ForeignKey(AdviceRequest, on_delete=models.CASCADE, related_name="outcomes")
    description = models.TextField()
    order = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["advice", "order", "id"]

    def __str__(self) -> str:
        return f"Outcome {self.order}"


class AdviceProvision(models.Model):
    """Structured advice: provision the adviser recommends, in the plan's own terms (what, how much, how often,
    by whom), so the caseworker can add it to the draft plan without retyping it (plans.PlanProvision.from_advice).
    """

    advice = models.ForeignKey(AdviceRequest, on_delete=models.CASCADE, related_name="provisions")
    description = models.TextField(help_text="What should be done")
    amount = models.CharField(max_length=120, blank=True)
    frequency = models.CharField(max_length=120, blank=True)
    provided_by = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["advice", "order", "id"]

    def __str__(self) -> str:
        return f"Provision {self.order} from {self.advice}"


class AdviceCorrection(models.Model):
    """A correction an adviser sends after the council has received their advice.

    Received advice is closed: the original stays on the AdviceRequest as the council received it, and each
    correction is a new numbered version beside it, so the caseworker sees both and nothing is overwritten.
    """

    advice = models.ForeignKey(AdviceRequest, on_delete=models.CASCADE, related_name="corrections")
    number = models.PositiveIntegerField(help_text="2 for the first correction: the original advice is version 1")
    summary = models.TextField()
    reason = models.TextField(help_text="What was wrong or missing in the earlier version")
    document = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["advice", "number"]
        constraints = [
            models.UniqueConstraint(fields=["advice", "number"], name="one_number_per_advice_correction"),
        ]

    def __str__(self) -> str:
        return f"Correction {self.number} to {self.advice}"
