"""Annual reviews counted the DfE's way: expected, meetings, decisions within 4 weeks (reg 20(10)), outcomes."""

from datetime import date

from statutory.review_timeliness import ReviewCase, review_expected, review_timeliness_report

YEAR = {"year_start": date(2026, 1, 1), "year_end": date(2026, 12, 31)}


def test_a_review_is_expected_once_the_plan_has_been_in_place_12_months_by_the_year_end() -> None:
    assert review_expected(date(2025, 12, 31), date(2026, 12, 31))
    assert not review_expected(date(2026, 1, 1), date(2026, 12, 31))


def test_decisions_are_on_time_up_to_4_weeks_after_the_meeting() -> None:
    cases = [
        ReviewCase(date(2020, 5, 1), meeting_on=date(2026, 3, 2), decided_on=date(2026, 3, 30), outcome="maintain"),
        ReviewCase(date(2020, 5, 1), meeting_on=date(2026, 3, 2), decided_on=date(2026, 3, 31), outcome="amend"),
        ReviewCase(date(2021, 5, 1), meeting_on=date(2026, 11, 20)),  # decision outstanding
        ReviewCase(date(2022, 5, 1)),  # no meeting this year
        ReviewCase(date(2023, 5, 1), meeting_on=date(2025, 6, 1), decided_on=date(2025, 6, 5)),  # last year's
        ReviewCase(date(2026, 2, 1)),  # too new to be expected
    ]
    report = review_timeliness_report(cases, **YEAR)
    assert (report.expected, report.meetings, report.no_meeting, report.decisions_outstanding) == (5, 3, 2, 1)
    assert (report.within_4_weeks.numerator, report.within_4_weeks.denominator) == (1, 2)
    assert report.within_4_weeks.percent == 50.0 and "reg 20(10)" in report.within_4_weeks.citation
    assert report.outcomes == {"maintain": 1, "amend": 1, "cease": 0}
