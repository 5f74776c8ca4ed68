"""A parent's access after the rights pass to the young person: only with their recorded consent, from the day
the rights pass (or the day consent is given, if later) until the day it is withdrawn; or open-ended where the
young person lacks capacity. Boundary dates: compulsory school age ends on Friday 25 June 2027 for a child born
on 1 March 2011, so the rights pass on 26 June 2027."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory, YoungPersonFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError
from pathfinder.family.consent import parent_access_consent_give, parent_access_consent_withdraw
from pathfinder.people.involvements import parent_consent_involvement_refresh, parent_involvement_refresh
from pathfinder.people.models import ConsentGivenBy, ParentAccessConsent
from pathfinder.people.selectors import children_visible_to
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db

DOB = date(2011, 3, 1)
LAST_DAY_OF_SCHOOL_AGE = date(2027, 6, 25)
RIGHTS_PASS = date(2027, 6, 26)


def sees(user, child, day) -> bool:
    return children_visible_to(user, today=day).filter(pk=child.pk).exists()


def _consent(member, given_on, withdrawn_on=None):
    consent = ParentAccessConsent.objects.create(
        child=member.child, family_member=member, given_on=given_on, withdrawn_on=withdrawn_on,
        given_by=ConsentGivenBy.CASEWORKER, recorded_by=CaseworkerFactory(), note="At the review meeting",
    )
    parent_consent_involvement_refresh(consent)
    return consent


@pytest.fixture
def family():
    child = ChildFactory(date_of_birth=DOB)
    parent = ParentFactory()
    member = FamilyMemberFactory(child=child, user=parent)
    return child, parent, member


class TestBoundaries:
    def test_without_consent_the_parent_loses_access_the_day_the_rights_pass(self, family):
        child, parent, _ = family
        assert sees(parent, child, LAST_DAY_OF_SCHOOL_AGE)
        assert not sees(parent, child, RIGHTS_PASS)

    def test_consent_given_before_the_rights_pass_carries_access_on_without_a_gap(self, family):
        child, parent, member = family
        _consent(member, date(2027, 5, 1))
        assert sees(parent, child, LAST_DAY_OF_SCHOOL_AGE)
        assert sees(parent, child, RIGHTS_PASS)
        assert sees(parent, child, date(2030, 1, 1))

    def test_consent_given_later_gives_access_from_that_day_only(self, family):
        child, parent, member = family
        _consent(member, date(2027, 7, 10))
        assert not sees(parent, child, date(2027, 7, 9))
        assert sees(parent, child, date(2027, 7, 10))

    def test_withdrawn_consent_ends_access_on_the_day_it_is_withdrawn(self, family):
        child, parent, member = family
        _consent(member, date(2027, 7, 1), withdrawn_on=date(2027, 9, 1))
        assert sees(parent, child, date(2027, 8, 31))
        assert not sees(parent, child, date(2027, 9, 1))

    def test_where_the_young_person_lacks_capacity_the_parent_goes_on_without_consent(self, family):
        child, parent, member = family
        child.lacks_capacity = True
        child.save()
        parent_involvement_refresh(member)
        assert sees(parent, child, RIGHTS_PASS)
        assert sees(parent, child, date(2031, 1, 1))

    def test_consent_for_a_member_with_no_sign_in_gives_access_once_they_have_one(self, family):
        child, _, _ = family
        member = FamilyMemberFactory(child=child, user=None, name="Dev Okafor", relationship="Father")
        _consent(member, date(2027, 7, 1))
        later = ParentFactory()
        member.user = later
        member.save()
        parent_involvement_refresh(member, on=date(2027, 1, 1))
        assert sees(later, child, date(2027, 7, 1))
        assert not sees(later, child, date(2027, 6, 30))  # the link's own access had ended at 16


@pytest.fixture
def grown():
    """A young person whose rights passed in 2024, with their own sign-in, and a parent with a sign-in."""
    young = YoungPersonFactory()
    child = ChildFactory(date_of_birth=date(2008, 1, 10), user=young)
    parent = ParentFactory()
    member = FamilyMemberFactory(child=child, user=parent, name="Ruth Adeyemi", relationship="Mother")
    return child, young, parent, member


class TestServices:
    def test_the_young_person_gives_and_withdraws_consent_and_access_follows_at_once(self, grown):
        child, young, parent, member = grown
        today = timezone.localdate()
        assert not sees(parent, child, today)
        consent = parent_access_consent_give(acting_user=young, member=member)
        assert consent.given_by == ConsentGivenBy.YOUNG_PERSON and sees(parent, child, today)
        parent_access_consent_withdraw(acting_user=young, consent=consent)
        assert not sees(parent, child, today)
        assert AuditEvent.objects.filter(child=child, what__contains="withdrew consent").exists()

    def test_a_caseworker_records_consent_with_how_they_were_told(self, grown):
        child, _, parent, member = grown
        caseworker = CaseworkerFactory(team=child.team)
        with pytest.raises(ServiceError) as refused:
            parent_access_consent_give(acting_user=caseworker, member=member, note="")
        assert refused.value.field == "note"
        parent_access_consent_give(acting_user=caseworker, member=member, note="By phone",
                                   given_on=timezone.localdate() - timedelta(days=3))
        assert sees(parent, child, timezone.localdate())

    def test_another_young_person_cannot_consent_for_this_case(self, grown):
        _, _, _, member = grown
        with pytest.raises(ServiceError):
            parent_access_consent_give(acting_user=YoungPersonFactory(), member=member)


class TestPages:
    def test_the_young_person_lets_a_parent_see_then_stops_them(self, client, grown):
        child, young, parent, member = grown
        sign_in(client, young)
        url = reverse("family:sharing", kwargs={"child_id": child.pk})
        assert "Ruth Adeyemi cannot see your case" in client.get(url).content.decode()
        client.post(url, {"member": member.pk, "choice": "yes"})
        assert sees(parent, child, timezone.localdate())
        client.post(url, {"member": member.pk, "choice": "no"})
        assert not sees(parent, child, timezone.localdate())

    def test_a_parent_cannot_open_the_sharing_page(self, client, grown):
        child, _, parent, member = grown
        parent_access_consent_give(acting_user=child.user, member=member)
        sign_in(client, parent)
        assert client.get(reverse("family:sharing", kwargs={"child_id": child.pk})).status_code == 403

    def test_the_caseworker_records_and_withdraws_consent_from_the_record(self, client, grown):
        child, _, parent, member = grown
        caseworker = CaseworkerFactory(team=child.team)
        sign_in(client, caseworker)
        record = client.get(reverse("people:child", kwargs={"child_id": child.pk})).content.decode()
        assert "agrees Ruth Adeyemi may see the case" in record
        today = timezone.localdate()
        client.post(reverse("family:consent-record", kwargs={"child_id": child.pk, "member_id": member.pk}), {
            "given_on-day": today.day, "given_on-month": today.month, "given_on-year": today.year,
            "note": "Told me at the review"})
        assert sees(parent, child, today)
        client.post(reverse("family:consent-withdraw-confirm", kwargs={"child_id": child.pk, "member_id": member.pk}))
        assert not sees(parent, child, today)
