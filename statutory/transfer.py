"""A plan moving with the family to another council (SEND Regulations 2014 reg 15; spec section 3.3).

Why its own module: about 14,000 plans a year move between councils. Both councils have clocks: the old one
must send the plan (reg 15(2)), the new one must tell the family what it will do (reg 15(4)) and review the plan
(reg 15(5)). The dates are worked out here once, from the rule book, so the old council's "send by" and the new
council's "tell the family by" agree whichever system computes them.

* Reg 15(2): the old council transfers the plan on the day of the move; if it became aware of the move less than
  15 working days before it, it transfers the plan within 15 working days *beginning with* the day it became
  aware (that day is day 1 if it is a working day). Working days exclude England bank holidays.
* Reg 15(4): the new council tells the parent or young person, within 6 weeks of the transfer, that the plan has
  been transferred, whether it will make an EHC needs assessment and when it will review the plan.
* Reg 15(5): the new council reviews the plan before the later of the ordinary 12-month review date and the end
  of the 3 months beginning with the day of the transfer (:func:`statutory.review_clock.review_due`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from statutory.calendar import WorkingDayCalendar
from statutory.deadlines import Deadline, Deadlines, deadline, deadline_status
from statutory.review_clock import review_due
from statutory.rules import RULES, Rule, RuleBook


@dataclass(frozen=True)
class TransferOutDue:
    """The day the old council must transfer the plan by, and why that day."""

    due: date
    rule: Rule
    #: True when the council learnt of the move too late for the day of the move to be the deadline.
    late_notice: bool

    def explain(self) -> str:
        """A sentence for the caseworker's page."""
        if self.late_notice:
            return (
                f"We learnt of the move less than {self.rule.duration_text} before it, so the plan must be sent "
                f"within {self.rule.duration_text} beginning with the day we learnt of it ({self.rule.citation})."
            )
        return f"The plan must be sent on the day of the move ({self.rule.citation})."


def transfer_out_due(
    move_on: date,
    aware_on: date,
    calendar: WorkingDayCalendar | None = None,
    *,
    rules: RuleBook | None = None,
) -> TransferOutDue:
    """The last day for the old council to transfer the plan to the new council (reg 15(2)).

    "Less than 15 working days before the move" is counted in working days from the day the council became aware
    to the day of the move: if the move falls on or after the 15th working day after ``aware_on`` the council had
    notice enough and the deadline is the day of the move itself. Learning of a move after it happened is still
    "less than 15 working days before" it.
    """
    calendar = calendar or WorkingDayCalendar()
    rule = (rules or RULES).lookup("transfer_out", aware_on)
    notice = calendar.count_working_days(aware_on, move_on)
    if notice >= rule.amount:
        return TransferOutDue(due=move_on, rule=rule, late_notice=False)
    return TransferOutDue(due=rule.due_from(aware_on, calendar), rule=rule, late_notice=True)


def transfer_out_deadline(
    move_on: date,
    aware_on: date,
    *,
    today: date,
    sent_on: date | None = None,
    calendar: WorkingDayCalendar | None = None,
    rules: RuleBook | None = None,
) -> Deadline:
    """The reg 15(2) deadline as a :class:`Deadline` (status against ``today``), for pages and worklists."""
    found = transfer_out_due(move_on, aware_on, calendar, rules=rules)
    base = deadline(
        "transfer_out", "Send the plan to the new council", found.rule, aware_on, today=today,
        completed_on=sent_on, trigger_label="we learnt of the move", calendar=calendar,
    )
    if found.late_notice:
        return base
    # Notice enough: the deadline is the day of the move, whatever the rule's period would give.
    return replace(
        base, due=move_on, status=deadline_status(move_on, sent_on, today),
        note="We had notice enough, so the plan is sent on the day of the move.",
    )


def transfer_in_deadlines(
    transferred_on: date,
    first_made_on: date,
    last_reviewed_on: date | None,
    today: date,
    *,
    notice_sent_on: date | None = None,
    reviewed_on: date | None = None,
    rules: RuleBook | None = None,
) -> Deadlines:
    """The new council's deadlines for a plan transferred in on ``transferred_on``: the reg 15(4) notice to the
    family and the first review here (reg 15(5), the later of the 12-month date and 3 months from the transfer).
    """
    book = rules or RULES
    notice_rule = book.lookup("transfer_in_notice", transferred_on)
    notice = deadline(
        "transfer_in_notice", "Tell the family whether we will assess and when we will review", notice_rule,
        transferred_on, today=today, completed_on=notice_sent_on,
        trigger_label="the plan was transferred to us",
    )
    found = review_due(first_made_on=first_made_on, last_reviewed_on=last_reviewed_on,
                       transferred_in_on=transferred_on, rules=book)
    review = deadline(
        "transfer_in_review", "Review the plan", found.rule, found.trigger, today=today, completed_on=reviewed_on,
        trigger_label=found.trigger_label, began_with=found.trigger_label,
    )
    return Deadlines(today=today, deadlines=tuple(sorted((notice, review), key=lambda d: (d.due, d.step))))
