"""The daily reminder: one digest each, counts and a link only, once a day, from whatever is on the worklist."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command

from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory
from pathfinder.assessments.tests.factories import AssessmentFactory
from pathfinder.core.worklist import WorklistItem, register_worklist_provider, unregister_worklist_provider
from pathfinder.notifications.models import Message
from pathfinder.notifications.reminders import reminder_counts, reminders_send
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 7, 8)


@pytest.fixture(autouse=True)
def _no_notify(settings):
    settings.GOVUK_NOTIFY_API_KEY = ""


def test_a_caseworker_gets_one_digest_of_what_is_due_this_week_and_overdue(django_capture_on_commit_callbacks):
    caseworker = CaseworkerFactory()
    # Names no factory makes, so an ordinary word in the message cannot look like one.
    soon = AssessmentFactory(caseworker=caseworker, child__team=caseworker.team, received_on=date(2026, 6, 1),
                             child__legal_first_name="Zephyrine", child__legal_last_name="Quillfeather")
    late = AssessmentFactory(caseworker=caseworker, child__team=caseworker.team, received_on=date(2026, 4, 1),
                             child__legal_first_name="Oriel", child__legal_last_name="Brackenthwaite")
    assert TODAY <= soon.decision_due_on <= TODAY + timedelta(days=7) and late.decision_due_on < TODAY
    counts = reminder_counts(caseworker, TODAY)
    assert (counts.due, counts.overdue) == (1, 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(TODAY) == 1
    message = Message.objects.get(recipient=caseworker)
    assert message.subject == "Your cases today: 1 step due this week, 1 step overdue"
    assert "Sign in to see them: http://127.0.0.1:8000/insights/" in message.body
    for child in (soon.child, late.child):
        assert child.legal_last_name not in message.body and child.legal_first_name not in message.body


def test_running_twice_on_one_day_sends_nothing_new_and_the_next_day_sends_again(django_capture_on_commit_callbacks):
    caseworker = CaseworkerFactory()
    AssessmentFactory(caseworker=caseworker, child__team=caseworker.team, received_on=date(2026, 4, 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(TODAY) == 1
        assert reminders_send(TODAY) == 0
        call_command("send_reminders")  # today by the clock: another day
    assert Message.objects.filter(recipient=caseworker, values__date=TODAY.isoformat()).count() == 1


def test_nobody_with_nothing_due_is_reminded():
    CaseworkerFactory()
    assert reminders_send(TODAY) == 0
    assert not Message.objects.exists()


def test_an_adviser_is_reminded_of_what_any_app_puts_on_their_worklist(django_capture_on_commit_callbacks):
    adviser = AdviserFactory()
    child = ChildFactory(legal_last_name="Quillfeather")

    def advice_due(user, today):
        if user == adviser:
            yield WorklistItem(child=child, title="Give advice", due=today + timedelta(days=3), url="/advice/",
                               reason="SEND Regulations 2014, reg 8", today=today)

    register_worklist_provider(advice_due)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            assert reminders_send(TODAY) == 1
    finally:
        unregister_worklist_provider(advice_due)
    message = Message.objects.get(recipient=adviser)
    assert message.values["due_steps"] == 1 and message.values["overdue_steps"] == 0
    assert "Overdue: 0 steps." in message.body
    assert "http://127.0.0.1:8000/advice/" in message.body
    assert child.legal_last_name not in message.body
