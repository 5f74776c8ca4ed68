"""A small caseload in the template's files, written by the tests (no fixture files): two children, one with a
plan after an assessment (and a review), one with a statement converted to a plan."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pathfinder.caseload.template import header
from pathfinder.people.tests.factories import fictional_upn as upn
from pathfinder.people.tests.factories import nhs_number_for_testing


def sample_rows() -> dict[str, list[dict]]:
    return {
        "children": [
            {"legacy_id": "C1", "legal_first_name": "Ada", "legal_last_name": "Quillfeather", "date_of_birth": "2014-05-03",
             "sex": "F", "upn": upn(99901), "nhs_number": nhs_number_for_testing(1), "la_code": "999",
             "team": "North team", "setting_name": "Oakfield Primary School", "setting_urn": "999001"},
            {"legacy_id": "C2", "legal_first_name": "Ben", "legal_last_name": "Marrowby", "date_of_birth": "03/09/2010",
             "sex": "M", "upn": upn(99902), "la_code": "999", "team": "North team"},
        ],
        "family": [
            {"legacy_id": "F1", "child_legacy_id": "C1", "name": "Clara Quillfeather", "relationship": "Mother",
             "email": "clara@example.test"},
        ],
        "needs": [
            {"legacy_id": "N1", "child_legacy_id": "C1", "need_type": "ASD", "rank": "1"},
            {"legacy_id": "N2", "child_legacy_id": "C1", "need_type": "slcn", "rank": "2"},
            {"legacy_id": "N3", "child_legacy_id": "C2", "need_type": "MLD", "rank": "1"},
        ],
        "requests": [
            {"legacy_id": "R1", "child_legacy_id": "C1", "received_on": "1 March 2023", "request_source": "1",
             "decision_to_assess_on": "2023-04-10", "decided_to_assess": "Y"},
        ],
        "assessments": [
            {"legacy_id": "A1", "request_legacy_id": "R1", "decision_to_issue_on": "2023-06-14",
             "decided_to_issue": "Y", "final_issued_on": "2023-07-12", "final_plan_exception_applies": "N"},
        ],
        "plans": [
            {"legacy_id": "P1", "child_legacy_id": "C1", "request_legacy_id": "R1", "kind": "new", "status": "final",
             "issued_on": "2023-07-12", "last_reviewed_on": "2024-07-01", "section_a": "Ada loves maps."},
            {"legacy_id": "P2", "child_legacy_id": "C2", "kind": "converted", "status": "final",
             "converted_from": "statement", "converted_on": "2016-02-01", "issued_on": "2016-02-01"},
        ],
        "placements": [
            {"legacy_id": "PL1", "plan_legacy_id": "P1", "name": "Oakfield Primary School",
             "institution_type": "maintained_school", "urn": "999001", "rank": "1"},
        ],
        "reviews": [
            {"legacy_id": "RV1", "plan_legacy_id": "P1", "status": "decided", "started_on": "2024-05-01",
             "meeting_on": "2024-06-10", "decision": "maintain", "decided_on": "2024-07-01"},
        ],
    }


def csv_bytes(file: str, rows: list[dict], *, encoding: str = "utf-8", columns: list[str] | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = columns or header(file)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    return out.getvalue().encode(encoding)


def write_set(directory: Path, rows: dict[str, list[dict]] | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for file, file_rows in (rows or sample_rows()).items():
        (directory / f"{file}.csv").write_bytes(csv_bytes(file, file_rows))
    return directory
