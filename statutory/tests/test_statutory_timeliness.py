from datetime import date

import pytest

from statutory import AssessmentFacts, ExceptionRecord, TimelinessCase, timeliness_report

YEAR_2027 = {"period_start": date(2027, 1, 1), "period_end": date(2027, 12, 31)}


def test_dfe_style_counts() -> None:
    cases = [
        # decided within 6 weeks; plan on time (20 weeks from 4 Jan 2027 = 24 May 2027)
        TimelinessCase(date(2027, 1, 4), date(2027, 2, 15), True, date(2027, 4, 1), True, date(2027, 5, 24)),
        # decided late; plan late with a 20-week exception
        TimelinessCase(
            date(2027, 1, 4),
            date(2027, 2, 16),
            True,
            date(2027, 4, 1),
            True,
            date(2027, 5, 25),
            week20_exception=True,
        ),
        # plan on time but with an exception: DfE removes it from "excluding" numerator and denominator
        TimelinessCase(
            date(2027, 1, 4),
            date(2027, 2, 1),
            True,
            date(2027, 4, 1),
            True,
            date(2027, 5, 1),
            week20_exception=True,
        ),
        # late plan, no exception
        TimelinessCase(date(2027, 1, 4), date(2027, 2, 1), True, date(2027, 4, 1), True, date(2027, 7, 1)),
        # refused within 6 weeks: counts as a decision whether to assess
        TimelinessCase(date(2027, 3, 1), date(2027, 4, 1), False),
        # decision not to issue: 16 weeks from 4 Jan 2027 is 26 Apr 2027
        TimelinessCase(date(2027, 1, 4), date(2027, 2, 1), True, date(2027, 4, 26), False),
        TimelinessCase(date(2027, 1, 4), date(2027, 2, 1), True, date(2027, 4, 27), False),
        # everything in 2026: outside the period
        TimelinessCase(date(2026, 1, 5), date(2026, 2, 1), True, date(2026, 4, 1), True, date(2026, 5, 1)),
        # undecided: not counted
        TimelinessCase(date(2027, 11, 1)),
    ]
    report = timeliness_report(cases, **YEAR_2027)
    assert (report.decisions_to_assess.numerator, report.decisions_to_assess.denominator) == (6, 7)
    assert (report.decisions_not_to_issue.numerator, report.decisions_not_to_issue.denominator) == (1, 2)
    incl = report.final_plans_including_exceptions
    excl = report.final_plans_excluding_exceptions
    assert (incl.numerator, incl.denominator) == (2, 4)
    assert (excl.numerator, excl.denominator) == (1, 2)
    assert incl.percent == pytest.approx(50.0)
    assert report.decisions_to_assess.percent == pytest.approx(600 / 7)
    assert "2/4" in str(incl)


def test_percent_is_none_when_nothing_counted() -> None:
    report = timeliness_report([], **YEAR_2027)
    assert all(m.percent is None and m.denominator == 0 for m in report.measures)


def test_assessment_facts_are_accepted_and_week20_comes_from_shown_exceptions() -> None:
    shown = ExceptionRecord(
        "E3", date(2027, 2, 1), date(2027, 3, 1), "Parent in hospital", frozenset({"final_plan"})
    )
    no_note = ExceptionRecord("E3", date(2027, 2, 1), date(2027, 3, 1), "", frozenset({"final_plan"}))
    base = dict(
        request_received=date(2027, 1, 4),
        decision_to_assess=date(2027, 2, 1),
        decided_to_assess=True,
        decision_to_issue=date(2027, 4, 1),
        decided_to_issue=True,
        draft_plan_served=date(2027, 4, 1),
        final_plan_issued=date(2027, 6, 1),
    )
    cases = [AssessmentFacts(**base, exceptions=(shown,)), AssessmentFacts(**base, exceptions=(no_note,))]
    report = timeliness_report(cases, **YEAR_2027)
    assert (
        report.final_plans_including_exceptions.numerator,
        report.final_plans_including_exceptions.denominator,
    ) == (
        0,
        2,
    )
    assert report.final_plans_excluding_exceptions.denominator == 1


def test_bad_period_is_rejected() -> None:
    with pytest.raises(ValueError):
        timeliness_report([], period_start=date(2027, 2, 1), period_end=date(2027, 1, 1))
