"""Importing the DfE's published statistics: tiny files in the DfE's format, good and bad."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from pathfinder.sen2.demo import load_sample_statistics
from pathfinder.sen2.models import PublishedFigure
from pathfinder.sen2.statistics import StatisticsRefused, statistics_import

pytestmark = pytest.mark.django_db

HEAD = ("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,"
        "old_la_code,la_name,breakdown_topic,breakdown")
TOPIC = "All requests for EHC needs assessments"
REQUESTS = "\n".join([
    HEAD + ",requests_received_in_year,requests_decided_to_assess,requests_decided_not_to_assess,"
    "request_outcome_six_weeks,request_outcome_over_6_weeks",
    f"2024,Calendar year,National,E92000001,England,,,,,,{TOPIC},{TOPIC},154489,101045,38889,126160,22593",
    f"2024,Calendar year,Regional,E92000001,England,E12000008,South East,,,,{TOPIC},{TOPIC},24030,14535,7205,x,x",
    f'2024,Calendar year,Local authority,E92000001,England,E12000008,South East,E10000030,886,"Kent",{TOPIC},{TOPIC},'
    "3100,2000,900,1500,400",
    "2024,Calendar year,National,E92000001,England,,,,,,Child or young persons age,Aged 10,9000,1,1,1,1",
]) + "\n"
CASELOAD = "\n".join([
    HEAD + ",ehcplans,mainstream_total",
    "202425,Academic year,National,E92000001,England,,,,,,All EHC plans,All EHC plans,638745,300000",
]) + "\n"


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data-guidance/data-guidance.txt", "What every column means")
        for name, content in files.items():
            archive.writestr(f"data/{name}", content)
    return buffer.getvalue()


def test_the_dfe_zip_with_its_byte_order_mark_is_imported_headline_rows_only():
    result = statistics_import(_zip({"requests.csv": b"\xef\xbb\xbf" + REQUESTS.encode(),
                                     "caseload.csv": CASELOAD.encode()}), "ehcp.zip")
    assert sorted(result.files) == ["caseload.csv", "requests.csv"]
    kent = PublishedFigure.objects.get(area_code="886", measure="requests_received_in_year")
    assert (kent.value, kent.year, kent.area_name, kent.region_code) == (Decimal(3100), 2024, "Kent", "E12000008")
    assert PublishedFigure.objects.get(geographic_level="National", measure="requests_received_in_year").value == 154489
    # Suppressed values (x) are left out; breakdown rows (by age) are not headline figures.
    assert not PublishedFigure.objects.filter(area_code="E12000008", measure="request_outcome_six_weeks").exists()
    assert not PublishedFigure.objects.filter(value=9000).exists()
    # An academic year 2024/25 is the January 2025 census: activity in 2024.
    caseload = PublishedFigure.objects.get(measure="ehcplans")
    assert (caseload.time_period, caseload.year) == ("202425", 2024)
    assert result.figures == PublishedFigure.objects.count() == 5 + 3 + 5 + 1


def test_importing_again_replaces_the_years_it_holds():
    statistics_import(REQUESTS.encode(), "requests.csv")
    statistics_import(REQUESTS.replace("154489", "154490").encode(), "requests.csv")
    assert PublishedFigure.objects.get(geographic_level="National", measure="requests_received_in_year").value == 154490
    assert PublishedFigure.objects.filter(measure="requests_received_in_year").count() == 3


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "requests.csv", "requests.csv is not a CSV file"),
    (b"%PDF-1.7 a report", "report.pdf", "report.pdf is not one of the DfE's data files"),
    (b"PK\x03\x04 broken", "ehcp.zip", "ehcp.zip is not a ZIP file that can be opened"),
    (_zip({}), "workbook.xlsx", "workbook.xlsx has none of the DfE's data files"),
    (REQUESTS.replace(",request_outcome_over_6_weeks", ",something_else").encode(), "requests.csv",
     "requests.csv has no column request_outcome_over_6_weeks"),
    (REQUESTS.replace("Kent", "Kent Caf\xe9").encode("cp1252"), "requests.csv",
     "requests.csv is not saved as UTF-8"),
    (REQUESTS.replace("2024,Calendar year,National", "24,Calendar year,National").encode(), "requests.csv",
     "the time_period '24' is not a year"),
    ((REQUESTS + REQUESTS.splitlines()[1] + "\n").encode(), "requests.csv", "England 2024 appears twice"),
])
def test_a_bad_file_is_refused_with_a_clear_message(content, name, message):
    with pytest.raises(StatisticsRefused, match=message):
        statistics_import(content, name)
    assert not PublishedFigure.objects.exists()


def test_a_bad_file_in_the_zip_saves_nothing_from_the_good_ones():
    statistics_import(CASELOAD.encode(), "caseload.csv")
    before = list(PublishedFigure.objects.values_list("measure", "value"))
    bad = REQUESTS.replace("Kent", "Kent Caf\xe9").encode("cp1252")
    with pytest.raises(StatisticsRefused):
        statistics_import(_zip({"caseload.csv": CASELOAD.replace("638745", "1").encode(), "requests.csv": bad}), "e.zip")
    assert list(PublishedFigure.objects.values_list("measure", "value")) == before


def test_the_command_imports_and_says_what(tmp_path):
    path = tmp_path / "ehcp.zip"
    path.write_bytes(_zip({"requests.csv": REQUESTS.encode()}))
    out = io.StringIO()
    call_command("import_dfe_statistics", str(path), stdout=out)
    assert "Imported 13 figures from requests.csv (years: 2024)" in out.getvalue()


def test_the_command_refuses_a_bad_file_and_a_missing_one(tmp_path):
    path = tmp_path / "requests.csv"
    path.write_bytes(REQUESTS.replace("Kent", "Kent Caf\xe9").encode("cp1252"))
    with pytest.raises(CommandError, match="not saved as UTF-8.*Nothing was imported"):
        call_command("import_dfe_statistics", str(path))
    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_dfe_statistics", str(tmp_path / "missing.zip"))


def test_the_demo_sample_has_england_a_region_and_the_fictional_council():
    assert load_sample_statistics()["published_figures"] > 0
    areas = set(PublishedFigure.objects.values_list("geographic_level", "area_code").distinct())
    assert areas == {("National", "E92000001"), ("Regional", "E12000008"), ("Local authority", "999")}
