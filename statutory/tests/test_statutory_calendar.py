from datetime import date

import pytest

from statutory.calendar import WorkingDayCalendar, add_calendar_days, add_months, add_weeks

CAL = WorkingDayCalendar()


@pytest.mark.parametrize(
    ("start", "weeks", "expected"),
    [
        (date(2026, 11, 23), 6, date(2027, 1, 4)),
        (date(2026, 11, 23), 16, date(2027, 3, 15)),
        (date(2026, 11, 23), 20, date(2027, 4, 12)),
        (date(2024, 2, 29), 6, date(2024, 4, 11)),
        (date(2024, 2, 29), 16, date(2024, 6, 20)),
        (date(2024, 2, 29), 20, date(2024, 7, 18)),
        (date(2027, 12, 31), 1, date(2028, 1, 7)),
    ],
)
def test_add_weeks_is_seven_calendar_days_per_week(start: date, weeks: int, expected: date) -> None:
    assert add_weeks(start, weeks) == expected
    assert CAL.add(start, weeks, "weeks") == expected


def test_add_calendar_days() -> None:
    assert add_calendar_days(date(2027, 2, 1), 14) == date(2027, 2, 15)
    assert add_calendar_days(date(2028, 2, 28), 1) == date(2028, 2, 29)
    assert CAL.add(date(2027, 2, 1), 15, "days") == CAL.add(date(2027, 2, 1), 15, "calendar_days")


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 15), 2, date(2027, 2, 15)),
        (date(2027, 3, 31), -1, date(2027, 2, 28)),
        (date(2027, 8, 31), 2, date(2027, 10, 31)),
        (date(2027, 5, 31), 1, date(2027, 6, 30)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_christmas_2026_boxing_day_observed_on_monday_28th() -> None:
    assert CAL.is_working_day(date(2026, 12, 24))
    assert not CAL.is_working_day(date(2026, 12, 25))  # Christmas Day (Fri)
    assert not CAL.is_working_day(date(2026, 12, 26))  # Saturday
    assert not CAL.is_working_day(date(2026, 12, 28))  # Boxing Day (observed)
    assert CAL.is_working_day(date(2026, 12, 29))
    assert CAL.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert CAL.add_working_days(date(2026, 12, 23), 3) == date(2026, 12, 30)
    assert CAL.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)  # 1 Jan 2027 is a Friday holiday


def test_christmas_2027_both_substitute_days() -> None:
    assert not CAL.is_working_day(date(2027, 12, 27))
    assert not CAL.is_working_day(date(2027, 12, 28))
    assert CAL.add_working_days(date(2027, 12, 24), 1) == date(2027, 12, 29)


def test_easter_2027() -> None:
    assert not CAL.is_working_day(date(2027, 3, 26))  # Good Friday
    assert not CAL.is_working_day(date(2027, 3, 29))  # Easter Monday
    assert CAL.add_working_days(date(2027, 3, 25), 1) == date(2027, 3, 30)
    assert CAL.add_working_days(date(2027, 3, 30), -1) == date(2027, 3, 25)


def test_council_extra_one_off_day() -> None:
    cal = WorkingDayCalendar(extra_non_working_days=frozenset({date(2027, 3, 30)}))
    assert not cal.is_working_day(date(2027, 3, 30))
    assert cal.add_working_days(date(2027, 3, 25), 1) == date(2027, 3, 31)
    assert CAL.is_working_day(date(2027, 3, 30))  # the default calendar is unaffected


def test_past_one_off_bank_holidays_are_known() -> None:
    for day in (date(2020, 5, 8), date(2022, 6, 2), date(2022, 6, 3), date(2022, 9, 19), date(2023, 5, 8)):
        assert not CAL.is_working_day(day), day


def test_add_zero_working_days_returns_start_and_roll_forward() -> None:
    saturday = date(2027, 1, 2)
    assert CAL.add_working_days(saturday, 0) == saturday
    assert CAL.roll_forward(saturday) == date(2027, 1, 4)
    assert CAL.roll_forward(date(2027, 1, 5)) == date(2027, 1, 5)


def test_working_days_beginning_with_counts_the_first_day() -> None:
    # reg 15(2) style: 15 working days beginning with Mon 4 Jan 2027 ends Fri 22 Jan 2027.
    assert CAL.working_days_beginning_with(date(2027, 1, 4), 15) == date(2027, 1, 22)
    # Beginning on a non-working day: the first working day is day 1.
    assert CAL.working_days_beginning_with(date(2026, 12, 25), 1) == date(2026, 12, 29)
    with pytest.raises(ValueError):
        CAL.working_days_beginning_with(date(2027, 1, 4), 0)


def test_count_working_days() -> None:
    assert CAL.count_working_days(date(2026, 12, 24), date(2026, 12, 29)) == 1
    assert CAL.count_working_days(date(2026, 12, 29), date(2026, 12, 24)) == -1
    assert CAL.count_working_days(date(2027, 1, 4), date(2027, 1, 4)) == 0


def test_unknown_unit_is_rejected() -> None:
    with pytest.raises(ValueError):
        CAL.add(date(2027, 1, 4), 1, "fortnights")
