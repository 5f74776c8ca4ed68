"""Costing a plan from real prices: each provision in sections F, G and H priced from a Local Offer service's cost
option or the council's rate card (or a price agreed for the child), times the units a year, so the cost of the
plan and the indicative budgets can be set side by side and seen to agree (or the difference shown).

Pricing a provision writes a *proposed* BudgetLine for it on the plan's open request (one line per provision);
agreeing lines is done elsewhere (requests and lines), through the same model. Money is Decimal, rounded to the
penny half up, never float. A change of a rate card price is a new row from a later day (RateCardItem).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import QuerySet

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets.indicative import pounds
from pathfinder.budgets.models import (
    OPEN_REQUEST_STATUSES,
    BudgetLine,
    BudgetRequest,
    Delivery,
    LineStatus,
    PriceSource,
    RequestStatus,
)
from pathfinder.budgets.models_ras import RateCardItem, Stream
from pathfinder.core.errors import ServiceError
from pathfinder.directory.models import CostOption
from pathfinder.plans.models import PlanProvision

PENNY = Decimal("0.01")
#: The stream a section's provision is usually paid from (the caseworker may choose another, e.g. transport).
SECTION_STREAM = {"F": Stream.EDUCATION, "G": Stream.HEALTH, "H1": Stream.SOCIAL_CARE, "H2": Stream.SOCIAL_CARE}
#: The law under which each section's provision is secured: a proposed line's legal basis until it is agreed.
SECTION_BASIS = {
    "F": "Children and Families Act 2014, s.42 (special educational provision)",
    "G": "National Health Service Act 2006, s.12A (personal health budgets)",
    "H1": "Chronically Sick and Disabled Persons Act 1970, s.2",
    "H2": "Children Act 1989, s.17 (or the Care Act 2014 for a young person of 18 or over)",
}


def yearly_cost(unit_price: Decimal, units_per_year: Decimal) -> Decimal:
    """Unit price times units a year, to the penny, half up (£18.505 is £18.51)."""
    return (unit_price * units_per_year).quantize(PENNY, rounding=ROUND_HALF_UP)


# -- the rate card -----------------------------------------------------------------------------------------------


def rate_card_current(today: date) -> list[RateCardItem]:
    """Each item's price in force today: the row with the latest effective_from not after today."""
    seen: set[tuple[str, str]] = set()
    current = []
    for item in RateCardItem.objects.filter(effective_from__lte=today).order_by("stream", "name", "-effective_from"):
        if (item.stream, item.name) not in seen:
            seen.add((item.stream, item.name))
            current.append(item)
    return current


def rate_card_coming(today: date) -> QuerySet[RateCardItem]:
    return RateCardItem.objects.filter(effective_from__gt=today).order_by("effective_from", "stream", "name")


def rate_card_price_set(
    *, acting_user, stream: str, name: str, unit: str, price: Decimal, effective_from: date
) -> RateCardItem:
    """A new price for an item (or a new item) from a day. An earlier price stays for lines made with it."""
    if RateCardItem.objects.filter(stream=stream, name=name, effective_from=effective_from).exists():
        raise ServiceError("This item already has a price from that day: choose another day", field="effective_from")
    item = RateCardItem.objects.create(stream=stream, name=name, unit=unit, price=price, effective_from=effective_from)
    audit_event_record(
        acting_user=acting_user,
        action=AuditAction.CREATE,
        obj=item,
        what=f"rate card: {name} at {pounds(price)} {item.get_unit_display()} from {effective_from:%-d %B %Y}",
    )
    return item


def local_offer_prices(query: str, limit: int = 40) -> QuerySet[CostOption]:
    """Priced cost options of published Local Offer services whose name contains the words looked for."""
    options = CostOption.objects.filter(amount__isnull=False, service__is_published=True).exclude(
        service__status="defunct"
    )
    for word in query.split()[:5]:
        options = options.filter(service__name__icontains=word)
    return options.select_related("service").order_by("service__name", "option")[:limit]


# -- pricing a provision -----------------------------------------------------------------------------------------


def costing_request(plan) -> BudgetRequest | None:
    """The request the plan's costing sits beside: the open one, else the latest agreed one."""
    requests = BudgetRequest.objects.filter(plan=plan)
    return (
        requests.filter(status__in=OPEN_REQUEST_STATUSES).first()
        or requests.filter(status=RequestStatus.AGREED).order_by("-agreed_on", "-pk").first()
    )


def provision_price(
    *,
    acting_user,
    provision: PlanProvision,
    source: str,
    units_per_year: Decimal,
    stream: str,
    today: date,
    cost_option: CostOption | None = None,
    rate: RateCardItem | None = None,
    unit_price: Decimal | None = None,
) -> BudgetLine:
    """Price one provision and write (or update) its proposed line on the plan's open request."""
    request = BudgetRequest.objects.filter(plan_id=provision.plan_id, status__in=OPEN_REQUEST_STATUSES).first()
    if request is None:
        raise ServiceError(
            "Provision can be priced only while a personal budget has been asked for and not yet "
            "agreed, refused or withdrawn"
        )
    if stream not in Stream.values:
        raise ServiceError("Select the funding stream", field="stream")
    if units_per_year <= 0:
        raise ServiceError("Units a year must be more than 0", field="units_per_year")
    if source == PriceSource.LOCAL_OFFER:
        if cost_option is None:
            raise ServiceError("Select the Local Offer price", field="cost_option")
        if cost_option.amount is None:
            raise ServiceError("That Local Offer price has no amount: choose another", field="cost_option")
        unit_price, rate = cost_option.amount, None
    elif source == PriceSource.RATE_CARD:
        current = {item.pk for item in rate_card_current(today)}
        if rate is None or rate.pk not in current:
            raise ServiceError("Select a rate card price in force today", field="rate")
        unit_price, cost_option = rate.price, None
    elif source == PriceSource.AGREED:
        if unit_price is None:
            raise ServiceError("Enter the price agreed for one unit", field="unit_price")
        cost_option = rate = None
    else:
        raise ServiceError("Select where the price comes from", field="source")
    values = {
        "price_source": source,
        "cost_option": cost_option,
        "rate": rate,
        "unit_price": unit_price,
        "units_per_year": units_per_year,
        "yearly_amount": yearly_cost(unit_price, units_per_year),
        "stream": stream,
    }
    with transaction.atomic():
        line = BudgetLine.objects.select_for_update().filter(request=request, provision=provision).first()
        if line is not None and line.status != LineStatus.PROPOSED:
            raise ServiceError("This provision's line is already agreed: change it from the personal budget")
        if line is None:
            line = BudgetLine(
                request=request,
                provision=provision,
                provision_text=provision.description,
                delivery=Delivery.ARRANGEMENT,
                legal_basis=SECTION_BASIS.get(provision.section, ""),
            )
        elif all(getattr(line, k) == v for k, v in values.items()):
            return line
        else:
            line.version += 1
        for key, value in values.items():
            setattr(line, key, value)
        line._change_reason = "Priced from the plan's costing"
        line.save()
        audit_event_record(
            acting_user=acting_user,
            action=AuditAction.UPDATE,
            child=request.child,
            obj=line,
            what=f"personal budget: priced {provision.section} provision at {pounds(line.yearly_amount)} a year",
        )
    return line


# -- the costing page --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CostingRow:
    provision: PlanProvision
    line: BudgetLine | None

    @property
    def source(self) -> str:
        if self.line is None:
            return "Not priced"
        if self.line.price_source == PriceSource.LOCAL_OFFER and self.line.cost_option_id:
            option = self.line.cost_option
            return f"Local Offer: {option.service.name}" + (f" ({option.option})" if option.option else "")
        if self.line.price_source == PriceSource.RATE_CARD and self.line.rate_id:
            return f"Rate card: {self.line.rate.name} ({self.line.rate.get_unit_display()})"
        return self.line.get_price_source_display()


@dataclass(frozen=True)
class StreamTotal:
    label: str
    plan: Decimal
    indicative: Decimal | None

    @property
    def difference(self) -> str:
        if self.indicative is None:
            return "No indicative budget"
        gap = self.plan - self.indicative
        if gap == 0:
            return "They agree"
        return f"The plan costs {pounds(abs(gap))} {'more' if gap > 0 else 'less'}"


@dataclass
class Costing:
    request: BudgetRequest | None
    rows: list[CostingRow] = field(default_factory=list)
    totals: list[StreamTotal] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((t.plan for t in self.totals), Decimal("0"))


def plan_costing(plan) -> Costing:
    """Each provision in F, G and H with its line (if priced), and by stream the plan's cost beside the indicative
    budget of the request."""
    request = costing_request(plan)
    lines = {}
    indicative: dict[str, Decimal] = {}
    if request is not None:
        for line in request.lines.select_related("cost_option__service", "rate").exclude(status=LineStatus.ENDED):
            lines.setdefault(line.provision_id, line)
        indicative = {b.stream: b.yearly_amount for b in request.indicative_budgets.all()}
    costing = Costing(request=request)
    by_stream: dict[str, Decimal] = {}
    for provision in plan.provisions.all():
        line = lines.get(provision.pk)
        costing.rows.append(CostingRow(provision, line))
        if line is not None:
            by_stream[line.stream] = by_stream.get(line.stream, Decimal("0")) + line.yearly_amount
    for stream in Stream:
        if stream in by_stream or stream in indicative:
            costing.totals.append(
                StreamTotal(stream.label, by_stream.get(stream, Decimal("0")), indicative.get(stream))
            )
    return costing
