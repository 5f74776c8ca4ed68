"""The demo county's organisations: members see children through their organisation, advice waits in queues."""

from __future__ import annotations

import pytest
from django.utils import timezone

from pathfinder.accounts.models import User
from pathfinder.assessments.models import AdviceProvision, AdviceRequest
from pathfinder.demo.county import build_county
from pathfinder.disclosure.inspection import BY_KEY
from pathfinder.organisations.models import Organisation
from pathfinder.organisations.selectors import organisations_of
from pathfinder.people.models import Involvement
from pathfinder.people.selectors import children_visible_to

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def county(module_db):
    """One county for both tests (they only read it)."""
    build_county(plans=60, requests=60, seed=1, local_offer_services=10)


def test_the_demo_county_has_organisations_with_queues_and_structured_advice(county):
    # the speech and language therapy, educational psychology and social care services, and the mediation service
    assert Organisation.objects.exclude(kind__in=("school", "early_years")).count() == 4
    mediator = User.objects.get(username="mediator")
    assert mediator.memberships.get().organisation.kind == "mediation"
    assert set(Organisation.objects.filter(kind="school").values_list("la_code", flat=True)) == {"999", "998", "997"}
    placed = dict(BY_KEY["children-with-plans"].breakdown(timezone.localdate()))
    assert placed["Placed out of the area"] > 0 and placed["In the area"] > placed["Placed out of the area"]
    senco = User.objects.get(username="senco")
    assert [o.name for o in organisations_of(senco)] == ["Brookfield Primary School"]
    queued = AdviceRequest.objects.filter(organisation__isnull=False, received_on__isnull=True)
    assert queued.filter(assigned_to=senco).exists() and queued.filter(assigned_to__isnull=True).exists()
    assert Involvement.objects.filter(organisation__isnull=False, user__isnull=True).exists()
    assert children_visible_to(senco).exists()
    assert AdviceProvision.objects.filter(
        advice__assessment__child__family_members__user__username="parent").exists()


def test_the_demo_pages_open_for_the_senco_and_the_caseworker(county, client):
    from django.urls import reverse

    from pathfinder.accounts.tests.helpers import sign_in
    from pathfinder.plans.models import Plan

    senco = User.objects.get(username="senco")
    school = organisations_of(senco).get()
    sign_in(client, senco)
    assert client.get(reverse("assessments:organisation-queue", kwargs={"organisation_id": school.pk})).status_code == 200
    assert client.get(reverse("organisations:members", kwargs={"organisation_id": school.pk})).status_code == 200
    plan = Plan.objects.get(child__family_members__user__username="parent")
    sign_in(client, User.objects.get(username="caseworker"))
    page = client.get(reverse("plans:provision", kwargs={"child_id": plan.child_id, "plan_id": plan.pk,
                                                        "section": "F"})).content.decode()
    assert "Provision recommended in advice" in page and "Add to the plan" in page
    assert client.get(reverse("assessments:advice-backlog")).status_code == 200
