"""A refused import row says where the problem is in the officer's words, never the editor's field names."""

from __future__ import annotations

import io
import json

import pytest

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory
from pathfinder.directory.import_messages import csv_problem, oruk_problem
from pathfinder.directory.importers import directory_import_csv, directory_import_oruk_json

pytestmark = pytest.mark.django_db

HEADER = "organisation_name,organisation_kind,name,description,is_free,days,opens_at,closes_at,address_1,town,postcode\n"


def test_a_bad_postcode_in_a_spreadsheet_names_the_column_not_locations_0_postcode():
    rows = HEADER + "Trust,charity,Swim,Quiet swimming,yes,SA,10:00,11:00,1 Pool Lane,Wealdbury,NOT A POSTCODE\n"
    report = directory_import_csv(io.StringIO(rows), LocalOfferOfficerFactory())
    assert [number for number, _ in report.refused] == [2]
    problems = report.refused[0][1]
    assert problems, report.refused
    assert all("locations-" not in p and "schedules-" not in p for p in problems), problems
    assert any(p.startswith("Column ‘postcode’: ") for p in problems), problems


def test_an_oruk_service_names_the_part_and_its_number():
    service = {"id": "", "name": "Swim", "description": "Quiet swimming", "organization": {"name": "Trust"},
               "service_at_locations": [{"location": {"name": "Pool", "addresses": [
                   {"address_1": "1 Pool Lane", "city": "Wealdbury", "postal_code": "NOT A POSTCODE"}]}}]}
    report = directory_import_oruk_json(io.StringIO(json.dumps([service])), LocalOfferOfficerFactory())
    problems = [p for _, found in report.refused for p in found]
    assert problems and all("locations-" not in p for p in problems), problems
    assert any(p.startswith("Location 1, postcode: ") for p in problems), problems


class TestWording:
    def test_spreadsheet_columns(self):
        assert csv_problem("locations-0-postcode", "Enter a real postcode") == "Column ‘postcode’: Enter a real postcode"
        assert csv_problem("locations-0-name", "too long") == "Column ‘venue_name’: Too long"
        assert csv_problem("term_ids", "Choose needs") == "Column ‘needs or support’: Choose needs"
        assert csv_problem(None, "The row is empty") == "The row is empty"

    def test_open_referral_parts(self):
        assert oruk_problem("locations-1-postcode", "Enter a real postcode") == (
            "Location 2, postcode: Enter a real postcode")
        assert oruk_problem("schedules-0-closes_at", "must be after") == "Schedule 1, closes at: Must be after"
        assert oruk_problem("minimum_age", "must be a whole number") == "Minimum age: Must be a whole number"
