"""A family's request for a personal budget, the indicative budgets worked out for it, and the agreed budget
lines, each tied to the provision it pays for (CFA s.49; SEND Personal Budgets Regulations 2014).

    BudgetRequest ──< IndicativeBudget (one per stream: the RAS answer by answer, the reasons letter)
         │
         └──< BudgetLine (tied to a PlanProvision in F, G or H) ──< BudgetLineShare (who pays how much, agreed)
                     │
                     └── paid as a DirectPayment, an organised arrangement or a third-party arrangement

The request's status changes only through budgets.workflow. Money is Decimal pounds and pence, never float.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from pathfinder.budgets.models_ras import AllocationSystem, RasBand, Stream


class RequestStage(models.TextChoices):
    """When a personal budget may be asked for (PB Regs reg 4)."""

    DRAFT_PLAN = "draft_plan", "While the plan is being drafted"
    REVIEW = "review", "At a review of the plan"
    REASSESSMENT = "reassessment", "During a re-assessment"


class AskedBy(models.TextChoices):
    PARENT = "parent", "The child's parent"
    YOUNG_PERSON = "young_person", "The young person"


class MadeThrough(models.TextChoices):
    PORTAL = "portal", "Online, in Pathfinder"
    CASEWORKER = "caseworker", "Through the caseworker (letter, phone, email, meeting)"


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", "Asked for"
    INDICATIVE = "indicative", "Indicative budget worked out"
    AGREED = "agreed", "Budget agreed"
    REFUSED = "refused", "Refused"
    WITHDRAWN = "withdrawn", "Withdrawn by the family"


OPEN_REQUEST_STATUSES = (RequestStatus.REQUESTED, RequestStatus.INDICATIVE)


class BudgetRequest(models.Model):
    """One request for a personal budget for one plan, from asking to an agreed (or refused) budget."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="budget_requests")
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.PROTECT,
        related_name="budget_requests",
        help_text="The plan being drafted, reviewed or re-assessed when it was asked for",
    )
    stage = models.CharField(max_length=14, choices=RequestStage.choices)
    requested_on = models.DateField()
    asked_by = models.CharField(max_length=14, choices=AskedBy.choices)
    made_through = models.CharField(max_length=12, choices=MadeThrough.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who recorded it (the family or the caseworker)",
    )
    streams = models.JSONField(default=list, blank=True, help_text="Streams asked about (Stream values)")
    wishes = models.TextField(blank=True, help_text="What the family would like the budget to be used for")
    information_sent_on = models.DateField(
        null=True,
        blank=True,
        help_text="The day the family was sent what a budget may be available for and who can help (reg 3)",
    )
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.REQUESTED)
    refused_on = models.DateField(null=True, blank=True)
    refusal_reasons = models.TextField(blank=True, help_text="Written reasons, sent to the family (reg 7)")
    reconsideration_asked_on = models.DateField(
        null=True, blank=True, help_text="The family asked the council to review a refusal"
    )
    reconsideration_outcome = models.TextField(blank=True)
    agreed_on = models.DateField(null=True, blank=True)
    notice_sent_on = models.DateField(
        null=True, blank=True, help_text="Written notice of the agreed provision and amount (reg 8)"
    )
    withdrawn_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-requested_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(status__in=["requested", "indicative"]),
                name="budgets_one_open_request_per_plan",
            ),
        ]
        indexes = [models.Index(fields=["status", "requested_on"])]

    def __str__(self) -> str:
        return f"Personal budget request for {self.child} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES


class IndicativeBudget(models.Model):
    """The RAS worked out for one stream of one request: the answers given, the points, the band and the amount,
    with the working kept as it was shown (so it still explains itself after a new RAS version)."""

    request = models.ForeignKey(BudgetRequest, on_delete=models.CASCADE, related_name="indicative_budgets")
    stream = models.CharField(max_length=12, choices=Stream.choices)
    system = models.ForeignKey(AllocationSystem, on_delete=models.PROTECT, related_name="indicative_budgets")
    answers = models.JSONField(default=dict, help_text="Question id to chosen option id")
    points = models.PositiveIntegerField()
    band = models.ForeignKey(RasBand, on_delete=models.PROTECT, related_name="+")
    yearly_amount = models.DecimalField(max_digits=10, decimal_places=2)
    working = models.JSONField(default=list, help_text="Each answer and its points, as shown to the family")
    reasons = models.TextField(help_text="The plain-English reasons letter")
    worked_out_on = models.DateField()
    worked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["stream"]
        constraints = [
            models.UniqueConstraint(fields=["request", "stream"], name="budgets_one_indicative_per_stream"),
        ]

    def __str__(self) -> str:
        return f"{self.get_stream_display()}: £{self.yearly_amount}"


class Funder(models.TextChoices):
    COUNCIL = "council", "The council"
    SCHOOL = "school", "The school or college (its own budget)"
    ICB = "icb", "The integrated care board (NHS)"


class Delivery(models.TextChoices):
    """How a line is held (SEN2 PB kinds; CoP 9.101)."""

    DIRECT_PAYMENT = "direct_payment", "Direct payment"
    ARRANGEMENT = "arrangement", "Organised arrangement (the council, school or college holds it)"
    THIRD_PARTY = "third_party", "Third-party arrangement"


class PriceSource(models.TextChoices):
    LOCAL_OFFER = "local_offer", "A Local Offer service's price"
    RATE_CARD = "rate_card", "The council's rate card"
    AGREED = "agreed", "A price agreed for this child"


class LineStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    AGREED = "agreed", "Agreed"
    ENDED = "ended", "Ended"


class BudgetLine(models.Model):
    """One line of a personal budget: the provision in the plan it pays for, how much a year, who funds it under
    what legal basis, and how it is held. A line that cannot be separated from a block-commissioned service is
    kept (so the plan's cost is whole) but marked, with the reason given to the family (PB Regs reg 4A)."""

    request = models.ForeignKey(BudgetRequest, on_delete=models.CASCADE, related_name="lines")
    provision = models.ForeignKey(
        "plans.PlanProvision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="budget_lines",
        help_text="The provision in F, G or H it pays for",
    )
    provision_text = models.TextField(help_text="The provision as it read when the line was made")
    stream = models.CharField(max_length=12, choices=Stream.choices)
    delivery = models.CharField(max_length=14, choices=Delivery.choices)
    legal_basis = models.CharField(
        max_length=200,
        help_text="For example: CFA 2014 s.42 (special educational provision); CSDPA 1970 s.2; NHS Act 2006 s.12A",
    )
    price_source = models.CharField(max_length=12, choices=PriceSource.choices, default=PriceSource.AGREED)
    cost_option = models.ForeignKey(
        "directory.CostOption", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rate = models.ForeignKey(
        "budgets.RateCardItem", null=True, blank=True, on_delete=models.PROTECT, related_name="lines"
    )
    unit_price = models.DecimalField(max_digits=9, decimal_places=2)
    units_per_year = models.DecimalField(max_digits=8, decimal_places=2)
    yearly_amount = models.DecimalField(max_digits=10, decimal_places=2)
    cannot_separate = models.BooleanField(default=False, help_text="Part of a block-commissioned service (reg 4A)")
    cannot_separate_reason = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=LineStatus.choices, default=LineStatus.PROPOSED)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    history = HistoricalRecords()

    class Meta:
        ordering = ["stream", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(yearly_amount__gte=0), name="budgets_line_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_stream_display()}: £{self.yearly_amount} a year"

    @property
    def is_integrated(self) -> bool:
        """Paid for by more than one body (SEN2 flag I)."""
        return len({share.funder for share in self.shares.all()}) > 1


class BudgetLineShare(models.Model):
    """One funder's share of a line and that funder's agreement. A health share needs the ICB's recorded
    agreement before the line can be agreed; an integrated line has a share (and an approval) per partner."""

    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="shares")
    funder = models.CharField(max_length=8, choices=Funder.choices)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    agreed_on = models.DateField(null=True, blank=True)
    agreed_by_name = models.CharField(max_length=200, blank=True, help_text="Who agreed it for the funder")
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="If they agreed it in Pathfinder",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["funder"]
        constraints = [
            models.UniqueConstraint(fields=["line", "funder"], name="budgets_one_share_per_funder"),
            models.CheckConstraint(condition=models.Q(amount__gte=Decimal("0")), name="budgets_share_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_funder_display()}: £{self.amount}"


from pathfinder.budgets.models_money import (  # noqa: E402, F401
    BudgetSettings,
    DirectPayment,
    Payment,
    PaymentSchedule,
    Spend,
    Statement,
    SurplusRecovery,
)
from pathfinder.budgets.models_ras import RasOption, RasQuestion, RateCardItem  # noqa: E402, F401
