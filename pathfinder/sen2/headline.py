"""The return's headline figures, counted from the return's own records, to compare before sending.

Counted from sen2.records (what the XML says), not from the database, so that a figure that disagrees with the
manager's pages (insights: timeliness, annual reviews) or with last year's published statistics shows that
the return, not the page, is wrong. The time limits come from the rule book in force on each request's day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import statutory
from pathfinder.sen2.records import Sen2Return
from statutory.calendar import add_months
from statutory.review_timeliness import OUTCOMES


@dataclass(frozen=True)
class Share:
    """``numerator`` of ``denominator`` (a measure within a time limit)."""

    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        return 100.0 * self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class Headline:
    year: int
    requests: int
    decisions_to_assess: Share  # within the time limit (reg 5(1))
    decisions_not_to_issue: Share  # within the time limit (reg 10(1))
    new_plans: int
    plans_in_time_with_exceptions: Share  # reg 13(2), every plan
    plans_in_time_without_exceptions: Share  # reg 13(2), plans with no exception (Week20 = 0)
    review_meetings: int
    review_decisions_in_time: Share  # reg 20(10)
    review_outcomes: dict[str, int]
    active_plans: int


def _due(code: str, trigger: date) -> date:
    return statutory.rule_in_force(code, trigger).due_from(trigger)


def headline(sen2_return: Sen2Return) -> Headline:
    start, end = sen2_return.year_start, sen2_return.year_end

    def in_year(day: date | None) -> bool:
        return day is not None and start <= day <= end

    requests = 0
    to_assess = [0, 0]
    not_issue = [0, 0]
    plans = [0, 0, 0, 0]  # on time, all, on time without exception, all without exception
    active = 0
    for person in sen2_return.persons:
        for request in person.requests:
            active += request.active_plan is not None
            if request.assessment_id is None or request.outcome == "H":
                continue
            received = request.received_on
            requests += in_year(received)
            if request.outcome in ("Y", "N") and in_year(request.outcome_date):
                to_assess[1] += 1
                to_assess[0] += request.outcome_date <= _due("decision_to_assess", received)
            assessment = request.assessment
            if assessment is None:
                continue
            if assessment.outcome == "N" and in_year(assessment.outcome_date):
                not_issue[1] += 1
                not_issue[0] += assessment.outcome_date <= _due("decision_not_to_issue", received)
            plan = assessment.named_plan
            if plan is not None and in_year(plan.start_date):
                on_time = plan.start_date <= _due("final_plan", received)
                plans[0] += on_time
                plans[1] += 1
                if not assessment.week20:
                    plans[2] += on_time
                    plans[3] += 1
    decision_rule = statutory.rule_in_force("review_decision", start)
    allowed = timedelta(days=(decision_rule.due_from(start) - start).days)
    cutoff = add_months(end, -12)
    counted = [r for r in sen2_return.reviews_in_year
               if in_year(r.meeting_on) and r.plan_first_made_on is not None and r.plan_first_made_on <= cutoff
               and not (r.plan_ended_on is not None and r.plan_ended_on <= end)]
    decided = [r for r in counted if r.decided]
    return Headline(
        year=start.year, requests=requests, decisions_to_assess=Share(*to_assess),
        decisions_not_to_issue=Share(*not_issue), new_plans=plans[1],
        plans_in_time_with_exceptions=Share(plans[0], plans[1]),
        plans_in_time_without_exceptions=Share(plans[2], plans[3]),
        review_meetings=len(counted),
        review_decisions_in_time=Share(sum(1 for r in decided if r.decided_on and r.decided_on <= r.meeting_on
                                           + allowed), len(decided)),
        review_outcomes={outcome: sum(1 for r in decided if r.decision == outcome) for outcome in OUTCOMES},
        active_plans=active,
    )
