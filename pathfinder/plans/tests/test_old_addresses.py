"""Plan addresses from before a plan had its own redirect to the same page under /children/<child>/plans/<plan>/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.tests.factories import DraftingFactory
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def _old(assessment, rest: str = "") -> str:
    return f"/plans/children/{assessment.child_id}/assessments/{assessment.pk}/{rest}"


def test_reading_an_old_address_moves_permanently_to_the_same_page_of_the_plan(client):
    plan = PlanFactory()
    sign_in(client, CaseworkerFactory(team=plan.child.team))
    new = reverse("plans:overview", kwargs={"child_id": plan.child_id, "plan_id": plan.pk})
    for rest in ("", "needs/", "provision/F/", "plan/", "plan.pdf"):
        response = client.get(_old(plan.assessment, rest) + ("?page=2" if rest == "needs/" else ""))
        assert response.status_code == 301, rest
        assert response["Location"] == new + rest + ("?page=2" if rest == "needs/" else ""), rest


def test_a_form_sent_to_an_old_address_is_passed_on_with_what_was_typed(client):
    plan = PlanFactory()
    sign_in(client, CaseworkerFactory(team=plan.child.team))
    response = client.post(_old(plan.assessment, "needs/"), {"area": "Sensory", "description": "Kept"})
    assert response.status_code == 307  # the browser sends the same form to the new address
    assert response["Location"].endswith(f"/children/{plan.child_id}/plans/{plan.pk}/needs/")
    assert not plan.needs.exists()


def test_an_old_address_of_a_plan_not_started_goes_to_the_page_that_starts_it(client):
    assessment = DraftingFactory()
    sign_in(client, CaseworkerFactory(team=assessment.child.team))
    response = client.get(_old(assessment))
    assert response.status_code == 301
    assert response["Location"] == reverse("plans:for-assessment", kwargs={
        "child_id": assessment.child_id, "assessment_id": assessment.pk})
    page = client.get(response["Location"]).content.decode()
    assert "Start the draft plan" in page


def test_an_old_address_confirms_nothing_to_someone_who_may_not_see_the_child(client):
    plan = PlanFactory()
    sign_in(client, CaseworkerFactory())  # another team's caseworker
    assert client.get(_old(plan.assessment, "needs/")).status_code == 404
