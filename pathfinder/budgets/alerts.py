"""Alerts on direct payment money, counted by the database for any set of direct payments (one family's page, a
caseworker's cases, the whole council).

Three alerts, each on the council's own settings (BudgetSettings, pk 1: the regulations set no figures for them):

- **Unspent money**: the direct payment has been paid for at least ``unspent_alert_after_weeks`` weeks (from its
  first payment), and the money not spent or taken back is more than ``unspent_alert_percent`` % of the money paid
  so far ("the budget to date").
- **A payment due while the agreement is not signed**: the earliest payment still due or held on a direct payment
  whose agreement is not signed or not in force (budgets.payments holds it; the alert says a family is waiting).
- **Provision not being bought**: an agreed line of an active direct payment with no spending matched to it in
  the last ``unspent_alert_after_weeks`` weeks, once payments have run that long. This is derived from the same
  setting on purpose: one number for "long enough to tell", so a council changes one thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import DecimalField, Max, Min, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from pathfinder.budgets.models import BudgetLine, LineStatus
from pathfinder.budgets.models_money import (
    BudgetSettings,
    DirectPayment,
    DirectPaymentStatus,
    Payment,
    PaymentStatus,
    Spend,
    SurplusRecovery,
)

UNSPENT, UNSIGNED, NOT_BOUGHT = "unspent", "unsigned", "not_bought"
ZERO_MONEY = Decimal("0.00")
_MONEY = DecimalField(max_digits=12, decimal_places=2)


@dataclass(frozen=True)
class MoneyAlert:
    direct_payment_id: int
    child_id: int
    kind: str
    title: str
    detail: str
    due: date


def _total(model, **filters) -> Coalesce:
    rows = (model.objects.filter(direct_payment=OuterRef("pk"), **filters).order_by().values("direct_payment")
            .annotate(t=Sum("amount")).values("t"))
    return Coalesce(Subquery(rows, output_field=_MONEY), Value(Decimal("0.00"), output_field=_MONEY))


def with_money(direct_payments: QuerySet) -> QuerySet:
    """Each direct payment with ``paid``, ``spent``, ``recovered`` and ``first_paid_on``: one query."""
    first = (Payment.objects.filter(direct_payment=OuterRef("pk"), status=PaymentStatus.PAID).order_by()
             .values("direct_payment").annotate(d=Min("paid_on")).values("d"))
    return direct_payments.annotate(
        paid=_total(Payment, status=PaymentStatus.PAID), spent=_total(Spend), recovered=_total(SurplusRecovery),
        first_paid_on=Subquery(first),
    )


def _weeks(n: int) -> timedelta:
    return timedelta(weeks=n)


def alerts_for(direct_payments: QuerySet, today: date, settings: BudgetSettings | None = None) -> list[MoneyAlert]:
    """Every money alert on these direct payments, in three queries."""
    settings = settings or BudgetSettings.current()
    cutoff = today - _weeks(settings.unspent_alert_after_weeks)
    alerts: list[MoneyAlert] = []
    active = direct_payments.filter(status=DirectPaymentStatus.ACTIVE, agreement_signed_on__isnull=False)
    for dp in with_money(active).filter(first_paid_on__lte=cutoff).values(
            "pk", "request__child_id", "paid", "spent", "recovered"):
        unspent = dp["paid"] - dp["spent"] - dp["recovered"]
        limit = dp["paid"] * settings.unspent_alert_percent / 100
        if dp["paid"] > 0 and unspent > limit:
            share = int(unspent * 100 / dp["paid"])
            alerts.append(MoneyAlert(
                dp["pk"], dp["request__child_id"], UNSPENT, "Check the unspent direct payment money with the family",
                f"£{unspent:,.2f} of £{dp['paid']:,.2f} paid is not spent ({share}%; the council's alert is above "
                f"{settings.unspent_alert_percent}%)", today))
    not_in_force = direct_payments.exclude(status=DirectPaymentStatus.ACTIVE, agreement_signed_on__isnull=False)
    waiting = (Payment.objects.filter(direct_payment__in=not_in_force, status__in=(PaymentStatus.DUE,
                                                                                  PaymentStatus.HELD))
               .values("direct_payment_id", "direct_payment__request__child_id")
               .annotate(first=Min("due_on"), n=Sum(Value(1))).order_by("first"))
    for row in waiting:
        alerts.append(MoneyAlert(
            row["direct_payment_id"], row["direct_payment__request__child_id"], UNSIGNED,
            "Get the direct payment agreement signed: payments are held",
            f"The first payment is due on {row['first']:%-d %B %Y}. No money is paid until the agreement is "
            "signed.", row["first"]))
    lines = (BudgetLine.objects.filter(status=LineStatus.AGREED, direct_payments__in=with_money(active)
                                       .filter(first_paid_on__lte=cutoff).values("pk"))
             .annotate(last_spent=Max("spending__spent_on"))
             .filter(Q(last_spent__isnull=True) | Q(last_spent__lt=cutoff))
             .values("pk", "provision_text", "last_spent", "direct_payments__pk", "request__child_id"))
    for line in lines:
        since = (f"nothing since {line['last_spent']:%-d %B %Y}" if line["last_spent"]
                 else "nothing spent on it yet")
        alerts.append(MoneyAlert(
            line["direct_payments__pk"], line["request__child_id"], NOT_BOUGHT,
            "Check the provision is being bought",
            f"{line['provision_text'][:120]}: {since}", today))
    return alerts


def direct_payments_of_caseworker(user) -> QuerySet:
    """The direct payments on the caseworker's own cases (the plan's assessment is theirs)."""
    return DirectPayment.objects.filter(request__plan__assessment__caseworker=user)
