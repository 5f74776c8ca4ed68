"""The council's personal budget figures for managers, counted by the database: budgets by stream and kind, requests
refused with their reasons, the time from asking to an agreed budget, spending against budgets, and the council
beside England (budgets.constants).

Definitions (the same as the SEN2 flags, sen2.budget_flags, so the page and the return agree):

- A **budget in place** is an agreed request with at least one agreed line that has not ended. One per child.
- **Kind**: a direct payment, an organised arrangement (the council, school or college holds the money) or a
  third-party arrangement; a budget may be more than one kind, so kinds add up to more than the budgets.
- **What it covers** (as the DfE counts, SEN2 ``DP`` codes): education only (home-to-school transport is
  education funding), social care only, health only, or **integrated**: more than one of them.
- **Integrated funding**: a line paid for by more than one body (council, school, ICB): shown separately, because
  the pathfinders' "single budget" was about pooled funding, which the DfE's count does not show.
- **Time to agree**: from the day it was asked for to the day it was agreed. Budgets asked for while a plan is
  drafted belong in the final plan, so the page counts those agreed later than the time the law gives to issue a
  plan from the request for an assessment (rule ``final_plan``): a yardstick, not a legal deadline for budgets.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q, Sum

import statutory
from pathfinder.budgets.alerts import ZERO_MONEY
from pathfinder.budgets.constants import ENGLAND_LATEST, EnglandYear
from pathfinder.budgets.models import BudgetLine, BudgetRequest, Delivery, LineStatus, RequestStatus
from pathfinder.budgets.models_money import DirectPaymentStatus, Payment, PaymentStatus, Spend, SurplusRecovery
from pathfinder.budgets.models_ras import Stream
from pathfinder.plans.models import Plan, PlanStatus

#: What each stream covers, as SEN2 DP codes: E education, S social care, H health.
STREAM_AREA = {Stream.EDUCATION: "E", Stream.TRANSPORT: "E", Stream.SOCIAL_CARE: "S", Stream.HEALTH: "H"}
AREA_NAMES = {"E": "Education only", "S": "Social care only", "H": "Health only",
              "I": "Integrated: more than one of education, health and social care"}
KIND_NAMES = {Delivery.DIRECT_PAYMENT: "Direct payment", Delivery.ARRANGEMENT: "Organised arrangement",
              Delivery.THIRD_PARTY: "Third-party arrangement"}


def area_code(streams) -> str | None:
    """E, S or H when a budget covers one area, I when it covers more, None when it covers none."""
    areas = {STREAM_AREA[s] for s in streams if s in STREAM_AREA}
    if not areas:
        return None
    return areas.pop() if len(areas) == 1 else "I"


def lines_in_place(on: date):
    """Agreed lines of agreed requests that have not ended on ``on``."""
    return BudgetLine.objects.filter(
        status=LineStatus.AGREED, request__status=RequestStatus.AGREED).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=on)).filter(Q(starts_on__isnull=True) | Q(starts_on__lte=on))


@dataclass
class Row:
    label: str
    here: int
    here_per_thousand: float
    england: int | None = None
    england_per_thousand: float | None = None


@dataclass
class BudgetFigures:
    today: date
    since: date
    plans: int
    budgets: int
    by_stream_kind: list[dict]  # stream label, kind label, budgets, yearly amount
    by_kind: dict[str, int]
    by_area: dict[str, int]
    integrated_funding: int
    compare: list[Row]
    england: EnglandYear
    refused: int
    refusals: list[BudgetRequest]
    agreed: int
    median_weeks: float | None
    agreed_late: int
    yardstick_weeks: int
    yearly_budgets: Decimal
    paid: Decimal
    spent: Decimal
    recovered: Decimal
    max_count: int = field(default=1)

    @property
    def unspent(self) -> Decimal:
        return self.paid - self.spent - self.recovered


def _per_thousand(count: int, plans: int) -> float:
    return round(count * 1000 / plans, 1) if plans else 0.0


def budget_figures(today: date) -> BudgetFigures:
    """The figures for the year to ``today`` (flows) and on ``today`` (budgets in place)."""
    since = today - relativedelta(years=+1)
    plans = Plan.objects.filter(status=PlanStatus.FINAL).count()
    current = lines_in_place(today)
    children: dict[int, set[str]] = defaultdict(set)
    kinds: dict[str, set[int]] = defaultdict(set)
    for child_id, stream, delivery in current.values_list("request__child_id", "stream", "delivery").distinct():
        children[child_id].add(stream)
        kinds[delivery].add(child_id)
    by_area: dict[str, int] = defaultdict(int)
    for streams in children.values():
        code = area_code(streams)
        if code:
            by_area[code] += 1
    by_stream_kind = [
        {"stream": Stream(row["stream"]).label, "kind": KIND_NAMES[row["delivery"]], "budgets": row["budgets"],
         "amount": row["amount"]}
        for row in current.values("stream", "delivery").annotate(
            budgets=Count("request__child", distinct=True), amount=Sum("yearly_amount")).order_by("stream", "delivery")]
    integrated_funding = (current.annotate(funders=Count("shares__funder", distinct=True)).filter(funders__gt=1)
                          .values("request__child_id").distinct().count())
    budgets = len(children)
    england = ENGLAND_LATEST
    pairs = [("Plans with a personal budget", budgets, england.personal_budget),
             ("With organised arrangements", len(kinds[Delivery.ARRANGEMENT]), england.org_arrangements),
             (AREA_NAMES["E"], by_area["E"], england.pb_education), (AREA_NAMES["S"], by_area["S"], england.pb_social),
             (AREA_NAMES["H"], by_area["H"], england.pb_health), (AREA_NAMES["I"], by_area["I"], england.pb_integrated)]
    compare = [Row(label, n, _per_thousand(n, plans), e, england.per_thousand(e)) for label, n, e in pairs]

    refused_qs = BudgetRequest.objects.filter(status=RequestStatus.REFUSED, refused_on__gte=since)
    agreed_rows = list(BudgetRequest.objects.filter(status=RequestStatus.AGREED, agreed_on__gte=since,
                                                    agreed_on__lte=today)
                       .values_list("requested_on", "agreed_on"))
    waits = [(agreed - asked).days for asked, agreed in agreed_rows]
    yardstick = statutory.rule_in_force("final_plan", today)
    money = _money(today, since)
    return BudgetFigures(
        today=today, since=since, plans=plans, budgets=budgets, by_stream_kind=by_stream_kind,
        by_kind={KIND_NAMES[k]: len(v) for k, v in sorted(kinds.items())}, by_area={k: v for k, v in by_area.items() if v},
        integrated_funding=integrated_funding, compare=compare, england=england,
        refused=refused_qs.count(), refusals=list(refused_qs.select_related("child").order_by("-refused_on")[:20]),
        agreed=len(waits), median_weeks=round(statistics.median(waits) / 7, 1) if waits else None,
        agreed_late=sum(1 for days in waits if days > yardstick.amount * 7), yardstick_weeks=yardstick.amount,
        max_count=max([budgets, *(row["budgets"] for row in by_stream_kind)] or [1]) or 1, **money)


def _money(today: date, since: date) -> dict[str, Decimal]:
    """Spending against budgets over the year: the yearly amounts of the direct payments' lines now in force,
    what the council paid, what families spent and what was taken back."""
    dp_lines = lines_in_place(today).filter(
        direct_payments__status=DirectPaymentStatus.ACTIVE).values("pk").distinct()
    yearly = BudgetLine.objects.filter(pk__in=dp_lines).aggregate(t=Sum("yearly_amount"))["t"] or ZERO_MONEY
    paid = (Payment.objects.filter(status=PaymentStatus.PAID, paid_on__gte=since, paid_on__lte=today)
            .aggregate(t=Sum("amount"))["t"] or ZERO_MONEY)
    spent = Spend.objects.filter(spent_on__gte=since, spent_on__lte=today).aggregate(t=Sum("amount"))["t"]
    recovered = SurplusRecovery.objects.filter(family_told_on__gte=since, family_told_on__lte=today).aggregate(
        t=Sum("amount"))["t"]
    return {"yearly_budgets": yearly, "paid": paid, "spent": spent or ZERO_MONEY,
            "recovered": recovered or ZERO_MONEY}
