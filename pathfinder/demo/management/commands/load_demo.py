"""Load the fictional county of Wealdmoor: `make run` (--if-empty) and `make demo` (--reset)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from pathfinder.demo.county import build_county
from pathfinder.demo.pdfs import demo_plan_pdfs
from pathfinder.demo.reset import wipe_demo
from pathfinder.people.models import Child


class Command(BaseCommand):
    help = "Load the demo county (about 4,000 EHC plans and 1,200 requests this year) and the demo sign-ins."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if any child is already recorded")
        parser.add_argument("--reset", action="store_true", help="Delete all case data and accounts, then load")
        parser.add_argument("--plans", type=int, default=3800, help="Plans made before this year (default 3,800)")
        parser.add_argument("--requests", type=int, default=1200, help="Requests in the last 12 months")
        parser.add_argument("--services", type=int, default=1500, help="Local Offer services (default 1,500)")
        parser.add_argument("--seed", type=int, default=2026, help="The same seed always gives the same county")

    def handle(self, *args, **options) -> None:
        if options["if_empty"] and Child.objects.exists():
            self.stdout.write("Demo data is already loaded (use `make demo` to rebuild it).")
            return
        started = time.monotonic()
        if options["reset"]:
            counts = wipe_demo()
            self.stdout.write(f"Wiped the demo data ({sum(counts.values()):,} rows) in {time.monotonic() - started:.1f}s")
        elif Child.objects.exists():
            raise CommandError("There are children recorded already. Use --reset to replace them, or --if-empty.")
        self.stdout.write("Loading the demo county of Wealdmoor:")
        result = build_county(
            plans=options["plans"], requests=options["requests"], seed=options["seed"],
            local_offer_services=options["services"], progress=self.stdout.write
        )
        self.stdout.write(f"  Local Offer: {result.local_offer}")
        pdfs = demo_plan_pdfs()
        self.stdout.write(f"  Final plan PDFs: {pdfs['pdfs_rendered']:,} made now (the plans the demo sign-ins open "
                          f"first), {pdfs['pdfs_queued']:,} queued for the task worker that `make run` starts")
        self.stdout.write(self.style.SUCCESS(f"Loaded the demo county in {time.monotonic() - started:.1f}s."))
