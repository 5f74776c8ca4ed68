"""Demo messages: what the demo county's families and advisers were told, as the outbox shows it.

Built from plain notices (who, which kind, which values, when) that pathfinder.demo draws from the cases, so this
module needs nothing from the domains above it. Without a GOV.UK Notify key the demo sends nothing: emails and
texts sit in the outbox; letters wait to be printed, and a few older ones have been printed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from pathfinder.notifications.kinds import message_kind, render, values_checked
from pathfinder.notifications.models import Channel, Message, MessageStatus
from pathfinder.notifications.recipients import Recipient


@dataclass(frozen=True)
class DemoNotice:
    """One thing a person was told about a child's case, on a day."""

    to: Recipient
    kind: str
    values: dict[str, Any]
    on: date
    child_id: int | None = None


def _moment(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(9, 16), rng.randint(0, 59))))


WAITING_LETTERS = 3  # the newest letters have not been printed yet, so the demo's "Letters to print" has some


def build_messages(rng: random.Random, *, today: date, notices: Iterable[DemoNotice]) -> dict[str, int]:
    """Write the notices as messages. The newest few letters wait to be printed; older ones have been."""
    notices = sorted(notices, key=lambda n: n.on)
    letters = [i for i, n in enumerate(notices) if n.to.usable_channel == Channel.LETTER]
    waiting = set(letters[-WAITING_LETTERS:])
    rows = []
    for index, notice in enumerate(notices):
        channel = notice.to.usable_channel
        if channel is None:
            continue
        kind = message_kind(notice.kind)
        stored = values_checked(kind, notice.values)
        words = render(kind, channel, stored)
        made = _moment(notice.on, rng)
        if channel == Channel.LETTER:
            status = MessageStatus.LETTER_TO_PRINT if index in waiting else MessageStatus.PRINTED
        else:
            status = MessageStatus.OUTBOX
        rows.append(Message(
            recipient=notice.to.user, channel=channel, kind=notice.kind, values=stored, subject=words.subject,
            body=words.body, child_id=notice.child_id, status=status, status_updated_at=made,
            to_email=notice.to.email if channel == Channel.EMAIL else "",
            to_phone=notice.to.phone if channel == Channel.SMS else "",
            to_address=notice.to.address if channel == Channel.LETTER else "",
            sent_at=made if status == MessageStatus.PRINTED else None,
        ))
    made_rows = Message.objects.bulk_create(rows, batch_size=500)
    # created_at is auto_now_add: set it to the day of the event, so the outbox reads in the order things happened.
    for message, row in zip(made_rows, rows, strict=True):
        message.created_at = row.status_updated_at
    Message.objects.bulk_update(made_rows, ["created_at"], batch_size=500)
    return {"messages": len(made_rows)}
