"""An organisation's administrator adds and removes colleagues; the queue; work passed on when someone leaves."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.models import AdviceRequest
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError
from pathfinder.organisations.models import Membership
from pathfinder.organisations.services import organisation_member_add, organisation_member_remove
from pathfinder.organisations.tests.factories import (
    MembershipFactory,
    OrganisationAdviceFactory,
    OrganisationFactory,
)
from pathfinder.people.models import Involvement
from pathfinder.people.selectors import children_visible_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    organisation = OrganisationFactory(name="Brookfield Primary School")
    admin = MembershipFactory(organisation=organisation, is_administrator=True)
    leaving = MembershipFactory(organisation=organisation)
    staying = MembershipFactory(organisation=organisation)
    return {"organisation": organisation, "admin": admin, "leaving": leaving, "staying": staying}


# -- services ----------------------------------------------------------------------------------------------------

def test_an_administrator_adds_an_adviser(school):
    newcomer = AdviserFactory()
    membership = organisation_member_add(acting_user=school["admin"].user, organisation=school["organisation"],
                                         user=newcomer)
    assert membership.starts_on == timezone.localdate() and membership.added_by == school["admin"].user
    assert AuditEvent.objects.filter(what__startswith=f"added {newcomer.display_name}").exists()


def test_a_member_who_is_not_an_administrator_cannot_add(school):
    with pytest.raises(ServiceError, match="Only an administrator"):
        organisation_member_add(acting_user=school["staying"].user, organisation=school["organisation"],
                                user=AdviserFactory())


def test_only_advisers_can_be_members(school):
    with pytest.raises(ServiceError, match="adviser's account"):
        organisation_member_add(acting_user=school["admin"].user, organisation=school["organisation"],
                                user=CaseworkerFactory())


def test_nobody_is_added_twice(school):
    with pytest.raises(ServiceError, match="already a member"):
        organisation_member_add(acting_user=school["admin"].user, organisation=school["organisation"],
                                user=school["staying"].user)


def test_the_database_refuses_a_second_open_membership(school):
    with pytest.raises(IntegrityError):
        Membership.objects.create(organisation=school["organisation"], user=school["staying"].user,
                                  starts_on=date(2026, 2, 1))


def test_an_involvement_grants_one_of_user_team_or_organisation(school):
    advice = OrganisationAdviceFactory(organisation=school["organisation"])
    with pytest.raises(IntegrityError):
        Involvement.objects.create(child=advice.assessment.child, capacity="adviser", user=AdviserFactory(),
                                   organisation=school["organisation"], starts_on=date(2026, 7, 1), reason="Both")


def test_removing_a_colleague_ends_their_access_at_once_and_hands_their_work_back(school):
    advice = OrganisationAdviceFactory(organisation=school["organisation"], assigned_to=school["leaving"].user)
    leaver = school["leaving"].user
    assert children_visible_to(leaver).count() == 1
    passed = organisation_member_remove(acting_user=school["admin"].user, membership=school["leaving"])
    assert passed == {"advice requests": 1}
    assert children_visible_to(leaver).count() == 0
    advice.refresh_from_db()
    assert advice.assigned_to is None
    assert AuditEvent.objects.filter(child=advice.assessment.child, what__contains="back to the queue").exists()


def test_a_leavers_work_can_go_to_a_colleague(school):
    advice = OrganisationAdviceFactory(organisation=school["organisation"], assigned_to=school["leaving"].user)
    organisation_member_remove(acting_user=school["admin"].user, membership=school["leaving"],
                               pass_to=school["staying"].user)
    advice.refresh_from_db()
    assert advice.assigned_to == school["staying"].user


def test_advice_already_sent_stays_with_who_wrote_it(school):
    sent = OrganisationAdviceFactory(organisation=school["organisation"], assigned_to=school["leaving"].user,
                                     received_on=date(2026, 8, 1), summary="Done")
    organisation_member_remove(acting_user=school["admin"].user, membership=school["leaving"],
                               pass_to=school["staying"].user)
    sent.refresh_from_db()
    assert sent.assigned_to == school["leaving"].user


def test_work_cannot_go_to_someone_outside_the_organisation(school):
    with pytest.raises(ServiceError, match="not a member"):
        organisation_member_remove(acting_user=school["admin"].user, membership=school["leaving"],
                                   pass_to=AdviserFactory())


def test_the_last_administrator_cannot_be_removed(school):
    with pytest.raises(ServiceError, match="needs another administrator"):
        organisation_member_remove(acting_user=school["admin"].user, membership=school["admin"])


# -- pages -------------------------------------------------------------------------------------------------------

def _queue(school):
    return reverse("assessments:organisation-queue", kwargs={"organisation_id": school["organisation"].pk})


def test_the_queue_shows_the_due_date_and_any_exception(client, school):
    OrganisationAdviceFactory(organisation=school["organisation"], requested_on=date(2026, 7, 2),
                              exception_code="A3", exception_start=date(2026, 7, 10), exception_end=date(2026, 7, 10))
    sign_in(client, school["staying"].user)
    page = client.get(_queue(school)).content.decode()
    assert "13 August 2026" in page  # reg 8(1), from the rule book
    assert "Overdue" in page
    assert "an appointment for an examination or test was missed" in page


def test_a_member_takes_a_request_and_can_then_give_the_advice(client, school):
    advice = OrganisationAdviceFactory(organisation=school["organisation"])
    sign_in(client, school["staying"].user)
    give = reverse("assessments:advice-give", kwargs={"advice_id": advice.pk})
    assert client.get(give).status_code == 404  # not theirs yet
    response = client.post(reverse("assessments:organisation-take", kwargs={
        "organisation_id": school["organisation"].pk, "advice_id": advice.pk}))
    assert response.status_code == 302 and response["Location"] == give
    advice.refresh_from_db()
    assert advice.assigned_to == school["staying"].user
    assert client.get(give).status_code == 200


def test_an_administrator_gives_a_request_to_a_colleague(client, school):
    advice = OrganisationAdviceFactory(organisation=school["organisation"])
    sign_in(client, school["admin"].user)
    client.post(reverse("assessments:organisation-assign", kwargs={
        "organisation_id": school["organisation"].pk, "advice_id": advice.pk}),
        {f"a{advice.pk}-assigned_to": str(school["leaving"].user_id)})
    advice.refresh_from_db()
    assert advice.assigned_to == school["leaving"].user


def test_a_member_cannot_give_out_requests(client, school):
    advice = OrganisationAdviceFactory(organisation=school["organisation"])
    sign_in(client, school["staying"].user)
    response = client.post(reverse("assessments:organisation-assign", kwargs={
        "organisation_id": school["organisation"].pk, "advice_id": advice.pk}),
        {f"a{advice.pk}-assigned_to": str(school["staying"].user_id)})
    assert response.status_code == 404
    assert AdviceRequest.objects.get(pk=advice.pk).assigned_to is None


def test_the_administrator_removes_a_colleague_and_passes_on_their_queue(client, school):
    advice = OrganisationAdviceFactory(organisation=school["organisation"], assigned_to=school["leaving"].user)
    sign_in(client, school["admin"].user)
    url = reverse("organisations:member-remove", kwargs={"organisation_id": school["organisation"].pk,
                                                         "membership_id": school["leaving"].pk})
    page = client.get(url).content.decode()
    assert "1 open advice request" in page
    response = client.post(url, {"pass_to": str(school["staying"].user_id)})
    assert response.status_code == 302
    advice.refresh_from_db()
    assert advice.assigned_to == school["staying"].user
    assert not Membership.objects.filter(pk=school["leaving"].pk, ends_on__isnull=True).exists()


def test_removing_without_saying_where_the_work_goes_shows_the_error(client, school):
    sign_in(client, school["admin"].user)
    url = reverse("organisations:member-remove", kwargs={"organisation_id": school["organisation"].pk,
                                                         "membership_id": school["leaving"].pk})
    page = client.post(url, {"pass_to": ""}).content.decode()
    assert "There is a problem" in page and "Select who should take on their open work" in page


def test_the_administrator_adds_a_colleague_by_their_email(client, school):
    newcomer = AdviserFactory(email="j.patel@brookfield.example.org")
    sign_in(client, school["admin"].user)
    url = reverse("organisations:members", kwargs={"organisation_id": school["organisation"].pk})
    assert client.post(url, {"email": "J.Patel@brookfield.example.org"}).status_code == 302
    assert Membership.objects.filter(organisation=school["organisation"], user=newcomer).exists()
    page = client.post(url, {"email": "nobody@example.org"}).content.decode()
    assert "There is no adviser" in page and "account with that email address" in page


def test_the_caseworker_asks_an_organisation_and_the_request_lands_in_its_queue(client, school):
    from pathfinder.assessments.tests.factories import AssessingFactory

    assessment = AssessingFactory(received_on=date(2026, 9, 1))
    sign_in(client, assessment.caseworker)
    url = reverse("assessments:advice-new", kwargs={"child_id": assessment.child_id, "assessment_id": assessment.pk})
    today = timezone.localdate()
    response = client.post(url, {"kind": "b", "organisation": str(school["organisation"].pk), "adviser": "",
                                 "adviser_name": "SENCO", "requested_on-day": str(today.day),
                                 "requested_on-month": str(today.month), "requested_on-year": str(today.year)})
    assert response.status_code == 302
    advice = AdviceRequest.objects.get(assessment=assessment)
    assert (advice.organisation, advice.adviser, advice.assigned_to) == (school["organisation"], None, None)
    assert advice.adviser_organisation == "Brookfield Primary School"
    involvement = Involvement.objects.get(source_id=str(advice.pk), source_type="assessments.advicerequest")
    assert involvement.organisation == school["organisation"] and involvement.user is None
    sign_in(client, school["staying"].user)
    assert assessment.child.full_name in unescape(client.get(_queue(school)).content.decode())


def test_naming_an_adviser_outside_the_organisation_is_refused(school):
    from pathfinder.assessments.services import advice_request_create
    from pathfinder.assessments.tests.factories import AssessingFactory

    assessment = AssessingFactory(received_on=date(2026, 9, 1))
    with pytest.raises(ServiceError, match="is not a member of Brookfield Primary School"):
        advice_request_create(acting_user=assessment.caseworker, assessment=assessment, kind="b",
                              adviser_name="SENCO", adviser=AdviserFactory(), organisation=school["organisation"],
                              requested_on=date(2026, 9, 10))
    named = advice_request_create(acting_user=assessment.caseworker, assessment=assessment, kind="b",
                                  adviser_name="SENCO", adviser=school["staying"].user,
                                  organisation=school["organisation"], requested_on=date(2026, 9, 10))
    assert (named.adviser, named.assigned_to) == (None, school["staying"].user)


def test_the_councils_administrator_adds_an_organisations_first_administrator(client):
    from pathfinder.accounts.tests.factories import AdministratorFactory

    organisation = OrganisationFactory(name="Wealdmoor Speech and Language Therapy")
    therapist = AdviserFactory()
    admin_user = AdministratorFactory(is_superuser=True)
    sign_in(client, admin_user)
    response = client.post(reverse("admin:organisations_membership_add"), {
        "organisation": str(organisation.pk), "user": str(therapist.pk), "is_administrator": "on",
        "starts_on": "2026-11-02"})
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=organisation, user=therapist)
    assert membership.is_administrator and membership.added_by == admin_user
    assert AuditEvent.objects.filter(actor=admin_user, what__contains="as an administrator").exists()
    refused = client.post(reverse("admin:organisations_membership_add"), {
        "organisation": str(organisation.pk), "user": str(CaseworkerFactory().pk), "starts_on": "2026-11-02"})
    assert "Only an adviser" in refused.content.decode()
