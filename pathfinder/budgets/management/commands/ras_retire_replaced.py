"""Retire each RAS version that a later published version has replaced by today. Run daily from cron."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from pathfinder.budgets.ras import ras_retire_replaced


class Command(BaseCommand):
    help = "Retire every published RAS version replaced by a later version that has taken effect (once a day)."

    def handle(self, *args, **options) -> None:
        retired = ras_retire_replaced(today=timezone.localdate())
        self.stdout.write(f"Retired {retired} version{'s' if retired != 1 else ''} of the resource allocation system.")
