"""Messages in every state, for the outbox and letters tests."""

from __future__ import annotations

import factory

from pathfinder.notifications.models import Channel, Message, MessageStatus


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    channel = Channel.EMAIL
    to_email = factory.Sequence(lambda n: f"parent{n}@example.test")
    kind = "plans.draft_sent"
    values = factory.LazyFunction(lambda: {"last_day": "2027-03-14", "link": "http://127.0.0.1:8000/children/family/"})
    subject = "The draft EHC plan is ready to read"
    body = "The draft EHC plan for your child is ready to read. You have until 14 March 2027 to comment on it."
    status = MessageStatus.OUTBOX


class LetterFactory(MessageFactory):
    channel = Channel.LETTER
    to_email = ""
    to_address = "4 Mill Lane\nWealdbury\nWM1 2AB"
    status = MessageStatus.LETTER_TO_PRINT
