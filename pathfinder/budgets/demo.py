"""Personal budgets in the demo county (pathfinder.demo calls ``build_budgets`` after the plans, the demo sign-ins
and the ceased plans): a published RAS for each stream and a rate card (demo_ras.py); about 4% of final plans with a
request, mostly agreed (direct payments, organised arrangements, third-party arrangements, some integrated with the
ICB paying a share, some with home-to-school travel), a few refused with reasons and a few in progress; and for each
direct payment a year of monthly payments and the family's spending, some of it imported from bank or prepaid-card
statements (with a few transactions nobody recognises yet), a few surpluses being taken back with the family told
why, a few budgets left unspent, provision not being bought, and agreements sent but not signed while a payment is
due (demo_money.py: so every alert shows). The demo young person, Jordan Ellis, whose mother signs in as
"jordan.mother", always has an agreed budget paid as a direct payment, with a statement and a surplus.

Rows are written with bulk_create (no services, no history rows), from a seeded random and ``today``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from pathfinder.budgets.demo_money import direct_payments_build
from pathfinder.budgets.demo_ras import band_for, build_ras
from pathfinder.budgets.models import (
    AskedBy,
    BudgetLine,
    BudgetLineShare,
    BudgetRequest,
    Delivery,
    Funder,
    IndicativeBudget,
    LineStatus,
    MadeThrough,
    PriceSource,
    RequestStage,
    RequestStatus,
)
from pathfinder.budgets.models_ras import Stream
from pathfinder.people.models import Child
from pathfinder.plans.models import Plan, PlanNeed, PlanProvision, PlanStatus

SHARE = 0.04
#: Which stream pays for provision in which section of the plan.
SECTION_STREAM = {"F": Stream.EDUCATION, "G": Stream.HEALTH, "H1": Stream.SOCIAL_CARE, "H2": Stream.SOCIAL_CARE}
#: How often each stream is the first asked about (England, budgets.constants: mostly social care).
STREAM_WEIGHTS = {Stream.SOCIAL_CARE: 64, Stream.EDUCATION: 24, Stream.HEALTH: 4, Stream.TRANSPORT: 8}
LEGAL_BASIS = {
    Stream.EDUCATION: "Children and Families Act 2014 s.42 (special educational provision)",
    Stream.SOCIAL_CARE: "Chronically Sick and Disabled Persons Act 1970 s.2",
    Stream.HEALTH: "National Health Service Act 2006 s.12A (personal health budget)",
    Stream.TRANSPORT: "Education Act 1996 s.508B (travel arrangements)",
}
REFUSALS = (
    "The short breaks are bought as a block contract for many children, and taking this share out would leave the "
    "service unable to run for the others (Personal Budgets Regulations 2014, regulation 4A). We will look again "
    "when the contract is renewed.",
    "The support is delivered by the school's own staff as part of its special educational provision, and the head "
    "teacher did not agree to it being paid for as a direct payment.",
    "The provision asked for is not in the plan. We can look at it again at the next annual review.",
)
#: The rate card's price a line is costed at (demo_ras.RATE_CARD): health care hours, a journey, else support hours.
UNIT_PRICE = {Stream.HEALTH: Decimal("21.40"), Stream.TRANSPORT: Decimal("6.30")}
#: Home-to-school travel written into section F of some plans with a budget, so the transport stream has lines.
TRAVEL = ("Travel to and from school each school day: a mileage allowance for the family to drive, and a passenger "
          "escort on the days a parent cannot go (home-to-school travel arrangements).", "One return journey",
          "Every school day", "The family, with an escort arranged through the council's travel team")


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(Decimal("0.01"))


def _kind(rng: random.Random) -> str:
    roll = rng.random()
    return Delivery.DIRECT_PAYMENT if roll < 0.55 else Delivery.ARRANGEMENT if roll < 0.85 else Delivery.THIRD_PARTY


def _chosen_plans(rng: random.Random, demo: dict, share: float) -> list[Plan]:
    plans = list(Plan.objects.filter(status=PlanStatus.FINAL, issued_on__isnull=False).select_related("child")
                 .order_by("pk"))
    chosen = rng.sample(plans, max(1, round(len(plans) * share))) if plans else []
    young = demo.get("young.person") if demo else None
    jordan = Child.objects.filter(user=young).first() if young is not None else None
    if jordan is not None:
        own = next((p for p in plans if p.child_id == jordan.pk), None)
        chosen = [p for p in chosen if p.child_id != jordan.pk]
        if own is not None:
            chosen.insert(0, own)  # the first is always agreed with a direct payment
    return chosen


def _travel_provisions(requests: list[BudgetRequest], provisions: dict[int, list[PlanProvision]]) -> set[int]:
    """Home-to-school travel in section F of every fifth agreed or worked-out request's plan (not the demo young
    person's), linked to the plan's first need. Returns the new provisions' ids; ``provisions`` gains them."""
    chosen = [r for n, r in enumerate(requests) if n % 5 == 2 and r.status in (RequestStatus.AGREED,
                                                                               RequestStatus.INDICATIVE)]
    needs = {}
    for need in PlanNeed.objects.filter(plan_id__in=[r.plan_id for r in chosen]).order_by("-pk"):
        needs[need.plan_id] = need
    made = [PlanProvision(plan_id=r.plan_id, section="F", description=TRAVEL[0], amount=TRAVEL[1],
                          frequency=TRAVEL[2], provided_by=TRAVEL[3],
                          order=max((p.order for p in provisions.get(r.plan_id, [])), default=0) + 1)
            for r in chosen]
    PlanProvision.objects.bulk_create(made)
    PlanProvision.needs.through.objects.bulk_create(
        PlanProvision.needs.through(planprovision_id=p.pk, planneed_id=needs[p.plan_id].pk)
        for p in made if p.plan_id in needs)
    for provision in made:
        provisions.setdefault(provision.plan_id, []).append(provision)
    return {p.pk for p in made}


def build_budgets(rng: random.Random, *, today: date, demo: dict | None = None, share: float = SHARE) -> dict[str, int]:
    """The demo's personal budgets, for ``share`` of the final plans. Returns counts for the progress line."""
    start = date(today.year - 1, 4, 1)
    systems = build_ras(effective_from=start - relativedelta(years=+1))
    plans = _chosen_plans(rng, demo or {}, share)
    provisions: dict[int, list[PlanProvision]] = {}
    for provision in PlanProvision.objects.filter(plan__in=plans).order_by("order", "pk"):
        provisions.setdefault(provision.plan_id, []).append(provision)
    requests: list[BudgetRequest] = []
    for n, plan in enumerate(plans):
        # Eight in ten agreed, one refused, one in progress (the first, the demo young person's, agreed).
        status = (RequestStatus.REFUSED if n % 10 == 4 else rng.choice((RequestStatus.REQUESTED,
                                                                        RequestStatus.INDICATIVE))
                  if n % 10 == 7 else RequestStatus.AGREED)
        asked = today - timedelta(days=rng.randint(20, 60) if status in (RequestStatus.REQUESTED,
                                                                          RequestStatus.INDICATIVE)
                                  else rng.randint(200, 420))
        wait = timedelta(days=rng.randint(25, 190))
        requests.append(BudgetRequest(
            child_id=plan.child_id, plan=plan, stage=rng.choice((RequestStage.REVIEW, RequestStage.DRAFT_PLAN)),
            requested_on=asked, asked_by=AskedBy.PARENT, made_through=rng.choice(MadeThrough.values),
            streams=[Stream.SOCIAL_CARE], information_sent_on=asked + timedelta(days=rng.randint(1, 9)),
            wishes="We would like to choose who supports him, so it is someone he knows and trusts.",
            status=status, agreed_on=asked + wait if status == RequestStatus.AGREED else None,
            notice_sent_on=asked + wait if status == RequestStatus.AGREED else None,
            refused_on=asked + wait if status == RequestStatus.REFUSED else None,
            refusal_reasons=rng.choice(REFUSALS) if status == RequestStatus.REFUSED else ""))
    BudgetRequest.objects.bulk_create(requests)
    travel = _travel_provisions(requests, provisions)
    counts = {"budget_requests": len(requests), "agreed": 0, "refused": 0, "travel_lines": 0}
    lines: list[BudgetLine] = []
    shares: list[tuple[BudgetLine, list[tuple[str, Decimal]]]] = []
    indicative: list[IndicativeBudget] = []
    for n, request in enumerate(requests):
        if request.status == RequestStatus.REFUSED:
            counts["refused"] += 1
        if request.status not in (RequestStatus.AGREED, RequestStatus.INDICATIVE):
            continue
        # Each stream pays for the plan's own provision of its kind (section F education, G health, H social care).
        own = {stream: [p for p in provisions.get(request.plan_id, [])
                        if p.pk not in travel and SECTION_STREAM.get(p.section) == stream] for stream in Stream}
        own[Stream.TRANSPORT] = [p for p in provisions.get(request.plan_id, []) if p.pk in travel]
        available = [stream for stream in Stream if own[stream]] or [Stream.SOCIAL_CARE]
        # Shaped like England (budgets.constants): mostly social care alone, some education, few integrated.
        if n == 0:
            first = Stream.SOCIAL_CARE if Stream.SOCIAL_CARE in available else available[0]
        else:
            first = rng.choices(available, [STREAM_WEIGHTS[stream] for stream in available])[0]
        others = [stream for stream in available if stream not in (first, Stream.TRANSPORT)]
        streams = [first] + rng.sample(others, min(rng.choices((0, 1, 2), (84, 13, 3))[0], len(others)))
        if own[Stream.TRANSPORT] and Stream.TRANSPORT not in streams:
            streams.append(Stream.TRANSPORT)  # the family asked about travel too
        request.streams = list(streams)
        for i, stream in enumerate(streams):
            system, options, bands = systems[stream]
            answers = [rng.choice(opts) for opts in options]
            points = sum(option.points for option in answers)
            band = band_for(bands, points)
            indicative.append(IndicativeBudget(
                request=request, stream=stream, system=system, points=points, band=band,
                answers={str(o.question_id): o.pk for o in answers}, yearly_amount=band.yearly_amount,
                working=[{"question": o.question.text, "answer": o.label, "points": o.points} for o in answers],
                reasons=f"Your answers scored {points} points, which is {band.name}. This is a starting point: "
                        "we then look at the provision in the plan and its cost.",
                worked_out_on=request.requested_on + timedelta(days=rng.randint(5, 20))))
            if request.status != RequestStatus.AGREED:
                continue
            provision = own[stream][i % len(own[stream])] if own[stream] else None
            delivery = Delivery.DIRECT_PAYMENT if n == 0 and i == 0 else _kind(rng)
            amount = _money(float(band.yearly_amount) * rng.uniform(0.85, 1.1))
            unit_price = UNIT_PRICE.get(stream, Decimal("18.50"))
            line = BudgetLine(
                request=request, provision=provision, stream=stream, delivery=delivery, status=LineStatus.AGREED,
                provision_text=provision.description if provision else f"{Stream(stream).label} support",
                legal_basis=LEGAL_BASIS[stream], price_source=PriceSource.RATE_CARD, unit_price=unit_price,
                units_per_year=(amount / unit_price).quantize(Decimal("0.01")), yearly_amount=amount,
                starts_on=request.agreed_on)
            lines.append(line)
            counts["travel_lines"] += stream == Stream.TRANSPORT
            integrated = stream == Stream.HEALTH and rng.random() < 0.6
            shares.append((line, [(Funder.ICB, _money(float(amount) * 0.6)),
                                  (Funder.COUNCIL, amount - _money(float(amount) * 0.6))] if integrated
                           else [(Funder.ICB if stream == Stream.HEALTH else Funder.COUNCIL, amount)]))
        if request.status == RequestStatus.AGREED:
            counts["agreed"] += 1
    BudgetRequest.objects.bulk_update(requests, ["streams"])
    IndicativeBudget.objects.bulk_create(indicative)
    BudgetLine.objects.bulk_create(lines)
    BudgetLineShare.objects.bulk_create(
        BudgetLineShare(line=line, funder=funder, amount=amount, agreed_on=line.request.agreed_on,
                        agreed_by_name="Wealdmoor and Fenbridge ICB" if funder == Funder.ICB else "")
        for line, parts in shares for funder, amount in parts)
    counts.update(budget_lines=len(lines), **direct_payments_build(rng, lines, today,
                                                                  caseworker=(demo or {}).get("caseworker")))
    return counts
