"""The clock of a subject access request: when it starts, the last day to answer, and until when it may be extended.

UK GDPR Art.12(3): answer "without undue delay and in any event within one month of receipt of the request",
extendable "by two further months where necessary, taking into account the complexity and number of the requests",
telling the person of the extension, with the reasons, "within one month of receipt". The ICO reads a month as
running to the corresponding calendar date (or the month's last day if there is none: 31 January gives 28 or 29
February), moved to the next working day when that day is a weekend or bank holiday; and when the controller needs
information to confirm who is asking, the time starts when that information arrives (ICO, "Right of access":
"What should we do if we need to confirm someone's identity?"). The periods are rows of the rule book
(``subject_access_response``, ``subject_access_extension``); this module only counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from statutory.calendar import WorkingDayCalendar, add_months
from statutory.rules import RuleBook, rule_in_force


@dataclass(frozen=True)
class SubjectAccessClock:
    """When the time runs from, the last day to answer, the last day to tell the person of an extension."""

    starts_on: date
    due_on: date
    extended: bool
    extend_by: date  # the last day the council may extend (the first month's last day)
    citation: str


def subject_access_clock(received_on: date, *, identity_confirmed_on: date | None = None, extended: bool = False,
                         rules: RuleBook | None = None, calendar: WorkingDayCalendar | None = None
                         ) -> SubjectAccessClock:
    """The clock of a request received on ``received_on``.

    ``identity_confirmed_on``: the day the council received what it asked for to confirm who is asking; the time
    runs from then if that is later. ``extended``: the council extended it for a complex or numerous request, so
    the last day is the corresponding date three months (one and two further) after the start.
    """
    starts_on = max(received_on, identity_confirmed_on or received_on)
    base = rule_in_force("subject_access_response", starts_on, rules)
    calendar = calendar or WorkingDayCalendar()
    first_month = calendar.roll_forward(add_months(starts_on, base.amount))
    if not extended:
        return SubjectAccessClock(starts_on, first_month, False, first_month, base.citation)
    extension = rule_in_force("subject_access_extension", starts_on, rules)
    due_on = calendar.roll_forward(add_months(starts_on, base.amount + extension.amount))
    return SubjectAccessClock(starts_on, due_on, True, first_month, extension.citation)


def subject_access_may_extend(clock: SubjectAccessClock, on: date) -> bool:
    """Whether an extension told to the person on ``on`` is in time: within the first month (Art.12(3))."""
    return not clock.extended and on <= clock.extend_by
