"""Cease the plans whose decision's appeal period has ended with no appeal. Run daily from cron."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from pathfinder.ceasing.workflow import cessations_take_effect


class Command(BaseCommand):
    help = "Cease every plan whose decision to cease can no longer be appealed (once a day, like send_reminders)."

    def handle(self, *args, **options) -> None:
        ceased = cessations_take_effect(timezone.localdate())
        self.stdout.write(f"Ceased {len(ceased)} plan{'s' if len(ceased) != 1 else ''}.")
