"""Professionals are told what happens next with advice: a new request in the organisation's queue, a request
given or passed to them, advice arrived for the caseworker. Each through the outbox (no Notify key), only after
the change commits, with a due date, a count and a link: never the child or the organisation."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

import statutory
from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory
from pathfinder.assessments.advice_corrections import advice_correction_send
from pathfinder.assessments.organisation_work import advice_assign, advice_take
from pathfinder.assessments.services import advice_received_record, advice_request_create
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessingFactory, ReceivedAdviceFactory
from pathfinder.core.errors import ServiceError
from pathfinder.documents.tests.factories import PDF_BYTES
from pathfinder.notifications.models import Message, MessageStatus
from pathfinder.organisations.services import organisation_member_remove
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationAdviceFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

SCHOOL = "Brookfield Primary School"


@pytest.fixture(autouse=True)
def _no_notify(settings, tmp_path):
    settings.GOVUK_NOTIFY_API_KEY = ""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def school():
    organisation = OrganisationFactory(name=SCHOOL)
    return {
        "organisation": organisation,
        "admin": MembershipFactory(organisation=organisation, is_administrator=True,
                                   user__email="head@brookfield.test").user,
        "second_admin": MembershipFactory(organisation=organisation, is_administrator=True).user,
        "member": MembershipFactory(organisation=organisation, user__email="senco@brookfield.test").user,
        "colleague": MembershipFactory(organisation=organisation).user,
    }


def _due(advice) -> date:
    return statutory.rule_in_force("advice", advice.requested_on).due_from(advice.requested_on)


def _says_nothing_personal(message, advice) -> None:
    child = advice.assessment.child
    for text in (child.legal_first_name, child.legal_last_name, SCHOOL, "Brookfield"):
        assert text not in message.body and text not in message.subject


def _ask(assessment, school, adviser=None):
    return advice_request_create(acting_user=assessment.caseworker, assessment=assessment, kind="b",
                                 adviser_name="SENCO", adviser=adviser, organisation=school["organisation"],
                                 requested_on=date(2026, 9, 10))


# -- 1. advice asked of an organisation ----------------------------------------------------------------------

def test_advice_asked_of_an_organisation_tells_its_administrators_the_due_date_and_the_queue(
        school, django_capture_on_commit_callbacks):
    assessment = AssessingFactory(received_on=date(2026, 9, 1))
    with django_capture_on_commit_callbacks(execute=True):
        advice = _ask(assessment, school)
    told = Message.objects.filter(kind="assessments.advice_for_organisation").order_by("pk")
    assert {m.recipient for m in told} == {school["admin"], school["second_admin"]}
    due = _due(advice)
    queue = f"http://127.0.0.1:8000/organisations/{school['organisation'].pk}/"
    for message in told:
        assert message.status == MessageStatus.OUTBOX and message.child_id == assessment.child_id
        assert message.values == {"due_on": due.isoformat(), "link": queue}
        assert f"It is due by {due.day} {due:%B %Y}" in message.body and queue in message.body
        _says_nothing_personal(message, advice)
    assert not Message.objects.filter(recipient__in=[school["member"], school["colleague"]]).exists()


def test_a_named_member_is_told_the_request_is_theirs_and_the_administrators_of_the_queue(
        school, django_capture_on_commit_callbacks):
    assessment = AssessingFactory(received_on=date(2026, 9, 1))
    with django_capture_on_commit_callbacks(execute=True):
        advice = _ask(assessment, school, adviser=school["member"])
    given = Message.objects.get(kind="assessments.advice_given_to_you")
    assert given.recipient == school["member"] and given.to_email == "senco@brookfield.test"
    assert given.values == {"due_on": _due(advice).isoformat(),
                            "link": f"http://127.0.0.1:8000/advice/{advice.pk}/"}
    assert given.body.startswith("An advice request for an education, health and care (EHC) needs assessment "
                                 "has been given to you.")
    assert Message.objects.filter(kind="assessments.advice_for_organisation").count() == 2


def test_an_administrator_named_for_the_request_gets_only_the_message_that_it_is_theirs(
        school, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _ask(AssessingFactory(received_on=date(2026, 9, 1)), school, adviser=school["admin"])
    assert list(Message.objects.filter(recipient=school["admin"]).values_list("kind", flat=True)) == [
        "assessments.advice_given_to_you"]


def test_a_refused_request_tells_nobody(school):
    assessment = AssessingFactory(received_on=date(2026, 9, 1))
    with pytest.raises(ServiceError):
        _ask(assessment, school, adviser=AdviserFactory())  # not a member
    assert not Message.objects.exists()


def test_nothing_is_sent_before_the_request_commits(school, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _ask(AssessingFactory(received_on=date(2026, 9, 1)), school)
    # The rows wait, queued, with the change; sending (into the outbox here) is only enqueued on commit.
    assert set(Message.objects.values_list("status", flat=True)) == {MessageStatus.QUEUED}
    assert len(callbacks) == 2


# -- 2. a request given to a member ---------------------------------------------------------------------------

def test_an_administrator_giving_a_request_to_a_colleague_tells_that_colleague(
        school, django_capture_on_commit_callbacks):
    advice = OrganisationAdviceFactory(organisation=school["organisation"])
    with django_capture_on_commit_callbacks(execute=True):
        advice_assign(acting_user=school["admin"], advice=advice, to_user=school["member"])
    [message] = Message.objects.all()
    assert (message.recipient, message.kind) == (school["member"], "assessments.advice_given_to_you")
    assert message.values["due_on"] == _due(advice).isoformat()
    _says_nothing_personal(message, advice)


def test_taking_a_request_yourself_or_putting_it_back_in_the_queue_tells_nobody(
        school, django_capture_on_commit_callbacks):
    advice = OrganisationAdviceFactory(organisation=school["organisation"])
    other = OrganisationAdviceFactory(organisation=school["organisation"], assessment=advice.assessment)
    with django_capture_on_commit_callbacks(execute=True):
        advice_take(acting_user=school["member"], advice=advice)
        advice_assign(acting_user=school["admin"], advice=other, to_user=school["admin"])
        advice_assign(acting_user=school["admin"], advice=other, to_user=None)
    assert not Message.objects.exists()


def test_a_refused_assignment_tells_nobody(school):
    advice = OrganisationAdviceFactory(organisation=school["organisation"])
    with pytest.raises(ServiceError, match="Only an administrator"):
        advice_assign(acting_user=school["member"], advice=advice, to_user=school["colleague"])
    with pytest.raises(ServiceError, match="is not a member"):
        advice_assign(acting_user=school["admin"], advice=advice, to_user=AdviserFactory())
    assert not Message.objects.exists()


# -- 3. work passed on when a colleague leaves ---------------------------------------------------------------

def test_the_colleague_given_a_leavers_work_is_told_how_many_and_the_first_due_date(
        school, django_capture_on_commit_callbacks):
    first = OrganisationAdviceFactory(organisation=school["organisation"], assigned_to=school["member"],
                                      requested_on=date(2026, 7, 2))
    OrganisationAdviceFactory(organisation=school["organisation"], assigned_to=school["member"],
                              requested_on=date(2026, 7, 20))
    membership = school["organisation"].memberships.get(user=school["member"])
    with django_capture_on_commit_callbacks(execute=True):
        organisation_member_remove(acting_user=school["admin"], membership=membership, pass_to=school["colleague"])
    passed = Message.objects.get(kind="assessments.advice_passed_to_you")
    assert passed.recipient == school["colleague"]
    assert passed.values == {"passed_requests": 2, "due_on": _due(first).isoformat(),
                             "link": "http://127.0.0.1:8000/advice/"}
    assert "You have been given 2 advice requests that they were doing" in passed.body
    assert passed.child_id is None  # more than one child: the message belongs to none of them
    _says_nothing_personal(passed, first)


def test_work_sent_back_to_the_queue_or_no_work_at_all_tells_no_colleague(school, django_capture_on_commit_callbacks):
    OrganisationAdviceFactory(organisation=school["organisation"], assigned_to=school["member"])
    with django_capture_on_commit_callbacks(execute=True):
        organisation_member_remove(acting_user=school["admin"],
                                   membership=school["organisation"].memberships.get(user=school["member"]))
        organisation_member_remove(acting_user=school["admin"], pass_to=school["admin"],
                                   membership=school["organisation"].memberships.get(user=school["colleague"]))
    assert not Message.objects.filter(kind="assessments.advice_passed_to_you").exists()


# -- 5. advice arrived: the caseworker ------------------------------------------------------------------------

def test_advice_sent_by_the_adviser_tells_the_caseworker_with_a_link_to_the_case(django_capture_on_commit_callbacks):
    adviser = AdviserFactory()
    advice = AdviceRequestFactory(adviser=adviser)
    with django_capture_on_commit_callbacks(execute=True):
        advice_received_record(acting_user=adviser, advice=advice, received_on=date(2026, 8, 1),
                               summary="Needs help with reading.")
    [message] = Message.objects.all()
    assessment = advice.assessment
    assert (message.recipient, message.kind) == (assessment.caseworker, "assessments.advice_arrived")
    case = f"http://127.0.0.1:8000/children/{assessment.child_id}/assessments/{assessment.pk}/"
    assert message.values == {"link": case}
    assert message.body == f"New advice has arrived for one of your cases.\n\nSign in to read it: {case}"


def test_advice_with_a_document_still_being_checked_says_so(django_capture_on_commit_callbacks):
    adviser = AdviserFactory()
    advice = AdviceRequestFactory(adviser=adviser)
    with django_capture_on_commit_callbacks(execute=False):  # the scan waits: nothing has checked it yet
        advice_received_record(acting_user=adviser, advice=advice, received_on=date(2026, 8, 1),
                               summary="Needs help with reading.",
                               document=SimpleUploadedFile("Report on Lydia.pdf", PDF_BYTES))
    message = Message.objects.get(kind="assessments.advice_arrived_checking")
    assert message.recipient == advice.assessment.caseworker
    assert "Its document is being checked for viruses." in message.body
    assert "Lydia" not in message.body


def test_advice_the_caseworker_records_themselves_tells_nobody():
    advice = AdviceRequestFactory()
    advice_received_record(acting_user=advice.assessment.caseworker, advice=advice, received_on=date(2026, 8, 1),
                           summary="Read out on the phone.")
    assert not Message.objects.exists()


def test_advice_on_an_unallocated_case_or_refused_advice_tells_nobody():
    adviser = AdviserFactory()
    advice = AdviceRequestFactory(adviser=adviser, assessment__caseworker=None)
    advice_received_record(acting_user=adviser, advice=advice, received_on=date(2026, 8, 1), summary="Seen.")
    other = AdviceRequestFactory(adviser=adviser, assessment__caseworker=CaseworkerFactory())
    with pytest.raises(ServiceError, match="summary"):
        advice_received_record(acting_user=adviser, advice=other, received_on=date(2026, 8, 1), summary=" ")
    with pytest.raises(ServiceError, match="cannot be changed"):
        advice_received_record(acting_user=adviser, advice=advice, received_on=date(2026, 8, 2), summary="Again.")
    assert not Message.objects.exists()


def test_a_correction_to_received_advice_tells_the_caseworker_and_says_when_its_document_is_being_checked(
        django_capture_on_commit_callbacks):
    advice = ReceivedAdviceFactory(adviser=AdviserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        advice_correction_send(acting_user=advice.adviser, advice=advice, summary="Corrected.", reason="Wrong date")
    with django_capture_on_commit_callbacks(execute=False):
        advice_correction_send(acting_user=advice.adviser, advice=advice, summary="Again.", reason="Typo",
                               document=SimpleUploadedFile("Correction.pdf", PDF_BYTES))
    kinds = list(Message.objects.filter(recipient=advice.assessment.caseworker).order_by("pk")
                 .values_list("kind", flat=True))
    assert kinds == ["assessments.advice_arrived", "assessments.advice_arrived_checking"]


def test_a_refused_correction_tells_nobody():
    advice = AdviceRequestFactory(adviser=AdviserFactory())  # not received yet
    with pytest.raises(ServiceError, match="has not received this advice"):
        advice_correction_send(acting_user=advice.adviser, advice=advice, summary="a", reason="b")
    assert not Message.objects.exists()


# -- through the pages ------------------------------------------------------------------------------------------

def test_giving_a_request_out_on_the_queue_page_tells_the_colleague_and_a_member_cannot(
        school, client, django_capture_on_commit_callbacks):
    from pathfinder.accounts.tests.helpers import sign_in

    advice = OrganisationAdviceFactory(organisation=school["organisation"])
    url = f"/organisations/{school['organisation'].pk}/advice/{advice.pk}/assign/"
    sign_in(client, school["colleague"])  # a member, not an administrator: refused, nobody told
    assert client.post(url, {f"a{advice.pk}-assigned_to": str(school["member"].pk)}).status_code == 404
    assert not Message.objects.exists()
    sign_in(client, school["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {f"a{advice.pk}-assigned_to": str(school["member"].pk)})
    assert response.status_code == 302
    [message] = Message.objects.all()
    assert (message.recipient, message.kind) == (school["member"], "assessments.advice_given_to_you")


def test_an_adviser_sending_advice_on_the_page_tells_the_caseworker(client, django_capture_on_commit_callbacks):
    from pathfinder.accounts.tests.helpers import sign_in

    adviser = AdviserFactory()
    advice = AdviceRequestFactory(adviser=adviser)
    sign_in(client, adviser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/advice/{advice.pk}/", {
            "received_on-day": "1", "received_on-month": "8", "received_on-year": "2026",
            "summary": "Needs help with reading."})
    assert response.status_code == 302, response.content.decode()[:2000]
    message = Message.objects.get(kind="assessments.advice_arrived")
    assert message.recipient == advice.assessment.caseworker
