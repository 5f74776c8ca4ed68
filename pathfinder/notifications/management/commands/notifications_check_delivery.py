"""Ask GOV.UK Notify what happened to the messages still on their way (beside its delivery-status callback)."""

from django.core.management.base import BaseCommand

from pathfinder.notifications.notify import notify_configured
from pathfinder.notifications.services import delivery_check


class Command(BaseCommand):
    help = "Record Notify's delivery status of every message sent and not yet delivered or failed."

    def handle(self, *args, **options) -> None:
        if not notify_configured():
            self.stdout.write("GOVUK_NOTIFY_API_KEY is not set: nothing is sent, so there is nothing to check.")
            return
        counts = delivery_check()
        self.stdout.write(", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "Nothing to check.")
