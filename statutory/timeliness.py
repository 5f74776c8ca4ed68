"""Timeliness counted the way the DfE counts it (SEN2; spec sections 1.2 point 4 and 7).

Why separate from the per-case timeline: published measures are ratios over *events in a period* (decisions
made, plans issued), not a view of one case. Each event is counted in the period in which it happened and is
timely iff it happened on or before its statutory due date; exceptions never move the due date.

"Excluding exceptions" follows SEN2 ``Week20``: cases where a 20-week exception applies are removed from both
numerator and denominator, whether or not the plan was late (DfE 2024: incl. 41,448/90,392, excl.
39,407/84,866 - the numerator falls too, so on-time cases with an exception are also removed). A case counts
as "exception applies" when an E1-E4 exception claimed for the final plan overlaps the 20 weeks and has a
causal note, i.e. the final_plan deadline's ``exception_codes`` is not empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from statutory.assessment import assessment_timeline
from statutory.assessment_facts import AssessmentFacts
from statutory.calendar import WorkingDayCalendar
from statutory.rules import RULES, SEND_2014_IN_FORCE, RuleBook


@dataclass(frozen=True)
class TimelinessCase:
    """The few facts the DfE measures need, e.g. from a SEN2 return (``week20_exception`` is Week20)."""

    request_received: date
    decision_to_assess: date | None = None
    decided_to_assess: bool | None = None
    decision_to_issue: date | None = None
    decided_to_issue: bool | None = None
    final_plan_issued: date | None = None
    week20_exception: bool = False


def case_from_facts(
    facts: AssessmentFacts,
    *,
    calendar: WorkingDayCalendar | None = None,
    rules: RuleBook | None = None,
) -> TimelinessCase:
    """Reduce full assessment facts to a :class:`TimelinessCase`, working out the Week20 flag."""
    timeline = assessment_timeline(
        facts, today=facts.final_plan_issued or facts.request_received, calendar=calendar, rules=rules
    )
    return TimelinessCase(
        request_received=facts.request_received,
        decision_to_assess=facts.decision_to_assess,
        decided_to_assess=facts.decided_to_assess,
        decision_to_issue=facts.decision_to_issue,
        decided_to_issue=facts.issuing,
        final_plan_issued=facts.final_plan_issued,
        week20_exception=bool(timeline["final_plan"].exception_codes),
    )


@dataclass(frozen=True)
class TimelinessMeasure:
    """numerator of denominator events were on time."""

    label: str
    numerator: int
    denominator: int
    citation: str = ""

    @property
    def percent(self) -> float | None:
        """Percentage on time (unrounded), or None when nothing was counted."""
        if self.denominator == 0:
            return None
        return 100.0 * self.numerator / self.denominator

    def __str__(self) -> str:
        pct = "n/a" if self.percent is None else f"{self.percent:.1f}%"
        return f"{self.label}: {self.numerator}/{self.denominator} ({pct})"


@dataclass(frozen=True)
class TimelinessReport:
    """The DfE headline timeliness measures for one period (inclusive dates)."""

    period_start: date
    period_end: date
    decisions_to_assess: TimelinessMeasure
    decisions_not_to_issue: TimelinessMeasure
    final_plans_including_exceptions: TimelinessMeasure
    final_plans_excluding_exceptions: TimelinessMeasure

    @property
    def measures(self) -> tuple[TimelinessMeasure, ...]:
        return (
            self.decisions_to_assess,
            self.decisions_not_to_issue,
            self.final_plans_including_exceptions,
            self.final_plans_excluding_exceptions,
        )


def timeliness_report(
    cases: Iterable[AssessmentFacts | TimelinessCase],
    *,
    period_start: date,
    period_end: date,
    calendar: WorkingDayCalendar | None = None,
    rules: RuleBook | None = None,
) -> TimelinessReport:
    """Count, for events dated ``period_start``..``period_end`` inclusive (e.g. a calendar year for SEN2):

    - decisions whether to assess (yes or no) made within 6 weeks of the request;
    - decisions not to issue a plan made within 16 weeks of the request;
    - final plans issued within 20 weeks of the request, including and excluding 20-week exceptions.
    """
    if period_end < period_start:
        raise ValueError("period_end is before period_start")
    book = rules or RULES
    cal = calendar or WorkingDayCalendar()

    def in_period(day: date | None) -> bool:
        return day is not None and period_start <= day <= period_end

    def due(code: str, received: date) -> date:
        return book.lookup(code, received).due_from(received, cal)

    assess = [0, 0]
    no_plan = [0, 0]
    plans_incl = [0, 0]
    plans_excl = [0, 0]
    for item in cases:
        case = item if isinstance(item, TimelinessCase) else case_from_facts(item, calendar=cal, rules=book)
        received = case.request_received
        if case.decided_to_assess is not None and in_period(case.decision_to_assess):
            assert case.decision_to_assess is not None
            assess[1] += 1
            assess[0] += case.decision_to_assess <= due("decision_to_assess", received)
        if case.decided_to_issue is False and in_period(case.decision_to_issue):
            assert case.decision_to_issue is not None
            no_plan[1] += 1
            no_plan[0] += case.decision_to_issue <= due("decision_not_to_issue", received)
        if in_period(case.final_plan_issued):
            assert case.final_plan_issued is not None
            on_time = case.final_plan_issued <= due("final_plan", received)
            plans_incl[1] += 1
            plans_incl[0] += on_time
            if not case.week20_exception:
                plans_excl[1] += 1
                plans_excl[0] += on_time

    # The labels and citations read the rows in force at the end of the period, as the published measures do.
    on = max(period_end, SEND_2014_IN_FORCE)
    assess_rule = book.lookup("decision_to_assess", on)
    no_plan_rule = book.lookup("decision_not_to_issue", on)
    plan_rule = book.lookup("final_plan", on)
    return TimelinessReport(
        period_start=period_start,
        period_end=period_end,
        decisions_to_assess=TimelinessMeasure(
            f"Decisions whether to assess made within {assess_rule.duration_text}", *assess, assess_rule.citation
        ),
        decisions_not_to_issue=TimelinessMeasure(
            f"Decisions not to issue a plan made within {no_plan_rule.duration_text}", *no_plan,
            no_plan_rule.citation,
        ),
        final_plans_including_exceptions=TimelinessMeasure(
            f"EHC plans issued within {plan_rule.duration_text} (including exceptions)",
            *plans_incl,
            plan_rule.citation,
        ),
        final_plans_excluding_exceptions=TimelinessMeasure(
            f"EHC plans issued within {plan_rule.duration_text} (excluding exceptions)",
            *plans_excl,
            plan_rule.citation,
        ),
    )
