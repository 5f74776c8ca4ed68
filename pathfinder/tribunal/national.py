"""England's SEND appeal figures, copied once into the product so the manager's page can put them beside the
council's own (the product never reads the source files at run time).

Sources, each figure with its own:

* ``DFE_APPEAL_RATE``: Department for Education, "Education, health and care plans", reporting year 2025
  (published 26 June 2025), supporting file "SEND Tribunals and appeal rate 2014-2024", England total: appeals
  registered (HMCTS GAPS2) over total appealable decisions (SEN2). Open Government Licence v3.0.
* ``MOJ_2023_24``: Ministry of Justice, Tribunal Statistics Quarterly (December 2024), SEND appeals in the
  2023/24 academic year, as summarised in the Pathfinder statutory specification section 8 (rounded figures).
"""

from __future__ import annotations

from dataclasses import dataclass

DFE_SOURCE = ("Department for Education, Education, health and care plans 2025: SEND Tribunals and appeal rate "
              "2014 to 2024 (England total)")
DFE_SOURCE_URL = "https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans"
MOJ_SOURCE = "Ministry of Justice, Tribunal Statistics Quarterly, December 2024 (SEND, academic year 2023 to 2024)"
MOJ_SOURCE_URL = "https://www.gov.uk/government/collections/tribunals-statistics"


@dataclass(frozen=True)
class AppealRate:
    """One calendar year's appeals registered in England against the decisions that could have been appealed."""

    year: int
    registered: int
    appealable_decisions: int

    @property
    def rate(self) -> float:
        """Appeals registered per 100 appealable decisions."""
        return 100 * self.registered / self.appealable_decisions


#: England totals by calendar year (the DfE table's own rounding gives 2.5% and 3.2%).
DFE_APPEAL_RATE: tuple[AppealRate, ...] = (
    AppealRate(2022, 12_796, 549_887),
    AppealRate(2023, 15_615, 617_776),
    AppealRate(2024, 22_276, 689_739),
)


@dataclass(frozen=True)
class NationalFigure:
    label: str
    value: str
    source: str


MOJ_2023_24: tuple[NationalFigure, ...] = (
    NationalFigure("Appeals registered", "About 21,000 (55% more than the year before)", MOJ_SOURCE),
    NationalFigure("Appeals about the contents of a plan", "59% of appeals registered", MOJ_SOURCE),
    NationalFigure("Appeals against a refusal to assess", "27% of appeals registered", MOJ_SOURCE),
    NationalFigure("Decided at a hearing", "About 11,000 of about 17,000 appeals finished", MOJ_SOURCE),
    NationalFigure("Decided at least partly for the family", "95% to 98% of hearings, year after year",
                   MOJ_SOURCE),
)
