"""Moving to another council (reg 15): the old council's send-by date and the new council's clocks. Literal dates
across Christmas 2026 (25 December a Friday, Boxing Day substituted to Monday 28) and Easter 2027 (Good Friday
26 March, Easter Monday 29 March)."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from statutory import WorkingDayCalendar
from statutory.transfer import transfer_in_deadlines, transfer_out_deadline, transfer_out_due

CAL = WorkingDayCalendar()


def test_with_notice_enough_the_plan_is_sent_on_the_day_of_the_move() -> None:
    found = transfer_out_due(date(2027, 1, 4), date(2026, 12, 1), CAL)
    assert found.due == date(2027, 1, 4) and not found.late_notice
    assert "reg 15(2)" in found.rule.citation and "day of the move" in found.explain()


def test_exactly_15_working_days_notice_is_notice_enough() -> None:
    # Mon 2 Nov to Mon 23 Nov 2026 is 15 working days.
    assert transfer_out_due(date(2026, 11, 23), date(2026, 11, 2), CAL) == transfer_out_due(
        date(2026, 11, 23), date(2026, 11, 2))
    assert not transfer_out_due(date(2026, 11, 23), date(2026, 11, 2), CAL).late_notice
    # One day less is short notice: 15 working days beginning with Tue 3 Nov end on Mon 23 Nov.
    short = transfer_out_due(date(2026, 11, 23), date(2026, 11, 3), CAL)
    assert short.late_notice and short.due == date(2026, 11, 23)


def test_short_notice_over_christmas_skips_the_bank_holidays() -> None:
    # Aware Mon 14 Dec 2026 (day 1); 25 Dec, 28 Dec (Boxing Day substitute) and 1 Jan are not working days.
    found = transfer_out_due(date(2026, 12, 21), date(2026, 12, 14), CAL)
    assert found.late_notice and found.due == date(2027, 1, 6)
    assert "beginning with the day we learnt" in found.explain()


def test_short_notice_over_easter_skips_good_friday_and_easter_monday() -> None:
    found = transfer_out_due(date(2027, 3, 29), date(2027, 3, 22), CAL)
    assert found.due == date(2027, 4, 13)


def test_learning_on_a_saturday_counts_from_the_monday() -> None:
    assert transfer_out_due(date(2026, 11, 30), date(2026, 11, 21), CAL).due == date(2026, 12, 11)


def test_learning_of_the_move_after_it_happened_still_gives_15_working_days() -> None:
    found = transfer_out_due(date(2026, 12, 1), date(2026, 12, 10), CAL)
    assert found.late_notice and found.due == date(2027, 1, 4)


def test_a_council_closed_day_is_not_a_working_day() -> None:
    closed = WorkingDayCalendar(extra_non_working_days=frozenset({date(2026, 12, 24)}))
    assert transfer_out_due(date(2026, 12, 21), date(2026, 12, 14), closed).due == date(2027, 1, 7)


def test_the_send_deadline_shows_its_status() -> None:
    due = transfer_out_deadline(date(2027, 1, 4), date(2026, 12, 1), today=date(2027, 1, 5))
    assert due.due == date(2027, 1, 4) and due.status == "overdue"
    sent = transfer_out_deadline(date(2026, 12, 21), date(2026, 12, 14), today=date(2027, 1, 8),
                                 sent_on=date(2027, 1, 6))
    assert sent.due == date(2027, 1, 6) and sent.status == "done_on_time"


def test_the_new_council_tells_the_family_within_6_weeks_and_reviews_3_months_after_a_late_move() -> None:
    found = transfer_in_deadlines(date(2026, 12, 21), date(2026, 3, 1), None, date(2026, 12, 22))
    notice, review = found["transfer_in_notice"], found["transfer_in_review"]
    assert notice.due == date(2027, 2, 1) and "reg 15(4)" in notice.citation and notice.status == "due"
    # 12 months from 1 March 2026 end on 28 Feb 2027; 3 months beginning with 21 Dec end on 20 Mar 2027: later wins.
    assert review.due == date(2027, 3, 20) and "reg 15(5)" in review.citation
    assert found.steps == ("transfer_in_notice", "transfer_in_review")


def test_a_recently_reviewed_plan_keeps_its_12_month_date() -> None:
    review = transfer_in_deadlines(date(2026, 12, 21), date(2024, 6, 1), date(2026, 11, 10),
                                   date(2026, 12, 22))["transfer_in_review"]
    assert review.due == date(2027, 11, 9) and "s.44(1)" in review.citation


def test_a_notice_sent_late_is_marked_late() -> None:
    found = transfer_in_deadlines(date(2026, 12, 21), date(2026, 3, 1), None, date(2027, 3, 1),
                                  notice_sent_on=date(2027, 2, 2))
    assert found["transfer_in_notice"].status == "done_late"


@settings(database=None, max_examples=200, deadline=None)
@given(aware=st.dates(date(2015, 1, 1), date(2035, 1, 1)), gap=st.integers(-30, 60))
def test_the_send_date_is_never_before_the_move_nor_a_short_notice_day_off(aware: date, gap: int) -> None:
    from datetime import timedelta

    move = aware + timedelta(days=gap)
    found = transfer_out_due(move, aware, CAL)
    if found.late_notice:
        assert CAL.is_working_day(found.due) and found.due >= aware
        assert CAL.count_working_days(aware, found.due) <= found.rule.amount
    else:
        assert found.due == move and CAL.count_working_days(aware, move) >= found.rule.amount
