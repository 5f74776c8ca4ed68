"""Appeals to the First-tier Tribunal (SEND) and what the council must do after them.

An ``Appeal`` is made against one ``disagreements.AppealableDecision``. What the council must then do rests on a
``TribunalOrder``: the Tribunal's order (reg 44), the council's decision not to oppose (reg 45) or a mediation
agreement about an appealable decision (reg 42(2)); each becomes ``OrderDuty`` rows with their due dates, worked
out by ``statutory.order_duties`` / ``statutory.unopposed_duties`` and stored so lists can ask the database what
is overdue. Ordered provision and health and social care recommendations are tracked to their end.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from pathfinder.tribunal.constants import (
    ORDER_KIND_CHOICES,
    AppealOutcome,
    AppealStatus,
    DutyBasis,
    RecommendationArea,
)


class Appeal(models.Model):
    """One appeal the Tribunal has registered and sent to the council. Its status changes only in appeals.py."""

    decision = models.ForeignKey("disagreements.AppealableDecision", on_delete=models.PROTECT,
                                 related_name="appeals")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="tribunal_appeals",
                              help_text="The decision's child, kept here so lists need no join")
    reference = models.CharField(max_length=40, unique=True, help_text="The Tribunal's reference, e.g. EH123/26/00001")
    registered_on = models.DateField(help_text="The day the Tribunal registered the appeal")
    notified_on = models.DateField(help_text="The day the Tribunal sent the appeal to the council")
    grounds = models.TextField(help_text="What the family says is wrong, in their words where possible")
    sections = models.JSONField(default=list, blank=True, help_text='Plan sections in dispute ("B", "F", "I")')
    certificate_needed = models.BooleanField(default=True, help_text="A mediation certificate was needed to appeal")
    certificate_on = models.DateField(null=True, blank=True, help_text="The mediation certificate given, if any")
    response_due = models.DateField(help_text="The council's response to the Tribunal is due")
    response_sent_on = models.DateField(null=True, blank=True)
    not_opposed_on = models.DateField(null=True, blank=True,
                                      help_text="The day the council told the Tribunal it would not oppose")
    hearing_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=AppealOutcome.choices, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=AppealStatus.choices, default=AppealStatus.REGISTERED)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-registered_on", "-pk"]
        indexes = [models.Index(fields=["status", "response_due"]), models.Index(fields=["outcome", "outcome_on"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(notified_on__gte=models.F("registered_on")),
                                   name="tribunal_appeal_notified_after_registered"),
        ]

    def __str__(self) -> str:
        return f"Appeal {self.reference}"

    @property
    def sections_text(self) -> str:
        return ", ".join(self.sections) if self.sections else "None"


class TribunalOrder(models.Model):
    """What the council must do and from which day: an order, not opposing, or a mediation agreement."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="tribunal_orders")
    appeal = models.ForeignKey(Appeal, null=True, blank=True, on_delete=models.PROTECT, related_name="orders")
    basis = models.CharField(max_length=12, choices=DutyBasis.choices, default=DutyBasis.ORDER)
    kind = models.CharField(max_length=24, choices=ORDER_KIND_CHOICES)
    made_on = models.DateField(help_text="The order's date, the day the Tribunal was told, or the agreement's date")
    source_type = models.CharField(max_length=60, blank=True, help_text='For an agreement: e.g. "disagreements.mediation"')
    source_id = models.CharField(max_length=40, blank=True)
    details = models.TextField(blank=True, help_text="What the order says, in its words")
    decided_to_issue = models.BooleanField(null=True, blank=True,
                                           help_text="After an ordered assessment: a plan (True) or no plan (False)")
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-made_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source_type", "source_id"], condition=~models.Q(source_type=""),
                                    name="tribunal_one_order_per_agreement"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.made_on:%d %B %Y})"


class OrderDuty(models.Model):
    """One dated duty of an order (a step of ``statutory.order_duties``), kept in step with the law's answer."""

    order = models.ForeignKey(TribunalOrder, on_delete=models.CASCADE, related_name="duties")
    step = models.CharField(max_length=40)
    label = models.CharField(max_length=200)
    citation = models.CharField(max_length=200)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    applies = models.BooleanField(default=True, help_text="False once the duty has gone (e.g. the other branch)")
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["order", "step"], name="tribunal_one_duty_per_step")]
        indexes = [models.Index(fields=["done_on", "applies", "due_on"])]

    def __str__(self) -> str:
        return f"{self.label} by {self.due_on:%d %B %Y}"


class OrderException(models.Model):
    """A reg 44(3) exception claimed on an order, recorded as an assessment's are: it never moves a date, and it
    excuses lateness only with a note saying how it made the time limit impractical."""

    order = models.ForeignKey(TribunalOrder, on_delete=models.CASCADE, related_name="exceptions")
    code = models.CharField(max_length=8)
    period_start = models.DateField()
    period_end = models.DateField()
    evidence = models.TextField(help_text="What shows the exception happened")
    causal_note = models.TextField(blank=True, help_text="How it made the time limit impractical")
    applies_to = models.CharField(max_length=40, blank=True, help_text="The duty it is claimed for; blank for all")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()


class OrderedProvision(models.Model):
    """An item of provision the order names ("20 hours of speech and language therapy a term"), until delivered."""

    order = models.ForeignKey(TribunalOrder, on_delete=models.CASCADE, related_name="provision")
    description = models.CharField(max_length=300)
    delivered_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True, help_text="What shows it is being delivered")
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]


class Recommendation(models.Model):
    """A health or social care recommendation the Tribunal made, and the response it needs within its time."""

    appeal = models.ForeignKey(Appeal, on_delete=models.PROTECT, related_name="recommendations")
    area = models.CharField(max_length=12, choices=RecommendationArea.choices)
    made_on = models.DateField()
    text = models.TextField(help_text="The recommendation, in the Tribunal's words")
    response_due = models.DateField()
    responded_on = models.DateField(null=True, blank=True)
    will_follow = models.BooleanField(null=True, blank=True)
    response = models.TextField(blank=True, help_text="What was decided and, if not following it, why")
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["response_due", "pk"]
        indexes = [models.Index(fields=["responded_on", "response_due"])]
