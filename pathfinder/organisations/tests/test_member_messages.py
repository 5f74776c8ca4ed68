"""Joining and leaving an organisation tells the person, after the change commits, without the organisation's
name; a refused change tells nobody."""

from __future__ import annotations

import pytest

from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory
from pathfinder.core.errors import ServiceError
from pathfinder.notifications.models import Message, MessageStatus
from pathfinder.organisations.services import organisation_member_add, organisation_member_remove
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

NAME = "Brookfield Primary School"


@pytest.fixture(autouse=True)
def _no_notify(settings):
    settings.GOVUK_NOTIFY_API_KEY = ""


@pytest.fixture
def school():
    organisation = OrganisationFactory(name=NAME)
    return {"organisation": organisation,
            "admin": MembershipFactory(organisation=organisation, is_administrator=True),
            "member": MembershipFactory(organisation=organisation, user__email="senco@brookfield.test")}


def test_an_adviser_added_is_told_with_a_link_to_their_organisations(school, django_capture_on_commit_callbacks):
    newcomer = AdviserFactory(email="new@brookfield.test", phone="07700900123", contact_preference="sms")
    with django_capture_on_commit_callbacks(execute=True):
        organisation_member_add(acting_user=school["admin"].user, organisation=school["organisation"], user=newcomer)
    [message] = Message.objects.all()
    assert (message.recipient, message.kind, message.channel) == (newcomer, "organisations.member_added", "sms")
    assert message.to_phone == "07700900123" and message.status == MessageStatus.OUTBOX
    assert message.values == {"link": "http://127.0.0.1:8000/organisations/"}
    assert "you have been added to an organisation in Pathfinder" in message.body
    assert NAME not in message.body + message.subject and "Brookfield" not in message.body


def test_a_refused_addition_tells_nobody(school):
    with pytest.raises(ServiceError, match="Only an administrator"):
        organisation_member_add(acting_user=school["member"].user, organisation=school["organisation"],
                                user=AdviserFactory())
    with pytest.raises(ServiceError, match="adviser's account"):
        organisation_member_add(acting_user=school["admin"].user, organisation=school["organisation"],
                                user=CaseworkerFactory())
    with pytest.raises(ServiceError, match="already a member"):
        organisation_member_add(acting_user=school["admin"].user, organisation=school["organisation"],
                                user=school["member"].user)
    assert not Message.objects.exists()


def test_a_colleague_removed_is_told_they_no_longer_have_access(school, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation_member_remove(acting_user=school["admin"].user, membership=school["member"])
    [message] = Message.objects.all()
    assert (message.recipient, message.kind) == (school["member"].user, "organisations.member_removed")
    assert message.to_email == "senco@brookfield.test" and message.values == {}
    assert message.body.startswith("You no longer have access to your organisation's work in Pathfinder. If this "
                                   "is wrong, contact your organisation's administrator.")
    assert NAME not in message.body + message.subject


def test_a_refused_removal_tells_nobody(school):
    with pytest.raises(ServiceError, match="Only an administrator"):
        organisation_member_remove(acting_user=school["member"].user, membership=school["admin"])
    with pytest.raises(ServiceError, match="needs another administrator"):
        organisation_member_remove(acting_user=school["admin"].user, membership=school["admin"])
    with pytest.raises(ServiceError, match="Choose a colleague who is staying"):
        organisation_member_remove(acting_user=school["admin"].user, membership=school["member"],
                                   pass_to=school["member"].user)
    assert not Message.objects.exists()


def test_adding_through_the_members_page_tells_the_newcomer(school, client, django_capture_on_commit_callbacks):
    from pathfinder.accounts.tests.helpers import sign_in

    newcomer = AdviserFactory(email="new@brookfield.test")
    sign_in(client, school["admin"].user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/organisations/{school['organisation'].pk}/members/", {"email": newcomer.email})
    assert response.status_code == 302
    assert Message.objects.get(kind="organisations.member_added").recipient == newcomer
