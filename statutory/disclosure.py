"""Dates for disclosure: the window of the inspectors' lists, and the day a subject access request must be answered.

Why here: the window ("requests in the last 12 months") and the one-month limit of UK GDPR Art.12(3) are periods,
and periods live in the rule book (statutory/rules.py), so a change of framework or law is a new row there.
"""

from __future__ import annotations

from datetime import date, timedelta

from statutory.calendar import WorkingDayCalendar, add_months
from statutory.rules import RuleBook, rule_in_force


def inspection_window_start(today: date, rules: RuleBook | None = None) -> date:
    """The first day of the inspectors' look-back window ending ``today``: the day after the same date in the month
    the window began (7 December 2026 looks back to 8 December 2025), so the window is exactly the rule's length."""
    rule = rule_in_force("inspection_lookback", today, rules)
    return add_months(today, -rule.amount) + timedelta(days=1)


def subject_access_due(received: date, rules: RuleBook | None = None,
                       calendar: WorkingDayCalendar | None = None) -> date:
    """The last day to answer a subject access request received on ``received``: the corresponding date of the next
    month (the month's last day when it has none: 31 January gives 28 or 29 February), moved to the next working
    day when that is a weekend or bank holiday (the ICO's reading of Art.12(3))."""
    rule = rule_in_force("subject_access_response", received, rules)
    return (calendar or WorkingDayCalendar()).roll_forward(add_months(received, rule.amount))
