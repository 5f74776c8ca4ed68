"""Amending a plan (reg 20(10), reg 22): the notice, the family's 15 days and the 8 weeks. Literal dates."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from statutory import AmendmentFacts, amendment_problems, amendment_timeline
from statutory.amendments import amendment_comments_last_day, amendment_earliest_final

FAST = settings(max_examples=200, deadline=None, database=None)
TODAY = date(2027, 6, 1)


def test_the_notice_is_due_within_4_weeks_of_the_review_meeting_and_cites_devon() -> None:
    timeline = amendment_timeline(AmendmentFacts(review_meeting=date(2026, 12, 21)), today=date(2027, 1, 5))
    notice = timeline["amendment_notice"]
    assert notice.due == date(2027, 1, 18)
    assert "reg 20(10)" in notice.citation and "Devon" in notice.note
    assert notice.status == "due" and timeline.steps == ("amendment_notice",)


def test_an_amendment_without_a_review_has_no_notice_deadline() -> None:
    timeline = amendment_timeline(AmendmentFacts(notice_served=date(2027, 2, 1)), today=date(2027, 2, 2))
    assert "amendment_notice" not in timeline.steps
    assert timeline.steps == ("amendment_representations_close", "amendment_final")


def test_the_familys_15_days_begin_with_the_day_of_service() -> None:
    # Served Monday 1 February 2027: day 1 is 1 February, day 15 is 15 February.
    timeline = amendment_timeline(AmendmentFacts(notice_served=date(2027, 2, 1)), today=date(2027, 2, 10))
    window = timeline["amendment_representations_close"]
    assert window.due == date(2027, 2, 15) and window.status == "due" and window.is_window
    assert "reg 22(2)(c)" in window.citation
    assert amendment_comments_last_day(date(2027, 2, 1)) == date(2027, 2, 15)
    assert amendment_earliest_final(date(2027, 2, 1)) == date(2027, 2, 16)


def test_the_window_over_a_month_end_and_a_leap_day() -> None:
    assert amendment_comments_last_day(date(2028, 2, 20)) == date(2028, 3, 5)
    assert amendment_comments_last_day(date(2027, 2, 20)) == date(2027, 3, 6)
    assert amendment_comments_last_day(date(2026, 12, 25)) == date(2027, 1, 8)  # bank holidays count too


def test_the_amended_plan_is_due_within_8_weeks_of_the_notice() -> None:
    facts = AmendmentFacts(notice_served=date(2027, 2, 1), finished=date(2027, 3, 29), amended=True)
    final = amendment_timeline(facts, today=TODAY)["amendment_final"]
    assert final.due == date(2027, 3, 29) and final.status == "done_on_time" and "reg 22(3)" in final.citation
    late = AmendmentFacts(notice_served=date(2027, 2, 1), finished=date(2027, 3, 30), amended=True)
    assert amendment_timeline(late, today=TODAY)["amendment_final"].status == "done_late"
    waiting = amendment_timeline(AmendmentFacts(notice_served=date(2027, 2, 1)), today=date(2027, 3, 30))
    assert waiting["amendment_final"].status == "overdue"


def test_a_late_notice_shows_as_late() -> None:
    facts = AmendmentFacts(review_meeting=date(2027, 1, 4), notice_served=date(2027, 2, 2))
    assert amendment_timeline(facts, today=TODAY)["amendment_notice"].status == "done_late"


def test_a_decision_not_to_amend_inside_the_window_is_allowed_and_cuts_it_short() -> None:
    facts = AmendmentFacts(notice_served=date(2027, 2, 1), finished=date(2027, 2, 5), amended=False)
    assert amendment_problems(facts, today=TODAY) == []
    window = amendment_timeline(facts, today=TODAY)["amendment_representations_close"]
    assert window.completed_on == date(2027, 2, 5)


def test_problems_final_before_the_notice_inside_the_window_notice_before_meeting_and_future() -> None:
    assert any("before the amendment notice" in p for p in amendment_problems(
        AmendmentFacts(finished=date(2027, 2, 1), amended=True), today=TODAY))
    assert any("before the amendment notice was served" in p for p in amendment_problems(
        AmendmentFacts(notice_served=date(2027, 2, 10), finished=date(2027, 2, 1), amended=True), today=TODAY))
    inside = amendment_problems(
        AmendmentFacts(notice_served=date(2027, 2, 1), finished=date(2027, 2, 15), amended=True), today=TODAY)
    assert len(inside) == 1 and "16 February 2027" in inside[0] and "22(2)(c)" in inside[0]
    assert amendment_problems(
        AmendmentFacts(notice_served=date(2027, 2, 1), finished=date(2027, 2, 16), amended=True), today=TODAY) == []
    assert any("before the review meeting" in p for p in amendment_problems(
        AmendmentFacts(review_meeting=date(2027, 2, 2), notice_served=date(2027, 2, 1)), today=TODAY))
    assert any("future" in p for p in amendment_problems(
        AmendmentFacts(notice_served=date(2027, 6, 2)), today=TODAY))


@FAST
@given(
    meeting=st.dates(min_value=date(2015, 1, 1), max_value=date(2040, 12, 31)),
    to_notice=st.integers(0, 60),
    to_final=st.integers(0, 90),
)
def test_a_final_date_more_than_the_two_periods_after_the_meeting_is_always_shown_as_late(
    meeting: date, to_notice: int, to_final: int,
) -> None:
    served = meeting + timedelta(days=to_notice)
    finished = served + timedelta(days=to_final)
    facts = AmendmentFacts(review_meeting=meeting, notice_served=served, finished=finished, amended=True)
    timeline = amendment_timeline(facts, today=finished)
    on_time_limit = timeline["amendment_final"].rule.due_from(timeline["amendment_notice"].rule.due_from(meeting))
    if finished > on_time_limit:
        assert timeline["amendment_notice"].is_late or timeline["amendment_final"].is_late
    else:
        assert not timeline.overdue
