"""The whole caseload in the caseload template's CSV files, so a council can always take its data elsewhere
(issue 10 item 5), and an export imported into an empty Pathfinder makes the same records.

Each row's legacy_id is the id the row was imported with (so a council's ids survive a round trip), or one made
from ours ("pf-child-12"). Rows are sorted by legacy_id, not by our ids, so exporting, importing that into an empty
Pathfinder and exporting again gives the same files byte for byte.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable
from datetime import date

from pathfinder.assessments.models import Assessment
from pathfinder.caseload import records
from pathfinder.caseload.ended import plan_history_cells
from pathfinder.caseload.models import LegacyLink
from pathfinder.caseload.reading import formula_safe
from pathfinder.caseload.template import FILES, header
from pathfinder.people.models import Child, ChildNeed, FamilyMember
from pathfinder.plans.models import Plan
from pathfinder.reviews.models import Review

_PREFIX = {"children": "child", "family": "family", "needs": "need", "requests": "request",
           "assessments": "assessment", "plans": "plan", "placements": "placement", "reviews": "review"}


class Ids:
    """Each record's legacy id: the first link an import made for it, else one made from our id."""

    def __init__(self) -> None:
        self.by_type: dict[str, dict[int, str]] = {}
        for record_type, object_id, legacy_id in LegacyLink.objects.order_by("pk").values_list(
                "record_type", "object_id", "legacy_id"):
            self.by_type.setdefault(record_type, {}).setdefault(object_id, legacy_id)

    def __call__(self, record_type: str, pk: int | None) -> str:
        if pk is None:
            return ""
        return self.by_type.get(record_type, {}).get(pk) or f"pf-{_PREFIX[record_type]}-{pk}"

    def has(self, record_type: str, pk: int) -> bool:
        return pk in self.by_type.get(record_type, {})


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, date):
        return value.isoformat()
    return formula_safe(str(value))


def _natural(value: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", value)]


def caseload_rows(ids: Ids | None = None) -> dict[str, list[dict]]:
    """Every file's rows as dicts of text cells, sorted."""
    ids = ids or Ids()
    files: dict[str, list[dict]] = {name: [] for name in FILES}
    for child in Child.objects.select_related("team").order_by("pk").iterator(chunk_size=2000):
        row = {name: getattr(child, name) for name in records.CHILD_TEXT}
        row.update(legacy_id=ids("children", child.pk), date_of_birth=child.date_of_birth, sex=child.sex,
                   la_code=child.la_code, team=child.team.name, first_language=child.first_language,
                   lacks_capacity=child.lacks_capacity)
        files["children"].append(row)
    for member in FamilyMember.objects.order_by("pk").iterator(chunk_size=2000):
        row = {name: getattr(member, name) for name in records.FAMILY_TEXT}
        row.update(legacy_id=ids("family", member.pk), child_legacy_id=ids("children", member.child_id),
                   has_parental_responsibility=member.has_parental_responsibility,
                   is_representative=member.is_representative, receives_notices=member.receives_notices,
                   contact_preference=member.contact_preference, needs_interpreter=member.needs_interpreter)
        files["family"].append(row)
    for need in ChildNeed.objects.order_by("pk").iterator(chunk_size=2000):
        files["needs"].append({"legacy_id": ids("needs", need.pk), "child_legacy_id": ids("children", need.child_id),
                               "need_type": need.need_type, "rank": need.rank})
    for assessment in Assessment.objects.order_by("pk").iterator(chunk_size=2000):
        _assessment_rows(files, ids, assessment)
    reasons, came_from = plan_history_cells()
    for plan in Plan.objects.order_by("pk").iterator(chunk_size=2000):
        _plan_rows(files, ids, plan)
        files["plans"][-1].update(cease_reason=reasons.get(plan.pk, ""), transferred_from_la=came_from.get(plan.pk, ""))
    for review in Review.objects.order_by("pk").iterator(chunk_size=2000):
        row = {name: getattr(review, name) for name in records.REVIEW_FIELDS}
        row.update(legacy_id=ids("reviews", review.pk), plan_legacy_id=ids("plans", review.plan_id), kind=review.kind)
        files["reviews"].append(row)
    for rows in files.values():
        rows.sort(key=lambda row: _natural(row["legacy_id"]))
    return files


def _assessment_rows(files: dict, ids: Ids, assessment: Assessment) -> None:
    request_id = ids("requests", assessment.pk)
    row = {name: getattr(assessment, name) for name in records.REQUEST_FIELDS}
    row.update(legacy_id=request_id, child_legacy_id=ids("children", assessment.child_id), kind=assessment.kind,
               received_by=assessment.received_by)
    files["requests"].append(row)
    facts = {name: getattr(assessment, name) for name in records.ASSESSMENT_FIELDS}
    if ids.has("assessments", assessment.pk) or any(v is not None for v in facts.values()) \
            or assessment.final_plan_exception_applies:
        facts.update(legacy_id=ids("assessments", assessment.pk), request_legacy_id=request_id,
                     final_plan_exception_applies=assessment.final_plan_exception_applies)
        files["assessments"].append(facts)


def _plan_rows(files: dict, ids: Ids, plan: Plan) -> None:
    plan_id = ids("plans", plan.pk)
    row = {name: getattr(plan, name) for name in records.PLAN_FIELDS}
    row.update(legacy_id=plan_id, child_legacy_id=ids("children", plan.child_id),
               request_legacy_id=ids("requests", plan.assessment_id), amends_legacy_id=ids("plans", plan.amends_id),
               first_made_on=plan.first_made_on)
    files["plans"].append(row)
    if plan.placement_name:
        files["placements"].append({
            "legacy_id": ids("placements", plan.pk), "plan_legacy_id": plan_id, "name": plan.placement_name,
            "institution_type": plan.placement_type, "urn": plan.placement_urn, "rank": 1,
        })


def csv_text(file: str, rows: Iterable[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = header(file)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in columns])
    return out.getvalue()


def caseload_export_files() -> dict[str, str]:
    """{"children.csv": text, ...}: every file of the template, UTF-8 text."""
    return {f"{name}.csv": csv_text(name, rows) for name, rows in caseload_rows().items()}


def caseload_export_zip() -> bytes:
    """The files in one ZIP with fixed entry times, so the same caseload gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in caseload_export_files().items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), text.encode("utf-8"))
    return out.getvalue()
