"""Published national figures to compare a council's timeliness against (spec section 8)."""

from __future__ import annotations

from dataclasses import dataclass

#: How many days ahead count as "due this week" on a caseworker's home page: today and the next 6 days.
DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class NationalFigure:
    percent: float
    numerator: int | None = None
    denominator: int | None = None


#: England, calendar year 2024: DfE "Education, health and care plans", reporting year 2025 (June 2025).
NATIONAL_YEAR = 2024
NATIONAL_SOURCE_NAME = "Education, health and care plans, reporting year 2025 (Department for Education)"
NATIONAL_SOURCE_URL = (
    "https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans"
)
#: Keyed by the attribute names of statutory.TimelinessReport.
NATIONAL_TIMELINESS: dict[str, NationalFigure] = {
    "decisions_to_assess": NationalFigure(84.8),
    "decisions_not_to_issue": NationalFigure(34.1),
    "final_plans_including_exceptions": NationalFigure(45.9, 41_448, 90_392),
    "final_plans_excluding_exceptions": NationalFigure(46.4, 39_407, 84_866),
}

#: England, calendar year 2024, annual reviews (same source, annual_reviews.csv, "All annual reviews"): plans
#: where a review was expected, those with no review meeting recorded, and review decisions communicated within
#: 4 weeks of the meeting (reg 20(10)) out of all decisions with a meeting.
NATIONAL_REVIEWS: dict[str, NationalFigure] = {
    "expected": NationalFigure(100.0, 524_654, 524_654),
    "no_meeting": NationalFigure(13.5, 70_893, 524_654),
    "within_4_weeks": NationalFigure(44.4, 154_924, 348_759),
}
#: The outcomes of England's 2024 review decisions (amend, cease, maintain; 94,872 had none recorded).
NATIONAL_REVIEW_OUTCOMES: dict[str, int] = {"maintain": 135_264, "amend": 219_538, "cease": 4_087}
