"""Appeal and mediation dates for decision letters (spec section 6.2 and 6.3).

Why a module of its own: the appeal period is counted under the Tribunal's own rules, not the SEND
Regulations, and those rules say what happens when the last day is not a working day. Letters must give the
family the real last day, so the date is worked out here and nowhere else.

* Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.20(1)(c): the appeal must reach the Tribunal
  within 2 months after the written notice of the decision was sent, or 1 month from the date a mediation
  certificate was issued, whichever is later.
* r.12(2): if the period ends on a day that is not a working day, the act is in time on the next working day.
* r.12(3): in a special educational needs case, if it ends on a day from 25 December to 1 January inclusive, or
  on any day in August, it is in time on the first working day after 1 January or 31 August.
* r.1(3): a "working day" is any day except a Saturday, Sunday, Christmas Day, Good Friday or a bank holiday.
  So the council's own closure days do not count here: only England's bank holidays do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from statutory.calendar import WorkingDayCalendar
from statutory.rules import RULES, Rule, RuleBook

HESC_RULE_12 = "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.12"


def tribunal_last_day(period_end: date, calendar: WorkingDayCalendar | None = None) -> date:
    """The day an act whose period ends on ``period_end`` is still in time (HESC Rules r.12(2) and (3)).

    ``calendar`` defaults to England's bank holidays only (r.1(3)); do not pass the council's closures.
    """
    cal = calendar or WorkingDayCalendar()
    if period_end.month == 8:  # r.12(3): any day in August -> first working day after 31 August
        return cal.roll_forward(date(period_end.year, 9, 1))
    if period_end.month == 12 and period_end.day >= 25:  # 25 Dec to 31 Dec -> after 1 January
        return cal.roll_forward(date(period_end.year + 1, 1, 2))
    if period_end.month == 1 and period_end.day == 1:
        return cal.roll_forward(date(period_end.year, 1, 2))
    # r.12(2) only. r.12(3) asks where the period itself ends, not where r.12(2) has carried it: a period ending on
    # Saturday 31 July is in time on Monday 2 August, not in September. A letter must never promise a later day
    # than the Tribunal would accept, so where the two rules could be read together the earlier reading is used
    # (a family told 2 August who sends it by then is safe under either reading).
    return cal.roll_forward(period_end)


@dataclass(frozen=True)
class AppealDates:
    """What a decision letter tells the family about appealing and mediation."""

    notice_sent: date
    appeal_by: date
    mediation_contact_by: date
    appeal_rule: Rule
    certificate_rule: Rule
    mediation_rule: Rule
    certificate_issued_rule: Rule
    mediation_held_rule: Rule

    @property
    def appeal_period_text(self) -> str:
        """E.g. "2 months"."""
        return self.appeal_rule.duration_text


def appeal_dates(
    notice_sent: date,
    *,
    certificate_issued: date | None = None,
    rules: RuleBook | None = None,
    calendar: WorkingDayCalendar | None = None,
) -> AppealDates:
    """Appeal and mediation dates for a notice sent on ``notice_sent``.

    ``appeal_by`` is the later of 2 months after the notice and 1 month after the mediation certificate (if
    one has been issued), moved under r.12 when that day is not a working day. ``mediation_contact_by`` is the
    reg 33 period: 2 months after the notice (the SEND Regulations have no non-working-day rule, so it is
    not moved).
    """
    book = rules or RULES
    appeal_rule = book.lookup("appeal", notice_sent)
    certificate_rule = book.lookup("appeal_after_certificate", notice_sent)
    mediation_rule = book.lookup("mediation_contact", notice_sent)
    end = appeal_rule.due_from(notice_sent)
    if certificate_issued is not None:
        end = max(end, certificate_rule.due_from(certificate_issued))
    return AppealDates(
        notice_sent=notice_sent,
        appeal_by=tribunal_last_day(end, calendar),
        mediation_contact_by=mediation_rule.due_from(notice_sent),
        appeal_rule=appeal_rule,
        certificate_rule=certificate_rule,
        mediation_rule=mediation_rule,
        certificate_issued_rule=book.lookup("mediation_certificate", notice_sent),
        mediation_held_rule=book.lookup("mediation_held", notice_sent),
    )


def representations_last_day(served: date, rules: RuleBook | None = None) -> date:
    """Last day of the family's time to comment on a draft plan: 15 days beginning with service (reg 13(1)(a))."""
    return (rules or RULES).lookup("representations_close", served).due_from(served)


def earliest_final_plan_date(served: date, rules: RuleBook | None = None) -> date:
    """The first day a plan may be finalised: the day after the representations window closes."""
    return WorkingDayCalendar.add_calendar_days(representations_last_day(served, rules), 1)
