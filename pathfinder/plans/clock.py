"""The plan's review clock (CFA s.44(1)), kept on the plan so the council's figures are counted by the database.

``statutory.review_clock.review_due`` is the only place the date is worked out; this module copies its answer onto
the plan whenever one of its facts changes: the plan is first made (its final issue), converted from a statement or
an LDA (made on the conversion day), amended (the amended plan keeps the clock of the plan it replaces: an amendment
is not a review), reviewed (the council's decision is notified, reg 20(10)) or transferred in from another council
(reg 15(5)). Callers are inside the transaction of that change and save the plan themselves.
"""

from __future__ import annotations

from datetime import date

from pathfinder.plans.models import Plan
from statutory.review_clock import ReviewDue, review_due


def plan_review_due(plan: Plan) -> ReviewDue | None:
    """The next review's last day and its rule, or None for a plan not yet made."""
    if plan.first_made_on is None:
        return None
    return review_due(first_made_on=plan.first_made_on, last_reviewed_on=plan.last_reviewed_on,
                      transferred_in_on=plan.transferred_in_on)


def review_clock_refresh(plan: Plan) -> None:
    """Set ``review_due_on`` from the plan's facts (not saved)."""
    due = plan_review_due(plan)
    plan.review_due_on = due.due if due else None


def review_clock_start(plan: Plan, *, made_on: date) -> None:
    """A plan first made on ``made_on`` (after an assessment or a re-assessment): its first year starts."""
    plan.first_made_on = made_on
    plan.last_reviewed_on = None
    plan.transferred_in_on = None
    review_clock_refresh(plan)


def review_clock_converted(plan: Plan, *, converted_on: date) -> None:
    """A statement or learning difficulty assessment converted to this plan on ``converted_on``: the plan was made
    that day, so its first year runs from the conversion, not from the statement's date."""
    plan.converted_on = converted_on
    review_clock_start(plan, made_on=converted_on)


def review_clock_carry(plan: Plan, *, from_plan: Plan) -> None:
    """An amended plan keeps the clock of the plan it replaces."""
    plan.first_made_on = from_plan.first_made_on
    plan.last_reviewed_on = from_plan.last_reviewed_on
    plan.transferred_in_on = from_plan.transferred_in_on
    review_clock_refresh(plan)


def review_clock_reviewed(plan: Plan, *, decided_on: date) -> None:
    """The council notified its decision after a review on ``decided_on``: the next 12 months start that day."""
    plan.last_reviewed_on = decided_on
    review_clock_refresh(plan)
