"""Run every daily job the apps registered (pathfinder.core.daily_jobs). Run it once a day from cron or a systemd
timer (see the README); it is safe to run again the same day, since each job does only what is due."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pathfinder.core.daily_jobs import daily_jobs, daily_jobs_run


class Command(BaseCommand):
    help = "Run every registered daily job (reminders, plans ceasing, feeds, search words ...); exit 1 if any failed."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--list", action="store_true", dest="list_only", help="List the jobs in the order they run, and stop")
        parser.add_argument("--only", action="append", default=[], metavar="NAME",
                            help="Run only this job (repeat for more)")
        parser.add_argument("--today", default="", help="Run as if today were YYYY-MM-DD (default: today)")

    def handle(self, *args, list_only: bool, only: list[str], today: str, **options) -> None:
        jobs = daily_jobs()
        if list_only:
            for job in jobs:
                self.stdout.write(f"{job.name}: {job.description}")
            return
        unknown = sorted(set(only) - {job.name for job in jobs})
        if unknown:
            raise CommandError(f"No daily job called {', '.join(unknown)}. `run_daily_jobs --list` names them.")
        try:
            day = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--today must be a date like 2027-01-21: {error}") from error
        outcomes = daily_jobs_run(day, only=tuple(only))
        for outcome in outcomes:
            line = f"{outcome.name}: {outcome.summary} ({outcome.seconds:.1f} s)"
            if outcome.ok:
                self.stdout.write(line)
            else:
                self.stderr.write(f"FAILED {line}")
        failed = [o.name for o in outcomes if not o.ok]
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (the log has each traceback); the other jobs ran.")
