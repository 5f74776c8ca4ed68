"""The general deadline machinery (statutory.deadlines) and how a recorded exception excuses a step."""

from __future__ import annotations

from datetime import date

import statutory
from statutory.deadlines import Deadlines, deadline, deadline_status
from statutory.exceptions import ASSESSMENT_EXCEPTIONS, ExceptionRecord, excusing
from statutory.rules import RULES

FINAL = RULES.lookup("final_plan", date(2027, 1, 4))
RECEIVED = date(2027, 1, 4)  # 20 weeks later: 24 May 2027
DUE = date(2027, 5, 24)


def test_status_of_every_kind() -> None:
    assert deadline_status(DUE, DUE, date(2027, 6, 1)) == "done_on_time"
    assert deadline_status(DUE, date(2027, 5, 25), date(2027, 6, 1)) == "done_late"
    assert deadline_status(DUE, date(2027, 5, 25), date(2027, 6, 1), excused=True) == "late_exception_applies"
    assert deadline_status(DUE, None, DUE) == "due"
    assert deadline_status(DUE, None, date(2027, 5, 25)) == "overdue"
    assert deadline_status(DUE, None, date(2027, 5, 25), excused=True) == "overdue_exception_applies"
    assert deadline_status(DUE, None, date(2027, 5, 25), applicable=False) == "not_applicable"
    # A step done before its duty went keeps its real status.
    assert deadline_status(DUE, date(2027, 5, 25), date(2027, 6, 1), applicable=False) == "done_late"


def test_deadline_counts_from_the_rule_and_names_it() -> None:
    d = deadline("final_plan", "Issue the final plan", FINAL, RECEIVED, today=date(2027, 2, 1),
                 trigger_label="the request being received")
    assert d.due == DUE and d.status == "due" and d.is_open and not d.is_overdue
    assert d.rule is FINAL and d.citation == "SEND Regulations 2014, reg 13(2)"
    assert d.days_until_due(date(2027, 5, 20)) == 4
    assert "20 weeks from the request being received" in d.explain()


def test_an_exception_excuses_only_when_allowed_overlapping_and_shown() -> None:
    away = ExceptionRecord("E4", date(2027, 3, 1), date(2027, 4, 30), causal_note="Abroad for an operation")
    late = {"today": date(2027, 6, 1), "completed_on": date(2027, 6, 1)}
    allowed = frozenset(ASSESSMENT_EXCEPTIONS)
    assert deadline("final_plan", "x", FINAL, RECEIVED, exceptions=(away,), allowed_exceptions=allowed,
                    **late).status == "late_exception_applies"
    # Not on the law's list for this step: no excuse.
    assert deadline("final_plan", "x", FINAL, RECEIVED, exceptions=(away,), **late).status == "done_late"
    # No causal note: it excuses nothing and is reported as needing one.
    unshown = deadline("final_plan", "x", FINAL, RECEIVED, exceptions=(ExceptionRecord("E4", away.period_start,
                       away.period_end),), allowed_exceptions=allowed, **late)
    assert unshown.status == "done_late" and unshown.exceptions_needing_note == ("E4",)
    assert "does not count yet" in unshown.explain()


def test_excusing_ignores_claims_that_fail_their_own_conditions() -> None:
    allowed = frozenset(ASSESSMENT_EXCEPTIONS)
    short = ExceptionRecord("E4", date(2027, 3, 1), date(2027, 3, 10), causal_note="Away")  # under 4 weeks
    outside = ExceptionRecord("E3", date(2027, 7, 1), date(2027, 7, 30), causal_note="After the period")
    other_step = ExceptionRecord("E3", date(2027, 3, 1), date(2027, 3, 30), causal_note="x",
                                 applies_to=frozenset({"decision_to_assess"}))
    assert excusing("final_plan", RECEIVED, DUE, (short, outside, other_step), allowed=allowed) == ((), ())
    good = ExceptionRecord("E3", date(2027, 3, 1), date(2027, 3, 30), causal_note="Bereavement")
    assert excusing("final_plan", RECEIVED, DUE, (good,), allowed=allowed) == (("E3",), ())


def test_not_applicable_puts_why_before_the_note() -> None:
    d = deadline("final_plan", "x", FINAL, RECEIVED, today=date(2027, 6, 1), applicable=False,
                 why_not="The request was withdrawn.", note="Extra.")
    assert d.status == "not_applicable" and d.note == "The request was withdrawn. Extra."


def test_a_window_reads_as_a_window() -> None:
    rule = RULES.lookup("representations_close", date(2027, 2, 1))
    d = deadline("representations_close", "Time to comment ends", rule, date(2027, 2, 1), today=date(2027, 2, 3),
                 trigger_label="the draft plan being served", began_with="the draft plan was served")
    assert d.is_window and d.due == date(2027, 2, 15)
    assert "15th day beginning with the day the draft plan was served" in d.explain()
    assert "Still open" in d.explain()


def test_deadlines_collection_orders_and_filters() -> None:
    advice = RULES.lookup("advice", RECEIVED)
    first = deadline("advice:ep", "EP", advice, RECEIVED, today=date(2027, 3, 1))
    second = deadline("final_plan", "Final", FINAL, RECEIVED, today=date(2027, 3, 1))
    done = deadline("advice:school", "School", advice, RECEIVED, today=date(2027, 3, 1),
                    completed_on=date(2027, 2, 1))
    book = Deadlines(today=date(2027, 3, 1), deadlines=(first, done, second))
    assert len(book) == 3 and book.steps == ("advice:ep", "advice:school", "final_plan")
    assert book["final_plan"] is second and book.get("nope") is None
    assert book.overdue == (first,) and book.open == (first, second) and book.late == ()
    assert book.next_due() is second and book.next_due(date(2027, 1, 5)) is first
    assert first.family == "advice"


def test_the_assessment_timeline_is_a_set_of_deadlines_and_names_stay_importable() -> None:
    timeline = statutory.assessment_timeline(statutory.AssessmentFacts(RECEIVED), today=RECEIVED)
    assert isinstance(timeline, Deadlines) and isinstance(timeline["final_plan"], statutory.Deadline)
    from statutory.assessment import Deadline, Status, exception_description  # noqa: F401
    from statutory.assessment import ExceptionRecord as Moved

    assert Moved is ExceptionRecord is statutory.ExceptionRecord and Deadline is statutory.Deadline
    assert exception_description("E3").startswith("Exceptional personal circumstances")
