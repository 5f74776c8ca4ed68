"""A request arriving on a non-working day or after 5pm counts from the next working day (spec section 0)."""

from datetime import date

from statutory import AssessmentFacts, WorkingDayCalendar, assessment_timeline, request_received_on


class TestRequestReceivedOn:
    def test_a_weekday_request_counts_that_day(self) -> None:
        receipt = request_received_on(date(2026, 12, 4))  # Friday
        assert receipt.counts_from == date(2026, 12, 4)
        assert not receipt.moved and receipt.explain() == ""

    def test_a_saturday_request_counts_from_monday(self) -> None:
        receipt = request_received_on(date(2026, 12, 5))
        assert receipt.counts_from == date(2026, 12, 7)
        assert "next working day, Monday 7 December 2026" in receipt.explain()

    def test_after_5pm_on_a_friday_counts_from_monday(self) -> None:
        assert request_received_on(date(2026, 12, 4), after_hours=True).counts_from == date(2026, 12, 7)

    def test_christmas_counts_from_the_first_working_day_after_the_bank_holidays(self) -> None:
        # 25 Dec 2026 Friday, 28 Dec Boxing Day (observed)
        assert request_received_on(date(2026, 12, 25)).counts_from == date(2026, 12, 29)

    def test_a_council_closure_day_moves_it_too(self) -> None:
        closed = WorkingDayCalendar(frozenset({date(2026, 12, 7)}))
        assert request_received_on(date(2026, 12, 5), calendar=closed).counts_from == date(2026, 12, 8)

    def test_the_clock_starts_on_the_day_it_counts_from(self) -> None:
        counts_from = request_received_on(date(2026, 12, 5)).counts_from
        timeline = assessment_timeline(AssessmentFacts(request_received=counts_from), today=counts_from)
        assert timeline["decision_to_assess"].due == date(2027, 1, 18)  # Monday + 6 weeks, not Saturday + 6
