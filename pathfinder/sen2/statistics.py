"""Import the DfE's published "Education, health and care plans" statistics (explore-education-statistics CSVs).

The files come as a ZIP (``data/*.csv`` beside the data guidance) or one CSV at a time. Only the headline rows
(the total row of each file, where ``breakdown`` is its ``breakdown_topic``, e.g. "All EHC plans") and the measures the SEN2 page compares are kept. Everything is read and checked before
anything is saved, and saved in one transaction, so a bad file leaves the figures as they were.

Files the DfE publishes start with a UTF-8 byte order mark, which is fine; a file saved by Excel as plain "CSV"
(Windows-1252) is refused with a message saying how to save it again, rather than guessed at.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import PurePosixPath

from django.db import transaction

from pathfinder.sen2.models import GeographicLevel, PublishedFigure

#: The files we read, and the columns (measures) kept from each.
MEASURES: dict[str, tuple[str, ...]] = {
    "requests.csv": ("requests_received_in_year", "requests_decided_to_assess", "requests_decided_not_to_assess",
                     "request_outcome_six_weeks", "request_outcome_over_6_weeks"),
    "assessments.csv": ("assess_in_year", "assess_issued", "assess_not_issued", "outcome_decision_within_time",
                        "outcome_decision_over_time"),
    "newplans.csv": ("new_ehc_plans",),
    "timeliness_20_week.csv": ("plans_issued_den", "plans_issued_den_ex", "plans_issued_within_20_weeks",
                               "plans_issued_20_weeks_ex"),
    "annual_reviews.csv": ("review_expected", "total_review_meeting", "number_decsion_4weeks",
                           "number_decision_gt_4weeks", "outcome_amend", "outcome_cease", "outcome_maintan"),
    "caseload.csv": ("ehcplans",),
    "ceased_plans.csv": ("total_ceased",),
}
COMMON = ("time_period", "time_identifier", "geographic_level", "country_code", "region_code", "region_name",
          "old_la_code", "la_name", "breakdown_topic", "breakdown")
LEVELS = {level.value for level in GeographicLevel}
MAX_BYTES = 200 * 1024 * 1024


class StatisticsRefused(Exception):
    """The file cannot be imported; the message says why and what to do."""


@dataclass
class Imported:
    files: list[str] = field(default_factory=list)
    figures: int = 0
    years: set[int] = field(default_factory=set)


def _year(time_period: str, identifier: str, name: str, line: int) -> int:
    if not time_period.isdigit() or len(time_period) not in (4, 6):
        raise StatisticsRefused(f"{name}, line {line}: the time_period {time_period!r} is not a year like 2024 or "
                                "202425.")
    # An academic year 202425 is the census of January 2025: activity in calendar year 2024.
    return int(time_period[:4])


def _area(row: dict, level: str) -> tuple[str, str]:
    if level == GeographicLevel.LOCAL_AUTHORITY:
        return row["old_la_code"].strip(), row["la_name"].strip()
    if level == GeographicLevel.REGIONAL:
        return row["region_code"].strip(), row["region_name"].strip()
    return row["country_code"].strip(), row.get("country_name", "England").strip() or "England"


def _text(content: bytes, name: str) -> str:
    if b"\x00" in content[:4096]:
        raise StatisticsRefused(f"{name} is not a CSV file. Import the DfE's ZIP file or one of its CSV files.")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StatisticsRefused(
            f"{name} is not saved as UTF-8 (it looks like a file saved by Excel as plain CSV, Windows-1252). "
            "Open it and save it again as \u201cCSV UTF-8\u201d, or import the file as the DfE published it."
        ) from None


def _figures(content: bytes, name: str) -> list[PublishedFigure]:
    measures = MEASURES[name]
    reader = csv.DictReader(io.StringIO(_text(content, name), newline=""))
    missing = [column for column in (*COMMON, *measures) if column not in (reader.fieldnames or [])]
    if missing:
        raise StatisticsRefused(f"{name} has no column {', '.join(missing)}. Check it is the DfE's {name} from "
                                "the \u201cEducation, health and care plans\u201d statistics.")
    figures: dict[tuple, PublishedFigure] = {}
    try:
        rows = list(reader)
    except csv.Error as error:
        raise StatisticsRefused(f"{name} cannot be read as CSV: {error}.") from None
    for line, row in enumerate(rows, 2):
        level = (row["geographic_level"] or "").strip()
        if level not in LEVELS or (row["breakdown"] or "").strip() != (row["breakdown_topic"] or "").strip():
            continue  # a breakdown (by age, need, placement...): only the headline total row is kept
        year = _year(row["time_period"].strip(), row["time_identifier"], name, line)
        code, area_name = _area(row, level)
        if not code:
            raise StatisticsRefused(f"{name}, line {line}: a {level.lower()} row has no area code.")
        for measure in measures:
            try:
                value = Decimal((row[measure] or "").strip().replace(",", ""))
            except InvalidOperation:
                continue  # suppressed or not applicable: x, c, z, low, or blank
            key = (year, level, code, measure)
            if key in figures:
                raise StatisticsRefused(f"{name}, line {line}: {area_name} {row['time_period']} appears twice.")
            figures[key] = PublishedFigure(
                time_period=row["time_period"].strip(), year=year, geographic_level=level, area_code=code,
                area_name=area_name, region_code=(row["region_code"] or "").strip(), source_file=name,
                measure=measure, value=value)
    return list(figures.values())


def _members(content: bytes, name: str) -> dict[str, bytes]:
    """The known data files in a ZIP (by their own names), or the one CSV."""
    if content[:4] == b"PK\x03\x04":
        try:
            archive = zipfile.ZipFile(io.BytesIO(content))
        except zipfile.BadZipFile:
            raise StatisticsRefused(f"{name} is not a ZIP file that can be opened.") from None
        found = {}
        for info in archive.infolist():
            member = PurePosixPath(info.filename).name
            if member in MEASURES:
                if info.file_size > MAX_BYTES:
                    raise StatisticsRefused(f"{member} in {name} is too big to be the DfE's file.")
                found[member] = archive.read(info)
        if not found:
            raise StatisticsRefused(f"{name} has none of the DfE's data files ({', '.join(sorted(MEASURES))}). "
                                    "Import the ZIP downloaded from explore-education-statistics.")
        return found
    member = PurePosixPath(name).name
    if member not in MEASURES:
        raise StatisticsRefused(f"{member} is not one of the DfE's data files. Import the ZIP, or one of "
                                f"{', '.join(sorted(MEASURES))}.")
    return {member: content}


def statistics_import(content: bytes, name: str) -> Imported:
    """Read the file(s), then replace the figures for each file and year they hold, in one transaction."""
    if len(content) > MAX_BYTES:
        raise StatisticsRefused(f"{name} is too big to be the DfE's statistics.")
    parsed = {member: _figures(data, member) for member, data in sorted(_members(content, name).items())}
    result = Imported(files=list(parsed))
    with transaction.atomic():
        for member, figures in parsed.items():
            years = {figure.year for figure in figures}
            PublishedFigure.objects.filter(source_file=member, year__in=years).delete()
            PublishedFigure.objects.bulk_create(figures, batch_size=2000)
            result.figures += len(figures)
            result.years |= years
    return result
