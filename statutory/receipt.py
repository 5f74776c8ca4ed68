"""When a request for an EHC needs assessment counts as received: the day every assessment clock starts.

The law starts the 6-, 16- and 20-week clocks when the council receives the request (CFA 2014 s.36(1); SEND
Regulations 2014 reg 5(1), 10(1), 13(2)) but does not say when a request arriving outside working hours is
received. Pathfinder follows the practice in the spec (section 0, "Request received", from IPSEA's guidance):
a request that arrives on a day that is not a working day (a weekend, a bank holiday or a day the council is
closed), or after 5pm, counts as received on the next working day. Signed-for post counts on the day it was
signed for, so the date recorded is the day it arrived at the council, and the same rule then applies.

Decision (why not the day it arrived): the form's hint already told staff "on a non-working day counts from the
next working day", and the clocks must agree with what staff are told; starting on the next working day is
also what a family reading IPSEA's letters expects. Every deadline is then counted from that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from statutory.calendar import WorkingDayCalendar

RECEIPT_CITATION = (
    "Children and Families Act 2014, s.36(1); when a request is received: IPSEA practice (next working day if "
    "it arrives on a non-working day or after 5pm)"
)


#: Working hours end at 5pm: a request that arrives after this time counts from the next working day.
CLOSE_OF_WORKING_DAY = time(17, 0)


@dataclass(frozen=True)
class Receipt:
    """The day a request arrived and the day it counts as received (the clocks start on ``counts_from``)."""

    arrived_on: date
    counts_from: date
    after_hours: bool = False

    @property
    def moved(self) -> bool:
        return self.counts_from != self.arrived_on

    def explain(self) -> str:
        if not self.moved:
            return ""
        why = "after 5pm" if self.after_hours and WorkingDayCalendar().is_working_day(self.arrived_on) else (
            "on a day that is not a working day"
        )
        return (
            f"It arrived {why} ({self.arrived_on:%A} {self.arrived_on.day} {self.arrived_on:%B %Y}), so it counts "
            f"as received on the next working day, {self.counts_from:%A} {self.counts_from.day} "
            f"{self.counts_from:%B %Y}."
        )


def request_received_on(
    arrived_on: date, *, after_hours: bool = False, calendar: WorkingDayCalendar | None = None
) -> Receipt:
    """The day a request that arrived on ``arrived_on`` counts as received.

    ``calendar`` should be the council's (bank holidays and its own closed days): a request cannot be dealt
    with on a day the council is closed.
    """
    cal = calendar or WorkingDayCalendar()
    if not cal.is_working_day(arrived_on):
        return Receipt(arrived_on, cal.roll_forward(arrived_on), after_hours)
    if after_hours:
        return Receipt(arrived_on, cal.add_working_days(arrived_on, 1), after_hours)
    return Receipt(arrived_on, arrived_on, after_hours)


def request_received_at(arrived_at: datetime, *, calendar: WorkingDayCalendar | None = None) -> Receipt:
    """The same rule for a request whose arrival time is known to the second (one sent online): ``arrived_at``
    is the council's local time. After 5pm is "after hours"; the day is then moved by request_received_on."""
    after_hours = arrived_at.time() > CLOSE_OF_WORKING_DAY
    return request_received_on(arrived_at.date(), after_hours=after_hours, calendar=calendar)
