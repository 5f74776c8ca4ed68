"""The annual review's steps around its meeting (SEND Regulations 2014, reg 20). Literal dates."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from statutory import (
    ReviewFacts,
    review_covers_adulthood,
    review_is_complete,
    review_problems,
    review_step_explain,
    review_timeline,
)

MADE = date(2025, 3, 10)


def test_invitations_and_advice_are_due_two_weeks_before_the_meeting() -> None:
    facts = ReviewFacts(first_made_on=MADE, meeting_on=date(2026, 3, 2), invited_on=(date(2026, 2, 16),))
    timeline = review_timeline(facts, today=date(2026, 2, 20))
    assert timeline["invitations"].due == date(2026, 2, 16)
    assert timeline["invitations"].status == "done_on_time"
    assert "reg 20(3)" in timeline["invitations"].citation
    assert timeline["advice_circulated"].due == date(2026, 2, 16)
    assert timeline["advice_circulated"].status == "overdue"
    assert "reg 20(4)" in timeline["advice_circulated"].citation


def test_one_late_invitation_makes_the_invitations_late() -> None:
    facts = ReviewFacts(first_made_on=MADE, meeting_on=date(2026, 3, 2),
                        invited_on=(date(2026, 2, 1), date(2026, 2, 17)))
    assert review_timeline(facts, today=date(2026, 3, 2))["invitations"].status == "done_late"


def test_an_invitee_not_yet_invited_leaves_the_step_open() -> None:
    facts = ReviewFacts(first_made_on=MADE, meeting_on=date(2026, 3, 2), invited_on=(date(2026, 2, 1), None))
    assert review_timeline(facts, today=date(2026, 2, 1))["invitations"].status == "due"


def test_report_within_two_weeks_and_decision_within_four_weeks_of_the_meeting() -> None:
    # A meeting on 31 January in a leap year: the decision is due on 28 February.
    facts = ReviewFacts(first_made_on=MADE, meeting_on=date(2028, 1, 31), meeting_held=True,
                        report_sent_on=date(2028, 2, 15), decision="maintain", decided_on=date(2028, 2, 28))
    timeline = review_timeline(facts, today=date(2028, 3, 1), )
    assert timeline["report"].due == date(2028, 2, 14) and timeline["report"].status == "done_late"
    assert timeline["decision"].due == date(2028, 2, 28) and timeline["decision"].status == "done_on_time"
    assert "reg 20(10)" in timeline["decision"].citation


def test_decision_deadline_across_a_month_end_and_a_bank_holiday_is_calendar_days() -> None:
    # Calendar days: Christmas and New Year do not move the date.
    facts = ReviewFacts(first_made_on=MADE, meeting_on=date(2026, 12, 14))
    assert review_timeline(facts, today=date(2026, 12, 14))["decision"].due == date(2027, 1, 11)


def test_the_review_itself_is_due_within_12_months_and_done_by_the_decision() -> None:
    facts = ReviewFacts(first_made_on=date(2024, 2, 29))
    timeline = review_timeline(facts, today=date(2025, 3, 1))
    assert timeline["review"].due == date(2025, 2, 28) and timeline["review"].status == "overdue"
    assert timeline.get("invitations") is None
    done = ReviewFacts(first_made_on=MADE, meeting_on=date(2026, 2, 2), meeting_held=True,
                       report_sent_on=date(2026, 2, 9), decision="maintain", decided_on=date(2026, 2, 20))
    assert review_timeline(done, today=date(2026, 3, 1))["review"].status == "done_on_time"


def test_under_fives_get_the_early_years_prompt_and_older_children_do_not() -> None:
    young = ReviewFacts(first_made_on=date(2026, 1, 15), date_of_birth=date(2023, 6, 1))
    assert review_timeline(young, today=date(2026, 2, 1))["early_years"].due == date(2026, 7, 15)
    older = ReviewFacts(first_made_on=date(2026, 1, 15), date_of_birth=date(2015, 6, 1))
    assert review_timeline(older, today=date(2026, 2, 1)).get("early_years") is None


def test_preparing_for_adulthood_from_year_9() -> None:
    facts = ReviewFacts(first_made_on=MADE, date_of_birth=date(2011, 9, 1))  # Year 9 from September 2025
    assert review_covers_adulthood(facts, date(2025, 9, 1))
    assert not review_covers_adulthood(facts, date(2025, 8, 31))


def test_explain_states_the_latest_safe_day() -> None:
    facts = ReviewFacts(first_made_on=MADE, meeting_on=date(2026, 3, 2), invited_on=(date(2026, 2, 20),))
    text = review_step_explain(review_timeline(facts, today=date(2026, 3, 2))["invitations"])
    assert "by Mon 16 February 2026, at least 2 weeks before the meeting" in text and "Late" in text


def test_problems_in_plain_english() -> None:
    facts = ReviewFacts(first_made_on=MADE, meeting_on=date(2026, 3, 2), meeting_held=True,
                        invited_on=(date(2026, 3, 5),), report_sent_on=date(2026, 3, 1), decision="maintain",
                        decided_on=date(2026, 2, 1))
    problems = review_problems(facts, today=date(2026, 3, 3))
    assert "An invitation cannot be sent after the meeting" in problems
    assert "The report cannot be sent before the meeting" in problems
    assert "The decision cannot be made before the meeting" in problems
    assert "A date that has happened cannot be in the future" in problems
    assert review_problems(ReviewFacts(first_made_on=MADE, decision="maintain")) == [
        "A decision needs both what was decided and the day the family was told"]
    assert review_problems(ReviewFacts(first_made_on=MADE, meeting_on=date(2026, 6, 1)), today=date(2026, 3, 1)) == []


def test_a_review_is_complete_only_with_meeting_report_and_decision() -> None:
    base = dict(first_made_on=MADE, meeting_on=date(2026, 3, 2), meeting_held=True, report_sent_on=date(2026, 3, 9),
                decision="maintain", decided_on=date(2026, 3, 20))
    assert review_is_complete(ReviewFacts(**base))
    for missing in ({"meeting_held": False}, {"report_sent_on": None}, {"decision": None}, {"decided_on": None},
                    {"meeting_on": None}):
        assert not review_is_complete(ReviewFacts(**{**base, **missing}))


_days = st.one_of(st.none(), st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)))


@given(meeting=_days, held=st.booleans(), report=_days, decision=st.one_of(st.none(), st.sampled_from(
    ["maintain", "amend", "cease"])), decided=_days)
def test_property_no_review_is_complete_without_its_evidence(meeting, held, report, decision, decided) -> None:
    facts = ReviewFacts(first_made_on=MADE, meeting_on=meeting, meeting_held=held, report_sent_on=report,
                        decision=decision, decided_on=decided)
    if review_is_complete(facts):
        assert meeting and held and report and decision and decided
    else:
        assert not (meeting and held and report and decision and decided)


@given(meeting=st.dates(min_value=date(2015, 1, 1), max_value=date(2040, 12, 31)))
def test_property_steps_fall_either_side_of_the_meeting(meeting) -> None:
    timeline = review_timeline(ReviewFacts(first_made_on=date(2014, 9, 1), meeting_on=meeting), today=meeting)
    invitations, advice = timeline["invitations"], timeline["advice_circulated"]
    assert invitations.rule.due_from(invitations.due) == meeting  # exactly the notice the law requires
    assert advice.due < meeting < timeline["report"].due < timeline["decision"].due


def test_explain_the_plans_own_period_in_months() -> None:
    facts = ReviewFacts(first_made_on=date(2026, 1, 11))
    text = review_step_explain(review_timeline(facts, today=date(2026, 12, 7))["review"])
    assert text == ("Review the plan: by Sun 10 January 2027, within 12 months starting with the day the plan was "
                    "first made (Sun 11 January 2026) (Children and Families Act 2014, s.44(1)). Not yet done.")
