"""Export for leaving (issue 10 item 5): export, import into an empty Pathfinder, export again: the same files."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditEvent
from pathfinder.caseload.export import caseload_export_files
from pathfinder.caseload.models import ImportRun, ImportStatus, LegacyLink
from pathfinder.caseload.reading import csv_directory_read
from pathfinder.caseload.services import caseload_import
from pathfinder.people.models import Child, ChildNeed, FamilyMember, Involvement
from pathfinder.people.tests.factories import ChildFactory, ChildNeedFactory, FamilyMemberFactory
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.plans.tests.factories import PlanFactory
from pathfinder.reviews.models import Review
from pathfinder.reviews.tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def _caseload_made_in_pathfinder() -> None:
    """Records as Pathfinder's own services and factories make them (no legacy ids)."""
    child = ChildFactory(legal_last_name="Quillfeather", preferred_name="Q", communication_needs='Says "no" a lot,\nthen yes')
    ChildNeedFactory(child=child, rank=1, need_type="SEMH")
    ChildNeedFactory(child=child, rank=2, need_type="HI")
    FamilyMemberFactory(child=child, relationship="Grandmother", has_parental_responsibility=False,
                        phone="+44 7700 900123", address="=HYPERLINK(\"http://example.test\")")
    plan = PlanFactory(assessment__child=child, status=PlanStatus.FINAL, issued_on=date(2026, 9, 1),
                       first_made_on=date(2026, 9, 1), placement_name="Hill School", placement_urn="999003",
                       placement_type="maintained_school", section_a="Likes trains; dislikes noise")
    ReviewFactory(plan=plan)
    other = ChildFactory(nhs_number="", team=child.team)
    PlanFactory(assessment=None, child=other, kind="converted", status=PlanStatus.FINAL,
                converted_from="lda", converted_on=date(2017, 3, 1), first_made_on=date(2017, 3, 1))


def _empty_the_caseload() -> None:
    """An empty Pathfinder, as far as the caseload goes (teams and users stay)."""
    AuditEvent.objects.filter(child__isnull=False).delete()
    Review.objects.all().delete()
    Plan.objects.filter(amends__isnull=False).delete()
    Plan.objects.all().delete()
    Assessment.objects.all().delete()
    Involvement.objects.all().delete()
    ChildNeed.objects.all().delete()
    FamilyMember.objects.all().delete()
    Child.objects.all().delete()
    LegacyLink.objects.all().delete()


def _write(folder, files: dict[str, str]) -> None:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("utf-8"))


def test_export_import_export_gives_the_same_files(tmp_path):
    _caseload_made_in_pathfinder()
    first = caseload_export_files()
    assert first["children.csv"].count("\r\n") == 3
    assert "pf-plan-" in first["plans.csv"] and ",converted,final,,lda,2017-03-01," in first["plans.csv"]
    _empty_the_caseload()
    assert Child.objects.count() == 0
    _write(tmp_path / "export", first)
    run = caseload_import(csv_directory_read(tmp_path / "export"), run=ImportRun.objects.create(
        format="csv", source_system="pathfinder export", file_name="export", commit=True))
    assert run.status == ImportStatus.IMPORTED, run.message
    assert run.refused == []
    assert caseload_export_files() == first
    child = Child.objects.get(legal_last_name="Quillfeather")
    assert child.communication_needs == 'Says "no" a lot,\nthen yes'
    assert Plan.objects.get(child=child).review_due_on is not None
    assert "'+44 7700 900123" in first["family.csv"]  # no spreadsheet runs a cell as a formula
    assert FamilyMember.objects.get().phone == "+44 7700 900123"


def test_an_export_of_an_import_keeps_the_councils_own_ids(tmp_path):
    from pathfinder.caseload.tests.sample import write_set

    write_set(tmp_path)
    caseload_import(csv_directory_read(tmp_path), run=ImportRun.objects.create(
        format="csv", source_system="legacy", file_name="x", commit=True, team_name="North team"))
    files = caseload_export_files()
    assert files["children.csv"].splitlines()[1].startswith("C1,Ada,Quillfeather,")
    assert "RV1,P1,annual,decided,2024-05-01,2024-06-10,,maintain,2024-07-01" in files["reviews.csv"]
