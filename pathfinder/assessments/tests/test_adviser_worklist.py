"""Advisers' worklist: the advice they still have to give, due 6 weeks from the request (reg 8(1)), so the daily
reminder tells them of advice due this week and overdue; an organisation's administrators also chase what waits
in its queue. Caseworkers' lists are their assessments' steps alone, as before."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import statutory
from pathfinder.accounts.tests.factories import AdviserFactory
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessmentFactory, ReceivedAdviceFactory
from pathfinder.assessments.worklist import open_advice_requests
from pathfinder.core.worklist import worklist_items
from pathfinder.notifications.models import Message
from pathfinder.notifications.reminders import reminder_counts, reminders_send
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationAdviceFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

REQUESTED = date(2026, 7, 2)
DUE = statutory.rule_in_force("advice", REQUESTED).due_from(REQUESTED)


@pytest.fixture(autouse=True)
def _no_notify(settings):
    settings.GOVUK_NOTIFY_API_KEY = ""


@pytest.fixture
def school():
    organisation = OrganisationFactory()
    return {"organisation": organisation,
            "admin": MembershipFactory(organisation=organisation, is_administrator=True).user,
            "member": MembershipFactory(organisation=organisation).user}


def _titles(user, today):
    return sorted((item.title, item.due) for item in open_advice_requests(user, today))


def test_advice_asked_of_an_adviser_by_name_is_on_their_list_with_its_reg_8_due_date():
    adviser = AdviserFactory()
    advice = AdviceRequestFactory(adviser=adviser, requested_on=REQUESTED)
    [item] = open_advice_requests(adviser, DUE - timedelta(days=3))
    assert (item.title, item.due, item.child) == ("Give your advice", DUE, advice.assessment.child)
    assert item.reason == "SEND Regulations 2014, reg 8(1)" and item.url == f"/advice/{advice.pk}/"
    assert not item.is_overdue and open_advice_requests(adviser, DUE + timedelta(days=1))[0].is_overdue


def test_received_reused_or_closed_case_advice_is_not_on_the_list():
    adviser = AdviserFactory()
    ReceivedAdviceFactory(adviser=adviser)
    AdviceRequestFactory(adviser=adviser, reused_existing=True)
    AdviceRequestFactory(adviser=adviser, assessment__status="withdrawn")
    assert open_advice_requests(adviser, DUE) == ()


def test_a_member_sees_what_was_given_to_them_and_an_administrator_also_what_waits_in_the_queue(school):
    given = OrganisationAdviceFactory(organisation=school["organisation"], assigned_to=school["member"],
                                      requested_on=REQUESTED)
    queued = OrganisationAdviceFactory(organisation=school["organisation"], requested_on=REQUESTED)
    assert _titles(school["member"], DUE) == [("Give your advice", DUE)]
    items = {item.url for item in open_advice_requests(school["admin"], DUE)}
    assert items == {f"/organisations/{school['organisation'].pk}/"}
    assert [item.title for item in open_advice_requests(school["admin"], DUE)] == ["Give this request to a colleague"]
    assert given.pk != queued.pk
    outsider = AdviserFactory()
    assert open_advice_requests(outsider, DUE) == ()


def test_a_removed_colleague_has_nothing_on_their_list_from_the_day_they_leave(school):
    OrganisationAdviceFactory(organisation=school["organisation"], assigned_to=school["member"])
    membership = school["organisation"].memberships.get(user=school["member"])
    membership.ends_on = date(2026, 8, 1)
    membership.save()
    assert len(open_advice_requests(school["member"], date(2026, 7, 31))) == 1
    assert open_advice_requests(school["member"], date(2026, 8, 1)) == ()


def test_an_adviser_exception_is_shown_as_excused():
    adviser = AdviserFactory()
    AdviceRequestFactory(adviser=adviser, exception_code="A1", exception_start=REQUESTED,
                         exception_end=REQUESTED + timedelta(days=14))
    [item] = open_advice_requests(adviser, DUE + timedelta(days=1))
    assert item.excused and item.is_overdue


def test_a_caseworkers_list_is_unchanged_by_advice_they_asked_for():
    assessment = AssessmentFactory(status="assessing", received_on=date(2026, 6, 1))
    AdviceRequestFactory(assessment=assessment, adviser=AdviserFactory(), requested_on=REQUESTED)
    assert open_advice_requests(assessment.caseworker, DUE) == ()
    titles = [item.title for item in worklist_items(assessment.caseworker, DUE).items]
    assert "Give your advice" not in titles


def test_the_daily_reminder_tells_an_adviser_of_advice_due_this_week_and_overdue(
        school, django_capture_on_commit_callbacks):
    adviser = AdviserFactory(email="ep@example.test")
    AdviceRequestFactory(adviser=adviser, requested_on=REQUESTED)                          # due in 3 days
    AdviceRequestFactory(adviser=adviser, requested_on=REQUESTED - timedelta(days=14))     # overdue
    AdviceRequestFactory(adviser=adviser, requested_on=REQUESTED + timedelta(days=21))     # not yet
    today = DUE - timedelta(days=3)
    counts = reminder_counts(adviser, today)
    assert (counts.due, counts.overdue) == (1, 1)
    OrganisationAdviceFactory(organisation=school["organisation"], requested_on=REQUESTED)  # queued: the admin's
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(today)  # the cases' caseworkers are reminded of their own steps too
    reminded = {m.recipient for m in Message.objects.filter(kind="notifications.reminder", recipient__role="adviser")}
    assert reminded == {adviser, school["admin"]}
    message = Message.objects.get(recipient=adviser, kind="notifications.reminder")
    assert message.values == {"date": today.isoformat(), "due_steps": 1, "overdue_steps": 1,
                              "link": "http://127.0.0.1:8000/advice/"}
    admin = Message.objects.get(recipient=school["admin"], kind="notifications.reminder")
    assert (admin.values["due_steps"], admin.values["overdue_steps"]) == (1, 0)
    assert not Message.objects.filter(recipient=school["member"]).exists()  # the queue is not theirs to chase
