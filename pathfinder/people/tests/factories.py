"""Children with identifiers that are valid in format but fictional."""

from __future__ import annotations

import random
from datetime import date

import factory

from pathfinder.accounts.tests.factories import TeamFactory
from pathfinder.people.codes import ContactPreference, NeedType, Sex
from pathfinder.people.identifiers import upn_check_letter
from pathfinder.people.involvements import (
    parent_involvement_refresh,
    team_involvement_move,
    young_person_involvement_refresh,
)
from pathfinder.people.models import Child, ChildNeed, FamilyMember


def fictional_upn(n: int) -> str:
    """LA code 999 (not a real council), so these can never match a real pupil."""
    body = f"999{n % 10**9:09d}"
    return upn_check_letter(body) + body


def nhs_number_for_testing(n: int) -> str:
    """An NHS number from the 999 range reserved for testing, with a valid check digit (deterministic per n)."""
    rng = random.Random(n)
    while True:
        digits = [9, 9, 9] + [rng.randint(0, 9) for _ in range(6)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)


class ChildFactory(factory.django.DjangoModelFactory):
    """A child recorded through the services' rules: their team, and their own sign-in if given, are involved
    with them (people.involvements), so children_visible_to sees them as it would a recorded child."""

    class Meta:
        model = Child
        skip_postgeneration_save = True

    legal_first_name = factory.Faker("first_name", locale="en_GB")
    legal_last_name = factory.Faker("last_name", locale="en_GB")
    date_of_birth = date(2015, 9, 14)
    sex = Sex.FEMALE
    postcode = "WM1 1AA"
    la_code = "999"
    upn = factory.Sequence(fictional_upn)
    nhs_number = factory.Sequence(nhs_number_for_testing)
    setting_name = "Oakfield Primary School"
    setting_urn = "999001"
    team = factory.SubFactory(TeamFactory)

    @factory.post_generation
    def involvements(child, create, extracted, **kwargs):
        if not create:
            return
        # The factory's team has held the record since the child's birth, so a test may ask about any day.
        team_involvement_move(child=child, team=child.team, on=child.date_of_birth)
        young_person_involvement_refresh(child)


class ChildNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildNeed

    child = factory.SubFactory(ChildFactory)
    need_type = NeedType.ASD
    rank = 1


class FamilyMemberFactory(factory.django.DjangoModelFactory):
    """With a sign-in (``user=``) and parental responsibility, they are involved as the child's parent."""

    class Meta:
        model = FamilyMember
        skip_postgeneration_save = True

    child = factory.SubFactory(ChildFactory)
    name = factory.Faker("name", locale="en_GB")
    relationship = "Mother"
    has_parental_responsibility = True
    receives_notices = True
    email = factory.Sequence(lambda n: f"family{n}@example.test")
    contact_preference = ContactPreference.EMAIL

    @factory.post_generation
    def involvement(member, create, extracted, **kwargs):
        if create:
            # Linked since the child's birth, like the team, so a test may ask about any day.
            parent_involvement_refresh(member, on=member.child.date_of_birth)
