"""An annual review of a final EHC plan (CFA s.44; SEND Regulations 2014 regs 18 to 21).

A review hangs off the final plan it reviews (and through it the child). Its status changes only through
reviews.workflow; its deadlines come from statutory.reviews.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class ReviewKind(models.TextChoices):
    ANNUAL = "annual", "Annual review"
    EARLY_YEARS = "early_years", "Early years review (child under 5)"
    PHASE_TRANSFER = "phase_transfer", "Phase transfer review"
    AFTER_TRANSFER_IN = "after_transfer_in", "Review after the plan came from another council"


class ReviewStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    MEETING_ARRANGED = "meeting_arranged", "Meeting arranged"
    MEETING_HELD = "meeting_held", "Meeting held"
    REPORT_RECEIVED = "report_received", "Report received"
    DECIDED = "decided", "Decided"
    CANCELLED = "cancelled", "Cancelled"


OPEN_STATUSES = (ReviewStatus.PLANNED, ReviewStatus.MEETING_ARRANGED, ReviewStatus.MEETING_HELD,
                 ReviewStatus.REPORT_RECEIVED)


class ReviewDecision(models.TextChoices):
    MAINTAIN = "maintain", "Keep the plan as it is"
    AMEND = "amend", "Amend the plan"
    CEASE = "cease", "Stop the plan (cease it)"


class Review(models.Model):
    """One review of one final plan: the meeting, its report and the council's decision."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="reviews",
                             help_text="The final plan reviewed")
    kind = models.CharField(max_length=20, choices=ReviewKind.choices, default=ReviewKind.ANNUAL)
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PLANNED)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    started_on = models.DateField()
    previous_reviewed_on = models.DateField(
        null=True, blank=True, help_text="The plan's last review before this one (the year this review is due in)")
    meeting_on = models.DateField(null=True, blank=True, help_text="The day of the review meeting")
    meeting_place = models.CharField(max_length=200, blank=True)
    late_notice_reason = models.TextField(
        blank=True, help_text="Why the meeting has less than the notice the law requires (shown as late)")
    run_by = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="reviews_run",
        help_text="The school or setting that runs the meeting; empty if the council runs it",
    )
    advice_circulated_on = models.DateField(null=True, blank=True)
    report_received_on = models.DateField(null=True, blank=True)
    recommendations = models.TextField(blank=True)
    disagreements = models.TextField(blank=True)
    decision = models.CharField(max_length=10, choices=ReviewDecision.choices, blank=True)
    decided_on = models.DateField(null=True, blank=True, help_text="The day the family was told the decision")
    decision_reasons = models.TextField(blank=True)
    amendment = models.ForeignKey("plans.Plan", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="from_reviews", help_text="The amendment this review proposed")
    cessation = models.ForeignKey("ceasing.Cessation", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="from_reviews", help_text="The proposal to cease this review made")
    cancelled_reason = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=models.Q(status__in=["planned", "meeting_arranged", "meeting_held",
                                                                "report_received"]),
                name="one_open_review_per_plan"),
        ]
        indexes = [models.Index(fields=["status", "meeting_on"], name="review_status_meeting")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.plan}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class InviteeRole(models.TextChoices):
    """Who must be invited (reg 20(2)(a) to (e))."""

    FAMILY = "family", "Parent or young person"
    HEAD = "head", "Head teacher, principal or early years provider"
    SEN_OFFICER = "sen_officer", "Council SEN officer"
    HEALTH = "health", "Health professional named by the integrated care board"
    SOCIAL_CARE = "social_care", "Council social care officer"
    OTHER = "other", "Someone else"


class ReviewInvitee(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="invitees")
    role = models.CharField(max_length=12, choices=InviteeRole.choices)
    name = models.CharField(max_length=200)
    organisation = models.ForeignKey("organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    invited_on = models.DateField(null=True, blank=True)
    attended = models.BooleanField(null=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]


class ReviewAdvice(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="advice")
    from_whom = models.CharField(max_length=200)
    received_on = models.DateField()
    circulated_on = models.DateField(null=True, blank=True)
    document = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["received_on", "pk"]


class OutcomeProgress(models.Model):
    """Progress towards one outcome of section E, as discussed at the meeting (reg 20(5))."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="progress")
    outcome = models.ForeignKey("plans.PlanOutcome", on_delete=models.PROTECT, related_name="review_progress")
    progress = models.TextField()
    on_track = models.BooleanField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["outcome__order", "pk"]
        constraints = [models.UniqueConstraint(fields=["review", "outcome"], name="one_progress_per_outcome")]
