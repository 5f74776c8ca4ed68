"""Annual reviews counted the way the DfE counts them, by the database, and plans not reviewed for over a year.

``statutory.review_timeliness_report`` holds the DfE's definitions and is the oracle the tests compare against; this
module asks the same questions of the whole council in a fixed number of aggregate queries (indexes: plans by status
and review date, reviews by status and meeting date), so the page stays quick at national scale.

* Expected: plans in force at the end of the year (final, or ceased or moved away after it) that had been in place
  for 12 months or more by then (an amended plan keeps the date its first version was made).
* Meetings: reviews of those plans whose meeting was held in the year; no meeting: expected less meetings.
* Decisions within 4 weeks of the meeting (reg 20(10)), outstanding decisions, and the outcomes.

One difference from the DfE: it counts a plan's latest review in the year, this counts every review meeting held
(a child under 5 reviewed twice in a year counts twice here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, DateField, ExpressionWrapper, F, Min, Q

import statutory
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews.evidence import HELD
from pathfinder.reviews.models import Review, ReviewStatus
from statutory.calendar import add_months
from statutory.review_timeliness import OUTCOMES

IN_FORCE_OR_ENDED = (PlanStatus.FINAL, PlanStatus.CEASED, PlanStatus.TRANSFERRED)


def _expected_plans(year_end: date) -> Q:
    in_force_then = Q(status=PlanStatus.FINAL) | Q(status__in=IN_FORCE_OR_ENDED, ended_on__gt=year_end)
    return in_force_then & Q(first_made_on__lte=add_months(year_end, -12))


def council_review_figures(year_start: date, year_end: date) -> statutory.ReviewTimelinessReport:
    """The DfE's annual review measures for ``year_start`` .. ``year_end`` (inclusive), for the whole council."""
    if year_end < year_start:
        raise ValueError("year_end is before year_start")
    rule = statutory.rule_in_force("review_decision", year_start)
    allowed = timedelta(days=(rule.due_from(year_start) - year_start).days)
    expected = Plan.objects.filter(_expected_plans(year_end)).count()
    cutoff = add_months(year_end, -12)
    # A review's plan was final when reviewed; it may since have been replaced by its amendment (still in force,
    # as its successor), or have ended: left out if it ended by the year's end.
    reviews = Review.objects.filter(
        meeting_on__range=(year_start, year_end), status__in=HELD, plan__first_made_on__lte=cutoff,
    ).exclude(plan__status__in=[PlanStatus.CEASED, PlanStatus.TRANSFERRED], plan__ended_on__lte=year_end)
    decided = Q(status=ReviewStatus.DECIDED)
    in_time = ExpressionWrapper(F("meeting_on") + allowed, output_field=DateField())
    counts = reviews.aggregate(
        meetings=Count("pk"), outstanding=Count("pk", filter=~decided), decided=Count("pk", filter=decided),
        on_time=Count("pk", filter=decided & Q(decided_on__lte=in_time)),
        **{outcome: Count("pk", filter=decided & Q(decision=outcome)) for outcome in OUTCOMES},
    )
    return statutory.ReviewTimelinessReport(
        year_start=year_start, year_end=year_end, expected=expected, meetings=counts["meetings"],
        no_meeting=max(expected - counts["meetings"], 0), decisions_outstanding=counts["outstanding"],
        within_4_weeks=statutory.TimelinessMeasure(
            f"Review decisions within {rule.duration_text} of the meeting", counts["on_time"], counts["decided"],
            rule.citation),
        outcomes={outcome: counts[outcome] for outcome in OUTCOMES},
    )


@dataclass(frozen=True)
class NotReviewed:
    """Final plans whose review date has passed with no review decision: how many, and since when."""

    count: int
    oldest_due: date | None


def plans_not_reviewed(today: date) -> NotReviewed:
    """Plans not reviewed within their 12 months (CFA s.44(1)): their review date is before today."""
    overdue = Plan.objects.filter(status=PlanStatus.FINAL, review_due_on__lt=today)
    row = overdue.aggregate(n=Count("pk"), oldest=Min("review_due_on"))
    return NotReviewed(count=row["n"], oldest_due=row["oldest"])
