"""Every refusal reason, and the warnings: a dry run names the file, line, column and why."""

from __future__ import annotations

import copy

import pytest

from pathfinder.caseload.checks import Context, caseload_check
from pathfinder.caseload.reading import Source, SourceRow
from pathfinder.caseload.tests.sample import sample_rows, upn
from pathfinder.people.tests.factories import ChildFactory
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def _source(rows: dict[str, list[dict]]) -> Source:
    source = Source()
    for file, file_rows in rows.items():
        source.rows[file] = [SourceRow(file, line, {k: str(v) for k, v in row.items()})
                             for line, row in enumerate(file_rows, start=2)]
    return source


def _check(rows):
    from django.utils import timezone

    return caseload_check(_source(rows), Context(source_system="legacy", today=timezone.localdate(),
                                                 team_name="North team"))


def _refused(checked) -> list[tuple[str, int, str, str]]:
    return [(p.file, p.line, p.column, p.reason) for p in checked.problems if p.level == "refused"]


def _rows():
    return copy.deepcopy(sample_rows())


def test_the_sample_is_accepted_whole():
    checked = _check(_rows())
    assert _refused(checked) == []
    assert {file: len(rows) for file, rows in checked.accepted.items()} == {
        "children": 2, "family": 1, "needs": 3, "requests": 1, "assessments": 1, "plans": 2, "placements": 1,
        "reviews": 1}


def test_a_bad_upn_check_letter_refuses_the_child_and_everything_about_them():
    rows = _rows()
    good = rows["children"][0]["upn"]
    rows["children"][0]["upn"] = ("A" if good[0] != "A" else "B") + good[1:]
    checked = _check(rows)
    refused = _refused(checked)
    assert ("children", 2, "upn", "Enter a real UPN: the check letter does not match the numbers") in refused
    assert ("family", 2, "child_legacy_id", "Its child (C1, children.csv line 2) was refused") in refused
    assert ("assessments", 2, "request_legacy_id", "Its request (R1, requests.csv line 2) was refused") in refused
    assert ("reviews", 2, "plan_legacy_id", "Its plan (P1, plans.csv line 2) was refused") in refused
    # the other child is untouched, and every row is accepted or refused
    assert list(checked.accepted["children"]) == ["C2"]
    for file, read in checked.read.items():
        assert read == len(checked.accepted[file]) + checked.refused_count(file), file


def test_an_unknown_code_names_the_codes_allowed():
    rows = _rows()
    rows["needs"][0]["need_type"] = "AUT"
    refused = _refused(_check(rows))
    assert refused[0][:3] == ("needs", 2, "need_type")
    assert refused[0][3].startswith("Unknown code 'AUT': use one of SPLD, MLD")


def test_codes_are_matched_whatever_their_case():
    rows = _rows()
    rows["needs"][0]["need_type"] = "asd"
    checked = _check(rows)
    assert checked.accepted["needs"]["N1"].values["need_type"] == "ASD"


def test_a_plan_dated_before_its_request_is_refused():
    rows = _rows()
    rows["plans"][0]["issued_on"] = "2023-02-01"
    refused = _refused(_check(rows))
    assert ("plans", 2, "issued_on", "The plan is dated before its request was received (01 March 2023)") in refused


def test_a_decision_before_the_request_is_refused():
    rows = _rows()
    rows["requests"][0]["decision_to_assess_on"] = "2023-02-01"
    refused = _refused(_check(rows))
    assert ("requests", 2, "decision_to_assess_on", "decision_to_assess_on is before the request was received") \
        in refused


def test_duplicates_are_refused_naming_the_first_line():
    rows = _rows()
    rows["children"].append({**rows["children"][0], "legacy_id": "C1"})
    rows["children"].append({**rows["children"][1], "legacy_id": "C3"})
    refused = _refused(_check(rows))
    assert ("children", 4, "legacy_id", "Duplicate: legacy id C1 is already on line 2") in refused
    assert ("children", 5, "upn", "Duplicate: the same UPN is on line 3") in refused


def test_a_second_final_plan_for_a_child_is_refused():
    rows = _rows()
    rows["plans"].append({**rows["plans"][1], "legacy_id": "P3"})
    refused = _refused(_check(rows))
    assert ("plans", 4, "status", "Duplicate: this child's final plan is on line 3") in refused


def test_a_child_who_already_has_a_final_plan_here_cannot_be_given_another():
    rows = _rows()
    existing = ChildFactory(upn=rows["children"][1]["upn"])
    PlanFactory(child=existing, assessment=None, status="final", issued_on="2020-01-01")
    refused = _refused(_check(rows))
    assert ("plans", 3, "status", "The child already has a final plan in Pathfinder that this import does not "
                                  "update") in refused


def test_a_converted_plan_needs_its_conversion():
    rows = _rows()
    rows["plans"][1]["converted_on"] = ""
    rows["plans"][1]["converted_from"] = "statement of SEN"
    refused = _refused(_check(rows))
    assert ("plans", 3, "converted_from", "Unknown code 'statement of SEN': use one of statement, lda") in refused
    rows["plans"][1]["converted_from"] = "lda"
    assert ("plans", 3, "converted_on", "A converted plan needs the day it was converted") in _refused(_check(rows))


def test_a_second_placement_is_refused_not_dropped():
    rows = _rows()
    rows["placements"].append({"legacy_id": "PL2", "plan_legacy_id": "P1", "name": "Hill College", "rank": "2"})
    refused = _refused(_check(rows))
    assert ("placements", 3, "rank", "Pathfinder names one placement per plan: only rank 1 can be imported") in refused


def test_a_reference_to_nothing_is_refused():
    rows = _rows()
    rows["family"][0]["child_legacy_id"] = "C404"
    refused = _refused(_check(rows))
    assert ("family", 2, "child_legacy_id", "No child with legacy id C404 in children.csv or imported before") in refused


def test_required_columns_dates_and_flags():
    rows = _rows()
    rows["children"][0]["legal_last_name"] = ""
    rows["children"][1]["date_of_birth"] = "31/02/2010"
    rows["children"][1]["lacks_capacity"] = "maybe"
    refused = _refused(_check(rows))
    assert ("children", 2, "legal_last_name", "legal_last_name is required") in refused
    assert ("children", 3, "date_of_birth", "'31/02/2010' is not a date: write 2024-03-01, 01/03/2024 or 1 March "
                                            "2024") in refused
    assert ("children", 3, "lacks_capacity", "'maybe' is not Y or N") in refused


def test_a_date_in_the_future_is_refused():
    rows = _rows()
    rows["requests"][0]["received_on"] = "2999-01-01"
    assert _refused(_check(rows))[0][:3] == ("requests", 2, "received_on")


def test_an_amendment_before_the_plan_it_amends_in_the_file_is_still_found():
    rows = _rows()
    rows["plans"].insert(0, {"legacy_id": "P9", "child_legacy_id": "C1", "kind": "amendment", "status": "draft",
                             "amends_legacy_id": "P1"})
    checked = _check(rows)
    assert _refused(checked) == []
    assert "P9" in checked.accepted["plans"]


def test_warnings_do_not_refuse():
    rows = _rows()
    rows["children"][1]["upn"] = ""
    checked = _check(rows)
    warnings = [(p.file, p.line, p.reason) for p in checked.problems if p.level == "warning"]
    assert ("children", 3, "No UPN or NHS number: matched on its legacy id only") in warnings
    assert ("children", 2, "There is no team called 'North team' yet: the import makes it") in warnings
    assert "C2" in checked.accepted["children"]


def test_a_child_already_here_is_matched_on_upn_then_nhs_number():
    rows = _rows()
    by_upn = ChildFactory(upn=rows["children"][0]["upn"], nhs_number="")
    by_nhs = ChildFactory(upn=upn(123456), nhs_number="9434765919")
    rows["children"][1]["nhs_number"] = "943 476 5919"
    checked = _check(rows)
    assert _refused(checked) == []
    assert checked.accepted["children"]["C1"].object_id == by_upn.pk
    assert checked.accepted["children"]["C2"].object_id == by_nhs.pk
