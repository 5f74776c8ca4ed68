"""When a plan's next review is due (CFA s.44(1); reg 15(5) after a move of council; CoP 9.178 for under-5s).

Why its own module: every part of the plan's life needs this one date. The plan stores it (``review_due_on``) so
that the council's figures ("plans not reviewed for more than 12 months", "reviews due this term") are counted by
the database at national scale; this function is the only place it is worked out, and tests compare the stored
value against it.

* A plan is reviewed "within the period of 12 months starting with the date on which the plan was first made,
  and within each subsequent period of 12 months starting with the date on which the plan was last reviewed"
  (CFA s.44(1)): the last day is the trigger + 12 months - 1 day.
* "Reviewed" means the council's decision after the review meeting was notified (reg 20(10)); a plan amended
  for any other reason (a Tribunal order) keeps its clock (spec section 3.1, R1).
* A plan transferred from another council is reviewed before the expiry of the *later* of that period and the
  3 months beginning with the day of the transfer (reg 15(5)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from statutory.rules import RULES, Rule, RuleBook


@dataclass(frozen=True)
class ReviewDue:
    """The last day for the next review, and the rule it comes from."""

    due: date
    rule: Rule
    trigger: date
    trigger_label: str


def review_due(
    *,
    first_made_on: date,
    last_reviewed_on: date | None = None,
    transferred_in_on: date | None = None,
    rules: RuleBook | None = None,
) -> ReviewDue:
    """The last day by which the plan must next be reviewed.

    ``last_reviewed_on`` is the day the council notified its last review decision, if there was one;
    ``transferred_in_on`` the day the plan came from another council, if it did and has not been reviewed here
    since (a review here after the transfer counts from its own date, and the reg 15(5) floor no longer applies).
    """
    book = rules or RULES
    if last_reviewed_on is not None and last_reviewed_on < first_made_on:
        raise ValueError("A plan cannot be reviewed before it was first made")
    trigger = last_reviewed_on or first_made_on
    label = "the plan was last reviewed" if last_reviewed_on else "the plan was first made"
    annual = book.lookup("annual_review", trigger)
    due = annual.due_from(trigger)
    if transferred_in_on is not None and (last_reviewed_on is None or last_reviewed_on <= transferred_in_on):
        after_move = book.lookup("transfer_in_review", transferred_in_on)
        floor = after_move.due_from(transferred_in_on)
        if floor > due:
            return ReviewDue(due=floor, rule=after_move, trigger=transferred_in_on,
                             trigger_label="the plan was transferred from another council")
    return ReviewDue(due=due, rule=annual, trigger=trigger, trigger_label=label)


def early_years_review_prompt(*, made_or_reviewed_on: date, rules: RuleBook | None = None) -> ReviewDue:
    """For a child under 5: the date by which the council should consider a review (guidance, CoP 9.178)."""
    rule = (rules or RULES).lookup("early_years_review", made_or_reviewed_on)
    return ReviewDue(due=rule.due_from(made_or_reviewed_on), rule=rule, trigger=made_or_reviewed_on,
                     trigger_label="the plan was made or last reviewed")
