"""`make bench`: how fast the busiest pages are at council and national scale, beside the database floor.

    python -m bench.run                      # council (25,000 plans) then national (640,000 plans)
    python -m bench.run --scale council      # the quick run, a couple of minutes
    python -m bench.run --scale import       # the caseload import: 100,000 children with their history (rows/s)
    python -m bench.run --scale load         # the Local Offer under a county's peak: open-loop load (bench/load.py)
    python -m bench.run --scale harvest      # harvesting a neighbour's ORUK feed of 100,000 services (services/s)

For each scale it builds a fresh benchmark database (SQLite bench-results/bench.sqlite3, or the PostgreSQL in
BENCH_DATABASE_URL / DATABASE_URL if its name contains "bench"; never the demo database), then measures:

* in-process with Django's test client (DEBUG off): the caseworker's home page, a child's case page and the
  manager's timeliness page, p50/p95 over --requests requests each;
* the FLOOR: the exact SQL each page ran (captured once), re-run straight through the database driver, and the
  ratio page/floor, which is the time Python, templates and middleware add;
* the SEN2 return (council scale): building it beside the raw export of the same rows (bench/sen2.py);
* the Local Offer: search (words + a need + an age + a postcode distance) and /api/oruk/services pages, in-process
  and under 20 concurrent clients against a real gunicorn (2 workers, loopback).

The import scale (bench/caseload.py) exports a council built from the demo draws in the caseload template and times
importing it into a fresh database. Results print as a table and go to bench-results/latest.json. Speed is measured here, never by timed tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time

from bench.local_offer import measure_local_offer
from bench.measurement import measure_case_pages
from bench.report import TARGETS, print_table, verdicts
from bench.scenarios import RESULTS, SCALES, bench_database_url, build, configure, fresh_database
from bench.sen2 import measure_sen2_return, sen2_verdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=["council", "national", "import", "load", "harvest", "all"], default="all")
    parser.add_argument("--children", type=int, default=100_000, help="Children for --scale import (default 100,000)")
    parser.add_argument("--services", type=int, default=100_000, help="Services for --scale harvest (100,000)")
    parser.add_argument("--feed-latency-ms", type=float, default=0.0,
                        help="--scale harvest: the fake feed waits this long before each answer (default 0)")
    parser.add_argument("--requests", type=int, default=50, help="Requests per page for p50/p95 (default 50)")
    parser.add_argument("--concurrent-requests", type=int, default=400,
                        help="Requests per Local Offer scenario under 20 clients (default 400)")
    parser.add_argument("--load-scales", default="council,national", help="--scale load: council, national or both")
    parser.add_argument("--rates", default="", help="--scale load: arrival rates a second, e.g. 100,200,400")
    parser.add_argument("--seconds", type=float, default=20.0, help="--scale load: seconds at each rate")
    parser.add_argument("--keep-database", action="store_true", help="--scale load: reuse a database built before")
    parser.add_argument("--warm-seconds", type=float, default=30.0, help="--scale load: warm-up before measuring")
    parser.add_argument("--workers", type=int, default=None, help="--scale load: gunicorn processes (default: CPUs)")
    parser.add_argument("--threads", type=int, default=None, help="--scale load: threads per gunicorn process")
    args = parser.parse_args(argv)
    if args.scale == "load":
        from bench.load import run_load

        rates = [int(r) for r in args.rates.split(",") if r.strip()] or None
        return run_load(args.load_scales.split(","), rates, args.seconds, args.keep_database, args.workers,
                        args.threads, args.warm_seconds)
    RESULTS.mkdir(exist_ok=True)
    url = bench_database_url()
    configure(url)
    from django.db import connection

    report: dict = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"), "database": connection.vendor,
        "python": platform.python_version(), "cpus": os.cpu_count(), "targets": TARGETS, "scales": {},
        "load_average_at_start": os.getloadavg(),
    }
    began = time.monotonic()
    if args.scale == "harvest":
        from bench.harvest import measure_harvest

        report["harvest"] = measure_harvest(url, args.services, args.feed_latency_ms)
        report["seconds"] = round(time.monotonic() - began, 1)
        (RESULTS / "latest-harvest.json").write_text(json.dumps(report, indent=2, default=str))
        return 0
    if args.scale == "import":
        from bench.caseload import measure_caseload_import

        report["caseload_import"] = measure_caseload_import(url, args.children)
        report["seconds"] = round(time.monotonic() - began, 1)
        (RESULTS / "latest-import.json").write_text(json.dumps(report, indent=2, default=str))
        return 0
    for scale in (["council", "national"] if args.scale == "all" else [args.scale]):
        print(f"\n== {scale} scale: {SCALES[scale]['plans']:,} plans, {SCALES[scale]['requests']:,} requests a "
              f"year, {SCALES[scale]['services']:,} Local Offer services ({connection.vendor}) ==")
        fresh_database(url)
        result: dict = {"spec": SCALES[scale], "build": build(scale)}
        result["pages"] = measure_case_pages(args.requests)
        result["local_offer"] = measure_local_offer(args.requests, args.concurrent_requests)
        result["verdicts"] = verdicts(scale, result)
        if scale == "council":  # the SEN2 return is one council's: timed at that scale only
            result["sen2_return"] = measure_sen2_return()
            result["verdicts"].append(sen2_verdict(result["sen2_return"]))
        report["scales"][scale] = result
        (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, default=str))
    report["seconds"] = round(time.monotonic() - began, 1)
    report["load_average_at_end"] = os.getloadavg()
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, default=str))
    print_table(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
