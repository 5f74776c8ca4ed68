from dataclasses import replace
from datetime import date

from statutory import (
    AdviceRequestFacts,
    AssessmentFacts,
    ConsultationFacts,
    ExceptionRecord,
    assessment_timeline,
    validate_assessment_facts,
)

RECEIVED = date(2026, 11, 23)
DUE_6W = date(2027, 1, 4)
DUE_16W = date(2027, 3, 15)
DUE_20W = date(2027, 4, 12)


def _issued_facts(**overrides: object) -> AssessmentFacts:
    values: dict[str, object] = dict(
        request_received=RECEIVED,
        decision_to_assess=date(2026, 12, 30),
        decided_to_assess=True,
        decision_to_issue=date(2027, 3, 1),
        decided_to_issue=True,
        draft_plan_served=date(2027, 3, 1),
        final_plan_issued=None,
    )
    values.update(overrides)
    return AssessmentFacts(**values)  # type: ignore[arg-type]


def test_new_request_has_three_deadlines_in_order() -> None:
    timeline = assessment_timeline(AssessmentFacts(RECEIVED), today=RECEIVED)
    assert [(d.step, d.due, d.status) for d in timeline.deadlines] == [
        ("decision_to_assess", DUE_6W, "due"),
        ("decision_not_to_issue", DUE_16W, "due"),
        ("final_plan", DUE_20W, "due"),
    ]
    assert timeline.next_due().step == "decision_to_assess"
    assert timeline["final_plan"].rule.citation == "SEND Regulations 2014, reg 13(2)"


def test_leap_day_request() -> None:
    timeline = assessment_timeline(AssessmentFacts(date(2024, 2, 29)), today=date(2024, 2, 29))
    assert timeline["decision_to_assess"].due == date(2024, 4, 11)
    assert timeline["decision_not_to_issue"].due == date(2024, 6, 20)
    assert timeline["final_plan"].due == date(2024, 7, 18)


def test_on_the_due_date_is_on_time_and_the_day_after_is_late() -> None:
    on_time = assessment_timeline(
        AssessmentFacts(RECEIVED, decision_to_assess=DUE_6W, decided_to_assess=True), today=DUE_6W
    )
    late = assessment_timeline(
        AssessmentFacts(RECEIVED, decision_to_assess=date(2027, 1, 5), decided_to_assess=True), today=DUE_6W
    )
    assert on_time["decision_to_assess"].status == "done_on_time"
    assert late["decision_to_assess"].status == "done_late"
    still_due = assessment_timeline(AssessmentFacts(RECEIVED), today=DUE_6W)
    overdue = assessment_timeline(AssessmentFacts(RECEIVED), today=date(2027, 1, 5))
    assert still_due["decision_to_assess"].status == "due"
    assert overdue["decision_to_assess"].status == "overdue"
    assert overdue.overdue == (overdue["decision_to_assess"],)


def test_exception_without_causal_note_does_not_excuse() -> None:
    exc = ExceptionRecord("E3", date(2027, 2, 1), date(2027, 3, 31), causal_note="  ")
    timeline = assessment_timeline(
        _issued_facts(final_plan_issued=date(2027, 5, 1), exceptions=(exc,)), today=date(2027, 5, 1)
    )
    final = timeline["final_plan"]
    assert final.status == "done_late"
    assert final.exception_codes == ()
    assert final.exceptions_needing_note == ("E3",)
    assert "does not count yet" in final.explain()


def test_exception_with_note_and_overlap_excuses_but_never_moves_the_date() -> None:
    exc = ExceptionRecord(
        "E4", date(2027, 2, 1), date(2027, 3, 31), causal_note="Family abroad; EP could not see child"
    )
    facts = _issued_facts(final_plan_issued=date(2027, 5, 1), exceptions=(exc,))
    timeline = assessment_timeline(facts, today=date(2027, 5, 1))
    final = timeline["final_plan"]
    assert final.status == "late_exception_applies"
    assert final.exception_codes == ("E4",)
    assert final.due == DUE_20W
    open_case = assessment_timeline(_issued_facts(exceptions=(exc,)), today=date(2027, 5, 1))
    assert open_case["final_plan"].status == "overdue_exception_applies"
    assert open_case["final_plan"].due == DUE_20W


def test_exception_outside_the_steps_period_does_not_excuse() -> None:
    exc = ExceptionRecord("E3", date(2027, 4, 13), date(2027, 4, 30), causal_note="Bereavement")
    timeline = assessment_timeline(
        _issued_facts(final_plan_issued=date(2027, 5, 1), exceptions=(exc,)), today=date(2027, 5, 1)
    )
    assert timeline["final_plan"].status == "done_late"
    assert timeline["final_plan"].exception_codes == ()


def test_exception_claimed_for_one_step_leaves_other_steps_on_their_own_deadline() -> None:
    exc = ExceptionRecord(
        "E3",
        date(2026, 12, 1),
        date(2027, 3, 31),
        causal_note="Parent in hospital",
        applies_to=frozenset({"final_plan"}),
    )
    facts = AssessmentFacts(
        RECEIVED, decision_to_assess=date(2027, 1, 20), decided_to_assess=True, exceptions=(exc,)
    )
    timeline = assessment_timeline(facts, today=date(2027, 5, 1))
    assert timeline["decision_to_assess"].status == "done_late"
    assert timeline["final_plan"].status == "overdue_exception_applies"


def test_exception_with_empty_applies_to_covers_every_assessment_step() -> None:
    exc = ExceptionRecord("E3", date(2026, 12, 1), date(2027, 3, 31), causal_note="Parent in hospital")
    facts = AssessmentFacts(
        RECEIVED, decision_to_assess=date(2027, 1, 20), decided_to_assess=True, exceptions=(exc,)
    )
    timeline = assessment_timeline(facts, today=date(2027, 5, 1))
    assert timeline["decision_to_assess"].status == "late_exception_applies"
    assert timeline["decision_not_to_issue"].status == "overdue_exception_applies"
    assert timeline["final_plan"].status == "overdue_exception_applies"


def test_advice_exceptions_are_a_separate_list() -> None:
    a3 = ExceptionRecord("A3", date(2027, 1, 10), date(2027, 1, 10), causal_note="Missed EP appointment")
    e3_on_advice = ExceptionRecord("E3", date(2027, 1, 10), date(2027, 1, 20), causal_note="Illness")
    advice_ok = AdviceRequestFacts("ep", date(2027, 1, 4), received_on=date(2027, 3, 1), exceptions=(a3,))
    advice_bad = AdviceRequestFacts(
        "health", date(2027, 1, 4), received_on=date(2027, 3, 1), exceptions=(e3_on_advice,)
    )
    top_level_a1 = ExceptionRecord("A1", date(2027, 1, 1), date(2027, 4, 30), causal_note="Family crisis")
    facts = _issued_facts(
        advice_requests=(advice_ok, advice_bad),
        exceptions=(top_level_a1,),
        final_plan_issued=date(2027, 5, 1),
    )
    timeline = assessment_timeline(facts, today=date(2027, 5, 1))
    assert timeline["advice:ep"].due == date(2027, 2, 15)
    assert timeline["advice:ep"].status == "late_exception_applies"
    assert timeline["advice:ep"].exception_codes == ("A1", "A3")
    assert timeline["advice:health"].exception_codes == ("A1",)  # the E3 on advice is ignored
    assert timeline["final_plan"].status == "done_late"  # A-codes never excuse the 20 weeks
    assert any("cannot excuse late advice" in p for p in validate_assessment_facts(facts))


def test_advice_clock_runs_from_when_the_adviser_received_the_request() -> None:
    advice = AdviceRequestFacts(
        "ep",
        requested_on=date(2027, 1, 4),
        request_received_by_adviser=date(2027, 1, 6),
        adviser="EP service",
    )
    timeline = assessment_timeline(_issued_facts(advice_requests=(advice,)), today=date(2027, 1, 6))
    assert timeline["advice:ep"].due == date(2027, 2, 17)
    assert timeline["advice:ep"].label == "Advice from EP service"


def test_refusal_to_assess_makes_later_steps_not_applicable() -> None:
    facts = AssessmentFacts(RECEIVED, decision_to_assess=date(2026, 12, 20), decided_to_assess=False)
    timeline = assessment_timeline(facts, today=date(2027, 6, 1))
    assert timeline["decision_to_assess"].status == "done_on_time"
    assert timeline["decision_not_to_issue"].status == "not_applicable"
    assert timeline["final_plan"].status == "not_applicable"
    assert "decided not to assess" in timeline["final_plan"].note
    assert timeline.open == () and timeline.overdue == ()
    assert timeline.next_due() is None


def test_decision_to_issue_makes_the_16_week_step_not_applicable() -> None:
    timeline = assessment_timeline(_issued_facts(), today=date(2027, 3, 20))
    assert timeline["decision_not_to_issue"].status == "not_applicable"
    assert timeline["final_plan"].status == "due"


def test_decision_not_to_issue() -> None:
    facts = AssessmentFacts(
        RECEIVED,
        decision_to_assess=date(2026, 12, 30),
        decided_to_assess=True,
        decision_to_issue=date(2027, 3, 16),
        decided_to_issue=False,
    )
    timeline = assessment_timeline(facts, today=date(2027, 6, 1))
    assert timeline["decision_not_to_issue"].status == "done_late"
    assert timeline["decision_not_to_issue"].completed_on == date(2027, 3, 16)
    assert timeline["final_plan"].status == "not_applicable"


def test_withdrawal_closes_outstanding_steps_but_keeps_completed_ones() -> None:
    facts = AssessmentFacts(
        RECEIVED, decision_to_assess=date(2027, 1, 6), decided_to_assess=True, withdrawn_on=date(2027, 2, 1)
    )
    timeline = assessment_timeline(facts, today=date(2027, 6, 1))
    assert timeline["decision_to_assess"].status == "done_late"
    assert timeline["decision_not_to_issue"].status == "not_applicable"
    assert timeline["final_plan"].status == "not_applicable"
    assert "withdrawn" in timeline["final_plan"].note


def test_representation_window_and_earliest_final_plan_date() -> None:
    facts = _issued_facts(draft_plan_served=date(2027, 2, 1))
    timeline = assessment_timeline(facts, today=date(2027, 2, 10))
    window = timeline["representations_close"]
    assert window.due == date(2027, 2, 15)  # served + 14: 15 days beginning with the day of service
    assert window.status == "due"
    assert timeline.earliest_final_plan_date == date(2027, 2, 16)
    closed = assessment_timeline(facts, today=date(2027, 2, 16))
    assert closed["representations_close"].status == "done_on_time"


def test_final_plan_inside_the_representation_window_is_flagged() -> None:
    early = _issued_facts(
        decision_to_issue=date(2027, 2, 1),
        draft_plan_served=date(2027, 2, 1),
        final_plan_issued=date(2027, 2, 15),
    )
    problems = validate_assessment_facts(early)
    assert any("15 days" in p and "16 February 2027" in p for p in problems)
    timeline = assessment_timeline(early, today=date(2027, 3, 1))
    assert "before" in timeline["representations_close"].note
    assert "earliest lawful date" in timeline["final_plan"].note
    assert timeline.problems == tuple(problems)
    ok = _issued_facts(
        decision_to_issue=date(2027, 2, 1),
        draft_plan_served=date(2027, 2, 1),
        final_plan_issued=date(2027, 2, 16),
    )
    assert validate_assessment_facts(ok) == []


def test_consultation_15_days_and_not_applicable_once_plan_issued() -> None:
    school = ConsultationFacts("urn100001", sent_on=date(2027, 3, 2), institution="Oak Primary")
    college = ConsultationFacts("ukprn10000001", sent_on=date(2027, 3, 2), responded_on=date(2027, 3, 10))
    running = assessment_timeline(_issued_facts(consultations=(school, college)), today=date(2027, 3, 20))
    assert running["consultation:urn100001"].due == date(2027, 3, 17)
    assert running["consultation:urn100001"].status == "overdue"
    assert running["consultation:urn100001"].label == "Reply from Oak Primary to the consultation"
    assert running["consultation:ukprn10000001"].status == "done_on_time"
    finished = assessment_timeline(
        _issued_facts(consultations=(school, college), final_plan_issued=date(2027, 4, 1)),
        today=date(2027, 4, 2),
    )
    assert finished["consultation:urn100001"].status == "not_applicable"
    assert finished["final_plan"].status == "done_on_time"


def test_deadlines_are_ordered_by_due_date() -> None:
    facts = _issued_facts(
        advice_requests=(
            AdviceRequestFacts("late", date(2027, 2, 20)),
            AdviceRequestFacts("early", date(2027, 1, 5)),
        ),
        consultations=(ConsultationFacts("s", date(2027, 3, 2)),),
    )
    timeline = assessment_timeline(facts, today=date(2027, 1, 1))
    dues = [d.due for d in timeline.deadlines]
    assert dues == sorted(dues)
    assert timeline.steps[0] == "decision_to_assess"
    assert timeline.next_due(date(2027, 1, 5)).step == "advice:early"


def test_draft_implies_a_decision_to_issue_when_not_recorded() -> None:
    facts = AssessmentFacts(
        RECEIVED,
        decision_to_assess=date(2026, 12, 30),
        decided_to_assess=True,
        draft_plan_served=date(2027, 3, 1),
    )
    timeline = assessment_timeline(facts, today=date(2027, 3, 20))
    assert timeline["decision_not_to_issue"].status == "not_applicable"
    assert any("decision to issue a plan is not" in p for p in validate_assessment_facts(facts))


def test_explain_mentions_rule_and_dates() -> None:
    text = assessment_timeline(AssessmentFacts(RECEIVED), today=RECEIVED)["final_plan"].explain()
    assert (
        "20 weeks" in text and "reg 13(2)" in text and "12 April 2027" in text and "23 November 2026" in text
    )


def test_validation_messages() -> None:
    facts = AssessmentFacts(
        request_received=RECEIVED,
        decision_to_assess=date(2026, 11, 1),
        decided_to_assess=True,
        decision_to_issue=date(2027, 3, 1),
        decided_to_issue=True,
        draft_plan_served=date(2026, 10, 20),
        final_plan_issued=date(2026, 10, 15),
        exceptions=(
            ExceptionRecord("E9", date(2027, 2, 1), date(2027, 1, 1), applies_to=frozenset({"lunch"})),
        ),
        advice_requests=(AdviceRequestFacts("ep", date(2027, 1, 10), received_on=date(2027, 1, 5)),),
        consultations=(ConsultationFacts("s", date(2027, 3, 2), responded_on=date(2027, 3, 1)),),
    )
    problems = "\n".join(validate_assessment_facts(facts, today=date(2027, 1, 1)))
    assert "decision whether to assess (1 November 2026) is before the request" in problems
    assert "final plan (15 October 2026) is dated before the draft plan" in problems
    assert "draft plan (20 October 2026) was served before the decision to assess" in problems
    assert "draft plan (20 October 2026) is before the request was received" in problems
    assert "'E9'" in problems
    assert "ends before it starts" in problems
    assert "unknown step 'lunch'" in problems
    assert "Advice from ep is recorded as received before it was requested" in problems
    assert "reply from s is dated before the consultation was sent" in problems
    assert "in the future" in problems


def test_validation_of_refusal_with_later_steps_and_missing_outcomes() -> None:
    refused = AssessmentFacts(
        RECEIVED,
        decision_to_assess=date(2026, 12, 1),
        decided_to_assess=False,
        draft_plan_served=date(2027, 2, 1),
    )
    assert any("decided not to assess" in p for p in validate_assessment_facts(refused))
    half = AssessmentFacts(RECEIVED, decision_to_assess=date(2026, 12, 1))
    assert any("not whether it was yes or no" in p for p in validate_assessment_facts(half))
    assert validate_assessment_facts(AssessmentFacts(RECEIVED)) == []


def test_representation_window_explain_reads_as_a_window() -> None:
    facts = _issued_facts(decision_to_issue=date(2027, 2, 1), draft_plan_served=date(2027, 2, 1))
    open_text = assessment_timeline(facts, today=date(2027, 2, 3))["representations_close"].explain()
    assert "15th day beginning with the day the draft plan was served" in open_text
    assert "Still open" in open_text
    closed = assessment_timeline(facts, today=date(2027, 2, 16))["representations_close"]
    assert "Closed" in closed.explain()
    cut = assessment_timeline(replace(facts, final_plan_issued=date(2027, 2, 10)), today=date(2027, 3, 1))
    assert "Cut short" in cut["representations_close"].explain()
