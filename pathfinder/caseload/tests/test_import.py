"""Integration: the dry run writes nothing, the real run writes everything (or nothing), a second run updates."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditEvent
from pathfinder.caseload import writer as writer_module
from pathfinder.caseload.models import ImportRun, ImportStatus, LegacyLink
from pathfinder.caseload.reading import csv_directory_read
from pathfinder.caseload.services import caseload_import
from pathfinder.caseload.tests.sample import sample_rows, write_set
from pathfinder.people.models import Child, ChildNeed, FamilyMember, Involvement
from pathfinder.people.search import child_search
from pathfinder.people.selectors import children_visible_to
from pathfinder.people.tests.factories import ChildFactory
from pathfinder.plans.models import Plan, PlanKind
from pathfinder.reviews.models import Review
from statutory.review_clock import review_due

pytestmark = pytest.mark.django_db
RECORDS = (Child, FamilyMember, ChildNeed, Assessment, Plan, Review, LegacyLink)


def _run(folder, *, commit: bool, source_system: str = "legacy") -> ImportRun:
    run = ImportRun.objects.create(format="csv", source_system=source_system, file_name="sample", commit=commit,
                                   team_name="North team")
    return caseload_import(csv_directory_read(folder), run=run)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in RECORDS}


def test_a_dry_run_writes_nothing_and_says_what_it_would_do(tmp_path):
    write_set(tmp_path)
    before = _counts()
    run = _run(tmp_path, commit=False)
    assert run.status == ImportStatus.CHECKED
    assert _counts() == before
    assert run.counts["children"] == {"read": 2, "new": 2, "updated": 0, "refused": 0}
    assert run.counts["plans"] == {"read": 2, "new": 2, "updated": 0, "refused": 0}


def test_a_real_run_makes_the_records_with_what_the_services_would_keep(tmp_path):
    write_set(tmp_path)
    run = _run(tmp_path, commit=True)
    assert run.status == ImportStatus.IMPORTED, run.message
    ada = Child.objects.get(legal_last_name="Quillfeather")
    assert (ada.team.name, ada.date_of_birth, ada.sex) == ("North team", date(2014, 5, 3), "F")
    assert [(n.rank, n.need_type) for n in ada.ranked_needs()] == [(1, "ASD"), (2, "SLCN")]
    assert ada.family_members.get().has_parental_responsibility is True
    request = Assessment.objects.get(child=ada)
    assert request.status == AssessmentStatus.DECIDED_TO_ISSUE
    assert request.final_issued_on == date(2023, 7, 12)
    assert request.decision_due_on is not None and request.final_plan_due_on is not None
    plan = Plan.objects.get(child=ada)
    assert (plan.assessment_id, plan.placement_name, plan.placement_urn) == (request.pk, "Oakfield Primary School",
                                                                             "999001")
    assert plan.review_due_on == review_due(first_made_on=date(2023, 7, 12), last_reviewed_on=date(2024, 7, 1)).due
    assert Review.objects.get(plan=plan).decision == "maintain"
    # a caseworker of the team finds and sees the child (search keys, the team's involvement)
    caseworker = CaseworkerFactory(team=ada.team)
    assert ada in children_visible_to(caseworker)
    assert Involvement.objects.filter(child=ada, capacity="team", team=ada.team, ends_on__isnull=True).count() == 1
    assert ada in child_search(children_visible_to(caseworker), "Quillfeather")
    # one audit event per batch names the run and its counts
    event = AuditEvent.objects.get(object_type="ImportRun", object_id=str(run.pk))
    assert event.what.startswith(f"Caseload import {run.pk}, batch 1 of 1: children 2 new 0 updated")


def test_a_converted_statement_runs_its_review_clock_from_the_conversion(tmp_path):
    rows = sample_rows()
    rows["plans"][1]["issued_on"] = ""
    write_set(tmp_path, rows)
    _run(tmp_path, commit=True)
    plan = Plan.objects.get(child__legal_last_name="Marrowby")
    assert (plan.kind, plan.converted_from, plan.converted_on) == (PlanKind.CONVERTED, "statement", date(2016, 2, 1))
    assert plan.first_made_on == date(2016, 2, 1)
    assert plan.review_due_on == review_due(first_made_on=date(2016, 2, 1)).due


def test_running_it_again_updates_and_never_duplicates(tmp_path):
    write_set(tmp_path)
    _run(tmp_path, commit=True)
    after_first = _counts()
    rows = sample_rows()
    rows["children"][0]["preferred_name"] = "Addie"
    rows["plans"][0]["section_a"] = "Ada loves maps and buses."
    write_set(tmp_path, rows)
    run = _run(tmp_path, commit=True)
    assert run.status == ImportStatus.IMPORTED, run.message
    assert _counts() == after_first
    assert run.counts["children"] == {"read": 2, "new": 0, "updated": 2, "refused": 0}
    ada = Child.objects.get(legal_last_name="Quillfeather")
    assert ada.preferred_name == "Addie"
    assert Plan.objects.get(child=ada).section_a == "Ada loves maps and buses."
    assert ada in child_search(Child.objects.all(), "Addie")
    assert Involvement.objects.filter(child=ada, capacity="team").count() == 1


def test_a_child_already_here_is_updated_not_added_when_the_upn_matches(tmp_path):
    rows = sample_rows()
    existing = ChildFactory(upn=rows["children"][0]["upn"], legal_last_name="Quillfeather", legal_first_name="A")
    write_set(tmp_path, rows)
    run = _run(tmp_path, commit=True)
    assert run.counts["children"] == {"read": 2, "new": 1, "updated": 1, "refused": 0}
    existing.refresh_from_db()
    assert existing.legal_first_name == "Ada"
    assert LegacyLink.objects.get(record_type="children", legacy_id="C1").object_id == existing.pk
    # moved to the file's team: the old team's involvement ends, the new one starts
    assert existing.team.name == "North team"
    assert Involvement.objects.filter(child=existing, capacity="team", ends_on__isnull=True).get().team.name == \
        "North team"


def test_refused_rows_are_left_out_and_the_rest_imported(tmp_path):
    rows = sample_rows()
    rows["children"][1]["upn"] = "A999000099902"  # wrong check letter
    write_set(tmp_path, rows)
    run = _run(tmp_path, commit=True)
    assert run.status == ImportStatus.IMPORTED
    assert list(Child.objects.values_list("legal_last_name", flat=True)) == ["Quillfeather"]
    assert run.counts["plans"] == {"read": 2, "new": 1, "updated": 0, "refused": 1}
    assert {(p["file"], p["line"]) for p in run.refused} == {("children", 3), ("needs", 4), ("plans", 3)}


def test_a_batch_that_fails_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    write_set(tmp_path)
    monkeypatch.setattr(writer_module, "BATCH_CHILDREN", 1)
    real_reviews = writer_module.Writer._reviews
    seen = []

    def second_batch_fails(self, accepted):
        seen.append(accepted)
        real_reviews(self, accepted)

    monkeypatch.setattr(writer_module.Writer, "_reviews", second_batch_fails)
    real_plans = writer_module.Writer._plans

    def fail_on_the_second_child(self, accepted):
        if accepted.values["child_legacy_id"] == "C2":
            raise RuntimeError("disk full")
        real_plans(self, accepted)

    monkeypatch.setattr(writer_module.Writer, "_plans", fail_on_the_second_child)
    before = _counts()
    audit_before = AuditEvent.objects.count()
    run = _run(tmp_path, commit=True)
    assert seen, "the first batch was written before the second failed"
    assert run.status == ImportStatus.FAILED
    assert run.message == "The import stopped and nothing was written: disk full"
    assert _counts() == before
    assert AuditEvent.objects.count() == audit_before


def test_imported_records_have_one_history_row_saying_so(tmp_path, client):
    from django.urls import reverse

    from pathfinder.accounts.tests.helpers import sign_in

    write_set(tmp_path)
    administrator = CaseworkerFactory()
    run = ImportRun.objects.create(format="csv", source_system="Old EHC system", file_name="sample", commit=True,
                                   team_name="North team", started_by=administrator)
    assert caseload_import(csv_directory_read(tmp_path), run=run).status == ImportStatus.IMPORTED
    ada = Child.objects.get(legal_last_name="Quillfeather")
    plan = Plan.objects.filter(child=ada).first()
    for record in (ada, plan):
        history = list(record.history.all())
        assert [(h.history_type, h.history_change_reason, h.history_user_id) for h in history] == [
            ("+", "Imported from Old EHC system", administrator.pk)]
        kept = [f.attname for f in history[0]._meta.concrete_fields if not f.attname.startswith("history_")]
        differ = [name for name in kept if getattr(history[0], name) != getattr(record, name)]
        assert len(kept) > 10 and not differ  # the row as imported, every field history keeps copied
    assert Child.history.count() == Child.objects.count() and Plan.history.count() == Plan.objects.count()
    again = ImportRun.objects.create(format="csv", source_system="Old EHC system", file_name="sample", commit=True,
                                     team_name="North team", started_by=administrator)
    assert caseload_import(csv_directory_read(tmp_path), run=again).status == ImportStatus.IMPORTED
    assert [h.history_change_reason for h in ada.history.order_by("history_id")] == [
        "Imported from Old EHC system", "Updated by an import from Old EHC system"]
    sign_in(client, CaseworkerFactory(team=ada.team))
    page = client.get(reverse("people:child-history", args=[ada.pk])).content.decode()
    assert "Imported from Old EHC system" in page
