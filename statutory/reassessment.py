"""Re-assessing a child or young person who already has an EHC plan (SEND Regulations 2014 regs 24-27).

Why its own module: a re-assessment runs on clocks of its own, not the 6- and 20-week clocks of a first
assessment, and the council's one special ground for refusing is about time since the last assessment:

* Reg 25(1): the council tells the parent or young person whether it will re-assess within 15 days of the
  request (rule ``reassessment_decision``).
* Reg 24(2): it may refuse a request made within 6 months of the last EHC needs assessment unless it thinks a
  further assessment is necessary (rule ``reassessment_refusal_window``). Outside that window a refusal needs
  other reasons, and any refusal comes with appeal rights (reg 25(2), CFA s.51(2)(a)).
* Reg 27(2): the finalised plan is due within 14 weeks of the day the family was told the council will re-assess
  (rule ``reassessment_final``), with the exceptions of reg 10(4)(a)-(d) (reg 27(3)). Exceptions never move the
  date; they can only excuse lateness (:mod:`statutory.deadlines`).
"""

from __future__ import annotations

from datetime import date

from statutory.calendar import WorkingDayCalendar
from statutory.deadlines import Deadline, Deadlines, deadline
from statutory.rules import RULES, RuleBook

DECISION_STEP = "decision_to_assess"
FINAL_STEP = "final_plan"


def refusal_window_ends(last_assessment_on: date, *, rules: RuleBook | None = None) -> date:
    """The last day a request counts as made "within 6 months of the last EHC needs assessment" (reg 24(2)).

    Six months after the last assessment, clamped to the month end (31 August + 6 months = the last day of
    February): a request made on that day is still within the window.
    """
    rule = (rules or RULES).lookup("reassessment_refusal_window", last_assessment_on)
    return rule.due_from(last_assessment_on)


def may_refuse_as_too_soon(
    request_received: date, last_assessment_on: date | None, *, rules: RuleBook | None = None
) -> bool:
    """True when the council may refuse the request as too soon after the last assessment (reg 24(2)).

    Without a known last assessment there is no window, so the answer is False (refuse only on other reasons).
    """
    if last_assessment_on is None or request_received < last_assessment_on:
        return False
    return request_received <= refusal_window_ends(last_assessment_on, rules=rules)


def reassessment_problems(
    request_received: date,
    *,
    decision_on: date | None = None,
    decided: bool | None = None,
    last_assessment_on: date | None = None,
    final_issued_on: date | None = None,
    today: date,
) -> list[str]:
    """Plain-English problems with the facts of a re-assessment (empty when they make sense)."""
    problems: list[str] = []
    if request_received > today:
        problems.append("The date the request was received cannot be in the future")
    if last_assessment_on is not None and last_assessment_on > request_received:
        problems.append("The last assessment cannot be after the request for a re-assessment")
    if decision_on is not None:
        if decision_on < request_received:
            problems.append("The decision cannot be before the request was received")
        if decision_on > today:
            problems.append("The date of the decision cannot be in the future")
        if decided is None:
            problems.append("Say whether the council decided to re-assess")
    elif decided is not None:
        problems.append("Give the date of the decision")
    if final_issued_on is not None:
        if decided is not True or decision_on is None:
            problems.append("A plan cannot be finalised after a re-assessment the council has not agreed to")
        elif final_issued_on < decision_on:
            problems.append("The final plan cannot be issued before the decision to re-assess")
        if final_issued_on > today:
            problems.append("The date the final plan was issued cannot be in the future")
    return problems


def reassessment_deadlines(
    request_received: date,
    decision_on: date | None = None,
    decided: bool | None = None,
    last_assessment_on: date | None = None,
    final_issued_on: date | None = None,
    *,
    today: date,
    calendar: WorkingDayCalendar | None = None,
    rules: RuleBook | None = None,
) -> Deadlines:
    """The re-assessment's deadlines as they stood on ``today``: the decision (reg 25(1)) and, once the council
    has decided to re-assess, the finalised plan (reg 27(2)). A refusal ends the plan's clock before it starts.
    """
    book = rules or RULES
    note = ""
    if last_assessment_on is not None and may_refuse_as_too_soon(request_received, last_assessment_on, rules=book):
        window = book.lookup("reassessment_refusal_window", last_assessment_on)
        note = (
            f"The request came within {window.duration_text} of the last assessment, so the council may refuse "
            f"it as too soon ({window.citation})."
        )
    decision = deadline(
        DECISION_STEP, "Decide whether to re-assess and tell the family",
        book.lookup("reassessment_decision", request_received), request_received, today=today,
        completed_on=decision_on, trigger_label="the request being received", calendar=calendar, note=note,
    )
    out: list[Deadline] = [decision]
    if decision_on is not None and decided:
        out.append(deadline(
            FINAL_STEP, "Issue the final EHC plan after the re-assessment",
            book.lookup("reassessment_final", decision_on), decision_on, today=today,
            completed_on=final_issued_on, trigger_label="telling the family we will re-assess", calendar=calendar,
        ))
    return Deadlines(today=today, deadlines=tuple(sorted(out, key=lambda d: (d.due, d.step))))
