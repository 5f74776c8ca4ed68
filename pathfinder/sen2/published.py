"""The return's headline figures beside the DfE's published statistics: the council's own, its region's, England's.

Published figures for the return's year appear only in the June after the census, so the comparison uses the
latest published year up to the return's: a manager sees how this year's return compares with what the DfE
published last time, and a figure far from last year's is a question to ask before sending.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max

from pathfinder.sen2.headline import Headline, Share
from pathfinder.sen2.models import GeographicLevel, PublishedFigure


@dataclass(frozen=True)
class Published:
    """One area's published number for a measure: a count, or a share within the time limit."""

    count: Decimal | None = None
    share: Share | None = None


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    ours: int | Share
    areas: tuple[Published | None, ...]  # in the order of Comparison.areas


@dataclass(frozen=True)
class Comparison:
    year: int | None  # the published year shown (None: nothing imported)
    areas: tuple[str, ...]  # names: the council's, its region's, England's (those published)
    council_absent: bool
    rows: tuple[ComparisonRow, ...]


# (label, headline attribute, published count column or (within, over) columns for a share)
_ROWS: tuple[tuple[str, str, str | tuple[str, ...]], ...] = (
    ("Requests for an EHC needs assessment received", "requests", "requests_received_in_year"),
    ("Decisions whether to assess made within the time limit", "decisions_to_assess",
     ("request_outcome_six_weeks", "request_outcome_over_6_weeks")),
    ("Decisions not to issue a plan made within the time limit", "decisions_not_to_issue",
     ("outcome_decision_within_time", "outcome_decision_over_time")),
    ("New EHC plans issued", "new_plans", "new_ehc_plans"),
    ("New plans within the time limit, including exceptions", "plans_in_time_with_exceptions",
     ("plans_issued_within_20_weeks", "plans_issued_den")),
    ("New plans within the time limit, excluding exceptions", "plans_in_time_without_exceptions",
     ("plans_issued_20_weeks_ex", "plans_issued_den_ex")),
    ("Annual review meetings held", "review_meetings", "total_review_meeting"),
    ("Review decisions made within the time limit after the meeting", "review_decisions_in_time",
     ("number_decsion_4weeks", "number_decision_gt_4weeks")),
    ("EHC plans in force at the census", "active_plans", "ehcplans"),
)
#: Shares published as (within, total) rather than (within, over).
_OUT_OF_TOTAL = {"plans_issued_den", "plans_issued_den_ex"}


def _published(values: dict[str, Decimal], column: str | tuple[str, ...]) -> Published | None:
    if isinstance(column, str):
        return Published(count=values[column]) if column in values else None
    within, other = column
    if within not in values or other not in values:
        return None
    total = values[other] if other in _OUT_OF_TOTAL else values[within] + values[other]
    return Published(share=Share(int(values[within]), int(total)))


def comparison(headline: Headline, lea: str) -> Comparison:
    """The headline beside the latest published figures up to the return's year."""
    year = (PublishedFigure.objects.filter(year__lte=headline.year, geographic_level=GeographicLevel.NATIONAL)
            .aggregate(latest=Max("year"))["latest"])
    rows = PublishedFigure.objects.filter(year=year) if year is not None else PublishedFigure.objects.none()
    council = list(rows.filter(geographic_level=GeographicLevel.LOCAL_AUTHORITY, area_code=lea))
    region_code = council[0].region_code if council else ""
    areas: list[tuple[str, list[PublishedFigure]]] = []
    if council:
        areas.append((council[0].area_name, council))
    if region_code:
        region = list(rows.filter(geographic_level=GeographicLevel.REGIONAL, area_code=region_code))
        if region:
            areas.append((region[0].area_name, region))
    england = list(rows.filter(geographic_level=GeographicLevel.NATIONAL))
    if england:
        areas.append(("England", england))
    values = [{figure.measure: figure.value for figure in figures} for _, figures in areas]
    return Comparison(
        year=year, areas=tuple(name for name, _ in areas), council_absent=not council,
        rows=tuple(ComparisonRow(label, getattr(headline, attribute),
                                 tuple(_published(area, column) for area in values))
                   for label, attribute, column in _ROWS),
    )
