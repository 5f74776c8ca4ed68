"""Appeal dates: 2 months (HESC Rules r.20(1)(c)) moved to a working day under r.12(2) and (3)."""

from datetime import date

import pytest

from statutory import WorkingDayCalendar, appeal_dates, earliest_final_plan_date, representations_last_day
from statutory.appeals import tribunal_last_day


class TestTribunalLastDay:
    def test_a_working_day_stays(self) -> None:
        assert tribunal_last_day(date(2027, 3, 10)) == date(2027, 3, 10)  # Wednesday

    def test_a_saturday_moves_to_monday(self) -> None:  # r.12(2)
        assert tribunal_last_day(date(2027, 3, 13)) == date(2027, 3, 15)

    def test_a_bank_holiday_moves_to_the_next_working_day(self) -> None:
        assert tribunal_last_day(date(2027, 5, 3)) == date(2027, 5, 4)  # early May bank holiday

    @pytest.mark.parametrize("end", [date(2027, 8, 2), date(2027, 8, 31), date(2027, 8, 16)])
    def test_any_day_in_august_moves_to_the_first_working_day_after_31_august(self, end: date) -> None:
        assert tribunal_last_day(end) == date(2027, 9, 1)  # r.12(3)

    @pytest.mark.parametrize("end", [date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 31), date(2027, 1, 1)])
    def test_christmas_to_new_year_moves_to_the_first_working_day_after_1_january(self, end: date) -> None:
        expected = date(2026, 12, 24) if end == date(2026, 12, 24) else date(2027, 1, 4)  # 2 and 3 Jan weekend
        assert tribunal_last_day(end) == expected

    def test_council_closures_do_not_move_the_tribunal_date_unless_passed(self) -> None:
        closed = WorkingDayCalendar(frozenset({date(2027, 3, 10)}))
        assert tribunal_last_day(date(2027, 3, 10)) == date(2027, 3, 10)
        assert tribunal_last_day(date(2027, 3, 10), closed) == date(2027, 3, 11)


class TestAppealDates:
    def test_two_months_after_the_notice(self) -> None:
        dates = appeal_dates(date(2027, 1, 12))
        assert dates.appeal_by == date(2027, 3, 12)
        assert dates.mediation_contact_by == date(2027, 3, 12)
        assert dates.appeal_period_text == "2 months"
        assert "r.20(1)(c)" in dates.appeal_rule.citation

    def test_a_last_day_on_a_sunday_is_in_time_on_monday(self) -> None:
        # 14 Jan 2027 + 2 months = Sunday 14 March 2027
        assert appeal_dates(date(2027, 1, 14)).appeal_by == date(2027, 3, 15)

    def test_a_notice_in_june_can_be_appealed_until_september(self) -> None:
        assert appeal_dates(date(2027, 6, 10)).appeal_by == date(2027, 9, 1)

    def test_month_end_clamps(self) -> None:
        assert appeal_dates(date(2026, 12, 31)).appeal_by == date(2027, 3, 1)  # 28 Feb 2027 is a Sunday

    def test_a_later_mediation_certificate_gives_one_month_from_it(self) -> None:
        dates = appeal_dates(date(2027, 1, 12), certificate_issued=date(2027, 3, 1))
        assert dates.appeal_by == date(2027, 4, 1)

    def test_an_earlier_certificate_does_not_shorten_the_two_months(self) -> None:
        dates = appeal_dates(date(2027, 1, 12), certificate_issued=date(2027, 1, 20))
        assert dates.appeal_by == date(2027, 3, 12)


def test_the_draft_window_is_15_days_beginning_with_service() -> None:
    assert representations_last_day(date(2027, 2, 1)) == date(2027, 2, 15)
    assert earliest_final_plan_date(date(2027, 2, 1)) == date(2027, 2, 16)


def test_a_period_ending_on_the_last_saturday_of_july_is_moved_by_r12_2_only() -> None:
    # Saturday 31 July 2021: the period ends in July, so only r.12(2) applies: Monday 2 August. r.12(3) is not
    # applied on top (the letter must not promise a later day than the Tribunal would accept); the same holds at
    # Christmas, where a period ending Saturday 24 December 2022 runs to Wednesday 28 December only.
    assert tribunal_last_day(date(2021, 7, 31)) == date(2021, 8, 2)
    assert tribunal_last_day(date(2022, 12, 24)) == date(2022, 12, 28)
