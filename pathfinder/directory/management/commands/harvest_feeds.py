"""Harvest every active subscription to another directory's ORUK feed (run from cron, see the README)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from pathfinder.directory.harvest.models import FeedSubscription
from pathfinder.directory.harvest.services import feed_harvest


class Command(BaseCommand):
    help = ("Bring in what changed in each subscribed Open Referral UK feed since its last harvest (--full: read "
            "every service, and withdraw those gone from the feed).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--full", action="store_true",
                            help="Read every service, not only those changed, so services gone from a feed are "
                                 "withdrawn from our Local Offer (run it weekly)")

    def handle(self, *args, **options) -> None:
        failed = 0
        for subscription in FeedSubscription.objects.filter(active=True):
            run = feed_harvest(subscription=subscription, full=options["full"])
            if run.status == run.Status.FAILED:
                failed += 1
                self.stderr.write(f"{subscription.name}: failed: {run.message}")
            else:
                self.stdout.write(
                    f"{subscription.name}: {run.added} added, {run.updated} updated, {run.unchanged} unchanged, "
                    f"{run.refused} refused, {run.conflicts} conflicts, {run.withdrawn} withdrawn"
                )
        if failed:
            raise SystemExit(1)
