"""Asking for an account from the public site: nothing is visible until a caseworker checks and matches it;
then a single-use link is made. A refusal keeps its reason. The request is on the caseworker's worklist."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.family.account_requests import account_request_refuse, account_request_submit, account_request_verify
from pathfinder.family.models import AccountRequest, FamilyInvitation, RequestStatus
from pathfinder.family.tests.factories import AccountRequestFactory
from pathfinder.insights.selectors import caseworker_worklist
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def child():
    return ChildFactory(legal_first_name="Sam", legal_last_name="Bramley", date_of_birth=date(2015, 9, 14))


def _post():
    return {"name": "Jo Bramley", "email": "jo@example.test", "phone": "", "relationship": "Mum",
            "child_first_name": "Sam", "child_last_name": "Bramley", "child_date_of_birth-day": "14",
            "child_date_of_birth-month": "9", "child_date_of_birth-year": "2015"}


def test_the_public_form_keeps_a_request_and_gives_no_access(client):
    response = client.post(reverse("family:account-request"), _post(), follow=True)
    assert "A caseworker will check who you are" in response.content.decode()
    request = AccountRequest.objects.get()
    assert request.status == RequestStatus.WAITING and request.family_member is None
    assert not FamilyInvitation.objects.exists()


def test_the_honeypot_saves_nothing(client):
    client.post(reverse("family:account-request"), {**_post(), "website": "spam"})
    assert not AccountRequest.objects.exists()


def test_a_future_date_of_birth_is_refused():
    with pytest.raises(ServiceError):
        account_request_submit(data={"name": "A", "email": "a@example.test", "relationship": "Mum",
                                     "child_first_name": "B", "child_last_name": "C",
                                     "child_date_of_birth": date(2099, 1, 1)}, ip_address=None)


def test_verifying_with_a_new_family_member_adds_them_and_makes_a_link(child):
    caseworker = CaseworkerFactory(team=child.team)
    request = AccountRequestFactory()
    token = account_request_verify(acting_user=caseworker, account_request=request, child=child, member=None)
    member = child.family_members.get()
    assert (member.name, member.email, member.user) == ("Jo Bramley", request.email, None)
    request.refresh_from_db()
    assert request.status == RequestStatus.DONE and request.invitation.family_member == member and token


def test_verifying_twice_is_refused(child):
    caseworker = CaseworkerFactory(team=child.team)
    request = AccountRequestFactory()
    account_request_verify(acting_user=caseworker, account_request=request, child=child, member=None)
    with pytest.raises(ServiceError):
        account_request_verify(acting_user=caseworker, account_request=request, child=child, member=None)


def test_refusing_needs_a_reason_and_keeps_it():
    request = AccountRequestFactory()
    caseworker = CaseworkerFactory()
    with pytest.raises(ServiceError):
        account_request_refuse(acting_user=caseworker, account_request=request, reason=" ")
    account_request_refuse(acting_user=caseworker, account_request=request, reason="We could not reach you")
    request.refresh_from_db()
    assert (request.status, request.refusal_reason) == (RequestStatus.REFUSED, "We could not reach you")


def test_the_caseworker_matches_an_existing_member_on_the_page(client, child):
    member = FamilyMemberFactory(child=child, user=None, name="Jo Bramley")
    request = AccountRequestFactory()
    sign_in(client, CaseworkerFactory(team=child.team))
    url = reverse("family:account-request-check", kwargs={"request_id": request.pk})
    assert "Sam Bramley, born 14 September 2015" in client.get(url).content.decode()
    page = client.post(url, {"child": str(child.pk), "member": str(member.pk), "version": "1"}).content.decode()
    assert "/family/invitation/" in page
    assert FamilyInvitation.objects.get().family_member == member


def test_a_caseworker_of_another_team_is_offered_no_children(client, child):
    request = AccountRequestFactory()
    sign_in(client, CaseworkerFactory())
    page = client.get(reverse("family:account-request-check", kwargs={"request_id": request.pk})).content.decode()
    assert 'name="child"' not in page and "None of the children you can see" in page


def test_the_refuse_page(client):
    request = AccountRequestFactory()
    sign_in(client, CaseworkerFactory())
    url = reverse("family:request-refuse", kwargs={"kind": "account", "request_id": request.pk})
    assert "There is a problem" in client.post(url, {}).content.decode()
    assert client.post(url, {"reason": "Not known to us", "version": "1"}).status_code == 302
    assert AccountRequest.objects.get().status == RequestStatus.REFUSED


def test_waiting_requests_are_on_every_caseworkers_worklist_and_nobody_elses():
    request = AccountRequestFactory()
    caseworker = CaseworkerFactory()
    worklist = caseworker_worklist(caseworker, timezone.localdate())
    titles = [item.title for item in worklist.due_this_week + worklist.due_later + worklist.overdue]
    assert f"Check a request for a Pathfinder account from {request.name}" in titles


def test_the_worklist_page_shows_it_without_a_record(client):
    AccountRequestFactory()
    sign_in(client, CaseworkerFactory())
    page = client.get(reverse("insights:caseworker-home")).content.decode()
    assert "Sam Bramley (not yet matched)" in page


def test_two_caseworkers_at_once_the_second_is_told_and_nothing_changes(client):
    """Through the requests' workflow (core.workflow): the page carries the version it showed; a request refused
    by someone else meanwhile is not matched or refused again."""
    request = AccountRequestFactory()
    first, second = CaseworkerFactory(), CaseworkerFactory()
    account_request_refuse(acting_user=first, account_request=request, reason="A duplicate", expected_version=1)
    with pytest.raises(StaleEdit):
        account_request_refuse(acting_user=second, account_request=request, reason="Not known", expected_version=1)
    request.refresh_from_db()
    assert (request.status, request.refusal_reason, request.decided_by, request.version) == (
        RequestStatus.REFUSED, "A duplicate", first, 2)
