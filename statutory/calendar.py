"""Date arithmetic for statutory time limits (spec section 0 and 9).

Why a class: "working day" depends on bank holidays (England, from the pinned ``holidays`` package) *and* on
one-off days a council adds (a new proclamation the package has not caught up with). Weeks, calendar days and
months do not depend on the calendar and are plain functions; the class exposes them too so callers can use
one object for every unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

import holidays

Unit = Literal["weeks", "days", "calendar_days", "working_days", "months"]
UNITS: frozenset[str] = frozenset({"weeks", "days", "calendar_days", "working_days", "months"})


def add_calendar_days(start: date, days: int) -> date:
    """``start`` + ``days`` calendar days."""
    return start + timedelta(days=days)


def add_weeks(start: date, weeks: int) -> date:
    """ "Within N weeks of X" = X + 7N days; compliant iff the event is on or before the result."""
    return start + timedelta(weeks=weeks)


def add_months(start: date, months: int) -> date:
    """Same day-of-month ``months`` later, clamped to the month end (31 Jan + 1 month = 28/29 Feb).

    This is how "within 2 months after" is read for tribunal time limits (HESC Rules r.20(1)(c)).
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, min(start.day, _days_in_month(year, month0 + 1)))


def _days_in_month(year: int, month: int) -> int:
    first_of_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (first_of_next - timedelta(days=1)).day


@lru_cache(maxsize=256)
def _bank_holidays(year: int) -> frozenset[date]:
    """England bank holidays in ``year``, with substitute "(observed)" days and one-off proclamations."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def bank_holidays(year: int) -> dict[date, str]:
    """England bank holidays for ``year`` with their names, for display."""
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=year))


@dataclass(frozen=True)
class WorkingDayCalendar:
    """Mon-Fri excluding England bank holidays (Christmas Day and Good Friday are bank holidays there) and
    the council's ``extra_non_working_days`` (e.g. a one-off bank holiday proclaimed after the pin)."""

    extra_non_working_days: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        return (
            day.weekday() < 5
            and day not in self.extra_non_working_days
            and day not in _bank_holidays(day.year)
        )

    def roll_forward(self, day: date) -> date:
        """``day`` if it is a working day, otherwise the next working day (e.g. a request arriving on a
        Saturday is treated as received on Monday, if the council's receipt rule says so)."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start``; ``start`` itself is never counted.

        ``days`` may be negative (counts back). ``days == 0`` returns ``start`` unchanged, even on a weekend.
        The result of a non-zero count is always a working day.
        """
        step = 1 if days >= 0 else -1
        remaining = abs(days)
        day = start
        while remaining:
            day += timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_beginning_with(self, start: date, days: int) -> date:
        """Last day of a period of ``days`` working days *beginning with* ``start`` (``start`` is day 1 if it
        is a working day), as in "within 15 working days beginning with the day on which it became aware"
        (SEND Regulations 2014, reg 15(2))."""
        if days < 1:
            raise ValueError("A period beginning with a day has at least one day")
        first = self.roll_forward(start)
        return self.add_working_days(first, days - 1)

    def count_working_days(self, start: date, end: date) -> int:
        """Working days in the half-open range (start, end]: how far after ``start`` ``end`` is."""
        if end < start:
            return -self.count_working_days(end, start)
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def add(self, start: date, amount: int, unit: Unit | str) -> date:
        """Add ``amount`` of ``unit``; the single entry point used by :class:`~statutory.rules.Rule`."""
        if unit == "weeks":
            return add_weeks(start, amount)
        if unit in ("days", "calendar_days"):
            return add_calendar_days(start, amount)
        if unit == "working_days":
            return self.add_working_days(start, amount)
        if unit == "months":
            return add_months(start, amount)
        raise ValueError(f"Unknown unit {unit!r}")

    # Convenience so one object handles every unit.
    add_weeks = staticmethod(add_weeks)
    add_calendar_days = staticmethod(add_calendar_days)
    add_months = staticmethod(add_months)
