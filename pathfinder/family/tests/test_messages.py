"""What the family portal and the family's comments tell people: the right person, the right words and dates, no
names, and sent only once the change is saved."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.core.errors import ServiceError
from pathfinder.family.invitations import family_invitation_create
from pathfinder.family.online_requests import online_request_submit
from pathfinder.notifications.models import Message
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory
from pathfinder.plans import family, representations
from pathfinder.plans.tests.factories import complete_plan

pytestmark = pytest.mark.django_db
NAMES = ("Sam", "Bramley", "Jo")


def _no_names(message) -> None:
    for name in NAMES:
        assert name not in message.body and name not in message.subject


@pytest.fixture(autouse=True)
def _outbox(settings):
    settings.GOVUK_NOTIFY_API_KEY = ""


def test_an_invitation_sends_its_link_and_last_day_to_the_person_invited(django_capture_on_commit_callbacks):
    child = ChildFactory(legal_first_name="Sam", legal_last_name="Bramley")
    member = FamilyMemberFactory(child=child, user=None, name="Jo Bramley", email="jo@example.test",
                                 contact_preference="email")
    with django_capture_on_commit_callbacks(execute=True):
        token = family_invitation_create(acting_user=CaseworkerFactory(team=child.team), child=child, member=member)
    message = Message.objects.get(kind="family.invited")
    assert (message.channel, message.to_email, message.child_id) == ("email", "jo@example.test", child.pk)
    assert f"/family/invitation/{token}/" in message.body
    last = timezone.localdate() + timedelta(days=14)
    assert f"by {last.day} {last:%B %Y}" in message.body
    _no_names(message)


def test_an_invitation_refused_sends_nothing():
    child = ChildFactory()
    member = FamilyMemberFactory(child=child, user=ParentFactory())  # already has an account
    with pytest.raises(ServiceError):
        family_invitation_create(acting_user=CaseworkerFactory(team=child.team), child=child, member=member)
    assert not Message.objects.exists()


def test_an_online_request_is_acknowledged_with_the_date_we_must_decide_by(django_capture_on_commit_callbacks):
    data = {"requester_kind": "parent", "requester_name": "Jo Bramley", "relationship": "Mum",
            "email": "jo@example.test", "phone": "", "address": "", "postcode": "WM1 1AA",
            "child_first_name": "Sam", "child_last_name": "Bramley", "child_date_of_birth": date(2015, 9, 14),
            "setting_name": "", "needs": "Sam finds reading hard.", "support_so_far": "", "why_now": "",
            "agrees_to_share": True}
    saturday = datetime(2026, 10, 3, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    with django_capture_on_commit_callbacks(execute=True):
        online = online_request_submit(data=data, ip_address="203.0.113.9", now=saturday)
    message = Message.objects.get(kind="family.online_request_received")
    assert message.to_email == "jo@example.test"
    assert online.received_on == date(2026, 10, 5)  # Monday: the next working day
    assert "It counts as received on 5 October 2026" in message.body
    due = online.decision_due_on
    assert f"We must tell you by {due.day} {due:%B %Y} whether" in message.body
    _no_names(message)


@pytest.fixture
def sent():
    today = timezone.localdate()
    plan = complete_plan()
    assessment = plan.assessment
    assessment.caseworker = CaseworkerFactory(team=assessment.child.team, email="priya@example.test")
    assessment.draft_served_on = today - timedelta(days=2)
    assessment.save()
    plan.status, plan.draft_sent_on = "draft_sent", assessment.draft_served_on
    plan.save()
    parent = ParentFactory(email="parent@example.test")
    FamilyMemberFactory(child=assessment.child, user=parent)
    return plan, assessment.caseworker, parent


def test_a_family_comment_tells_the_caseworker_and_an_answer_tells_the_family(sent, django_capture_on_commit_callbacks):
    plan, caseworker, parent = sent
    with django_capture_on_commit_callbacks(execute=True):
        comment = family.representation_add(acting_user=parent, plan=plan, text="Speech therapy is missing.",
                                            section="F", kind="section", today=timezone.localdate())
    told = Message.objects.get(kind="plans.family_wrote")
    assert told.recipient == caseworker and f"/children/{plan.child_id}/plans/{plan.pk}/" in told.body
    assert "Speech therapy" not in told.body  # what they wrote stays behind sign-in
    with django_capture_on_commit_callbacks(execute=True):
        answered = representations.representation_answer(
            acting_user=caseworker, representation=comment, reply="We have added weekly therapy to section F.",
            dealt_with=True, expected_version=comment.version)
    answer = Message.objects.get(kind="plans.comment_answered")
    assert answer.recipient == parent and "weekly therapy" not in answer.body
    # saving the same answer again tells nobody again
    with django_capture_on_commit_callbacks(execute=True):
        representations.representation_answer(acting_user=caseworker, representation=answered,
                                              reply="We have added weekly therapy to section F.", dealt_with=True,
                                              expected_version=answered.version)
    assert Message.objects.filter(kind="plans.comment_answered").count() == 1


def test_the_parent_hears_when_the_young_person_gives_and_withdraws_consent(django_capture_on_commit_callbacks):
    from pathfinder.accounts.tests.factories import YoungPersonFactory
    from pathfinder.family.consent import parent_access_consent_give, parent_access_consent_withdraw

    young = YoungPersonFactory()
    child = ChildFactory(legal_first_name="Sam", legal_last_name="Bramley", date_of_birth=date(2008, 1, 10),
                         user=young)
    parent = ParentFactory(email="jo@example.test")
    member = FamilyMemberFactory(child=child, user=parent, name="Jo Bramley", relationship="Mother")
    with django_capture_on_commit_callbacks(execute=True):
        consent = parent_access_consent_give(acting_user=young, member=member)
    given = Message.objects.get(kind="family.consent_given")
    assert (given.recipient, given.to_email) == (parent, "jo@example.test") and "/children/family/" in given.body
    with django_capture_on_commit_callbacks(execute=True):
        parent_access_consent_withdraw(acting_user=young, consent=consent)
    withdrawn = Message.objects.get(kind="family.consent_withdrawn")
    assert withdrawn.recipient == parent and "no longer see" in withdrawn.body
    for message in (given, withdrawn):
        _no_names(message)
