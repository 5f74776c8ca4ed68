"""Phase transfers (reg 18): who transfers next September, the long stop and each step's latest safe date."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from statutory.phase_transfer import (
    next_transfer_year,
    phase_transfer,
    post_16_move_long_stop,
    transfer_kind,
)


def test_a_year_6_pupil_at_a_primary_school_transfers_to_secondary_before_15_february() -> None:
    # Born 10 May 2016: year 6 in 2026-27, into year 7 in September 2027.
    transfer = phase_transfer(date_of_birth=date(2016, 5, 10), phase="primary", transfer_year=2027)
    assert transfer is not None and transfer.kind == "primary to secondary"
    assert transfer.long_stop == date(2027, 2, 14) and "reg 18(1)(b)" in transfer.citation
    assert transfer.safe_date("amendment_notice") == date(2027, 1, 30)  # 15 days beginning with it end 13 Feb
    assert transfer.safe_date("meeting") == date(2027, 1, 2)  # decision within 4 weeks: by 30 January
    assert transfer.safe_date("invitations") == date(2026, 12, 19)  # 2 weeks' notice
    assert transfer.safe_date("advice") == date(2026, 12, 19)


def test_secondary_to_post_16_has_until_before_31_march() -> None:
    transfer = phase_transfer(date_of_birth=date(2010, 9, 1), phase="secondary", transfer_year=2027)
    assert transfer is not None and transfer.kind == "secondary to post-16"
    assert transfer.long_stop == date(2027, 3, 30) and "reg 18(1)(a)" in transfer.citation


def test_a_leap_year_long_stop_is_still_14_february() -> None:
    transfer = phase_transfer(date_of_birth=date(2017, 1, 3), phase="", transfer_year=2028)
    assert transfer is not None and transfer.long_stop == date(2028, 2, 14)
    assert transfer.safe_date("amendment_notice") == date(2028, 1, 30)


def test_only_infant_schools_transfer_into_year_3_and_unknown_phases_use_the_common_points() -> None:
    born = date(2020, 2, 1)  # into year 3 in September 2027
    assert transfer_kind(date_of_birth=born, phase="infant", transfer_year=2027) == "infant to junior"
    assert transfer_kind(date_of_birth=born, phase="primary", transfer_year=2027) is None
    assert transfer_kind(date_of_birth=born, phase="", transfer_year=2027) is None
    assert transfer_kind(date_of_birth=date(2022, 11, 30), phase="", transfer_year=2027) == "early years to school"


def test_a_child_not_at_a_transfer_point_has_no_phase_transfer() -> None:
    assert phase_transfer(date_of_birth=date(2015, 10, 1), phase="secondary", transfer_year=2027) is None


def test_a_move_between_colleges_is_reviewed_at_least_5_months_before() -> None:
    assert post_16_move_long_stop(date(2027, 1, 31)) == date(2026, 8, 31)


def test_the_council_plans_for_next_september_from_april() -> None:
    assert next_transfer_year(date(2026, 12, 7)) == 2027
    assert next_transfer_year(date(2027, 3, 31)) == 2027
    assert next_transfer_year(date(2027, 4, 1)) == 2028


@given(st.dates(date(2005, 9, 1), date(2024, 8, 31)), st.sampled_from(["", "primary", "secondary", "infant"]),
       st.integers(2025, 2040))
def test_safe_dates_come_in_order_and_before_the_long_stop(born: date, phase: str, year: int) -> None:
    transfer = phase_transfer(date_of_birth=born, phase=phase, transfer_year=year)
    if transfer is None:
        return
    days = [s.latest for s in transfer.safe_dates]
    assert days == sorted(days) and days[-1] == transfer.long_stop < transfer.transfer_on
