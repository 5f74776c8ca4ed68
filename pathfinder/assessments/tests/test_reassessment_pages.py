"""The re-assessment pages: who may open them (role by URL), the link from the final plan, and the forms."""

from datetime import date

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.reassessment import reassessment_request_create
from pathfinder.assessments.tests.factories import DraftingFactory
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302
STAFF_ONLY = {
    "own caseworker": OK, "other team's caseworker": NOT_FOUND, "manager": OK, "adviser": FORBIDDEN,
    "parent": FORBIDDEN, "administrator": FORBIDDEN, "provider": FORBIDDEN, "anonymous": SIGN_IN,
}


@pytest.fixture(autouse=True)
def _quiet(settings):
    settings.GOVUK_NOTIFY_API_KEY = ""


@pytest.fixture
def world():
    first = DraftingFactory(received_on=date(2025, 10, 1), decision_to_assess_on=date(2025, 11, 10),
                            decision_to_issue_on=date(2026, 2, 10), final_issued_on=date(2026, 2, 16))
    child = first.child
    plan = PlanFactory(assessment=first, status="final", issued_on=date(2026, 2, 16))
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent, has_parental_responsibility=True)
    caseworker = first.caseworker
    return {
        "child": child, "plan": plan, "caseworker": caseworker,
        "users": {
            "own caseworker": caseworker, "other team's caseworker": CaseworkerFactory(), "manager": ManagerFactory(),
            "adviser": AdviserFactory(), "parent": parent, "administrator": AdministratorFactory(),
            "provider": ProviderFactory(), "anonymous": None,
        },
    }


def _statuses(client, world, url):
    got = {}
    for role, user in world["users"].items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(url).status_code
    return got


def test_record_a_request_page_role_matrix(client, world):
    url = reverse("assessments:reassessment-new", kwargs={"child_id": world["child"].pk})
    assert _statuses(client, world, url) == STAFF_ONLY


def test_decide_whether_to_reassess_page_role_matrix(client, world):
    request = reassessment_request_create(acting_user=world["caseworker"], child=world["child"],
                                         received_on=date(2026, 7, 1), received_by="email", request_source="1")
    url = reverse("assessments:decide-assess", kwargs={"child_id": world["child"].pk, "assessment_id": request.pk})
    assert _statuses(client, world, url) == STAFF_ONLY


def test_the_final_plan_links_to_the_request_page(client, world):
    sign_in(client, world["caseworker"])
    page = client.get(reverse("plans:document", kwargs={"child_id": world["child"].pk, "plan_id": world["plan"].pk}))
    assert "Record a request for a re-assessment" in page.content.decode()


def test_no_request_page_without_a_final_plan(client):
    child = DraftingFactory().child
    sign_in(client, CaseworkerFactory(team=child.team))
    assert client.get(reverse("assessments:reassessment-new", kwargs={"child_id": child.pk})).status_code == 404


def test_recording_a_request_and_refusing_it_as_too_soon_shows_the_notice(client, world):
    sign_in(client, world["caseworker"])
    child = world["child"]
    response = client.post(reverse("assessments:reassessment-new", kwargs={"child_id": child.pk}), {
        "received_on-day": "1", "received_on-month": "7", "received_on-year": "2026", "received_by": "email",
        "request_source": "2",
    })
    request = Assessment.objects.get(child=child, kind="reassessment")
    assert response.status_code == 302
    decide = reverse("assessments:decide-assess", kwargs={"child_id": child.pk, "assessment_id": request.pk})
    page = client.get(decide).content.decode()
    assert "you may refuse it as too soon" in page
    response = client.post(decide, {
        "decision": "no", "too_soon": "on", "decided_on-day": "10", "decided_on-month": "7",
        "decided_on-year": "2026", "reasons": "", "version": str(request.version),
    })
    assert response.status_code == 302
    notice = client.get(response["Location"]).content.decode()
    assert "Notice of decision not to re-assess" in notice
    assert "regulation 25" in notice and "Tribunal must receive your appeal" in notice


def test_a_refusal_after_the_window_without_reasons_is_shown_on_the_form(client, world):
    sign_in(client, world["caseworker"])
    request = reassessment_request_create(acting_user=world["caseworker"], child=world["child"],
                                         received_on=date(2026, 9, 1), received_by="email", request_source="1")
    decide = reverse("assessments:decide-assess", kwargs={"child_id": world["child"].pk, "assessment_id": request.pk})
    response = client.post(decide, {
        "decision": "no", "too_soon": "on", "decided_on-day": "10", "decided_on-month": "9",
        "decided_on-year": "2026", "reasons": "", "version": str(request.version),
    })
    assert response.status_code == 200
    assert "cannot be refused as too soon" in response.content.decode()
    assert Assessment.objects.get(pk=request.pk).status == "requested"


def test_the_case_page_shows_the_reassessment_dates_and_citations(client, world):
    request = reassessment_request_create(acting_user=world["caseworker"], child=world["child"],
                                         received_on=date(2026, 7, 1), received_by="email", request_source="1")
    sign_in(client, world["caseworker"])
    page = client.get(reverse("assessments:case", kwargs={"child_id": world["child"].pk,
                                                           "assessment_id": request.pk})).content.decode()
    assert "Re-assessment" in page and "reg 25(1)" in page
