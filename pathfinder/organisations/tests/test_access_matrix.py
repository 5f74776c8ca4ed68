"""The role-by-URL matrix for organisations' pages, and for a child's pages seen through an organisation.

A member of the involved organisation sees the child's adviser page; a member of another organisation, an
adviser with no part, and a colleague removed today get 404 (nothing confirmed); other roles are refused by role.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    ManagerFactory,
    ParentFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.models import AdviceProvision
from pathfinder.assessments.tests.factories import DraftingFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationAdviceFactory
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302


@pytest.fixture
def world():
    today = timezone.localdate()
    assessment = DraftingFactory(received_on=today - timedelta(days=120), decision_to_issue_on=today - timedelta(days=2))
    plan = PlanFactory(assessment=assessment)
    advice = OrganisationAdviceFactory(assessment=assessment, requested_on=today - timedelta(days=30),
                                       received_on=today - timedelta(days=3), summary="Needs visual timetables")
    item = AdviceProvision.objects.create(advice=advice, description="A visual timetable", amount="all day",
                                          frequency="every school day", provided_by="Class teacher")
    organisation = advice.organisation
    admin = MembershipFactory(organisation=organisation, is_administrator=True)
    member = MembershipFactory(organisation=organisation)
    removed = MembershipFactory(organisation=organisation, ends_on=today)  # removed today
    advice.assigned_to = removed.user
    advice.save()
    parent = ParentFactory()
    FamilyMemberFactory(child=assessment.child, user=parent, has_parental_responsibility=True)
    return {
        "child": assessment.child, "plan": plan, "advice": advice, "item": item, "organisation": organisation,
        "member_membership": member,
        "users": {
            "own caseworker": assessment.caseworker,
            "manager": ManagerFactory(),
            "organisation administrator": admin.user,
            "organisation member": member.user,
            "removed member": removed.user,
            "member of another organisation": MembershipFactory().user,
            "uninvolved adviser": AdviserFactory(),
            "parent": parent,
            "other team's caseworker": CaseworkerFactory(),
            "administrator": AdministratorFactory(),
            "anonymous": None,
        },
    }


def _expect(default, **given):
    roles = ["own caseworker", "manager", "organisation administrator", "organisation member", "removed member",
             "member of another organisation", "uninvolved adviser", "parent", "other team's caseworker",
             "administrator", "anonymous"]
    out = {role: default for role in roles}
    out.update({k.replace("_", " "): v for k, v in given.items()})
    out["anonymous"] = SIGN_IN
    return out


ORG_PAGE = _expect(NOT_FOUND, own_caseworker=FORBIDDEN, manager=FORBIDDEN, organisation_administrator=OK,
                   organisation_member=OK, parent=FORBIDDEN, administrator=FORBIDDEN)
ORG_PAGE["other team's caseworker"] = FORBIDDEN

PAGES = {
    "child record": (lambda w: reverse("people:child", kwargs={"child_id": w["child"].pk}), {
        **_expect(NOT_FOUND, own_caseworker=OK, manager=OK, organisation_administrator=OK, organisation_member=OK,
                  parent=OK, administrator=FORBIDDEN)}),
    "advice page of the removed member": (
        lambda w: reverse("assessments:advice-give", kwargs={"advice_id": w["advice"].pk}),
        {**_expect(NOT_FOUND, own_caseworker=FORBIDDEN, manager=FORBIDDEN, parent=FORBIDDEN, administrator=FORBIDDEN),
         "other team's caseworker": FORBIDDEN}),
    "organisation queue": (
        lambda w: reverse("assessments:organisation-queue", kwargs={"organisation_id": w["organisation"].pk}),
        ORG_PAGE),
    "colleagues": (lambda w: reverse("organisations:members", kwargs={"organisation_id": w["organisation"].pk}),
                   ORG_PAGE),
    "remove a colleague": (
        lambda w: reverse("organisations:member-remove", kwargs={"organisation_id": w["organisation"].pk,
                                                                 "membership_id": w["member_membership"].pk}),
        {**ORG_PAGE, "organisation member": NOT_FOUND}),
    "advice backlog": (lambda w: reverse("assessments:advice-backlog"), {
        **_expect(FORBIDDEN, own_caseworker=OK, manager=OK), "other team's caseworker": OK}),
    "add provision from advice": (
        lambda w: reverse("plans:provision-from-advice", kwargs={"child_id": w["child"].pk, "plan_id": w["plan"].pk,
                                                                 "advice_provision_id": w["item"].pk}),
        {**_expect(FORBIDDEN, own_caseworker=OK, manager=OK), "other team's caseworker": NOT_FOUND}),
}


@pytest.mark.parametrize("page", PAGES)
def test_role_matrix(client, world, page):
    url_for, expected = PAGES[page]
    assert set(expected) == set(world["users"]), "every role must have an expectation"
    url = url_for(world)
    got = {}
    for role, user in world["users"].items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(url).status_code
    assert got == expected


def test_a_member_reading_the_child_through_the_organisation_is_audited(client, world):
    member = world["users"]["organisation member"]
    sign_in(client, member)
    client.get(reverse("people:child", kwargs={"child_id": world["child"].pk}))
    assert AuditEvent.objects.filter(child=world["child"], actor=member, action="view").exists()


def test_the_removed_member_cannot_take_or_give_out_work(client, world):
    sign_in(client, world["users"]["removed member"])
    response = client.post(reverse("assessments:organisation-take", kwargs={
        "organisation_id": world["organisation"].pk, "advice_id": world["advice"].pk}))
    assert response.status_code == 404
