"""The subject access pack: everything held about one child, as JSON and PDF, with nothing of another child's."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    CaseworkerFactory,
    ManagerFactory,
    ParentFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.models import AdviceNeed, AssessmentException
from pathfinder.assessments.tests.factories import ReceivedAdviceFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.disclosure.pack import subject_access_pack
from pathfinder.disclosure.subject_access import subject_access_request_record
from pathfinder.documents.tests.factories import document_make
from pathfinder.notifications.tests.factories import LetterFactory
from pathfinder.people.tests.factories import ChildFactory, ChildNeedFactory, FamilyMemberFactory
from pathfinder.plans.models import Consultation, Representation
from pathfinder.plans.tests.pdf_reading import shown_text
from pathfinder.reviews.models import ReviewInvitee
from pathfinder.reviews.tests.factories import ReviewFactory, final_plan

pytestmark = pytest.mark.django_db

STRANGER = "Marchbanks"  # another family's child: nothing of theirs may appear
SIBLING = "Quillfeather"  # a step-brother in the same family: his name is taken out of this child's text


def _everything(child, parent):
    """A plan, its assessment with advice and an exception, a review, comments, a document and a letter."""
    plan = final_plan(assessment__child=child, section_a=f"Ruby loves swimming with her step-brother Zebedee "
                                                           f"{SIBLING}. Zebedee walks her to school.")
    assessment = plan.assessment
    AssessmentException.objects.create(assessment=assessment, code="E3", period_start=assessment.received_on,
                                       period_end=assessment.received_on + timedelta(days=35),
                                       evidence="Hospital letter", causal_note="Ruby was in hospital")
    advice = ReceivedAdviceFactory(assessment=assessment, adviser_name="Dr Ellis",
                                   summary="Ruby needs a quiet space to work.")
    AdviceNeed.objects.create(advice=advice, description="Finds busy rooms overwhelming")
    Consultation.objects.create(plan=plan, institution_name="Brookside Academy", institution_type="academy",
                                sent_on=timezone.localdate() - timedelta(days=40))
    Representation.objects.create(plan=plan, author=parent, author_name="Jo Brightwater",
                                  text="Please add the swimming sessions.", reply="Added to section F.")
    review = ReviewFactory(plan=plan, recommendations="Keep the plan as it is")
    ReviewInvitee.objects.create(review=review, role="family", name="Jo Brightwater")
    document_make(child=child, name="Ruby speech therapy report.pdf")
    LetterFactory(child_id=child.pk, subject="Your child's EHC plan", body="Dear Jo, Ruby's final plan is enclosed.")
    child.communication_needs = "Likes to be told what is happening next"
    child.save()
    return plan


@pytest.fixture
def world():
    parent = ParentFactory()
    child = ChildFactory(legal_first_name="Ruby", legal_last_name="Brightwater")
    ChildNeedFactory(child=child)
    FamilyMemberFactory(child=child, user=parent, name="Jo Brightwater", email="jo@example.test")
    sibling = ChildFactory(legal_first_name="Zebedee", legal_last_name=SIBLING, team=child.team)
    FamilyMemberFactory(child=sibling, user=parent, name="Jo Brightwater", email="jo@example.test")
    final_plan(assessment__child=sibling, section_a=f"Zebedee {SIBLING} likes football.")
    stranger = ChildFactory(legal_first_name="Tobias", legal_last_name=STRANGER, team=child.team)
    FamilyMemberFactory(child=stranger, name=f"Sam {STRANGER}")
    stranger_plan = final_plan(assessment__child=stranger, section_a=f"Tobias {STRANGER} likes drums.")
    LetterFactory(child_id=stranger.pk, body=f"Dear Sam {STRANGER}")
    document_make(child=stranger, name=f"{STRANGER} report.pdf")
    ReviewFactory(plan=stranger_plan, recommendations=f"{STRANGER} review")
    plan = _everything(child, parent)
    caseworker = CaseworkerFactory(team=child.team)
    return {"child": child, "plan": plan, "caseworker": caseworker, "stranger": stranger, "parent": parent}


def _download(client, world, file_kind):
    sign_in(client, world["caseworker"])
    client.get(reverse("people:child", args=[world["stranger"].pk]))  # the stranger's audit is not this child's
    client.get(reverse("people:child", args=[world["child"].pk]))
    return client.get(reverse("disclosure:subject-access-download",
                              kwargs={"child_id": world["child"].pk, "file_kind": file_kind}))


def test_the_json_pack_holds_everything_about_the_child(client, world):
    response = _download(client, world, "json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    pack = json.loads(response.content)
    assert pack["pack"]["format"] == "pathfinder-subject-access-pack"
    record = pack["record"]
    assert record["legal_first_name"] == "Ruby" and record["team"] == world["child"].team.name
    assert record["needs"][0]["need_type"] == "Autistic spectrum disorder"
    assert record["family_members"][0]["name"] == "Jo Brightwater"
    assert {i["capacity"] for i in pack["involvements"]} >= {"Caseworkers' team (the allocated team)"}
    assessment = pack["assessments"][0]
    assert assessment["exceptions"][0]["causal_note"] == "Ruby was in hospital"
    assert assessment["advice"][0]["summary"] == "Ruby needs a quiet space to work."
    assert assessment["advice"][0]["needs_seen"][0]["description"] == "Finds busy rooms overwhelming"
    plan = pack["plans"][0]
    assert plan["status"] == "Final" and plan["needs"] and plan["outcomes"][0]["need_ids"]
    assert plan["consultations"][0]["institution_name"] == "Brookside Academy"
    assert plan["family_comments"][0]["reply"] == "Added to section F."
    assert pack["reviews"][0]["recommendations"] == "Keep the plan as it is"
    assert pack["reviews"][0]["invited"][0]["name"] == "Jo Brightwater"
    assert [d["original_name"] for d in pack["documents"]] == ["Ruby speech therapy report.pdf"]
    assert pack["letters_and_messages"][0]["body"] == "Dear Jo, Ruby's final plan is enclosed."
    changed = [e for e in pack["history_of_changes"] if e["record"] == "The child's record" and e["fields"]]
    assert any(f["field"] == "communication_needs" for e in changed for f in e["fields"])
    assert any(e["what"] == "case page" or "record" in e["what"] for e in pack["who_has_looked"])
    assert all("ip_address" not in e for e in pack["who_has_looked"])


def test_no_other_childs_data_is_in_the_json(client, world):
    text = _download(client, world, "json").content.decode()
    assert STRANGER not in text
    assert SIBLING not in text and "Zebedee" not in text
    assert "step-brother [another child]" in text and "[another child] walks her to school" in text


def test_the_pdf_has_the_child_and_no_one_else(client, world):
    response = _download(client, world, "pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    texts = shown_text(response.content)
    assert any("Brightwater" in t and "Ruby needs a quiet space" in t for t in texts)
    assert not any(STRANGER in t or SIBLING in t or "Zebedee" in t for t in texts)


def test_producing_the_pack_is_audited(client, world):
    _download(client, world, "json")
    assert AuditEvent.objects.filter(actor=world["caseworker"], action="download", child=world["child"],
                                     what="subject access pack (JSON)").exists()


def test_the_pack_leaves_out_secrets_and_machine_details(world):
    pack = subject_access_pack(world["child"], produced_by=world["caseworker"])
    text = json.dumps(pack)
    for secret in ("stored_name", "sha256", "\"version\"", "ip_address", "user_agent"):
        assert secret not in text


def test_the_page_explains_the_pack_and_the_due_date(client, world):
    sign_in(client, world["caseworker"])
    url = reverse("disclosure:subject-access", args=[world["child"].pk])
    page = client.get(url).content.decode()
    assert "Download as PDF" in page and "Download as JSON" in page and "UK GDPR, Article 12(3)" in page
    page = client.get(url, {"received_on-day": "10", "received_on-month": "11", "received_on-year": "2026"})
    assert "10 December 2026" in page.content.decode()
    future = timezone.localdate() + timedelta(days=3)
    page = client.get(url, {"received_on-day": future.day, "received_on-month": future.month,
                            "received_on-year": future.year}).content.decode()
    assert "must be today or in the past" in page


def test_the_record_page_links_to_the_pack_for_case_staff(client, world):
    sign_in(client, world["caseworker"])
    page = client.get(reverse("people:child", args=[world["child"].pk])).content.decode()
    assert reverse("disclosure:subject-access", args=[world["child"].pk]) in page


OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302


@pytest.mark.parametrize("name,extra", [("disclosure:subject-access", {}),
                                        ("disclosure:subject-access-download", {"file_kind": "json"}),
                                        ("disclosure:subject-access-request-new", {}),
                                        ("disclosure:subject-access-request-extend", {"sar_id": None}),
                                        ("disclosure:subject-access-request-answer", {"sar_id": None})])
def test_role_matrix(client, world, name, extra):
    if "sar_id" in extra:
        extra = {"sar_id": subject_access_request_record(
            acting_user=world["caseworker"], child=world["child"], requester_name="Jo Brightwater",
            relation="parent", received_on=timezone.localdate()).pk}
    url = reverse(name, kwargs={"child_id": world["child"].pk, **extra})
    users = {"team caseworker": world["caseworker"], "other team's caseworker": CaseworkerFactory(),
             "manager": ManagerFactory(), "parent": world["parent"], "administrator": AdministratorFactory(),
             "anonymous": None}
    got = {}
    for role, user in users.items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(url).status_code
    assert got == {"team caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "parent": FORBIDDEN,
                   "administrator": FORBIDDEN, "anonymous": SIGN_IN}


def test_the_pdf_shows_values_as_a_family_reads_them():
    from pathfinder.disclosure.pack_files import label, shown

    assert label("nhs_number") == "NHS number" and label("received_on") == "Received on"
    assert shown(True) == "Yes" and shown(None) == "Not recorded" and shown("2026-03-04") == "4 March 2026"
    assert shown("2026-07-01T09:30:00+00:00") == "1 July 2026 at 10:30"  # shown in UK time


def test_for_a_young_person_the_page_warns_before_a_parent_is_sent_the_pack(client):
    from datetime import date

    young = ChildFactory(legal_first_name="Priya", date_of_birth=date(2007, 3, 1))
    other = ChildFactory(legal_first_name="Ava", date_of_birth=date(2018, 3, 1), team=young.team)
    sign_in(client, CaseworkerFactory(team=young.team))
    assert "is a young person" in client.get(reverse("disclosure:subject-access", args=[young.pk])).content.decode()
    assert "is a young person" not in client.get(reverse("disclosure:subject-access",
                                                         args=[other.pk])).content.decode()
