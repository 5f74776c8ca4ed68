"""The data migration gives records made before involvements existed the involvements they need, so every role
sees the same children as under the old rules, except that an adviser's access now ends after the advice."""

from __future__ import annotations

import importlib
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import Role
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
from pathfinder.assessments.models import AdviceRequest
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessingFactory, ReceivedAdviceFactory
from pathfinder.people.models import Child, Involvement
from pathfinder.people.selectors import children_visible_to
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("pathfinder.people.migrations.0004_involvements_for_existing_records")

DOB_16_IN_2027 = date(2011, 3, 1)  # compulsory school age ends on 25 June 2027
RECEIVED = date(2026, 8, 10)


def old_children_visible_to(user, today):
    """children_visible_to as it was before involvements (copied from the code this migration replaces)."""
    if user.role == Role.MANAGER:
        return set(Child.objects.all())
    if user.role == Role.CASEWORKER:
        return set(Child.objects.filter(team_id=user.team_id)) if user.team_id else set()
    if user.role == Role.ADVISER:
        return set(Child.objects.filter(assessments__advice_requests__adviser=user))
    if user.role == Role.PARENT:
        linked = Child.objects.filter(family_members__user=user, family_members__has_parental_responsibility=True)
        return {c for c in linked if c.lacks_capacity or not statutory.is_over_compulsory_school_age(c.date_of_birth, today)}
    if user.role == Role.YOUNG_PERSON:
        return {c for c in Child.objects.filter(user=user)
                if statutory.is_over_compulsory_school_age(c.date_of_birth, today)}
    return set()


@pytest.fixture
def old_shape():
    """Records as they were before involvements: made by the factories, then their involvements removed."""
    caseworker, other_caseworker = CaseworkerFactory(), CaseworkerFactory()
    parent, capacity_parent, relative = ParentFactory(), ParentFactory(), ParentFactory()
    young_person, adviser = YoungPersonFactory(), AdviserFactory()
    child = ChildFactory(team=caseworker.team, date_of_birth=DOB_16_IN_2027)
    lacking = ChildFactory(team=caseworker.team, date_of_birth=DOB_16_IN_2027, lacks_capacity=True)
    older = ChildFactory(team=other_caseworker.team, date_of_birth=date(2007, 3, 1), user=young_person)
    FamilyMemberFactory(child=child, user=parent, relationship="Mother")
    FamilyMemberFactory(child=child, user=relative, has_parental_responsibility=False)
    FamilyMemberFactory(child=child)  # no sign-in
    FamilyMemberFactory(child=lacking, user=capacity_parent, relationship="Father")
    awaited = AdviceRequestFactory(assessment=AssessingFactory(child=child), adviser=adviser)
    received = ReceivedAdviceFactory(assessment=AssessingFactory(child=older), adviser=adviser)
    ReceivedAdviceFactory(assessment=AssessingFactory(child=lacking))  # an adviser without a sign-in
    Involvement.objects.all().delete()
    users = [caseworker, other_caseworker, parent, capacity_parent, relative, young_person, adviser,
             ManagerFactory(), AdministratorFactory(), ProviderFactory(), LocalOfferOfficerFactory(),
             CaseworkerFactory(team=None)]
    return {"users": users, "child": child, "lacking": lacking, "older": older, "awaited": awaited,
            "received": received, "parent": parent, "capacity_parent": capacity_parent,
            "young_person": young_person, "adviser": adviser, "caseworker": caseworker}


def _run():
    migration.create_involvements(apps, None)


def test_every_involvement_is_made(old_shape):
    _run()
    made = {(i.child_id, i.capacity, i.user_id, i.team_id, i.starts_on, i.ends_on, i.source_type, i.source_id)
            for i in Involvement.objects.all()}
    child, lacking, older = old_shape["child"], old_shape["lacking"], old_shape["older"]
    awaited, received = old_shape["awaited"], old_shape["received"]

    def recorded(c):
        return timezone.localdate(c.created_at)

    parent_member = child.family_members.get(user=old_shape["parent"])
    capacity_member = lacking.family_members.get(user=old_shape["capacity_parent"])
    assert made == {
        (child.pk, "team", None, child.team_id, recorded(child), None, "people.child", str(child.pk)),
        (lacking.pk, "team", None, lacking.team_id, recorded(lacking), None, "people.child", str(lacking.pk)),
        (older.pk, "team", None, older.team_id, recorded(older), None, "people.child", str(older.pk)),
        (older.pk, "young_person", old_shape["young_person"].pk, None, date(2023, 7, 1), None,
         "people.child", str(older.pk)),
        (child.pk, "parent", old_shape["parent"].pk, None, recorded(child), date(2027, 6, 26),
         "people.familymember", str(parent_member.pk)),
        (lacking.pk, "parent", old_shape["capacity_parent"].pk, None, recorded(lacking), None,
         "people.familymember", str(capacity_member.pk)),
        (child.pk, "adviser", old_shape["adviser"].pk, None, date(2026, 7, 2), None,
         "assessments.advicerequest", str(awaited.pk)),
        (older.pk, "adviser", old_shape["adviser"].pk, None, date(2026, 7, 2), RECEIVED + timedelta(days=56),
         "assessments.advicerequest", str(received.pk)),
    }
    reasons = {i.capacity: i.reason for i in Involvement.objects.filter(child=child)}
    assert reasons["adviser"] == "Asked for psychological advice on 2 July 2026"
    assert "until compulsory school age ends on 25 June 2027" in reasons["parent"]


@pytest.mark.parametrize("today", [
    None,  # today, whatever the date the suite runs
    date(2027, 6, 25), date(2027, 6, 26), date(2028, 1, 1),  # either side of the end of compulsory school age
])
def test_every_role_sees_what_it_saw_before(old_shape, today):
    today = today or timezone.localdate()
    before = {user.pk: old_children_visible_to(user, today) for user in old_shape["users"]}
    _run()
    for user in old_shape["users"]:
        if user.role == Role.ADVISER:
            continue
        assert set(children_visible_to(user, today=today)) == before[user.pk], user.role


def test_advisers_see_what_they_saw_before_until_the_set_days_after_the_advice(old_shape):
    adviser, child, older = old_shape["adviser"], old_shape["child"], old_shape["older"]
    _run()
    last_day = RECEIVED + timedelta(days=55)
    assert old_children_visible_to(adviser, last_day) == {child, older}
    assert set(children_visible_to(adviser, today=last_day)) == {child, older}
    assert set(children_visible_to(adviser, today=last_day + timedelta(days=1))) == {child}  # the new rule
    assert set(children_visible_to(adviser, today=date(2026, 7, 1))) == set()  # before being asked


def test_reversing_removes_them(old_shape):
    _run()
    assert Involvement.objects.exists()
    migration.delete_involvements(apps, None)
    assert not Involvement.objects.exists()
    assert AdviceRequest.objects.count() == 3  # nothing else touched
