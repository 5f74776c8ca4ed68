"""Remind caseworkers and advisers of steps due in the next week and of anything overdue. Run daily from cron."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from pathfinder.notifications.reminders import reminders_send


class Command(BaseCommand):
    help = "Send each caseworker and adviser one reminder of the steps due soon and overdue (once a day)."

    def handle(self, *args, **options) -> None:
        sent = reminders_send(timezone.localdate())
        self.stdout.write(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
