"""The key events of a case tell the family (or the adviser) what changed and by when, with the law's dates."""

from datetime import date

import pytest
from django.db import transaction

import statutory
from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory, ParentFactory, YoungPersonFactory
from pathfinder.assessments.constants import RequestSource
from pathfinder.assessments.services import advice_request_create, assessment_request_create
from pathfinder.assessments.tests.factories import AssessingFactory, AssessmentFactory
from pathfinder.assessments.transitions import assessment_transition
from pathfinder.notifications.models import Message, MessageStatus
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory
from pathfinder.plans import workflow
from pathfinder.plans.tests.factories import complete_plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.GOVUK_NOTIFY_API_KEY = ""


def _family(child):
    """A mother with a sign-in, a father without (who chose letters), and a carer who does not receive notices."""
    mum = FamilyMemberFactory(child=child, name="Amira Khan", user=ParentFactory(email="amira@example.test"))
    dad = FamilyMemberFactory(child=child, name="Dev Khan", email="", contact_preference="post",
                              address="4 Mill Lane\nWealdbury", postcode="WM1 2AB")
    FamilyMemberFactory(child=child, name="Gran", receives_notices=False)
    return mum, dad


def _assert_no_personal_data(message, child):
    for text in (child.legal_first_name, child.legal_last_name, "Khan", "Amira"):
        assert text not in message.body and text not in message.subject


def test_a_request_recorded_acknowledges_it_to_the_family_with_the_date_we_must_decide_by(
        django_capture_on_commit_callbacks):
    child = ChildFactory(date_of_birth=date(2018, 5, 2))
    _family(child)
    caseworker = CaseworkerFactory(team=child.team)
    with django_capture_on_commit_callbacks(execute=True):
        assessment = assessment_request_create(acting_user=caseworker, child=child, received_on=date(2026, 6, 1),
                                               received_by="email", request_source=RequestSource.PARENT_OR_YOUNG_PERSON)
    messages = list(Message.objects.filter(kind="assessments.request_received").order_by("pk"))
    assert [(m.channel, m.status) for m in messages] == [("email", MessageStatus.OUTBOX),
                                                         ("letter", MessageStatus.LETTER_TO_PRINT)]
    decide_by = statutory.assessment_timeline(statutory.AssessmentFacts(request_received=date(2026, 6, 1)),
                                              today=date(2026, 6, 1))["decision_to_assess"].due
    assert assessment.decision_due_on == decide_by
    assert f"We must tell you by {decide_by.day} {decide_by:%B %Y} whether we will carry out" in messages[0].body
    assert messages[1].to_address == "4 Mill Lane\nWealdbury\nWM1 2AB"
    assert all(m.child_id == child.pk for m in messages)
    for m in messages:
        _assert_no_personal_data(m, child)


def test_a_request_that_is_refused_by_the_rules_tells_nobody():
    child = ChildFactory()
    _family(child)
    AssessmentFactory(child=child)  # an open request already
    with pytest.raises(Exception, match="already has an open request"):
        assessment_request_create(acting_user=CaseworkerFactory(team=child.team), child=child,
                                  received_on=date(2026, 6, 1), received_by="email",
                                  request_source=RequestSource.PARENT_OR_YOUNG_PERSON)
    assert not Message.objects.exists()


def test_the_decision_to_assess_tells_the_family_when_we_must_decide_about_a_plan(django_capture_on_commit_callbacks):
    assessment = AssessmentFactory(child__date_of_birth=date(2018, 5, 2))
    _family(assessment.child)
    with django_capture_on_commit_callbacks(execute=True):
        assessment_transition(assessment=assessment, action="decide_to_assess", acting_user=assessment.caseworker,
                              on=date(2026, 7, 1), expected_version=assessment.version)
    email = Message.objects.get(kind="assessments.decided_to_assess", channel="email")
    due = assessment.not_issue_due_on
    assert f"We must tell you by {due.day} {due:%B %Y} whether we will make an EHC plan" in email.body


def test_a_refusal_to_assess_tells_the_family_to_sign_in_for_the_reasons(django_capture_on_commit_callbacks):
    assessment = AssessmentFactory(child__date_of_birth=date(2018, 5, 2))
    _family(assessment.child)
    with django_capture_on_commit_callbacks(execute=True):
        assessment_transition(assessment=assessment, action="refuse", acting_user=assessment.caseworker,
                              on=date(2026, 7, 1), expected_version=assessment.version,
                              reasons="Needs are met by the school's own provision for Sam")
    email = Message.objects.get(kind="assessments.refused", channel="email")
    assert "decided not to carry out" in email.body and "Sam" not in email.body


def test_a_stale_decision_tells_nobody():
    assessment = AssessmentFactory()
    _family(assessment.child)
    with pytest.raises(Exception, match="Someone else changed this case"):
        assessment_transition(assessment=assessment, action="decide_to_assess", acting_user=assessment.caseworker,
                              on=date(2026, 7, 1), expected_version=assessment.version + 1)
    assert not Message.objects.exists()


def test_an_adviser_is_told_of_the_request_and_its_due_date(django_capture_on_commit_callbacks):
    assessment = AssessingFactory()
    adviser = AdviserFactory(email="ep@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        advice = advice_request_create(acting_user=assessment.caseworker, assessment=assessment, kind="c",
                                       adviser_name="Dr Lee", adviser=adviser, requested_on=date(2026, 7, 2))
    message = Message.objects.get(kind="assessments.advice_requested")
    due = statutory.rule_in_force("advice", advice.requested_on).due_from(advice.requested_on)
    assert message.recipient == adviser and message.to_email == "ep@example.test"
    assert f"Please give your advice by {due.day} {due:%B %Y}" in message.body
    assert "/advice/" in message.body


def test_a_sent_draft_tells_the_family_the_last_day_to_comment(django_capture_on_commit_callbacks):
    plan = complete_plan(assessment__child__date_of_birth=date(2018, 5, 2))
    _family(plan.child)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.plan_draft_send(acting_user=CaseworkerFactory(team=plan.child.team), plan=plan,
                                 on=date(2026, 9, 1), expected_version=plan.version)
    email = Message.objects.get(kind="plans.draft_sent", channel="email")
    last = statutory.representations_last_day(date(2026, 9, 1))
    assert f"You have until {last.day} {last:%B %Y} to comment" in email.body
    assert Message.objects.filter(kind="plans.draft_sent", channel="letter").exists()


def test_the_final_plan_tells_the_family_it_was_issued(django_capture_on_commit_callbacks):
    plan = complete_plan(assessment__child__date_of_birth=date(2018, 5, 2))
    _family(plan.child)
    user = CaseworkerFactory(team=plan.child.team)
    workflow.plan_draft_send(acting_user=user, plan=plan, on=date(2026, 9, 1), expected_version=plan.version)
    plan.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.plan_final_issue(acting_user=user, plan=plan, on=date(2026, 9, 20),
                                  placement_type="maintained_school", placement_name="Oak Primary",
                                  expected_version=plan.version)
    email = Message.objects.get(kind="plans.final_issued", channel="email")
    assert "The final EHC plan for your child was issued on 20 September 2026" in email.body
    assert "Oak Primary" not in email.body


def test_once_rights_pass_to_the_young_person_only_they_are_told(django_capture_on_commit_callbacks):
    # 17 on the day of the request: past compulsory school age, so the young person decides (CFA s.80)
    young = YoungPersonFactory(email="sam@example.test")
    child = ChildFactory(date_of_birth=date(2009, 3, 1), user=young)
    _family(child)
    with django_capture_on_commit_callbacks(execute=True):
        assessment_request_create(acting_user=CaseworkerFactory(team=child.team), child=child,
                                  received_on=date(2026, 6, 1), received_by="email",
                                  request_source=RequestSource.PARENT_OR_YOUNG_PERSON)
    [message] = Message.objects.filter(kind="assessments.request_received")
    assert message.recipient == young and message.to_email == "sam@example.test"


def test_no_message_is_left_when_the_whole_act_rolls_back():
    child = ChildFactory(date_of_birth=date(2018, 5, 2))
    _family(child)
    with pytest.raises(RuntimeError), transaction.atomic():
        assessment_request_create(acting_user=CaseworkerFactory(team=child.team), child=child,
                                  received_on=date(2026, 6, 1), received_by="email",
                                  request_source=RequestSource.PARENT_OR_YOUNG_PERSON)
        raise RuntimeError("something after it failed")
    assert not Message.objects.exists()
