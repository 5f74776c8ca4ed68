"""The phase-transfer cohort: every child with a plan who moves school next September, and who is at risk.

Children moving phase (early years to school, infant to junior, primary to secondary, secondary to post-16 ...)
must have their plan amended, naming the next school, before 15 February (31 March for post-16) of the year they
move (reg 18; statutory.phase_transfer). In the autumn the council looks at the whole cohort, by year group, with
each step's latest safe date worked back from that long stop, and sees who is behind.

Counted by the database: who is in the cohort is a date-of-birth range per year group and the phases that move at
it (``people.Child.setting_phase``), so the query uses the index on the date of birth; where each child stands
comes from ``Exists`` subqueries on their plans (an amendment with its notice served, an amended plan issued this
cycle) and on review meetings held this cycle (``reviews.evidence``), one per step in ``STEP_EVIDENCE``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet

import statutory
from pathfinder.plans.models import Plan, PlanKind, PlanStatus
from pathfinder.reviews.evidence import meeting_held_since
from statutory.phase_transfer import POST_16, TRANSFER_POINTS, long_stop, safe_dates

#: The steps in the order they are done, each with the evidence that it has been: a function (transfer year) ->
#: a subquery filter over the final plan's rows (OuterRef("pk") is the plan, OuterRef("child_id") the child).
STEP_ORDER = ("meeting", "amendment_notice", "final")
STEP_EVIDENCE: dict[str, Callable[[int], Exists | ExpressionWrapper]] = {}
STEP_WORDS = {"meeting": "Review meeting held", "amendment_notice": "Proposed amendments sent",
              "final": "Amended plan issued"}


def cycle_start(transfer_year: int) -> date:
    """Work for a September move counts from the September a year before (the autumn the cohort is seen)."""
    return date(transfer_year - 1, 9, 1)


def _amendment_notice(transfer_year: int) -> Exists:
    return Exists(Plan.objects.filter(
        amends=OuterRef("pk"), kind=PlanKind.AMENDMENT, draft_sent_on__gte=cycle_start(transfer_year),
        status__in=[PlanStatus.DRAFT_SENT, PlanStatus.FINAL]))


def _final_this_cycle(transfer_year: int) -> ExpressionWrapper:
    # The child's current final plan was issued this cycle: the amended plan naming the new school (or a new plan).
    return ExpressionWrapper(Q(issued_on__gte=cycle_start(transfer_year)), output_field=BooleanField())


STEP_EVIDENCE["meeting"] = lambda transfer_year: meeting_held_since(cycle_start(transfer_year))
STEP_EVIDENCE["amendment_notice"] = _amendment_notice
STEP_EVIDENCE["final"] = _final_this_cycle


def _dob_range(going_into: int, transfer_year: int) -> tuple[date, date]:
    """Children going into national curriculum year ``going_into`` on 1 September ``transfer_year``."""
    cohort_end = transfer_year - going_into - 4  # the school year of their birth ends in this year
    return date(cohort_end - 1, 9, 1), date(cohort_end, 8, 31)


def _points() -> dict[int, tuple[str, ...]]:
    """Year group going into -> the phases that move at it."""
    points: dict[int, list[str]] = {}
    for (phase, going_into) in TRANSFER_POINTS:
        points.setdefault(going_into, []).append(phase)
    return {year: tuple(phases) for year, phases in sorted(points.items())}


def _at_point(going_into: int, phases: tuple[str, ...], transfer_year: int) -> Q:
    return Q(child__date_of_birth__range=_dob_range(going_into, transfer_year), child__setting_phase__in=phases)


def cohort_plans(transfer_year: int) -> QuerySet[Plan]:
    """The final plans of every child who makes a phase transfer on 1 September ``transfer_year``, with the
    evidence of each step annotated as ``done_<step>``, the most at risk first, then by name."""
    in_cohort = Q(pk__in=[])
    for going_into, phases in _points().items():
        in_cohort |= _at_point(going_into, phases, transfer_year)
    plans = Plan.objects.filter(status=PlanStatus.FINAL).filter(in_cohort)
    return plans.annotate(**{f"done_{step}": STEP_EVIDENCE[step](transfer_year) for step in _steps()})


def _steps() -> tuple[str, ...]:
    """The steps whose evidence is known (a review meeting once the reviews domain registers it)."""
    return tuple(step for step in STEP_ORDER if step in STEP_EVIDENCE)


def _behind(safe: dict[str, date], today: date) -> Q:
    """Plans not past the latest step whose safe date has gone: neither it nor a later step is done."""
    passed = [step for step in _steps() if today > safe[step]]
    if not passed:
        return Q(pk__in=[])
    q = Q()
    for step in _steps()[_steps().index(passed[-1]):]:
        q &= Q(**{f"done_{step}": False})
    return q


def at_risk_filter(transfer_year: int, today: date) -> Q:
    """At risk: the first step not yet done is past its latest safe date. The safe dates are the same for every
    school transfer (long stop before 15 February) and for every post-16 one (before 31 March)."""
    post_16 = Q(child__date_of_birth__range=_dob_range(12, transfer_year))
    q = Q(pk__in=[])
    for kind, scope in ((POST_16, post_16), ("primary to secondary", ~post_16)):
        final_by, _ = long_stop(kind, transfer_year)
        q |= scope & _behind({s.step: s.latest for s in safe_dates(final_by)}, today)
    return q


@dataclass(frozen=True)
class CohortSummary:
    transfer_year: int
    by_kind: dict[str, int]
    total: int
    done: int
    at_risk: int


_KIND_FOR_YEAR = {0: "Early years to school", 3: "Infant to junior", 5: "First to middle", 6: "First to middle",
                  7: "Primary or junior to secondary", 9: "Middle to secondary", 12: "Secondary to post-16"}


def cohort_summary(transfer_year: int, today: date) -> CohortSummary:
    """Counts for the whole cohort, by kind of transfer, done and at risk, in one query."""
    aggregates = {f"y{going_into}": Count("pk", filter=_at_point(going_into, phases, transfer_year))
                  for going_into, phases in _points().items()}
    aggregates["done"] = Count("pk", filter=Q(done_final=True))
    aggregates["at_risk"] = Count("pk", filter=at_risk_filter(transfer_year, today))
    counts = cohort_plans(transfer_year).aggregate(**aggregates)
    by_kind: dict[str, int] = {}
    for going_into in _points():
        label = _KIND_FOR_YEAR[going_into]
        by_kind[label] = by_kind.get(label, 0) + counts[f"y{going_into}"]
    return CohortSummary(transfer_year=transfer_year, by_kind=by_kind, total=sum(by_kind.values()),
                         done=counts["done"], at_risk=counts["at_risk"])


@dataclass(frozen=True)
class CohortRow:
    plan: Plan
    transfer: statutory.PhaseTransfer
    done: tuple[str, ...]
    next_step: statutory.SafeDate | None  # the first step not done yet
    at_risk: bool  # its latest safe date has passed

    @property
    def done_words(self) -> str:
        return ", ".join(STEP_WORDS[step] for step in self.done)

    @property
    def going_into(self) -> int:
        return statutory.national_curriculum_year(self.plan.child.date_of_birth, self.transfer.transfer_on)


def cohort_rows(plans: list[Plan], transfer_year: int, today: date) -> list[CohortRow]:
    """Where each child on a page of the cohort stands: steps done, the next step and its latest safe date."""
    rows = []
    for plan in plans:
        child = plan.child
        transfer = statutory.phase_transfer(date_of_birth=child.date_of_birth, phase=child.setting_phase,
                                            transfer_year=transfer_year)
        if transfer is None:
            continue
        steps = _steps()
        done = tuple(step for step in steps if getattr(plan, f"done_{step}", False))
        last_done = max((steps.index(step) for step in done), default=-1)
        pending = [s for s in transfer.safe_dates if s.step in steps and steps.index(s.step) > last_done]
        next_step = pending[0] if pending else None
        rows.append(CohortRow(plan=plan, transfer=transfer, done=done, next_step=next_step,
                              at_risk=next_step is not None and today > next_step.latest))
    return rows
