"""The ceasing pages: who may open each one (role by URL), what they show, and a refusal shown on the form."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    LocalOfferOfficerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
    YoungPersonFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.ceasing.tests.factories import decided
from pathfinder.ceasing.worklist import cessation_steps
from pathfinder.people.tests.factories import FamilyMemberFactory

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302


@pytest.fixture
def world():
    cessation = decided()
    plan = cessation.plan
    child = plan.child
    child.legal_last_name = "Quillfeather"
    child.save()
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    return {
        "cessation": cessation, "plan": plan, "child": child,
        "users": {
            "own caseworker": plan.assessment.caseworker, "other team's caseworker": CaseworkerFactory(),
            "manager": ManagerFactory(), "adviser": AdviserFactory(), "parent": parent,
            "young person (another)": YoungPersonFactory(), "administrator": AdministratorFactory(),
            "provider": ProviderFactory(), "local offer officer": LocalOfferOfficerFactory(), "anonymous": None,
        },
    }


def _row(default, **exceptions):
    roles = ["own caseworker", "other team's caseworker", "manager", "adviser", "parent", "young person (another)",
             "administrator", "provider", "local offer officer", "anonymous"]
    row = {role: default for role in roles}
    row.update({k.replace("_", " "): v for k, v in exceptions.items()})
    row["anonymous"] = SIGN_IN
    return row


CHILD_STAFF = _row(FORBIDDEN, own_caseworker=OK, manager=OK, **{"other team's caseworker": NOT_FOUND})
PAGES = {
    "ceasing the plan": ("ceasing:plan", ("child_id", "plan_id"), CHILD_STAFF),
    "propose": ("ceasing:propose", ("child_id", "plan_id"), CHILD_STAFF),
    "consultation": ("ceasing:consultation", ("child_id", "plan_id", "cessation_id"), CHILD_STAFF),
    "decide": ("ceasing:decide", ("child_id", "plan_id", "cessation_id"), CHILD_STAFF),
    "appeal": ("ceasing:appeal", ("child_id", "plan_id", "cessation_id"), CHILD_STAFF),
    "mediation certificate": ("ceasing:mediation-certificate", ("child_id", "plan_id", "cessation_id"), CHILD_STAFF),
    "keep the plan": ("ceasing:withdraw", ("child_id", "plan_id", "cessation_id"), CHILD_STAFF),
    "plans ceased this year": ("ceasing:this-year", (), _row(FORBIDDEN, manager=OK)),
}


def _url(world, name, keys):
    ids = {"child_id": world["child"].pk, "plan_id": world["plan"].pk, "cessation_id": world["cessation"].pk}
    return reverse(name, kwargs={k: ids[k] for k in keys})


@pytest.mark.parametrize("page", PAGES)
def test_role_matrix(client, world, page) -> None:
    name, keys, expected = PAGES[page]
    url = _url(world, name, keys)
    got = {}
    for role, user in world["users"].items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(url).status_code
    assert got == expected


def test_another_plans_cessation_is_not_found(client, world) -> None:
    other = decided()
    sign_in(client, world["users"]["manager"])
    url = reverse("ceasing:decide", kwargs={"child_id": world["child"].pk, "plan_id": world["plan"].pk,
                                            "cessation_id": other.pk})
    assert client.get(url).status_code == 404


def test_the_plan_page_shows_it_in_force_until_the_appeal_period_ends(client, world) -> None:
    user = world["users"]["own caseworker"]
    sign_in(client, user)
    page = client.get(_url(world, "ceasing:plan", ("child_id", "plan_id"))).content.decode()
    assert "in force until 23 November 2026" in page and "Record an appeal" in page
    document = client.get(reverse("plans:document", kwargs={"child_id": world["child"].pk,
                                                            "plan_id": world["plan"].pk})).content.decode()
    assert "Ceasing decided on 21 September 2026: in force until 23 November 2026." in document
    assert AuditEvent.objects.filter(actor=user, child=world["child"], what="ceasing the plan").exists()


def test_the_family_reads_it_in_short_sentences(client) -> None:
    from pathfinder.ceasing.tests.factories import final_plan

    plan = final_plan(date_of_birth=date(2014, 2, 3))
    decided(plan=plan, reason="2")
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    sign_in(client, parent)
    document = client.get(reverse("plans:document", kwargs={"child_id": plan.child_id,
                                                            "plan_id": plan.pk})).content.decode()
    assert "We have decided to end this plan. It stays in place until 23 November 2026." in document


def test_propose_shows_each_reason_with_its_hint_and_refuses_on_the_form(client) -> None:
    from pathfinder.ceasing.tests.factories import final_plan

    plan = final_plan(date_of_birth=date(2012, 5, 1))
    sign_in(client, plan.assessment.caseworker)
    url = reverse("ceasing:propose", kwargs={"child_id": plan.child_id, "plan_id": plan.pk})
    page = client.get(url).content.decode()
    assert "An apprenticeship does not count." in page and "Record a move to another council" in page
    response = client.post(url, {"reason": "4", "proposed_on-day": "1", "proposed_on-month": "9",
                                 "proposed_on-year": "2026", "in_education_or_training": "yes"})
    assert response.status_code == 200
    assert "aged 16 or over" in response.content.decode()
    assert not Cessation.objects.filter(plan=plan).exists()


def test_the_manager_list_counts_by_reason_and_audits_each_child(client, world) -> None:
    cessation = world["cessation"]
    Cessation.objects.filter(pk=cessation.pk).update(status=CessationStatus.CEASED, ceases_on=date(2026, 11, 24))
    manager = world["users"]["manager"]
    sign_in(client, manager)
    page = client.get(reverse("ceasing:this-year") + "?year=2026").content.decode()
    assert "Quillfeather" in page and "Started paid work (not an apprenticeship)" in page
    assert AuditEvent.objects.filter(actor=manager, child=world["child"], what="plans ceased in 2026").exists()


def test_worklist_items_for_each_stage(world) -> None:
    caseworker = world["users"]["own caseworker"]
    items = cessation_steps(caseworker, date(2026, 10, 1))
    assert [(i.title, i.due) for i in items] == [
        ("The plan will cease when the appeal period ends, unless an appeal is recorded", date(2026, 11, 23))]
    assert not items[0].is_overdue
    assert cessation_steps(CaseworkerFactory(), date(2026, 10, 1)) == []


def test_worklist_items_for_the_earlier_stages_and_an_appeal() -> None:
    from pathfinder.ceasing.tests.factories import CessationFactory, consulting

    proposed, consulted, appealed = CessationFactory(), consulting(), decided(appeal_lodged_on=date(2026, 10, 20))
    today = date(2026, 12, 1)
    titles = {}
    for row in (proposed, consulted, appealed):
        items = cessation_steps(row.plan.assessment.caseworker, today)
        assert len(items) == 1 and not items[0].is_overdue
        titles[row.status] = (items[0].title, items[0].due)
    assert titles == {
        "proposed": ("Consult the family and the school or college about ceasing the plan", date(2026, 9, 1)),
        "consulting": ("Decide whether to cease the plan and send the notice", date(2026, 9, 9)),
        "decided": ("Record the Tribunal's decision on the appeal against ceasing the plan", date(2026, 10, 20)),
    }


def test_the_decision_page_says_who_else_is_told(client) -> None:
    from pathfinder.ceasing.tests.factories import consulting
    from pathfinder.organisations.tests.factories import OrganisationFactory
    from pathfinder.people.involvements import involvement_for_source

    cessation = consulting()
    plan = cessation.plan
    sign_in(client, plan.assessment.caseworker)
    url = reverse("ceasing:decide", kwargs={"child_id": plan.child_id, "plan_id": plan.pk,
                                            "cessation_id": cessation.pk})
    assert "Send them a copy of the notice yourself" in client.get(url).content.decode()
    college = OrganisationFactory(name="Riverside College")
    involvement_for_source(child=plan.child, capacity="school", source_type="test", source_id=college.pk,
                           starts_on=date(2026, 1, 5), ends_on=None, reason="Named in the plan", organisation=college)
    page = client.get(url).content.decode()
    assert "Pathfinder tells the administrators of:" in page and "Riverside College" in page
    assert "Send them a copy of the notice yourself" not in page
