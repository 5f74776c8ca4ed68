"""The pages as people use them: a caseworker records mediation steps (a refusal shown in the GOV.UK error summary,
nothing saved), the mediation service records a certificate, the family's page and the letters give the dates."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.disagreements.models_mediation import MediationCase
from pathfinder.disagreements.selectors import decision_rights
from pathfinder.disagreements.tests.world import build

pytestmark = pytest.mark.django_db


def _date(prefix: str, day) -> dict[str, str]:
    return {f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month), f"{prefix}-year": str(day.year)}


@pytest.fixture
def world():
    return build()


def test_a_caseworker_records_that_the_family_wants_mediation(client, world):
    sign_in(client, world.users["team caseworker"])
    case = MediationCase.objects.get(pk=world.ids["case_id"])
    url = reverse("disagreements:mediation-step", kwargs={"child_id": world.child.pk,
                                                          "decision_id": world.ids["decision_id"],
                                                          "action": "council_informed"})
    on = timezone.localdate() - timedelta(days=10)
    response = client.post(url, {"version": case.version, **_date("on", on), "issues": "Section F",
                                 "health_in_issue": "yes", "health_sought": ""})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert "Enter the health care provision" in response.content.decode()
    assert MediationCase.objects.get(pk=case.pk).status == "adviser_contacted"
    response = client.post(url, {"version": case.version, **_date("on", on), "issues": "Section F",
                                 "health_in_issue": "yes", "health_sought": "Speech therapy"})
    assert response.status_code == 302
    saved = MediationCase.objects.get(pk=case.pk)
    assert (saved.status, saved.council_informed, saved.health_in_issue) == ("council_informed", on, True)
    page = client.get(reverse("disagreements:decision", kwargs={"child_id": world.child.pk,
                                                                "decision_id": world.ids["decision_id"]}))
    body = page.content.decode()
    assert "Council tells each health commissioner about the mediation" in body
    assert "Mediation takes place" in body and "SEND Regulations 2014" in body


def test_a_step_the_law_refuses_is_shown_on_the_form(client, world):
    sign_in(client, world.users["team caseworker"])
    case = MediationCase.objects.get(pk=world.ids["case_id"])
    url = reverse("disagreements:mediation-step", kwargs={"child_id": world.child.pk,
                                                          "decision_id": world.ids["decision_id"],
                                                          "action": "adviser_certificate"})
    too_early = case.adviser_contacted - timedelta(days=1)
    response = client.post(url, {"version": case.version, **_date("on", too_early)})
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body and 'href="#id_on-day"' in body
    assert "cannot be issued before the family contacted the adviser" in body
    assert MediationCase.objects.get(pk=case.pk).adviser_certificate is None


def test_the_mediation_service_records_the_certificate_and_the_deadline_moves(client, world):
    sign_in(client, world.users["mediation service"])
    case = MediationCase.objects.get(pk=world.ids["case_id"])
    before = decision_rights(case.decision).appeal_by
    url = reverse("disagreements:service-step", kwargs={"case_id": case.pk, "action": "adviser_certificate"})
    response = client.post(url, {"version": case.version, **_date("on", timezone.localdate())})
    assert response.status_code == 302
    case.refresh_from_db()
    after = decision_rights(case.decision)
    assert case.status == "certificate" and after.certificate_on == timezone.localdate()
    assert after.appeal_by >= before
    body = client.get(reverse("disagreements:service-case", kwargs={"case_id": case.pk})).content.decode()
    assert "Certificate issued: the family may appeal" in body


def test_the_familys_page_gives_the_dates_of_each_decision(client, world):
    sign_in(client, world.users["parent"])
    body = client.get(reverse("family:case", kwargs={"child_id": world.child.pk})).content.decode()
    rights = decision_rights(MediationCase.objects.get(pk=world.ids["case_id"]).decision)
    assert "Decisions you can appeal" in body and "We sent you the final EHC plan." in body
    day = rights.appeal_by
    assert f"You can appeal to the Tribunal until {day.day} {day:%B %Y}." in body
    assert "only disagree with the school or college named" in body
