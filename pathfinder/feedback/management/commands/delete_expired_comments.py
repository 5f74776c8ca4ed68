from django.core.management.base import BaseCommand
from django.utils import timezone

from pathfinder.feedback.services import comments_delete_expired


class Command(BaseCommand):
    help = "Delete Local Offer comments received more than 3 years ago (run daily, for example from cron)."

    def handle(self, *args, **options) -> None:
        deleted = comments_delete_expired(today=timezone.localdate())
        self.stdout.write(f"Deleted {deleted} comment(s) older than 3 years.")
