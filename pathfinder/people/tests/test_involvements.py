"""Involvements: each capacity grants access to a child from its start and stops on its (exclusive) end."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import (
    AdviserFactory,
    CaseworkerFactory,
    ManagerFactory,
    ParentFactory,
    TeamFactory,
    YoungPersonFactory,
)
from pathfinder.people import services
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import (
    involvement_end_for_source,
    involvement_for_source,
    involvements_rebuild,
    young_person_from,
)
from pathfinder.people.models import Child, FamilyMember, Involvement
from pathfinder.people.selectors import children_visible_to
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db

# Compulsory school age ends on Friday 25 June 2027 for a child born on 1 March 2011: the rights pass to the
# young person on 26 June 2027.
DOB = date(2011, 3, 1)
RIGHTS_PASS = date(2027, 6, 26)


def visible(user, today):
    return set(children_visible_to(user, today=today))


def _child_data(team, **changes):
    data = {
        "legal_first_name": "Robin", "legal_last_name": "Banks", "preferred_name": "", "date_of_birth": DOB,
        "sex": "F", "address": "", "postcode": "WM1 1AA", "upn": "", "uln": "", "nhs_number": "",
        "setting_name": "", "setting_urn": "", "setting_ukprn": "", "setting_code": "", "setting_phase": "", "communication_needs": "",
        "first_language": "English", "team": team, "primary_need": "", "secondary_need": "",
    }
    return {**data, **changes}


def test_young_person_from_is_the_day_after_compulsory_school_age_ends():
    assert young_person_from(DOB) == RIGHTS_PASS


class TestTeam:
    def test_recording_a_child_involves_their_team_from_today(self):
        team = TeamFactory()
        caseworker = CaseworkerFactory(team=team)
        child = services.child_create(acting_user=caseworker, data=_child_data(team))
        involvement = child.involvements.get()
        assert (involvement.capacity, involvement.team, involvement.user) == (InvolvementCapacity.TEAM, team, None)
        assert involvement.ends_on is None and involvement.reason.startswith(f"Allocated to {team.name}")
        assert involvement.source_type == "people.child" and involvement.source_id == str(child.pk)
        assert child in visible(caseworker, involvement.starts_on)
        assert child not in visible(caseworker, involvement.starts_on - timedelta(days=1))

    def test_moving_a_child_ends_the_old_teams_involvement_and_starts_the_new(self):
        old_team, new_team = TeamFactory(), TeamFactory()
        old_caseworker, new_caseworker = CaseworkerFactory(team=old_team), CaseworkerFactory(team=new_team)
        child = services.child_create(acting_user=old_caseworker, data=_child_data(old_team))
        services.child_update(acting_user=old_caseworker, child=child, data=_child_data(new_team))
        old, new = child.involvements.order_by("pk")
        assert (old.team, new.team) == (old_team, new_team)
        assert old.ends_on == new.starts_on  # one date hands over
        assert new.ends_on is None and new.reason.startswith(f"Moved to {new_team.name}")
        today = new.starts_on
        assert visible(old_caseworker, today) == set()
        assert visible(new_caseworker, today) == {child}
        # moving back starts a third involvement; the history of who held the record stays
        services.child_update(acting_user=new_caseworker, child=child, data=_child_data(old_team))
        assert child.involvements.filter(ends_on__isnull=True).get().team == old_team
        assert child.involvements.count() == 3

    def test_saving_without_a_move_keeps_the_one_involvement(self):
        team = TeamFactory()
        caseworker = CaseworkerFactory(team=team)
        child = services.child_create(acting_user=caseworker, data=_child_data(team))
        services.child_update(acting_user=caseworker, child=child, data=_child_data(team, setting_name="Oak"))
        assert child.involvements.count() == 1

    def test_a_caseworker_without_a_team_sees_nothing(self):
        ChildFactory()
        assert visible(CaseworkerFactory(team=None), date(2026, 11, 23)) == set()


class TestParent:
    def test_linking_a_sign_in_involves_the_parent_until_compulsory_school_age_ends(self):
        child, parent = ChildFactory(date_of_birth=DOB), ParentFactory()
        member = services.family_member_add(acting_user=ManagerFactory(), child=child, data={
            "name": "Sam Banks", "relationship": "Mother", "has_parental_responsibility": True,
        })
        assert not member.child.involvements.filter(capacity=InvolvementCapacity.PARENT).exists()
        services.family_member_user_link(acting_user=ManagerFactory(), member=member, user=parent)
        involvement = child.involvements.get(capacity=InvolvementCapacity.PARENT)
        assert (involvement.user, involvement.ends_on) == (parent, RIGHTS_PASS)
        assert involvement.source_type == "people.familymember" and involvement.source_id == str(member.pk)
        assert "25 June 2027" in involvement.reason
        assert visible(parent, RIGHTS_PASS - timedelta(days=1)) == {child}
        assert visible(parent, RIGHTS_PASS) == set()

    def test_the_parent_goes_on_where_the_young_person_lacks_capacity_and_stops_when_they_regain_it(self):
        child, parent = ChildFactory(date_of_birth=DOB), ParentFactory()
        FamilyMemberFactory(child=child, user=parent)
        services.child_lacks_capacity_set(acting_user=ManagerFactory(), child=child, lacks_capacity=True)
        assert child.involvements.get(capacity=InvolvementCapacity.PARENT).ends_on is None
        assert visible(parent, date(2030, 1, 1)) == {child}
        services.child_lacks_capacity_set(acting_user=ManagerFactory(), child=child, lacks_capacity=False)
        assert visible(parent, RIGHTS_PASS) == set()

    def test_a_corrected_date_of_birth_moves_the_end(self):
        team = TeamFactory()
        caseworker = CaseworkerFactory(team=team)
        child = services.child_create(acting_user=caseworker, data=_child_data(team))
        parent = ParentFactory()
        FamilyMemberFactory(child=child, user=parent)
        services.child_update(acting_user=caseworker, child=child, data=_child_data(team, date_of_birth=date(2012, 3, 1)))
        assert child.involvements.get(capacity=InvolvementCapacity.PARENT).ends_on == date(2028, 7, 1)

    def test_unlinking_or_losing_parental_responsibility_ends_it(self):
        child, parent = ChildFactory(), ParentFactory()
        member = FamilyMemberFactory(child=child, user=parent)
        today = timezone.localdate()
        assert child in visible(parent, today)
        services.family_member_user_link(acting_user=ManagerFactory(), member=member, user=None)
        assert visible(parent, today) == set()
        assert child.involvements.get(capacity=InvolvementCapacity.PARENT).ends_on is not None

    def test_a_relative_without_parental_responsibility_is_not_involved(self):
        child, relative = ChildFactory(), ParentFactory()
        FamilyMemberFactory(child=child, user=relative, has_parental_responsibility=False)
        assert not child.involvements.filter(capacity=InvolvementCapacity.PARENT).exists()


class TestYoungPerson:
    def test_their_own_sign_in_sees_their_record_from_the_day_the_rights_pass(self):
        child, young_person = ChildFactory(date_of_birth=DOB), YoungPersonFactory()
        services.young_person_user_link(acting_user=ManagerFactory(), child=child, user=young_person)
        involvement = child.involvements.get(capacity=InvolvementCapacity.YOUNG_PERSON)
        assert (involvement.user, involvement.starts_on, involvement.ends_on) == (young_person, RIGHTS_PASS, None)
        assert visible(young_person, RIGHTS_PASS - timedelta(days=1)) == set()
        assert visible(young_person, RIGHTS_PASS) == {child}

    def test_a_replaced_sign_in_loses_the_record(self):
        first, second = YoungPersonFactory(), YoungPersonFactory()
        child = ChildFactory(date_of_birth=date(2008, 3, 1), user=first)
        services.young_person_user_link(acting_user=ManagerFactory(), child=child, user=second)
        today = timezone.localdate()
        assert visible(first, today) == set()
        assert visible(second, today) == {child}


class TestAnyDomain:
    def test_a_source_finds_and_updates_its_own_involvement(self):
        child, adviser = ChildFactory(), AdviserFactory()
        made = involvement_for_source(child=child, capacity=InvolvementCapacity.HEALTH, user=adviser,
                                      source_type="health.referral", source_id=7, starts_on=date(2026, 1, 5),
                                      ends_on=None, reason="Referred on 5 January 2026")
        again = involvement_for_source(child=child, capacity=InvolvementCapacity.HEALTH, user=adviser,
                                       source_type="health.referral", source_id=7, starts_on=date(2026, 1, 5),
                                       ends_on=date(2026, 3, 1), reason="Referred on 5 January 2026")
        assert again.pk == made.pk and again.ends_on == date(2026, 3, 1)
        assert involvement_end_for_source(capacity=InvolvementCapacity.HEALTH, source_type="health.referral",
                                          source_id=7, on=date(2026, 2, 1)) == 1
        assert Involvement.objects.get(pk=made.pk).ends_on == date(2026, 2, 1)

    def test_school_and_health_give_their_advisers_access(self):
        child, adviser = ChildFactory(), AdviserFactory()
        involvement_for_source(child=child, capacity=InvolvementCapacity.SCHOOL, user=adviser,
                               source_type="x.y", source_id=1, starts_on=date(2026, 1, 1), ends_on=None, reason="x")
        assert visible(adviser, date(2026, 6, 1)) == {child}
        other, asked_child = AdviserFactory(), ChildFactory()
        involvement_for_source(child=asked_child, capacity=InvolvementCapacity.HEALTH, user=other,
                               source_type="x.y", source_id=2, starts_on=date(2026, 1, 1), ends_on=None, reason="x")
        assert visible(other, date(2026, 6, 1)) == {asked_child}  # budgets asks a health organisation


def test_rebuild_makes_the_involvements_of_bulk_loaded_records():
    team, parent, young_person = TeamFactory(), ParentFactory(), YoungPersonFactory()
    child, older = Child.objects.bulk_create([
        Child(legal_first_name="A", legal_last_name="B", date_of_birth=DOB, team=team, la_code="999"),
        Child(legal_first_name="C", legal_last_name="D", date_of_birth=date(2007, 3, 1), team=team, la_code="999",
              user=young_person),
    ])
    FamilyMember.objects.bulk_create([FamilyMember(child=child, name="E", relationship="Father", user=parent)])
    counts = involvements_rebuild()
    assert counts == {"team": 2, "parent": 1, "young_person": 1}
    today = timezone.localdate()
    assert visible(CaseworkerFactory(team=team), today) == {child, older}
    assert visible(parent, today) == {child}
    assert visible(young_person, today) == {older}
    assert involvements_rebuild() == counts  # again: replaced, not doubled
    assert Involvement.objects.count() == 4
