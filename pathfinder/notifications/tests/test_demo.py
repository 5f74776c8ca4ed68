"""The demo county's outbox reads as a real one: the demo caseworker's families told, no names in any message."""

from datetime import date

import pytest

from pathfinder.demo.county import build_county
from pathfinder.notifications.models import Message, MessageStatus
from pathfinder.people.models import Child

pytestmark = pytest.mark.django_db


def test_the_demo_outbox_has_the_caseworkers_families_and_no_names():
    build_county(plans=60, requests=30, seed=1, local_offer_services=5)
    messages = list(Message.objects.all())
    assert messages, "the demo shows messages"
    # "Queued": sent by a demo step through the real service, waiting for the worker (this test's transaction never
    # commits, so the worker's job never runs); make run's worker moves it to the outbox.
    assert {m.status for m in messages} <= {MessageStatus.OUTBOX, MessageStatus.LETTER_TO_PRINT, MessageStatus.PRINTED,
                                            MessageStatus.QUEUED}
    assert {"assessments.request_received"} <= {m.kind for m in messages}
    letters = [m for m in messages if m.channel == "letter"]
    assert sum(m.status == MessageStatus.LETTER_TO_PRINT for m in letters) == min(3, len(letters))
    months = {f"{m:%B}" for m in (date(2026, i, 1) for i in range(1, 13))}  # "14 June 2027" is a date, not June
    names = {n for c in Child.objects.all() for n in (c.legal_first_name, c.legal_last_name)} - months
    for message in messages:
        assert not any(f" {name} " in f" {message.body} " for name in names), message.body
