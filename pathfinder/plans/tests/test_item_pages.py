"""The section B and section E pages share one layout: each lists its items with a change link, then the form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.plans.tests.factories import PlanFactory, PlanNeedFactory, PlanOutcomeFactory, PlanProvisionFactory

pytestmark = pytest.mark.django_db


def _page(client, plan, name: str) -> str:
    assessment = plan.assessment
    sign_in(client, CaseworkerFactory(team=assessment.child.team))
    kw = {"child_id": assessment.child_id, "plan_id": assessment.plan.pk}
    return client.get(reverse(f"plans:{name}", kwargs=kw)).content.decode()


def test_needs_page_lists_needs_with_change_links_and_the_form(client):
    plan = PlanFactory()
    need = PlanNeedFactory(plan=plan, area="Sensory and physical", description="Sam cannot hear quiet speech.")
    html = _page(client, plan, "needs")
    assert "B1: Sensory and physical" in html and "Sam cannot hear quiet speech." in html
    edit = reverse("plans:need-edit", kwargs={"child_id": plan.assessment.child_id,
                                              "plan_id": plan.pk, "need_id": need.pk})
    assert f'href="{edit}"' in html and "Change<span class=\"govuk-visually-hidden\"> B1</span>" in html
    assert "Add a need" in html and "No needs yet." not in html


def test_outcomes_page_lists_outcomes_with_their_needs_and_flags(client):
    plan = PlanFactory()
    need = PlanNeedFactory(plan=plan)
    outcome = PlanOutcomeFactory(plan=plan, needs=[need], description="Sam will have access to reading books.",
                                 preparing_for_adulthood=True)
    html = _page(client, plan, "outcomes")
    edit = reverse("plans:outcome-edit", kwargs={"child_id": plan.assessment.child_id,
                                                 "plan_id": plan.pk, "outcome_id": outcome.pk})
    assert f'href="{edit}"' in html and "For needs: B1" in html and "Preparing for adulthood" in html
    assert '<mark class="pf-vague">have access to</mark>' in html
    assert "Add an outcome" in html and "No outcomes yet." not in html


def test_empty_lists_say_so(client):
    plan = PlanFactory()
    assert "No needs yet." in _page(client, plan, "needs")
    assert "No outcomes yet." in _page(client, plan, "outcomes")


def test_provision_page_shows_the_outcomes_each_item_works_towards(client):
    plan = PlanFactory()
    need = PlanNeedFactory(plan=plan)
    PlanOutcomeFactory(plan=plan, needs=[need])
    second = PlanOutcomeFactory(plan=plan, needs=[need])
    PlanProvisionFactory(plan=plan, needs=[need], outcomes=[second])
    PlanProvisionFactory(plan=plan, needs=[need])
    assessment = plan.assessment
    sign_in(client, CaseworkerFactory(team=assessment.child.team))
    html = client.get(reverse("plans:provision", kwargs={"child_id": assessment.child_id,
                                                         "plan_id": assessment.plan.pk, "section": "F"})).content.decode()
    assert "Works towards outcomes: E2." in html and "Works towards outcomes: none." in html
    assert "F2 is not linked to an outcome in section E" in html and "F1 is not linked" not in html
