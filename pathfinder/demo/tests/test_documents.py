"""The demo county's documents: advice reports the demo sign-ins open first, in every state a reviewer should
see, and the plan PDFs kept as Documents."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from pathfinder.accounts.models import User
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.documents.models import Document, DocumentPurpose, DocumentStatus
from pathfinder.plans.models import Plan, PlanStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_demo():
    call_command("load_demo", "--plans=6", "--requests=12", "--services=20", stdout=StringIO())


def test_the_demo_has_advice_documents_in_each_state(small_demo):
    advice = Document.objects.filter(purpose=DocumentPurpose.ADVICE)
    assert {d.status for d in advice} == {DocumentStatus.CLEAN, DocumentStatus.SCANNING, DocumentStatus.REFUSED}
    refused = advice.get(status=DocumentStatus.REFUSED)
    assert "virus check found a problem" in refused.status_reason and refused.stored_name == ""
    with advice.filter(status=DocumentStatus.CLEAN).first().open() as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_the_demo_caseworker_downloads_a_report_on_the_demo_familys_case(small_demo, client):
    caseworker = User.objects.get(username="caseworker")
    document = Document.objects.filter(purpose=DocumentPurpose.ADVICE, status=DocumentStatus.CLEAN,
                                       child__family_members__user__username="parent").first()
    assert document is not None
    sign_in(client, caseworker)
    response = client.get(reverse("documents:download", kwargs={"public_id": document.public_id}))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_young_persons_plan_pdf_is_a_clean_document_made_by_pathfinder(small_demo):
    plan = Plan.objects.get(child__user__username="young.person", status=PlanStatus.FINAL)
    assert plan.final_pdf.made_by_pathfinder and plan.final_pdf.status == DocumentStatus.CLEAN


def test_a_reset_removes_the_demo_files(small_demo):
    from pathfinder.documents.models import documents_storage

    names = [d.stored_name for d in Document.objects.exclude(stored_name="")]
    call_command("load_demo", "--reset", "--plans=6", "--requests=12", "--services=20", stdout=StringIO())
    assert names and not any(documents_storage().exists(name) for name in names)
