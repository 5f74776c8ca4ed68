"""Telling people what happens next: queue a message with the change it announces, send it once that is saved.

Why after the commit: a message that says "the draft plan is ready" must never go out for a draft that was not
saved after all. ``message_send`` is called inside the transaction of the change (a domain's service); the
message row commits with it, or not at all, and the sending is enqueued only on commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.notifications import notify
from pathfinder.notifications.kinds import message_kind, render, values_checked
from pathfinder.notifications.models import Channel, Message, MessageStatus
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.scope import children_by_ids

NO_DETAILS = "We hold no email address, phone number or postal address for them"


def message_send(*, to: Recipient, kind: str, values: Mapping[str, Any], child: Any = None) -> Message:
    """Queue a message of ``kind`` for ``to``; it is sent (or put in the outbox) after the current transaction.

    A letter is queued for the council to print. Refuses (MessageValueError) a value the kind may not use.
    Not audited on its own: the change it announces is, by the service that calls this, and the message keeps
    the child's id.
    """
    message_type = message_kind(kind)
    stored = values_checked(message_type, values)
    channel = to.usable_channel
    rendered = render(message_type, channel or to.channel, stored)
    message = Message.objects.create(
        recipient=to.user, channel=channel or to.channel, kind=kind, values=stored,
        to_email=to.email if channel == Channel.EMAIL else "",
        to_phone=to.phone if channel == Channel.SMS else "",
        to_address=to.address if channel == Channel.LETTER else "",
        subject=rendered.subject, body=rendered.body, child_id=getattr(child, "pk", None),
        status=_first_status(channel), failure_reason="" if channel else NO_DETAILS,
        status_updated_at=timezone.now(),
    )
    if message.status == MessageStatus.QUEUED:
        transaction.on_commit(lambda: _enqueue(message.pk))
    return message


def _first_status(channel: str | None) -> str:
    if channel is None:
        return MessageStatus.FAILED
    return MessageStatus.LETTER_TO_PRINT if channel == Channel.LETTER else MessageStatus.QUEUED


def _enqueue(message_id: int) -> None:
    from pathfinder.notifications.tasks import message_deliver_task

    message_deliver_task.enqueue(message_id)


def message_deliver(message_id: int) -> str:
    """Send a queued email or text message through GOV.UK Notify, or leave it in the outbox without a key."""
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message_id)
        if message.status != MessageStatus.QUEUED:
            return message.status  # sent already (a task run twice), or not ours to send
        if not notify.notify_configured():
            return _set_status(message, MessageStatus.OUTBOX)
        message.status = MessageStatus.SENDING
        message.save(update_fields=["status"])
    try:
        sent = notify.notify_send(channel=message.channel, to_email=message.to_email, to_phone=message.to_phone,
                                  subject=message.subject, body=message.body, reference=f"pathfinder-{message.pk}")
    except notify.NotifyFailed as failed:
        return _set_status(message, MessageStatus.FAILED, reason=failed.reason)
    message.notify_id = sent.notify_id
    message.sent_at = timezone.now()
    return _set_status(message, MessageStatus.SENT, extra=("notify_id", "sent_at"))


def _set_status(message: Message, status: str, *, reason: str = "", extra: tuple[str, ...] = ()) -> str:
    message.status = status
    message.failure_reason = reason
    message.status_updated_at = timezone.now()
    message.save(update_fields=["status", "failure_reason", "status_updated_at", *extra])
    return status


def message_delivery_record(*, notify_id: str, notify_status: str) -> Message | None:
    """Record what Notify says happened to a message (its callback, or our check). Unknown ids are ignored."""
    mapped = notify.NOTIFY_STATUSES.get(notify_status)
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(notify_id=notify_id).first()
        if message is None or mapped is None:
            return message
        status, reason = mapped
        if message.status in (MessageStatus.DELIVERED, MessageStatus.FAILED) and status == MessageStatus.SENDING:
            return message  # a late "sending" never undoes a final status
        if (message.status, message.failure_reason) != (status, reason):
            _set_status(message, status, reason=reason)
    return message


def delivery_check() -> dict[str, int]:
    """Ask Notify about every message still on its way; returns how many now have each status."""
    counts: dict[str, int] = {}
    waiting = Message.objects.filter(status__in=(MessageStatus.SENT, MessageStatus.SENDING)).exclude(notify_id="")
    for message in waiting.only("pk", "notify_id"):
        try:
            status = notify.notify_status(message.notify_id)
        except notify.NotifyFailed:
            counts["unknown"] = counts.get("unknown", 0) + 1
            continue
        updated = message_delivery_record(notify_id=message.notify_id, notify_status=status)
        if updated is not None:
            counts[updated.status] = counts.get(updated.status, 0) + 1
    return counts


def letter_mark_printed(*, acting_user: Any, message: Message) -> Message:
    """The council printed and posted the letter."""
    with transaction.atomic():
        current = Message.objects.select_for_update().get(pk=message.pk)
        if current.status != MessageStatus.LETTER_TO_PRINT:
            raise ServiceError("This letter has already been marked as printed.")
        current.printed_by = acting_user
        current.sent_at = timezone.now()
        _set_status(current, MessageStatus.PRINTED, extra=("printed_by", "sent_at"))
        if current.child_id:
            for child in children_by_ids([current.child_id]):
                audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=child, obj=current,
                                   what=f"printed and posted a letter to the family: {current.subject}")
    return current
