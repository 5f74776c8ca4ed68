"""The daily reminder: one digest for each caseworker and adviser of the steps due soon and the steps overdue.

Why a digest of counts: a reminder leaves the council's systems, so it carries no child's name, only how many
and a link to the worklist behind sign-in. It reads the worklist registry (core.worklist), so it knows no
domain: a step any app puts on a worklist is counted. Running it twice on one day sends nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse

from pathfinder.accounts.models import User
from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import home_page_for
from pathfinder.core.worklist import worklist_items
from pathfinder.notifications.kinds import link
from pathfinder.notifications.messages import REMINDER
from pathfinder.notifications.models import Message
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send

REMINDED_ROLES = (Role.CASEWORKER, Role.ADVISER)


@dataclass(frozen=True)
class Counts:
    due: int
    overdue: int


def reminder_counts(user: User, today: date) -> Counts:
    """How many of the user's steps are due within the look-ahead (today included) and how many are overdue."""
    ahead = today + timedelta(days=settings.PATHFINDER_REMINDER_DAYS_AHEAD)
    items = worklist_items(user, today).items
    overdue = sum(1 for item in items if item.is_overdue)
    due = sum(1 for item in items if not item.is_overdue and today <= item.due <= ahead)
    return Counts(due=due, overdue=overdue)


def _home_link(user: User) -> str:
    name = home_page_for(user.role)
    try:
        return link(reverse(name) if name else "/")
    except NoReverseMatch:
        return link("/")


def reminders_send(today: date) -> int:
    """Send today's reminders; returns how many were sent. Nobody is reminded twice on one day."""
    already = set(Message.objects.filter(kind=REMINDER.key, values__date=today.isoformat(), recipient__isnull=False)
                  .values_list("recipient_id", flat=True))
    sent = 0
    for user in User.objects.filter(role__in=REMINDED_ROLES, is_active=True).exclude(pk__in=already).order_by("pk"):
        counts = reminder_counts(user, today)
        if not (counts.due or counts.overdue):
            continue
        with transaction.atomic():
            message_send(to=Recipient.for_user(user), kind=REMINDER.key, values={
                "date": today, "due_steps": counts.due, "overdue_steps": counts.overdue, "link": _home_link(user),
            })
        sent += 1
    return sent
