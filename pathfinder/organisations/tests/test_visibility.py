"""Who sees a child through an organisation: members on the day, while the organisation is involved."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory
from pathfinder.assessments.involvements import adviser_involvement_refresh
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationAdviceFactory
from pathfinder.people.models import Involvement
from pathfinder.people.selectors import children_visible_to

pytestmark = pytest.mark.django_db

ASKED = date(2026, 7, 2)


@pytest.fixture
def asked():
    advice = OrganisationAdviceFactory(requested_on=ASKED)
    member = MembershipFactory(organisation=advice.organisation)
    return advice, member


def test_the_involvement_is_with_the_organisation_not_a_person(asked):
    advice, _member = asked
    involvement = Involvement.objects.get(source_type="assessments.advicerequest", source_id=str(advice.pk))
    assert (involvement.organisation_id, involvement.user_id, involvement.team_id) == (advice.organisation_id,
                                                                                       None, None)
    assert involvement.starts_on == ASKED


def test_an_active_member_sees_the_child(asked):
    advice, member = asked
    assert list(children_visible_to(member.user, today=date(2026, 7, 10))) == [advice.assessment.child]


def test_a_member_of_two_involved_organisations_sees_the_child_once(asked):
    advice, member = asked
    other = OrganisationAdviceFactory(assessment=advice.assessment, kind="c")
    MembershipFactory(organisation=other.organisation, user=member.user)
    assert list(children_visible_to(member.user, today=date(2026, 7, 10))) == [advice.assessment.child]


def test_a_removed_member_sees_nothing_from_the_day_they_leave(asked):
    advice, member = asked
    member.ends_on = date(2026, 7, 20)
    member.save()
    assert children_visible_to(member.user, today=date(2026, 7, 19)).count() == 1
    assert children_visible_to(member.user, today=date(2026, 7, 20)).count() == 0


def test_a_member_who_has_not_started_sees_nothing(asked):
    advice, member = asked
    member.starts_on = date(2026, 8, 1)
    member.save()
    assert children_visible_to(member.user, today=date(2026, 7, 31)).count() == 0
    assert children_visible_to(member.user, today=date(2026, 8, 1)).count() == 1


def test_the_organisation_loses_the_child_when_its_involvement_ends(asked, settings):
    advice, member = asked
    advice.received_on = date(2026, 8, 10)
    advice.save()
    adviser_involvement_refresh(advice)
    last_day = date(2026, 8, 10).toordinal() + settings.PATHFINDER_ADVISER_ACCESS_AFTER_ADVICE_DAYS - 1
    assert children_visible_to(member.user, today=date.fromordinal(last_day)).count() == 1
    assert children_visible_to(member.user, today=date.fromordinal(last_day + 1)).count() == 0


def test_a_member_of_another_organisation_sees_nothing(asked):
    stranger = MembershipFactory()
    assert children_visible_to(stranger.user, today=date(2026, 7, 10)).count() == 0


def test_a_non_adviser_gains_nothing_from_a_membership_row(asked):
    advice, _member = asked
    caseworker = CaseworkerFactory()
    MembershipFactory(organisation=advice.organisation, user=caseworker)
    assert advice.assessment.child not in children_visible_to(caseworker, today=date(2026, 7, 10))


def test_an_adviser_asked_by_name_still_sees_their_child(asked):
    advice, member = asked
    own = OrganisationAdviceFactory(organisation=None, adviser=AdviserFactory(), adviser_organisation="")
    assert list(children_visible_to(own.adviser, today=date(2026, 7, 10))) == [own.assessment.child]
    assert own.assessment.child not in children_visible_to(member.user, today=date(2026, 7, 10))
