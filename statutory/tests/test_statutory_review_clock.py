"""The next review's date: CFA s.44(1), reg 15(5) after a move, CoP 9.178 for under-5s. Literal dates."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statutory.review_clock import early_years_review_prompt, review_due


def test_first_review_is_due_within_12_months_starting_with_the_day_the_plan_was_made() -> None:
    due = review_due(first_made_on=date(2026, 3, 10))
    assert due.due == date(2027, 3, 9)
    assert "s.44(1)" in due.rule.citation and due.trigger_label == "the plan was first made"


def test_each_later_review_counts_from_the_last_review_decision() -> None:
    due = review_due(first_made_on=date(2024, 3, 10), last_reviewed_on=date(2026, 1, 31))
    assert due.due == date(2027, 1, 30) and due.trigger == date(2026, 1, 31)


def test_a_leap_day_plan_is_reviewed_by_the_last_day_of_february() -> None:
    # No 29 February in 2025: the 12 months run to the end of February (the corresponding date rule).
    assert review_due(first_made_on=date(2024, 2, 29)).due == date(2025, 2, 28)
    assert review_due(first_made_on=date(2026, 1, 31), last_reviewed_on=date(2026, 1, 31)).due == date(2027, 1, 30)
    assert review_due(first_made_on=date(2027, 3, 1)).due == date(2028, 2, 29)


def test_a_plan_transferred_in_late_in_its_year_gets_3_months_from_the_transfer() -> None:
    due = review_due(first_made_on=date(2025, 1, 15), last_reviewed_on=date(2026, 1, 5),
                     transferred_in_on=date(2026, 12, 1))
    assert due.due == date(2027, 2, 28)  # the 3 months beginning with 1 December 2026
    assert "reg 15(5)" in due.rule.citation


def test_a_plan_transferred_in_early_keeps_its_12_month_date() -> None:
    due = review_due(first_made_on=date(2025, 1, 15), last_reviewed_on=date(2026, 1, 5),
                     transferred_in_on=date(2026, 3, 1))
    assert due.due == date(2027, 1, 4) and "s.44(1)" in due.rule.citation


def test_a_review_here_after_the_transfer_ends_the_reg_15_floor() -> None:
    due = review_due(first_made_on=date(2025, 1, 15), last_reviewed_on=date(2026, 12, 20),
                     transferred_in_on=date(2026, 12, 1))
    assert due.due == date(2027, 12, 19)


def test_a_review_before_the_plan_was_made_is_refused() -> None:
    with pytest.raises(ValueError):
        review_due(first_made_on=date(2026, 3, 10), last_reviewed_on=date(2026, 3, 9))


def test_under_fives_are_prompted_within_6_months() -> None:
    prompt = early_years_review_prompt(made_or_reviewed_on=date(2026, 8, 31))
    assert prompt.due == date(2027, 2, 28) and "9.178" in prompt.rule.citation


@given(st.dates(date(2015, 1, 1), date(2040, 12, 31)), st.integers(0, 400))
def test_the_review_is_never_later_than_a_year_after_its_trigger(made: date, gap: int) -> None:
    reviewed = date.fromordinal(made.toordinal() + gap)
    due = review_due(first_made_on=made, last_reviewed_on=reviewed).due
    assert (due - reviewed).days in (364, 365)
