"""The demo county's amendments: plans being amended after their annual review, and amended plans issued.

A few final plans from build_plans get an amendment: still being written after the review meeting, with the notice
served and the family's time to comment open, late (the notice served but no amended plan 8 weeks on), and issued
(the earlier plan replaced, the review clock carried and restarted from the review decision served with the notice,
R (L, M, P) v Devon CC). Every date is worked out from the rule book (statutory.amendment_timeline), so the demo
agrees with the law: the notice within the 4 weeks after the meeting, the amended plan after the family's 15 days
and, except for the late ones, within 8 weeks of the notice. Written directly (not through the services), so no
messages or PDFs are made; the changes are real rows, so the tracked changes and versions pages have something to
show.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction

from pathfinder.plans import clock
from pathfinder.plans.amendments import COPIED_FIELDS, _copy_items
from pathfinder.plans.changes import draft_snapshot_take
from pathfinder.plans.models import DRAFT_STATUSES, Plan, PlanKind, PlanStatus
from statutory import amendment_earliest_final, rule_in_force

REASONS = (
    "The annual review found {name} needs more speech and language therapy.",
    "{name} is moving to secondary school in September: section I and the provision change with the move.",
    "The annual review agreed new outcomes now that {name} has met the last ones.",
    "{name}'s occupational therapy report recommends a sensory break plan every day.",
)
EXTRA_PROVISION = ("A sensory break plan, agreed with {name}, used in every lesson. How much: up to 5 minutes. "
                   "How often: when {name} shows the agreed signs")
# How many of each: (being written, notice served and window open, late, issued).
COUNTS = {"draft": 3, "open": 3, "late": 2, "issued": 4}


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, high))


def _propose(plan: Plan, rng: random.Random, meeting: date) -> Plan:
    """A draft amendment of ``plan``: a full copy with section F changed (more of the first provision, and a new
    one), as a caseworker would write it after the review meeting."""
    name = plan.child.preferred_name or plan.child.legal_first_name
    amendment = Plan.objects.create(
        child=plan.child, kind=PlanKind.AMENDMENT, amends=plan, status=PlanStatus.DRAFT, review_meeting_on=meeting,
        amendment_reason=rng.choice(REASONS).format(name=name), updated_by=plan.updated_by,
        **{field: getattr(plan, field) for field in COPIED_FIELDS},
    )
    _copy_items(plan, amendment)
    first = amendment.provisions.filter(section="F").order_by("order", "pk").first()
    if first is not None:
        first.frequency = "twice a week during term time" if "once" in first.frequency else "every school day"
        first.save(update_fields=["frequency"])
        extra = amendment.provisions.create(section="F", description=EXTRA_PROVISION.format(name=name),
                                            amount="up to 5 minutes", frequency="as needed, each lesson",
                                            provided_by="Class teacher and teaching assistant", order=99)
        extra.needs.set(first.needs.all())
    return amendment


def _serve(amendment: Plan, on: date) -> None:
    amendment.status = PlanStatus.DRAFT_SENT
    amendment.draft_sent_on = on
    amendment.save(update_fields=["status", "draft_sent_on"])
    draft_snapshot_take(amendment, on)


def build_amendments(rng: random.Random, *, today: date) -> dict[str, int]:
    """Amend a few final plans made over a year before ``today``; returns how many of each kind."""
    notice_rule = rule_in_force("review_decision", today)
    final_rule = rule_in_force("amendment_final", today)
    candidates = list(
        Plan.objects.filter(status=PlanStatus.FINAL, kind=PlanKind.NEW, needs__isnull=False,
                            issued_on__lte=today - timedelta(days=430))
        .exclude(child__plans__status__in=DRAFT_STATUSES).select_related("child").distinct().order_by("pk")[:200]
    )
    chosen = rng.sample(candidates, min(len(candidates), sum(COUNTS.values())))
    made = dict.fromkeys(COUNTS, 0)
    kinds = [kind for kind, n in COUNTS.items() for _ in range(n)]
    with transaction.atomic():
        for plan, kind in zip(chosen, kinds, strict=False):
            if kind == "draft":
                meeting = today - _days(rng, 3, 20)
                _propose(plan, rng, meeting)
            elif kind == "open":
                meeting = today - _days(rng, 15, 25)
                notice = min(today - _days(rng, 1, 10), notice_rule.due_from(meeting))
                _serve(_propose(plan, rng, meeting), notice)
            elif kind == "late":
                # Served more than the 8 weeks ago, on time after its meeting, and no amended plan yet.
                notice = today - (final_rule.due_from(today) - today) - _days(rng, 5, 30)
                meeting = notice - _days(rng, 7, 20)
                _serve(_propose(plan, rng, meeting), notice)
            else:
                # Recently, not a year after the plan was first issued: the annual reviews (built before) run on
                # to this year, so an amended plan dated years ago would sit before reviews of the plan it replaced.
                meeting = today - _days(rng, 75, 120)
                notice = meeting + _days(rng, 10, 25)
                issued = amendment_earliest_final(notice) + _days(rng, 5, 30)
                if issued > today:
                    continue
                amendment = _propose(plan, rng, meeting)
                _serve(amendment, notice)
                plan.status = PlanStatus.REPLACED
                plan.save(update_fields=["status"])
                amendment.status, amendment.issued_on = PlanStatus.FINAL, issued
                clock.review_clock_carry(amendment, from_plan=plan)
                # The review's decision to amend was notified with the notice (reg 20(10)): the next year starts then.
                clock.review_clock_reviewed(amendment, decided_on=notice)
                amendment.save()
            made[kind] += 1
    return {f"amendments_{kind}": n for kind, n in made.items()}
