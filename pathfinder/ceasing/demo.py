"""Demo rows: plans ceased this year and last for each reason the law allows, and some still under way.

Called once from pathfinder.demo.county after the plans are built. Each proposal is checked against
statutory.cease_problems before it is written, so every row agrees with the law and the young person's age: paid
work and higher education from 16, "no longer engaging" from 18 after a review, the maximum age from the 25th
birthday; the plan ceases the day after the last day to appeal (HESC Rules r.20(1)(c), r.12). Rows are written
with bulk_create (no history), as the rest of the demo is.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import statutory
from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.plans.models import Plan, PlanStatus

PER_REASON = 3  # ceased plans for each reason
REASONS = [code for code, reason in statutory.CEASE_REASONS.items() if not reason.made_elsewhere]
VIEWS = (
    "The college agrees the support is no longer needed. The family would like a review in a year's time.",
    "The young person says they are happy to end the plan now they are working.",
    "The family disagrees and says the support still matters. The school agrees with the council.",
    "No reply from the family after two letters and a phone call; the head agrees.",
)


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, high))


def _candidates(today: date, limit: int) -> list[Plan]:
    """Final plans issued at least a year ago, oldest children first (they have the most reasons open)."""
    year_ago = date(today.year - 1, today.month, min(today.day, 28))
    # Not the demo families' plans: the demo sign-ins show a plan in force.
    return list(Plan.objects.filter(status=PlanStatus.FINAL, issued_on__lte=year_ago, child__user__isnull=True)
                .exclude(child__family_members__user__isnull=False)
                .select_related("child").order_by("child__date_of_birth", "pk")[:limit])


def _fits(plan: Plan, reason: str, proposed_on: date, today: date, *, in_education: bool) -> bool:
    facts = statutory.CeaseFacts(
        date_of_birth=plan.child.date_of_birth, reason=reason, proposed_on=proposed_on,
        in_education_or_training=in_education, reviewed_does_not_wish_to_return=not in_education,
        attends_institution=bool(plan.placement_name),
    )
    return proposed_on > plan.issued_on and not statutory.cease_problems(facts, today=today)


def _at_25(rng: random.Random, plans: list[Plan], used: set[int], today: date) -> tuple[Plan | None, date]:
    """A plan whose young person turned 25 at least four months ago, proposed a little after the birthday."""
    for plan in plans:
        proposed_on = statutory.twenty_fifth_birthday(plan.child.date_of_birth) + _days(rng, 1, 20)
        if plan.pk not in used and plan.issued_on < proposed_on <= today - timedelta(days=120):
            used.add(plan.pk)
            return plan, proposed_on
    return None, today


def _row(rng: random.Random, plan: Plan, reason: str, proposed_on: date, *, in_education: bool) -> Cessation:
    consulted = proposed_on + _days(rng, 3, 10)
    return Cessation(
        plan=plan, reason=reason, legal_ground=statutory.cease_reason(reason).ground_text, proposed_on=proposed_on,
        in_education_or_training=in_education, reviewed_does_not_wish_to_return=not in_education,
        family_consulted_on=consulted, head_consulted_on=consulted + _days(rng, 0, 4) if plan.placement_name else None,
        views_received=rng.choice(VIEWS), status=CessationStatus.CONSULTING, created_by=plan.updated_by,
    )


def _decide(rng: random.Random, row: Cessation, decided_on: date) -> None:
    row.decided_on = decided_on
    row.notice_includes_rights = True
    row.status = CessationStatus.DECIDED


def build_cessations(rng: random.Random, *, today: date) -> dict[str, int]:
    """A few ceased plans per reason, two decided and in their appeal period, one under appeal, two being
    consulted on. Returns counts for the progress line."""
    plans = _candidates(today, 4000)
    young = [p for p in plans if statutory.age_on(p.child.date_of_birth, today) >= 19]
    young_pks = {p.pk for p in young}
    others = [p for p in plans if p.pk not in young_pks]
    rng.shuffle(others)
    pools = {"1": young, "3": young, "4": young, "6": young}
    rows: list[Cessation] = []
    used: set[int] = set()

    def pick(reason: str, proposed_on: date, *, in_education: bool = True) -> Plan | None:
        for plan in pools.get(reason, others):
            if plan.pk not in used and _fits(plan, reason, proposed_on, today, in_education=in_education):
                used.add(plan.pk)
                return plan
        return None

    under_way = [("4", 30, 40, "decided"), ("2", 40, 50, "decided"), ("3", 90, 100, "appeal"),
                 ("2", 8, 12, "consulting"), ("9", 2, 4, "proposed")]
    for reason, low, high, stage in under_way:
        proposed_on = today - _days(rng, low + 25, high + 25) if stage in ("decided", "appeal") else \
            today - _days(rng, low, high)
        plan = pick(reason, proposed_on)
        if plan is None:
            continue
        row = _row(rng, plan, reason, proposed_on, in_education=True)
        if stage == "proposed":
            row.family_consulted_on = row.head_consulted_on = None
            row.views_received = ""
            row.status = CessationStatus.PROPOSED
        elif stage == "consulting":
            row.family_consulted_on = min(row.family_consulted_on, today)
            row.head_consulted_on = min(row.head_consulted_on, today) if row.head_consulted_on else None
        else:
            _decide(rng, row, today - _days(rng, low, high))
            if stage == "appeal":
                row.appeal_lodged_on = row.decided_on + _days(rng, 20, 40)
        rows.append(row)
    for reason in REASONS:
        for _ in range(PER_REASON):
            proposed_on = today - _days(rng, 120, 330)
            in_education = reason not in ("6",)
            if reason == "1":  # proposed soon after the 25th birthday, long enough ago to have ceased by now
                plan, proposed_on = _at_25(rng, young, used, today)
            else:
                plan = pick(reason, proposed_on, in_education=in_education)
            if plan is None:
                continue
            row = _row(rng, plan, reason, proposed_on, in_education=in_education)
            _decide(rng, row, max(row.family_consulted_on, row.head_consulted_on or row.family_consulted_on)
                    + _days(rng, 7, 21))
            row.status = CessationStatus.CEASED
            row.ceases_on = statutory.cease_takes_effect_on(row.decided_on)
            rows.append(row)
    Cessation.objects.bulk_create(rows)
    ceased = [r for r in rows if r.status == CessationStatus.CEASED]
    for row in ceased:
        Plan.objects.filter(pk=row.plan_id).update(status=PlanStatus.CEASED, ended_on=row.ceases_on,
                                                   review_due_on=None)
    return {"ceased": len(ceased), "under_way": len(rows) - len(ceased)}
