"""Tribunal orders (reg 44), unopposed appeals (reg 45), the response clocks and bad orders, with literal dates.

None of these periods is moved by HESC r.12: a duty due on a bank holiday, in August or at Christmas stays due
on that day (spec 6.3: r.12 applies to acts under the Tribunal Rules, not to the council's reg 44/45 periods).
"""

from datetime import date

import pytest

from statutory import (
    DutyFacts,
    ExceptionRecord,
    OrderKind,
    order_duties,
    order_problems,
    recommendation_response_due,
    tribunal_response_due,
    unopposed_duties,
)

OK = OrderKind


def _dues(deadlines) -> dict[str, date]:
    return {d.step: d.due for d in deadlines}


def test_every_order_kind_and_its_duties_from_the_order() -> None:
    # Ordered Mon 20 December 2027: the 2 weeks end on Mon 3 January 2028, New Year's Day (observed); not moved.
    assert _dues(order_duties(OK.ASSESS, date(2027, 12, 20), today=date(2027, 12, 20))) == {
        "notify_will_assess": date(2028, 1, 3), "notify_no_plan": date(2028, 2, 28), "final_plan": date(2028, 3, 27)}
    assert _dues(order_duties(OK.REASSESS, date(2027, 12, 20), today=date(2027, 12, 20))) == {
        "notify_will_assess": date(2028, 1, 3), "notify_no_plan": date(2028, 2, 28), "final_plan": date(2028, 3, 27)}
    # Ordered Fri 2 July 2027: the draft is due Fri 6 August 2027 (August does not move it), final Fri 17 September.
    assert _dues(order_duties(OK.MAKE_PLAN, date(2027, 7, 2), today=date(2027, 7, 2))) == {
        "draft_plan": date(2027, 8, 6), "final_plan": date(2027, 9, 17)}
    # Ordered Tue 25 January 2028: 5 weeks end Tue 29 February 2028.
    assert _dues(order_duties(OK.AMEND_CONTENTS, date(2028, 1, 25), today=date(2028, 1, 25))) == {
        "amended_plan": date(2028, 2, 29)}
    # Ordered Fri 12 March 2027: 2 weeks end on Good Friday, 26 March 2027; not moved.
    assert _dues(order_duties(OK.CHANGE_SCHOOL, date(2027, 3, 12), today=date(2027, 3, 12))) == {
        "amended_plan": date(2027, 3, 26)}
    # At once: the day of the order, even a Sunday in August.
    assert _dues(order_duties(OK.CEASE, date(2027, 8, 1), today=date(2027, 8, 1))) == {"cease": date(2027, 8, 1)}
    assert _dues(order_duties("continue_to_maintain", date(2027, 8, 1), today=date(2027, 8, 1))) == {
        "continue": date(2027, 8, 1)}


def test_each_duty_cites_reg_44_and_at_once_reads_as_such() -> None:
    cease = order_duties(OK.CEASE, date(2027, 8, 1), today=date(2027, 8, 2))["cease"]
    assert cease.rule.citation == "SEND Regulations 2014, reg 44(2)(a)"
    assert cease.rule.url.endswith("/uksi/2014/1530/regulation/44")
    assert cease.rule.duration_text == "at once"
    assert cease.status == "overdue"
    assert "at once from the Tribunal's order on Sun 1 August 2027" in cease.explain()
    school = order_duties(OK.CHANGE_SCHOOL, date(2027, 3, 12), today=date(2027, 3, 12))["amended_plan"]
    assert "[S]" in school.rule.note  # the 2 weeks for section I come from gov.uk, not the Regulations' text
    assert "[R]" in order_duties(OK.AMEND_CONTENTS, date(2027, 3, 12), today=date(2027, 3, 12))[
        "amended_plan"].rule.note


def test_the_assessment_decision_picks_which_duty_applies() -> None:
    ordered = date(2027, 1, 4)
    undecided = order_duties(OK.ASSESS, ordered, today=date(2027, 3, 16))
    assert undecided["notify_no_plan"].status == "overdue"  # 10 weeks: Mon 15 March 2027
    assert undecided["final_plan"].status == "due"
    plan = order_duties(OK.ASSESS, ordered, DutyFacts(done={"notify_will_assess": date(2027, 1, 11)},
                                                     decided_to_issue=True), today=date(2027, 3, 16))
    assert plan["notify_will_assess"].status == "done_on_time"
    assert plan["notify_no_plan"].status == "not_applicable"
    assert plan["final_plan"].status == "due"
    no_plan = order_duties(OK.ASSESS, ordered, DutyFacts(done={"notify_no_plan": date(2027, 3, 15)},
                                                        decided_to_issue=False), today=date(2027, 4, 16))
    assert no_plan["notify_no_plan"].status == "done_on_time"
    assert no_plan["final_plan"].status == "not_applicable"
    assert len(no_plan.overdue) == 1  # only the notice that the council will assess


def test_unopposed_duties_run_from_the_day_the_council_told_the_tribunal() -> None:
    told = date(2028, 2, 29)  # a leap day
    assert _dues(unopposed_duties(OK.ASSESS, told, today=told)) == {
        "notify_will_assess": date(2028, 3, 14), "notify_no_plan": date(2028, 5, 9), "final_plan": date(2028, 6, 6)}
    assert _dues(unopposed_duties(OK.MAKE_PLAN, told, today=told)) == {
        "draft_plan": date(2028, 4, 4), "final_plan": date(2028, 5, 16)}
    assert _dues(unopposed_duties(OK.AMEND_CONTENTS, told, today=told)) == {"amended_plan": date(2028, 4, 4)}
    assert _dues(unopposed_duties(OK.CHANGE_SCHOOL, told, today=told)) == {"amended_plan": date(2028, 3, 14)}
    assert _dues(unopposed_duties(OK.CONTINUE_TO_MAINTAIN, told, today=told)) == {"continue": told}
    duty = unopposed_duties(OK.AMEND_CONTENTS, told, today=date(2028, 4, 5))["amended_plan"]
    assert duty.rule.citation == "SEND Regulations 2014, reg 45" and duty.status == "overdue"
    assert "telling the Tribunal it will not oppose" in duty.explain()
    with pytest.raises(ValueError, match="continuing to maintain"):
        unopposed_duties(OK.CEASE, told, today=told)


def test_unopposed_duties_follow_reg_45_as_amended_in_2015() -> None:
    with pytest.raises(LookupError):
        unopposed_duties(OK.ASSESS, date(2015, 3, 31), today=date(2015, 3, 31))
    assert unopposed_duties(OK.ASSESS, date(2015, 4, 1), today=date(2015, 4, 1))["notify_will_assess"].due \
        == date(2015, 4, 15)


ORDERED = date(2027, 3, 1)  # final plan after an ordered assessment due Mon 7 June 2027 (14 weeks)
LATE = {"final_plan": date(2027, 6, 14)}


def _final(*exceptions: ExceptionRecord, done=LATE, today=date(2027, 6, 20)):
    facts = DutyFacts(done=done, decided_to_issue=True, exceptions=exceptions)
    return order_duties(OK.ASSESS, ORDERED, facts, today=today)["final_plan"]


def test_reg_44_3_absence_of_2_weeks_excuses_a_late_duty_like_the_assessments() -> None:
    assert _final().due == date(2027, 6, 7)
    assert _final().status == "done_late"
    away = ExceptionRecord("T2", date(2027, 5, 10), date(2027, 5, 23), causal_note="Family abroad: no visit possible")
    excused = _final(away)
    assert excused.status == "late_exception_applies"
    assert excused.exception_codes == ("T2",)
    assert "away from the council's area for 2 or more weeks in a row (reg 44(3)(b))" in excused.explain()
    # 13 days is not 2 weeks in a row: it excuses nothing.
    short = ExceptionRecord("T2", date(2027, 5, 10), date(2027, 5, 22), causal_note="Family abroad")
    assert _final(short).status == "done_late"
    # Without a note saying why it made the deadline impractical, it does not count yet.
    unshown = _final(ExceptionRecord("T2", date(2027, 5, 10), date(2027, 5, 23)))
    assert unshown.status == "done_late" and unshown.exceptions_needing_note == ("T2",)


def test_reg_44_3_other_exceptions_and_overdue_duties() -> None:
    circumstances = ExceptionRecord("T1", date(2027, 5, 1), date(2027, 5, 2), causal_note="Bereavement",
                                    applies_to=frozenset({"final_plan"}))
    assert _final(circumstances).status == "late_exception_applies"
    overdue = _final(circumstances, done={}, today=date(2027, 6, 20))
    assert overdue.status == "overdue_exception_applies"
    # The reg 10(4) circumstances count through reg 44(3)(c) (E4: 4 weeks away) ...
    e4 = ExceptionRecord("E4", date(2027, 4, 1), date(2027, 4, 30), causal_note="Away at grandparents'")
    assert _final(e4).status == "late_exception_applies"
    # ... but an advice-giver's exception (reg 8(2)) does not.
    a2 = ExceptionRecord("A2", date(2027, 4, 1), date(2027, 4, 30), causal_note="Away")
    assert _final(a2).status == "done_late"
    # Claimed for another duty only: it does not excuse this one.
    other = ExceptionRecord("T1", date(2027, 5, 1), date(2027, 5, 2), causal_note="Bereavement",
                            applies_to=frozenset({"notify_will_assess"}))
    assert _final(other).status == "done_late"


def test_the_councils_response_and_the_recommendations_clock() -> None:
    # Sent Mon 20 December 2027: 30 working days, skipping 27, 28 December and 3 January: Thu 3 February 2028.
    assert tribunal_response_due(date(2027, 12, 20)) == date(2028, 2, 3)
    # Sent Mon 22 March 2027: Good Friday, Easter Monday and 3 May skipped: Thu 6 May 2027.
    assert tribunal_response_due(date(2027, 3, 22)) == date(2027, 5, 6)
    assert recommendation_response_due(date(2028, 2, 29)) == date(2028, 4, 4)
    with pytest.raises(LookupError):
        recommendation_response_due(date(2018, 4, 2))


def test_a_good_order_has_no_problems() -> None:
    facts = DutyFacts(done={"draft_plan": date(2027, 4, 1), "final_plan": date(2027, 5, 10)})
    assert order_problems(OK.MAKE_PLAN, ORDERED, facts, appeal_registered_on=date(2026, 11, 2),
                          decision="not_to_issue", today=date(2027, 6, 1)) == []


@pytest.mark.parametrize(("kind", "facts", "kwargs", "field", "words"), [
    (OK.ASSESS, DutyFacts(), {"appeal_registered_on": date(2027, 3, 2)}, "ordered_on",
     "before the appeal it decides was registered on 2 March 2027"),
    (OK.ASSESS, DutyFacts(), {"today": date(2027, 2, 28)}, "ordered_on", "in the future"),
    (OK.ASSESS, DutyFacts(), {"decision": "school_transport"}, "decision", "cannot be appealed"),
    (OK.CEASE, DutyFacts(), {"decision": "not_to_assess"}, "kind", "does not fit the appeal"),
    ("detention", DutyFacts(), {}, "kind", "Choose what the Tribunal ordered"),
    (OK.MAKE_PLAN, DutyFacts(done={"draft_plan": date(2027, 2, 1)}), {}, "done:draft_plan", "before the order"),
    (OK.MAKE_PLAN, DutyFacts(done={"cease": date(2027, 3, 2)}), {}, "done:cease", "does not ask"),
    (OK.MAKE_PLAN, DutyFacts(done={"draft_plan": date(2027, 4, 2)}), {"today": date(2027, 4, 1)},
     "done:draft_plan", "in the future"),
    (OK.MAKE_PLAN, DutyFacts(done={"draft_plan": date(2027, 4, 2), "final_plan": date(2027, 4, 1)}), {},
     "done:final_plan", "before the draft plan"),
    (OK.MAKE_PLAN, DutyFacts(decided_to_issue=True), {}, "decided_to_issue", "only after an ordered assessment"),
    (OK.ASSESS, DutyFacts(done={"notify_no_plan": date(2027, 4, 1)}), {}, "decided_to_issue", "decision not to"),
    (OK.REASSESS, DutyFacts(done={"final_plan": date(2027, 5, 1)}, decided_to_issue=False), {}, "decided_to_issue",
     "decision to issue"),
])
def test_each_bad_order_names_its_field(kind, facts, kwargs, field, words) -> None:
    problems = order_problems(kind, ORDERED, facts, **kwargs)
    assert any(p.field == field and words in p.message for p in problems), problems
    assert all(p.message[0].isupper() and p.message.endswith(".") for p in problems)


def test_unknown_order_kinds_are_refused() -> None:
    with pytest.raises(ValueError, match="not a kind of Tribunal order"):
        order_duties("detention", ORDERED, today=ORDERED)


def test_a_form_can_explain_why_a_short_absence_does_not_count() -> None:
    from statutory import exception_description, exception_problems

    [problem] = exception_problems("T2", date(2027, 5, 10), date(2027, 5, 22))
    assert "at least 2 weeks in a row (14 days)" in problem and "13 days" in problem
    assert "reg 44(3)(b)" in problem
    assert exception_problems("T2", date(2027, 5, 10), date(2027, 5, 23)) == []
    assert exception_description("T1").endswith("(reg 44(3)(a))")
