from datetime import date

import pytest

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
from pathfinder.assessments.tests.factories import AdviceRequestFactory
from pathfinder.people.selectors import children_visible_to
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db

# Born 1 March 2011: turns 16 in the school year 2026/27, so compulsory school age ends on the last Friday in
# June 2027, which is 25 June 2027.
DOB_TURNS_16_IN_2027 = date(2011, 3, 1)


def visible(user, today=date(2026, 11, 23)):
    return set(children_visible_to(user, today=today))


def test_caseworker_sees_their_teams_children_only():
    mine, other = ChildFactory(), ChildFactory()
    caseworker = CaseworkerFactory(team=mine.team)
    assert visible(caseworker) == {mine}
    assert other not in visible(caseworker)


def test_manager_sees_every_child():
    children = {ChildFactory(), ChildFactory()}
    assert visible(ManagerFactory()) == children


def test_adviser_sees_only_children_they_advise_on():
    advice = AdviceRequestFactory(adviser=AdviserFactory())
    ChildFactory()
    assert visible(advice.adviser) == {advice.assessment.child}


@pytest.mark.parametrize("role_factory", [AdministratorFactory, ProviderFactory, LocalOfferOfficerFactory])
def test_roles_without_case_data_see_no_children(role_factory):
    ChildFactory()
    assert visible(role_factory()) == set()


def test_parent_sees_own_child_until_the_rights_pass():
    child = ChildFactory(date_of_birth=DOB_TURNS_16_IN_2027)
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent, has_parental_responsibility=True)
    ChildFactory()  # someone else's child
    assert visible(parent, today=date(2027, 6, 25)) == {child}
    assert visible(parent, today=date(2027, 6, 26)) == set()


def test_parent_keeps_access_when_the_young_person_lacks_capacity():
    child = ChildFactory(date_of_birth=DOB_TURNS_16_IN_2027, lacks_capacity=True)
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent, has_parental_responsibility=True)
    assert visible(parent, today=date(2028, 1, 1)) == {child}


def test_parent_without_parental_responsibility_sees_nothing():
    child = ChildFactory()
    relative = ParentFactory()
    FamilyMemberFactory(child=child, user=relative, has_parental_responsibility=False)
    assert visible(relative) == set()


def test_young_person_sees_own_record_from_the_end_of_compulsory_school_age():
    young_person = YoungPersonFactory()
    child = ChildFactory(date_of_birth=DOB_TURNS_16_IN_2027, user=young_person)
    assert visible(young_person, today=date(2027, 6, 25)) == set()
    assert visible(young_person, today=date(2027, 6, 26)) == {child}
