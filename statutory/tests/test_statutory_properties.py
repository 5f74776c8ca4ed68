"""Property-based tests: invariants that must hold for any dates, not just the literal examples."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from statutory import (
    AdviceRequestFacts,
    AssessmentFacts,
    ConsultationFacts,
    ExceptionRecord,
    TimelinessCase,
    WorkingDayCalendar,
    add_months,
    assessment_timeline,
    compulsory_school_age_end,
    decision_maker,
    national_curriculum_year,
    timeliness_report,
)
from statutory.assessment import ADVICE_EXCEPTIONS, ASSESSMENT_EXCEPTIONS

# database=None: never write a .hypothesis directory into the shared working tree.
FAST = settings(max_examples=200, deadline=None, database=None)
SLOWER = settings(max_examples=100, deadline=None, database=None)

CAL = WorkingDayCalendar()
STATUSES = {
    "done_on_time",
    "done_late",
    "late_exception_applies",
    "overdue",
    "overdue_exception_applies",
    "due",
    "not_applicable",
}

law_dates = st.dates(min_value=date(2014, 9, 1), max_value=date(2045, 12, 31))
offsets = st.integers(min_value=0, max_value=400)
maybe_offset = st.none() | offsets


def _after(start: date, offset: int | None) -> date | None:
    return None if offset is None else start + timedelta(days=offset)


@st.composite
def exception_records(draw: st.DrawFn, start: date) -> ExceptionRecord:
    first = start + timedelta(days=draw(st.integers(-60, 300)))
    return ExceptionRecord(
        code=draw(st.sampled_from(sorted(ASSESSMENT_EXCEPTIONS) + sorted(ADVICE_EXCEPTIONS))),
        period_start=first,
        period_end=first + timedelta(days=draw(st.integers(0, 120))),
        causal_note=draw(st.sampled_from(["", "Family abroad for 6 weeks; no EP visit possible"])),
        applies_to=draw(
            st.sampled_from(
                [
                    frozenset(),
                    frozenset({"final_plan"}),
                    frozenset({"advice"}),
                    frozenset({"decision_to_assess"}),
                ]
            )
        ),
    )


@st.composite
def assessment_facts(draw: st.DrawFn) -> AssessmentFacts:
    received = draw(law_dates)
    decided = draw(st.sampled_from([None, True, False]))
    decision_to_assess = _after(received, draw(offsets)) if decided is not None else None
    issuing = draw(st.sampled_from([None, True, False])) if decided else None
    decision_to_issue = _after(received, draw(offsets)) if issuing is not None else None
    draft = _after(received, draw(maybe_offset)) if issuing else None
    final = _after(draft, draw(maybe_offset)) if draft else None
    advice = tuple(
        AdviceRequestFacts(
            key=f"a{i}",
            requested_on=received + timedelta(days=draw(st.integers(0, 100))),
            received_on=_after(received, draw(maybe_offset)),
            exceptions=tuple(draw(st.lists(exception_records(received), max_size=1))),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    consultations = tuple(
        ConsultationFacts(
            key=f"c{i}",
            sent_on=received + timedelta(days=draw(st.integers(0, 200))),
            responded_on=_after(received, draw(maybe_offset)),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    return AssessmentFacts(
        request_received=received,
        decision_to_assess=decision_to_assess,
        decided_to_assess=decided,
        decision_to_issue=decision_to_issue,
        decided_to_issue=issuing,
        draft_plan_served=draft,
        final_plan_issued=final,
        exceptions=tuple(draw(st.lists(exception_records(received), max_size=3))),
        advice_requests=advice,
        consultations=consultations,
        withdrawn_on=_after(received, draw(st.none() | offsets)) if draw(st.booleans()) else None,
    )


@FAST
@given(received=law_dates)
def test_headline_deadlines_for_any_request_date(received: date) -> None:
    timeline = assessment_timeline(AssessmentFacts(received), today=received)
    assert timeline["decision_to_assess"].due == received + timedelta(days=42)
    assert timeline["decision_not_to_issue"].due == received + timedelta(days=112)
    assert timeline["final_plan"].due == received + timedelta(days=140)


@SLOWER
@given(facts=assessment_facts(), today_offset=st.integers(0, 500))
def test_timeline_invariants(facts: AssessmentFacts, today_offset: int) -> None:
    today = facts.request_received + timedelta(days=today_offset)
    timeline = assessment_timeline(facts, today=today)
    dues = [d.due for d in timeline.deadlines]
    assert dues == sorted(dues)
    assert len(set(timeline.steps)) == len(timeline.steps)
    for deadline in timeline.deadlines:
        assert deadline.due >= deadline.trigger
        assert deadline.status in STATUSES
        if deadline.completed_on is not None and deadline.completed_on <= deadline.due:
            assert deadline.status == "done_on_time"
        if deadline.status in ("late_exception_applies", "overdue_exception_applies"):
            assert deadline.exception_codes
        if deadline.status == "due":
            assert today <= deadline.due
        if deadline.status.startswith("overdue"):
            assert today > deadline.due
    assert timeline["final_plan"].due == facts.request_received + timedelta(days=140)


@SLOWER
@given(facts=assessment_facts(), today_offset=st.integers(0, 500))
def test_exceptions_never_change_any_due_date(facts: AssessmentFacts, today_offset: int) -> None:
    today = facts.request_received + timedelta(days=today_offset)
    bare = replace(
        facts,
        exceptions=(),
        advice_requests=tuple(replace(a, exceptions=()) for a in facts.advice_requests),
    )
    with_exc = assessment_timeline(facts, today=today)
    without = assessment_timeline(bare, today=today)
    assert [(d.step, d.due, d.rule) for d in with_exc] == [(d.step, d.due, d.rule) for d in without]
    for a, b in zip(with_exc, without, strict=True):
        # An exception can only turn a late/overdue status into its excused form, never anything else.
        excused = {"done_late": "late_exception_applies", "overdue": "overdue_exception_applies"}
        assert a.status == b.status or a.status == excused.get(b.status)
        assert b.exception_codes == ()


@SLOWER
@given(facts=assessment_facts())
def test_an_exception_without_a_causal_note_never_excuses(facts: AssessmentFacts) -> None:
    silent = replace(
        facts,
        exceptions=tuple(replace(e, causal_note="") for e in facts.exceptions),
        advice_requests=tuple(
            replace(a, exceptions=tuple(replace(e, causal_note="") for e in a.exceptions))
            for a in facts.advice_requests
        ),
    )
    timeline = assessment_timeline(silent, today=facts.request_received + timedelta(days=400))
    assert all(not d.exception_codes for d in timeline)
    assert all(d.status not in ("late_exception_applies", "overdue_exception_applies") for d in timeline)


@FAST
@given(start=st.dates(min_value=date(2015, 1, 1), max_value=date(2040, 12, 31)), n=st.integers(1, 60))
def test_working_day_add_lands_on_a_working_day(start: date, n: int) -> None:
    result = CAL.add_working_days(start, n)
    assert CAL.is_working_day(result)
    assert result > start
    assert CAL.count_working_days(start, result) == n
    if CAL.is_working_day(start):
        assert CAL.add_working_days(result, -n) == start


@FAST
@given(start=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)), n=st.integers(-36, 36))
def test_add_months_clamps(start: date, n: int) -> None:
    result = add_months(start, n)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == n
    assert result.day <= start.day
    if result.day < start.day:
        assert (result + timedelta(days=1)).day == 1  # clamped to the last day of the month


@FAST
@given(dob=st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)))
def test_school_leaving_date_invariants(dob: date) -> None:
    end = compulsory_school_age_end(dob)
    assert end.weekday() == 4 and end.month == 6 and end.day >= 24
    assert national_curriculum_year(dob, end) == 11
    assert decision_maker(dob, end).who == "parent"
    assert decision_maker(dob, end + timedelta(days=1)).who == "young_person"
    assert decision_maker(dob, end + timedelta(days=1), lacks_capacity=True).who == "parent"


@FAST
@given(dob=st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)), days=st.integers(0, 10000))
def test_curriculum_year_never_decreases(dob: date, days: int) -> None:
    on = dob + timedelta(days=days)
    assert national_curriculum_year(dob, on) <= national_curriculum_year(dob, on + timedelta(days=1))
    assert national_curriculum_year(dob, add_months(on, 12)) == national_curriculum_year(dob, on) + 1


plan_cases = st.builds(
    TimelinessCase,
    request_received=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
    final_plan_issued=st.dates(min_value=date(2027, 1, 1), max_value=date(2028, 12, 31)),
    week20_exception=st.booleans(),
)


@FAST
@given(cases=st.lists(plan_cases, max_size=30))
def test_timeliness_excluding_is_a_subset_of_including(cases: list[TimelinessCase]) -> None:
    report = timeliness_report(cases, period_start=date(2027, 1, 1), period_end=date(2027, 12, 31))
    incl, excl = report.final_plans_including_exceptions, report.final_plans_excluding_exceptions
    assert excl.denominator <= incl.denominator
    assert excl.numerator <= incl.numerator
    assert incl.denominator - excl.denominator == sum(
        c.week20_exception for c in cases if date(2027, 1, 1) <= c.final_plan_issued <= date(2027, 12, 31)
    )
    for measure in report.measures:
        assert 0 <= measure.numerator <= measure.denominator
        assert (measure.percent is None) == (measure.denominator == 0)
