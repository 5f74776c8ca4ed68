"""The migrations that move advice, corrections and plan PDFs onto Documents: each old file is copied into the
documents storage under a random name and the old copy removed; a file someone sent waits for its virus check,
a PDF Pathfinder made is clean, and a file already missing is refused saying so."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from pathfinder.documents.legacy import MISSING_REASON
from pathfinder.documents.tests import samples

pytestmark = pytest.mark.django_db

# Accounts as it was then too: a later column of the user (its contact preference) is not in these models' state.
BEFORE = [("assessments", "0005_plan_own_record"), ("plans", "0007_plan_belongs_to_child"),
          ("accounts", "0004_invitation_approval")]
AFTER = [("assessments", "0006_advice_documents_in_documents"), ("plans", "0008_final_pdf_in_documents"),
         ("accounts", "0004_invitation_approval")]


@pytest.fixture
def two_storages(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {**settings.STORAGES, "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "documents")},
    }}
    return storages["default"], storages["documents"]


def test_old_files_become_documents(two_storages, migrator):
    old, new = two_storages
    apps = migrator.migrate(BEFORE)  # the old shape: plain file paths
    Team, User = apps.get_model("accounts", "Team"), apps.get_model("accounts", "User")
    Child, Assessment = apps.get_model("people", "Child"), apps.get_model("assessments", "Assessment")
    AdviceRequest = apps.get_model("assessments", "AdviceRequest")
    AdviceCorrection = apps.get_model("assessments", "AdviceCorrection")
    Plan = apps.get_model("plans", "Plan")
    team = Team.objects.create(name="Migration team")
    adviser = User.objects.create(username="ep", role="adviser")
    child = Child.objects.create(legal_first_name="Ada", legal_last_name="Test", date_of_birth=date(2015, 1, 1),
                                 la_code="999", team=team)
    assessment = Assessment.objects.create(child=child, status="decided_to_issue", request_source="1",
                                           received_on=date(2026, 1, 5))
    advice_name = old.save("advice/2026/08/advice-0a1b.pdf", ContentFile(samples.pdf()))
    advice = AdviceRequest.objects.create(assessment=assessment, kind="e", adviser=adviser, adviser_name="EP",
                                          received_on=date(2026, 2, 1), document=advice_name)
    none = AdviceRequest.objects.create(assessment=assessment, kind="h", adviser_name="Nurse")
    correction = AdviceCorrection.objects.create(advice=advice, number=2, summary="s", reason="r",
                                                 sent_by=adviser, document="advice/2026/09/gone.docx")
    pdf_name = old.save("plans/2026/ehc-plan-1-v3.pdf", ContentFile(samples.pdf()))
    plan = Plan.objects.create(child=child, assessment=assessment, status="final", issued_on=date(2026, 3, 1),
                               final_pdf=pdf_name)
    apps = migrator.migrate(AFTER)
    Document = apps.get_model("documents", "Document")
    moved = apps.get_model("assessments", "AdviceRequest").objects.get(pk=advice.pk).document
    assert (moved.child_id, moved.purpose, moved.kind, moved.status) == (child.pk, "advice", "pdf", "scanning")
    assert moved.original_name == "advice-0a1b.pdf" and moved.uploaded_by_id == adviser.pk
    assert moved.size == len(samples.pdf()) and len(moved.sha256) == 64
    with new.open(moved.stored_name) as stored:
        assert stored.read() == samples.pdf()
    assert "0a1b" not in moved.stored_name and not old.exists(advice_name)

    assert apps.get_model("assessments", "AdviceRequest").objects.get(pk=none.pk).document is None
    missing = apps.get_model("assessments", "AdviceCorrection").objects.get(pk=correction.pk).document
    assert (missing.status, missing.status_reason, missing.kind) == ("refused", MISSING_REASON, "docx")

    pdf = apps.get_model("plans", "Plan").objects.get(pk=plan.pk).final_pdf
    assert (pdf.purpose, pdf.status, pdf.made_by_pathfinder) == ("plan_pdf", "clean", True)
    assert new.exists(pdf.stored_name) and not old.exists(pdf_name)
    assert Document.objects.count() == 3
