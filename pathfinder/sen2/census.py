"""The SEN2 census day: the Header's ReferenceDate, and the calendar year of activity the return covers."""

from __future__ import annotations

from datetime import date


def census_day(year: int) -> date:
    """The third Thursday of January (the DfE's January census day: 18 January 2024, 21 January 2027)."""
    first_thursday = 1 + (3 - date(year, 1, 1).weekday()) % 7
    return date(year, 1, first_thursday + 14)  # a day of the month, not a period: the third Thursday


def next_census(today: date) -> date:
    """The next January census on or after today: the return a council is working towards all year."""
    this_year = census_day(today.year)
    return this_year if today <= this_year else census_day(today.year + 1)


def activity_year(census: date) -> tuple[date, date]:
    """The previous calendar year, 1 January to 31 December: the requests, assessments and plans it reports."""
    return date(census.year - 1, 1, 1), date(census.year - 1, 12, 31)
