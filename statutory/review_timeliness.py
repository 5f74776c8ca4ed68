"""Annual reviews counted the way the DfE counts them ("Education, health and care plans", annual_reviews.csv).

The DfE publishes, for each calendar year: plans where an annual review was expected (the plan had been in place
for 12 months or more at the end of the year), how many had a review meeting recorded and how many had none, and
of the review decisions how many were communicated within 4 weeks of the meeting (reg 20(10)) and how many after;
and the outcome of each decision (amend, cease, maintain; none recorded). England 2024: 524,654 reviews expected,
70,893 with no meeting, 44.4% of decisions within 4 weeks.

Why a function over plain facts: the manager's page counts the same measures with the database at national scale
(pathfinder.insights); this is the oracle its tests compare against, and the place the DfE's definitions live.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from statutory.calendar import add_months
from statutory.rules import RULES, RuleBook
from statutory.timeliness import TimelinessMeasure

OUTCOMES = ("maintain", "amend", "cease")


@dataclass(frozen=True)
class ReviewCase:
    """One plan for the year: when it was first made, and its latest review meeting and decision in the year."""

    first_made_on: date
    meeting_on: date | None = None
    decided_on: date | None = None
    outcome: str = ""  # "maintain", "amend" or "cease" once decided


@dataclass(frozen=True)
class ReviewTimelinessReport:
    year_start: date
    year_end: date
    expected: int
    meetings: int
    no_meeting: int
    decisions_outstanding: int
    within_4_weeks: TimelinessMeasure
    outcomes: dict[str, int]


def review_expected(first_made_on: date, year_end: date) -> bool:
    """An annual review is expected for a plan in place for 12 months or more by the end of the year."""
    return add_months(first_made_on, 12) <= year_end


def review_timeliness_report(
    cases: Iterable[ReviewCase], *, year_start: date, year_end: date, rules: RuleBook | None = None
) -> ReviewTimelinessReport:
    """The DfE's annual review measures for the period ``year_start`` .. ``year_end`` (inclusive)."""
    expected = meetings = outstanding = on_time = decided = 0
    outcomes = dict.fromkeys(OUTCOMES, 0)
    rule = (rules or RULES).lookup("review_decision", year_start)
    for case in cases:
        if not review_expected(case.first_made_on, year_end):
            continue
        expected += 1
        if case.meeting_on is None or not year_start <= case.meeting_on <= year_end:
            continue
        meetings += 1
        if case.decided_on is None:
            outstanding += 1
            continue
        decided += 1
        if case.decided_on <= rule.due_from(case.meeting_on):
            on_time += 1
        if case.outcome in outcomes:
            outcomes[case.outcome] += 1
    return ReviewTimelinessReport(
        year_start=year_start, year_end=year_end, expected=expected, meetings=meetings,
        no_meeting=expected - meetings, decisions_outstanding=outstanding,
        within_4_weeks=TimelinessMeasure(f"Review decisions within {rule.duration_text} of the meeting", on_time,
                                         decided, rule.citation),
        outcomes=outcomes,
    )
