"""Background jobs for messages. Run by `manage.py db_worker`; inline in tests (ImmediateBackend)."""

from __future__ import annotations

from django_tasks import task


@task()
def message_deliver_task(message_id: int) -> str:
    """Send one message (or leave it in the outbox). Safe to run twice: a message is sent once."""
    from pathfinder.notifications.services import message_deliver

    return message_deliver(message_id)
