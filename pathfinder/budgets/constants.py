"""England's published personal budget figures, to set the council's own beside (issue 11 item 7).

Copied once from the DfE's "Education, health and care plans" release, reporting year 2025 (June 2025):
``data/personal_budgets.csv``, the National rows with breakdown "All personal budgets", and
``data/caseload.csv``, the National "All EHC plans" rows (plans in force in January). Pathfinder never reads the
published files at run time. The DfE's column ``org_arrangments`` is spelled as published.

What the DfE counts: EHC plans with a personal budget in place in January (SEN2 PB = 1), those with organised
arrangements (OA = 1), and by what the budget covers (pb_education, pb_health, pb_social: one area only;
pb_integrated: "any combination of education, health and social care", SEN2 DP = I).
"""

from __future__ import annotations

from dataclasses import dataclass

ENGLAND_SOURCE_NAME = "Education, health and care plans, reporting year 2025 (Department for Education)"
ENGLAND_SOURCE_URL = "https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans"


@dataclass(frozen=True)
class EnglandYear:
    """One January's national figures."""

    year: str  # the DfE's academic year, "2024/25": the census in January 2025
    plans: int  # caseload.csv: all EHC plans
    personal_budget: int
    org_arrangements: int
    pb_health: int
    pb_education: int
    pb_social: int
    pb_integrated: int

    @property
    def census_year(self) -> int:
        """The January the figures count: "2024/25" is January 2025."""
        return int(self.year[:4]) + 1

    def per_thousand(self, count: int) -> float:
        return round(count * 1000 / self.plans, 1)


ENGLAND_PERSONAL_BUDGETS: tuple[EnglandYear, ...] = (
    EnglandYear("2019/20", 390_109, 20_346, 2_235, 355, 1_362, 16_467, 723),
    EnglandYear("2020/21", 430_697, 22_233, 2_574, 480, 1_630, 18_017, 606),
    EnglandYear("2021/22", 473_255, 25_259, 2_958, 548, 2_186, 19_659, 1_235),
    EnglandYear("2022/23", 517_048, 18_887, 3_443, 174, 1_631, 13_926, 3_909),
    EnglandYear("2023/24", 576_474, 18_258, 2_296, 124, 2_285, 13_089, 1_111),
    EnglandYear("2024/25", 638_745, 19_596, 3_889, 148, 3_163, 12_580, 1_131),
)
ENGLAND_LATEST = ENGLAND_PERSONAL_BUDGETS[-1]
