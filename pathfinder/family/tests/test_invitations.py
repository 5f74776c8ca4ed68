"""Invitations: single-use, expiring, only a hash stored; the account made with one sees the child and nothing
else; a used, expired or guessed link gets the same plain page, and guessing is throttled."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.models import User
from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.family.invitations import family_invitation_create, token_hash
from pathfinder.family.models import FamilyInvitation
from pathfinder.people.selectors import children_visible_to
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a long family password 42"


def _accept(client, token, username="jo.bramley"):
    return client.post(reverse("family:accept", kwargs={"token": token}), {
        "username": username, "email": "jo@example.test", "password": PASSWORD, "password_again": PASSWORD,
    })


@pytest.fixture
def invited():
    child = ChildFactory(legal_first_name="Sam", legal_last_name="Bramley")
    member = FamilyMemberFactory(child=child, user=None, name="Jo Bramley", relationship="Mother")
    caseworker = CaseworkerFactory(team=child.team)
    token = family_invitation_create(acting_user=caseworker, child=child, member=member)
    return child, member, caseworker, token


def test_only_a_hash_of_the_token_is_kept(invited):
    *_, token = invited
    invitation = FamilyInvitation.objects.get()
    assert invitation.token_hash == token_hash(token) and token not in invitation.token_hash


def test_the_link_makes_a_parent_account_linked_to_the_family_member(client, invited):
    child, member, _, token = invited
    response = _accept(client, token)
    assert response.status_code == 302 and response["Location"] == reverse("family:home")
    user = User.objects.get(username="jo.bramley")
    member.refresh_from_db()
    assert member.user == user and user.role == "parent" and user.check_password(PASSWORD)
    assert list(children_visible_to(user)) == [child]
    page = client.get(reverse("family:home")).content.decode()
    assert "Sam Bramley" in page


def test_a_link_used_twice_gets_the_plain_page(client, invited):
    *_, token = invited
    _accept(client, token)
    client.logout()
    response = _accept(client, token, username="someone.else")
    assert response.status_code == 404 and "This link cannot be used" in response.content.decode()
    assert not User.objects.filter(username="someone.else").exists()


def test_an_expired_link_gets_the_plain_page(client, invited):
    *_, token = invited
    FamilyInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("family:accept", kwargs={"token": token}))
    assert response.status_code == 404 and "ask your caseworker or the SEND team for a new link" in (
        response.content.decode())


def test_a_new_link_stops_the_old_one(invited):
    child, member, caseworker, old = invited
    family_invitation_create(acting_user=caseworker, child=child, member=member)
    assert not FamilyInvitation.objects.filter(token_hash=token_hash(old), expires_at__gt=timezone.now()).exists()


def test_guessing_links_is_throttled(client, invited, settings):
    *_, token = invited
    settings.PATHFINDER_SIGN_IN_ADDRESS_FAILURE_LIMIT = 3
    for n in range(3):
        assert client.get(reverse("family:accept", kwargs={"token": f"guess{n}"})).status_code == 404
    # Now even the real link waits: the address has been guessing.
    assert client.get(reverse("family:accept", kwargs={"token": token})).status_code == 429


def test_a_weak_password_is_refused_on_the_form(client, invited):
    *_, token = invited
    response = client.post(reverse("family:accept", kwargs={"token": token}), {
        "username": "jo", "email": "jo@example.test", "password": "password", "password_again": "password"})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert FamilyInvitation.objects.get().used_at is None


def test_the_young_person_is_invited_to_their_own_account(client):
    child = ChildFactory(date_of_birth=timezone.localdate().replace(year=timezone.localdate().year - 18))
    token = family_invitation_create(acting_user=CaseworkerFactory(team=child.team), child=child)
    _accept(client, token, username="sam.own")
    child.refresh_from_db()
    assert child.user.username == "sam.own" and child.user.role == "young_person"
    assert list(children_visible_to(child.user)) == [child]


def test_the_caseworker_invites_from_the_child_record_and_sees_the_link_once(client):
    child = ChildFactory()
    member = FamilyMemberFactory(child=child, user=None, name="Jo Bramley")
    sign_in(client, CaseworkerFactory(team=child.team))
    record = client.get(reverse("people:child", kwargs={"child_id": child.pk})).content.decode()
    url = reverse("family:invite", kwargs={"child_id": child.pk, "member_id": member.pk})
    assert url in record and "Invite Jo Bramley to Pathfinder" in record
    assert "There is a problem" in client.post(url, {}).content.decode()
    page = client.post(url, {"confirm": "on"}).content.decode()
    assert "/family/invitation/" in page and FamilyInvitation.objects.filter(family_member=member).exists()


def test_another_teams_caseworker_cannot_invite(client):
    child = ChildFactory()
    member = FamilyMemberFactory(child=child, user=None)
    sign_in(client, CaseworkerFactory())
    url = reverse("family:invite", kwargs={"child_id": child.pk, "member_id": member.pk})
    assert client.post(url, {"confirm": "on"}).status_code == 404
    assert not FamilyInvitation.objects.exists()
