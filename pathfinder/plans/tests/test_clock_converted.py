"""A statement of SEN or an LDA converted to an EHC plan: its review clock runs from the conversion."""

from __future__ import annotations

from datetime import date

from pathfinder.plans.clock import review_clock_converted
from pathfinder.plans.models import Plan, PlanKind
from statutory.review_clock import review_due


def test_the_review_clock_of_a_converted_plan_runs_from_the_conversion_day():
    plan = Plan(kind=PlanKind.CONVERTED, converted_from="statement", issued_on=date(2009, 6, 1))
    review_clock_converted(plan, converted_on=date(2016, 2, 1))
    assert (plan.converted_on, plan.first_made_on) == (date(2016, 2, 1), date(2016, 2, 1))
    assert plan.review_due_on == review_due(first_made_on=date(2016, 2, 1)).due
    assert plan.review_due_on > date(2016, 2, 1)


def test_a_review_after_the_conversion_moves_the_clock_on():
    from pathfinder.plans.clock import review_clock_reviewed

    plan = Plan(kind=PlanKind.CONVERTED)
    review_clock_converted(plan, converted_on=date(2016, 2, 1))
    review_clock_reviewed(plan, decided_on=date(2017, 1, 20))
    assert plan.review_due_on == review_due(first_made_on=date(2016, 2, 1), last_reviewed_on=date(2017, 1, 20)).due
