"""Direct payments and the money itself: the agreement, the schedule, payments out, spending in, statements,
surplus recovered, and the council's settings for alerts and monitoring (PB Regs regs 5 to 11).

A DirectPayment's status changes only through budgets.direct_payments_workflow. No payment is made before the
agreement is signed: a payment due without one is held and shown as an alert, never paid.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class RecipientKind(models.TextChoices):
    """Who receives the direct payment (PB Regs reg 5)."""

    PARENT = "parent", "The child's parent"
    YOUNG_PERSON = "young_person", "The young person"
    NOMINEE = "nominee", "A nominee chosen by the parent or young person"
    REPRESENTATIVE = "representative", "A representative (the young person lacks capacity)"


class Holding(models.TextChoices):
    OWN_ACCOUNT = "own_account", "In a bank account used only for it"
    PREPAID_CARD = "prepaid_card", "On a prepaid card, chosen by the family"
    THIRD_PARTY = "third_party", "Held and managed by a third party for the family"


class DirectPaymentStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed: conditions being checked"
    AGREEMENT_SENT = "agreement_sent", "Agreement sent to sign"
    ACTIVE = "active", "Agreement signed: payments being made"
    REFUSED = "refused", "Refused"
    STOPPED = "stopped", "Stopped"


class DirectPayment(models.Model):
    """A direct payment for some lines of an agreed personal budget: to whom, on what conditions, with whose
    agreement, held how, and reviewed when."""

    request = models.ForeignKey("budgets.BudgetRequest", on_delete=models.PROTECT, related_name="direct_payments")
    lines = models.ManyToManyField("budgets.BudgetLine", related_name="direct_payments")
    recipient_kind = models.CharField(max_length=14, choices=RecipientKind.choices)
    recipient_name = models.CharField(max_length=200)
    consent_given_on = models.DateField(
        null=True, blank=True, help_text="The recipient's consent (CFA s.49(4): payments stop without it)"
    )
    # Reg 6 conditions: the council is satisfied that ...
    will_use_appropriately = models.BooleanField(
        default=False, help_text="... the recipient will use it to secure the agreed provision (reg 6(a))"
    )
    acts_in_best_interests = models.BooleanField(
        default=False,
        help_text="... a nominee or representative will act in the child's or young person's best interests (reg 6(b))",
    )
    no_adverse_impact = models.BooleanField(
        default=False,
        help_text="... it will not harm other services for children and young people with plans (reg 6(c))",
    )
    efficient_use = models.BooleanField(
        default=False, help_text="... it is an efficient use of the council's resources (reg 6(d))"
    )
    on_school_premises = models.BooleanField(
        default=False, help_text="Provision is delivered in a school, college or setting"
    )
    head_agreed_on = models.DateField(null=True, blank=True, help_text="The head teacher or principal agreed")
    head_name = models.CharField(max_length=200, blank=True)
    holding = models.CharField(max_length=14, choices=Holding.choices, blank=True)
    third_party_name = models.CharField(max_length=200, blank=True)
    agreement_sent_on = models.DateField(null=True, blank=True)
    agreement_signed_on = models.DateField(null=True, blank=True)
    agreement_document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The signed agreement",
    )
    refused_on = models.DateField(null=True, blank=True)
    refusal_reasons = models.TextField(blank=True, help_text="Written reasons (reg 7)")
    reconsideration_asked_on = models.DateField(null=True, blank=True)
    notice_sent_on = models.DateField(null=True, blank=True, help_text="Notice of agreed provision and amount (reg 8)")
    first_review_due_on = models.DateField(null=True, blank=True)
    last_reviewed_on = models.DateField(null=True, blank=True)
    next_review_due_on = models.DateField(null=True, blank=True)
    stopped_on = models.DateField(null=True, blank=True)
    stopped_reason = models.TextField(blank=True)
    status = models.CharField(max_length=14, choices=DirectPaymentStatus.choices, default=DirectPaymentStatus.PROPOSED)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[lines])

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_review_due_on"])]

    def __str__(self) -> str:
        return f"Direct payment to {self.recipient_name} ({self.get_status_display()})"


class Frequency(models.TextChoices):
    FOUR_WEEKLY = "four_weekly", "Every four weeks"
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Every three months"


class PaymentSchedule(models.Model):
    """How much is paid, how often, from when to when."""

    direct_payment = models.ForeignKey(DirectPayment, on_delete=models.CASCADE, related_name="schedules")
    frequency = models.CharField(max_length=12, choices=Frequency.choices)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    first_payment_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=Decimal("0")), name="budgets_schedule_positive")
        ]


class PaymentStatus(models.TextChoices):
    DUE = "due", "Due"
    PAID = "paid", "Paid"
    HELD = "held", "Held: the agreement is not signed"
    CANCELLED = "cancelled", "Cancelled"


class Payment(models.Model):
    """Money paid out by the council to the recipient (or a claw-back, as a recovery: see SurplusRecovery)."""

    direct_payment = models.ForeignKey(DirectPayment, on_delete=models.PROTECT, related_name="payments")
    due_on = models.DateField()
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    status = models.CharField(max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.DUE)
    paid_on = models.DateField(null=True, blank=True)
    reference = models.CharField(max_length=80, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(
        default=1, db_default=1, help_text="Guards against two people saving at once (budgets.payments)"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=Decimal("0")), name="budgets_payment_positive")
        ]


class Statement(models.Model):
    """A bank or prepaid-card statement imported as CSV: its rows become Spend rows, matched to lines or listed
    as unmatched for the caseworker to sort out."""

    direct_payment = models.ForeignKey(DirectPayment, on_delete=models.PROTECT, related_name="statements")
    file_name = models.CharField(max_length=255)
    source_sha256 = models.CharField(max_length=64, help_text="The same file imported twice is refused")
    period_from = models.DateField(null=True, blank=True)
    period_to = models.DateField(null=True, blank=True)
    rows = models.PositiveIntegerField(default=0)
    unmatched_rows = models.PositiveIntegerField(default=0)
    imported_on = models.DateField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["direct_payment", "source_sha256"], name="budgets_statement_once")
        ]


class SpendSource(models.TextChoices):
    HAND = "hand", "Recorded by hand"
    STATEMENT = "statement", "From a statement"


class Spend(models.Model):
    """Money the recipient spent from the direct payment, matched to the budget line it bought (or not yet)."""

    direct_payment = models.ForeignKey(DirectPayment, on_delete=models.PROTECT, related_name="spending")
    line = models.ForeignKey(
        "budgets.BudgetLine",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="spending",
        help_text="Empty until matched to a line",
    )
    spent_on = models.DateField()
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    payee = models.CharField(max_length=200)
    description = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=10, choices=SpendSource.choices, default=SpendSource.HAND)
    statement = models.ForeignKey(Statement, null=True, blank=True, on_delete=models.CASCADE, related_name="spending")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-spent_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=Decimal("0")), name="budgets_spend_positive")
        ]


class SurplusRecovery(models.Model):
    """Unspent money the council takes back, with the family told why (PB Regs reg 11 / the agreement)."""

    direct_payment = models.ForeignKey(DirectPayment, on_delete=models.PROTECT, related_name="recoveries")
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    reason = models.TextField(help_text="Why, in the words sent to the family")
    family_told_on = models.DateField()
    recovered_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=Decimal("0")), name="budgets_recovery_positive")
        ]


class BudgetSettings(models.Model):
    """The council's own settings for personal budgets: one row (pk 1). What the regulations leave to the
    council, or what could not be confirmed from them, is a setting here with a default, never a constant."""

    unspent_alert_percent = models.PositiveSmallIntegerField(
        default=25, help_text="Alert when more than this share of the money paid so far is unspent"
    )
    unspent_alert_after_weeks = models.PositiveSmallIntegerField(
        default=12, help_text="... and the direct payment has been running at least this many weeks"
    )
    first_review_within_months = models.PositiveSmallIntegerField(
        default=3, help_text="First review of a direct payment within this many months of the first payment"
    )
    review_every_months = models.PositiveSmallIntegerField(default=12, help_text="Then review at least this often")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name_plural = "budget settings"

    @classmethod
    def current(cls) -> BudgetSettings:
        """The council's row, or the defaults (unsaved) until an administrator saves one: reading the settings,
        as every worklist does, never writes."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)
