"""Each exception's own conditions (reg 10(4)(a)-(d), reg 8(2)(a)-(c)), with the 27/28-day boundaries."""

from datetime import date, timedelta

import pytest

from statutory import AssessmentFacts, ExceptionRecord, assessment_timeline, closure_window, exception_problems
from statutory.assessment import AdviceRequestFacts

START = date(2027, 1, 4)


def _days_long(n: int) -> tuple[date, date]:
    return START, START + timedelta(days=n - 1)


class TestAbsence:
    """Reg 10(4)(d) and 8(2)(b): a continuous period of at least 4 weeks."""

    @pytest.mark.parametrize("code", ["E4", "A2"])
    def test_27_days_is_refused_with_the_reason(self, code: str) -> None:
        problems = exception_problems(code, *_days_long(27))
        assert len(problems) == 1
        assert "at least 4 weeks in a row (28 days)" in problems[0] and "27 days" in problems[0]

    @pytest.mark.parametrize("code", ["E4", "A2"])
    def test_28_days_is_enough(self, code: str) -> None:
        assert exception_problems(code, *_days_long(28)) == []

    def test_two_days_is_refused(self) -> None:
        assert "This period is 2 days" in exception_problems("E4", *_days_long(2))[0]

    def test_the_absence_must_be_during_the_steps_period(self) -> None:
        problems = exception_problems("E4", *_days_long(30), period=(date(2026, 6, 1), date(2026, 10, 19)))
        assert any("during the time allowed" in p for p in problems)


class TestClosure:
    """Reg 10(4)(a)/(b): closed at least 4 weeks; advice asked 1 week before closing to 1 week before re-opening."""

    def test_window_runs_from_a_week_before_closing_to_a_week_before_reopening(self) -> None:
        # closed 22 July to 2 September (re-opens 3 September)
        assert closure_window(date(2027, 7, 22), date(2027, 9, 2)) == (date(2027, 7, 15), date(2027, 8, 27))

    @pytest.mark.parametrize("asked, ok", [
        (date(2027, 7, 14), False),  # 8 days before closing
        (date(2027, 7, 15), True),   # first day of the window
        (date(2027, 8, 27), True),   # last day of the window
        (date(2027, 8, 28), False),  # 6 days before re-opening
    ])
    def test_advice_must_be_asked_for_in_the_window(self, asked: date, ok: bool) -> None:
        problems = exception_problems("E1", date(2027, 7, 22), date(2027, 9, 2), advice_requested_on=[asked])
        assert (problems == []) is ok

    @pytest.mark.parametrize("code", ["E1", "E2"])
    def test_a_closure_of_27_days_is_refused_and_28_is_enough(self, code: str) -> None:
        asked = [START]
        assert "This closure is 27 days" in exception_problems(code, *_days_long(27), advice_requested_on=asked)[0]
        assert exception_problems(code, *_days_long(28), advice_requested_on=asked) == []

    def test_no_advice_asked_for_is_refused(self) -> None:
        problems = exception_problems("E1", *_days_long(42))
        assert problems == [p for p in problems if "No advice was asked for" in p] and problems


class TestCircumstances:
    """Reg 10(4)(c) and 8(2)(a), (c): any length, but during the step's own period."""

    @pytest.mark.parametrize("code", ["E3", "A1", "A3"])
    def test_one_day_during_the_period_is_enough(self, code: str) -> None:
        assert exception_problems(code, START, START, period=(START, START + timedelta(days=41))) == []

    @pytest.mark.parametrize("code", ["E3", "A1", "A3"])
    def test_outside_the_period_is_refused(self, code: str) -> None:
        period = (START, START + timedelta(days=41))
        later = START + timedelta(days=42)
        assert exception_problems(code, later, later, period=period)

    def test_an_end_before_the_start_is_refused(self) -> None:
        assert exception_problems("E3", START, START - timedelta(days=1)) == [
            "The end of the period must be the same as or after the start."
        ]


class TestTheTimelineIgnoresClaimsThatDoNotMeetTheirConditions:
    def _final(self, exception: ExceptionRecord, **facts) -> str:
        base = AssessmentFacts(
            request_received=date(2026, 11, 23), decision_to_assess=date(2026, 12, 30), decided_to_assess=True,
            decision_to_issue=date(2027, 3, 1), decided_to_issue=True, draft_plan_served=date(2027, 3, 8),
            final_plan_issued=date(2027, 5, 3), exceptions=(exception,), **facts,
        )
        return assessment_timeline(base, today=date(2027, 5, 3))["final_plan"].status

    def test_two_days_away_does_not_excuse_a_late_plan(self) -> None:
        exc = ExceptionRecord("E4", date(2027, 2, 1), date(2027, 2, 2), causal_note="Family away")
        assert self._final(exc) == "done_late"

    def test_four_weeks_away_does(self) -> None:
        exc = ExceptionRecord("E4", date(2027, 2, 1), date(2027, 2, 28), causal_note="Family away")
        assert self._final(exc) == "late_exception_applies"

    def test_a_closure_excuses_only_when_advice_was_asked_for_in_its_window(self) -> None:
        exc = ExceptionRecord("E1", date(2027, 1, 25), date(2027, 2, 28), causal_note="School shut")
        asked_in = AdviceRequestFacts(key="1", requested_on=date(2027, 1, 20), kind="b")
        asked_out = AdviceRequestFacts(key="1", requested_on=date(2027, 1, 5), kind="b")
        assert self._final(exc, advice_requests=(asked_in,)) == "late_exception_applies"
        assert self._final(exc, advice_requests=(asked_out,)) == "done_late"

    def test_the_explanation_gives_the_description_not_the_code(self) -> None:
        exc = ExceptionRecord("E3", date(2027, 2, 1), date(2027, 2, 2), causal_note="Bereavement")
        base = AssessmentFacts(request_received=date(2026, 11, 23), exceptions=(exc,))
        text = assessment_timeline(base, today=date(2027, 5, 3))["final_plan"].explain()
        assert "Exceptional personal circumstances" in text and "E3" not in text
