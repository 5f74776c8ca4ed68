"""Re-assessment clocks (SEND Regulations 2014 regs 24-27) with literal dates."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from statutory import (
    AssessmentFacts,
    assessment_timeline,
    may_refuse_as_too_soon,
    reassessment_deadlines,
    reassessment_problems,
    refusal_window_ends,
)


def test_decision_due_15_days_after_the_request():
    found = reassessment_deadlines(date(2026, 12, 10), today=date(2026, 12, 11))
    decision = found["decision_to_assess"]
    assert decision.due == date(2026, 12, 25)  # Christmas Day: calendar days, no moving for bank holidays
    assert decision.status == "due"
    assert decision.rule.citation == "SEND Regulations 2014, reg 25(1)"
    assert found.get("final_plan") is None


def test_final_plan_14_weeks_after_telling_the_family():
    found = reassessment_deadlines(
        date(2026, 1, 5), decision_on=date(2026, 1, 19), decided=True, today=date(2026, 5, 1)
    )
    final = found["final_plan"]
    assert final.due == date(2026, 4, 27)
    assert final.rule.citation == "SEND Regulations 2014, reg 27(2)"
    assert final.status == "overdue"
    assert found["decision_to_assess"].status == "done_on_time"


def test_final_plan_on_the_due_day_is_on_time_and_the_day_after_is_late():
    on_time = reassessment_deadlines(date(2026, 1, 5), date(2026, 1, 19), True, None, date(2026, 4, 27),
                                     today=date(2026, 6, 1))
    late = reassessment_deadlines(date(2026, 1, 5), date(2026, 1, 19), True, None, date(2026, 4, 28),
                                  today=date(2026, 6, 1))
    assert on_time["final_plan"].status == "done_on_time"
    assert late["final_plan"].status == "done_late"


def test_a_refusal_has_no_final_plan_deadline():
    found = reassessment_deadlines(date(2026, 1, 5), decision_on=date(2026, 1, 30), decided=False,
                                   today=date(2026, 3, 1))
    assert found.steps == ("decision_to_assess",)
    assert found["decision_to_assess"].status == "done_late"  # 20 January was the last day


def test_too_soon_within_six_months_inclusive():
    assert may_refuse_as_too_soon(date(2026, 9, 30), date(2026, 3, 31))
    assert not may_refuse_as_too_soon(date(2026, 10, 1), date(2026, 3, 31))
    assert not may_refuse_as_too_soon(date(2026, 10, 1), None)


def test_refusal_window_at_month_end_and_leap_year():
    assert refusal_window_ends(date(2027, 8, 31)) == date(2028, 2, 29)  # 2028 is a leap year
    assert refusal_window_ends(date(2026, 8, 31)) == date(2027, 2, 28)
    assert may_refuse_as_too_soon(date(2028, 2, 29), date(2027, 8, 31))
    assert not may_refuse_as_too_soon(date(2028, 3, 1), date(2027, 8, 31))


def test_note_says_the_council_may_refuse_as_too_soon():
    found = reassessment_deadlines(date(2026, 5, 1), last_assessment_on=date(2026, 2, 1), today=date(2026, 5, 2))
    assert "reg 24(2)" in found["decision_to_assess"].note
    later = reassessment_deadlines(date(2026, 9, 1), last_assessment_on=date(2026, 2, 1), today=date(2026, 9, 2))
    assert later["decision_to_assess"].note == ""


def test_problems_for_bad_input():
    today = date(2026, 6, 1)
    assert reassessment_problems(date(2026, 5, 1), today=today) == []
    assert reassessment_problems(date(2026, 7, 1), today=today)
    assert reassessment_problems(date(2026, 5, 1), decision_on=date(2026, 4, 1), decided=True, today=today)
    assert reassessment_problems(date(2026, 5, 1), decision_on=date(2026, 5, 2), today=today)
    assert reassessment_problems(date(2026, 5, 1), last_assessment_on=date(2026, 5, 2), today=today)
    assert reassessment_problems(date(2026, 5, 1), decision_on=date(2026, 5, 2), decided=False,
                                 final_issued_on=date(2026, 5, 20), today=today)


def test_assessment_timeline_uses_the_reassessment_rules():
    facts = AssessmentFacts(request_received=date(2026, 1, 5), decision_to_assess=date(2026, 1, 19),
                            decided_to_assess=True)
    timeline = assessment_timeline(facts, today=date(2026, 2, 1), kind="reassessment")
    assert timeline["decision_to_assess"].due == date(2026, 1, 20)
    assert timeline["decision_to_assess"].rule.citation == "SEND Regulations 2014, reg 25(1)"
    assert timeline["final_plan"].due == date(2026, 4, 27)
    assert timeline.get("decision_not_to_issue") is None
    initial = assessment_timeline(facts, today=date(2026, 2, 1))
    assert initial["final_plan"].due == date(2026, 5, 25)


@given(
    received=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 1, 1)),
    wait=st.integers(min_value=0, max_value=60),
)
def test_final_plan_always_due_14_weeks_after_the_decision(received, wait):
    decided_on = received + timedelta(days=wait)
    found = reassessment_deadlines(received, decided_on, True, today=decided_on)
    assert found["decision_to_assess"].due == received + timedelta(days=15)
    assert found["final_plan"].due - decided_on == timedelta(weeks=14)
    assert found["final_plan"].trigger == decided_on
