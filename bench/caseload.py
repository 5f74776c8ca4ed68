"""The caseload import's speed (issue 10: 100,000 children with their history at 5,000 rows a second or more).

    python -m bench.run --scale import                 # 100,000 children
    python -m bench.run --scale import --children 20000

1. A source council: a fresh benchmark database filled from the demo draws (pathfinder.demo.county for the teams,
   pathfinder.demo.bulk for children, ranked needs, requests and plans), exported in the caseload template
   (export_caseload), with a parent for each child and the annual reviews of older plans added to the files.
2. The council moving in: a fresh, empty database; the whole set imported for real (checked, then written in one
   transaction) and timed. Rows a second = every row read / the import's seconds (reading, checking, writing).
"""

from __future__ import annotations

import csv
import os
import random
import time
from datetime import date, timedelta
from pathlib import Path

from bench.scenarios import RESULTS, fresh_database

TARGET_ROWS_PER_SECOND = 5_000


def _add_history(folder: Path, today: date) -> dict[str, int]:
    """A parent per child and the annual reviews of plans made more than a year ago, as a legacy system has."""
    rng = random.Random(10)
    with (folder / "children.csv").open(newline="", encoding="utf-8") as handle:
        children = list(csv.DictReader(handle))
    with (folder / "plans.csv").open(newline="", encoding="utf-8") as handle:
        plans = list(csv.DictReader(handle))
    from pathfinder.caseload.template import header

    with (folder / "family.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header("family"), lineterminator="\r\n")
        writer.writeheader()
        for number, child in enumerate(children):
            writer.writerow({"legacy_id": f"F-{child['legacy_id']}", "child_legacy_id": child["legacy_id"],
                             "name": f"{rng.choice(['Sam', 'Alex', 'Jo', 'Chris'])} {child['legal_last_name']}",
                             "relationship": rng.choice(["Mother", "Father", "Carer"]),
                             "has_parental_responsibility": "Y", "receives_notices": "Y",
                             "email": f"parent{number}@example.test"})
    reviews = 0
    with (folder / "reviews.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header("reviews"), lineterminator="\r\n")
        writer.writeheader()
        for plan in plans:
            if plan["status"] != "final" or not plan["first_made_on"]:
                continue
            made = date.fromisoformat(plan["first_made_on"])
            year = 1
            while made + timedelta(days=365 * year) < today - timedelta(days=31):
                decided = made + timedelta(days=365 * year - rng.randint(5, 40))
                writer.writerow({"legacy_id": f"RV-{plan['legacy_id']}-{year}", "plan_legacy_id": plan["legacy_id"],
                                 "kind": "annual", "status": "decided", "started_on": decided - timedelta(days=60),
                                 "meeting_on": decided - timedelta(days=20), "decision": "maintain",
                                 "decided_on": decided})
                reviews += 1
                year += 1
    return {"family": len(children), "reviews": reviews}


def measure_caseload_import(url: str, children: int) -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from pathfinder.caseload.loading import source_from_path
    from pathfinder.caseload.models import ImportRun
    from pathfinder.caseload.services import caseload_import
    from pathfinder.demo.bulk import bulk_fill
    from pathfinder.demo.county import build_county

    folder = RESULTS / "caseload-import"
    print(f"\n== caseload import: {children:,} children with their history ({connection.vendor}) ==")
    fresh_database(url)
    started = time.monotonic()
    build_county(plans=0, requests=0, seed=2026, rich=False, teams_per_area=6, local_offer_services=0)
    requests = children // 5
    bulk_fill(plans=children - requests, requests=requests, progress=print)
    print(f"  source council built in {time.monotonic() - started:.0f}s")
    started = time.monotonic()
    call_command("export_caseload", str(folder), verbosity=0)
    exported = time.monotonic() - started
    added = _add_history(folder, timezone.localdate())
    rows = {name: len(rows) for name, rows in source_from_path(folder, "csv").rows.items()}
    print(f"  exported in {exported:.1f}s (+ {added['family']:,} parents, {added['reviews']:,} reviews): "
          + ", ".join(f"{name} {count:,}" for name, count in rows.items()))
    fresh_database(url)
    started, cpu_started = time.monotonic(), time.process_time()
    source = source_from_path(folder, "csv")
    read = time.monotonic() - started
    run = ImportRun.objects.create(format="csv", source_system="bench", file_name=folder.name, commit=True)
    stages: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        stages.setdefault(stage, time.monotonic())

    run = caseload_import(source, run=run, progress=progress)
    seconds, cpu = time.monotonic() - started, time.process_time() - cpu_started
    total = sum(c["read"] for c in run.counts.values())
    result = {
        "children": children, "rows": total, "seconds": round(seconds, 1), "read_seconds": round(read, 1),
        "check_seconds": round(stages.get("writing", time.monotonic()) - stages.get("checking", started), 1),
        "rows_per_second": round(total / seconds), "cpu_seconds": round(cpu, 1),
        "rows_per_cpu_second": round(total / cpu), "load_average": os.getloadavg(), "status": run.status, "refused": len(run.refused),
        "export_seconds": round(exported, 1), "by_file": run.counts, "target_rows_per_second": TARGET_ROWS_PER_SECOND,
    }
    verdict = "meets" if result["rows_per_second"] >= TARGET_ROWS_PER_SECOND else "MISSES"
    print(f"  imported {total:,} rows in {seconds:.1f}s (read {read:.1f}s, checked {result['check_seconds']:.1f}s): "
          f"{result['rows_per_second']:,} rows/s, {verdict} the target of {TARGET_ROWS_PER_SECOND:,}; "
          f"status {run.status}, {len(run.refused):,} refused")
    print(f"  the import's own CPU time {cpu:.1f}s: {result['rows_per_cpu_second']:,} rows per CPU second (load average "
          f"{os.getloadavg()[0]:.1f}: other work on the machine slows the wall-clock figure, not this one)")
    return result
