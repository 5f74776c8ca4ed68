"""The bench's scales and its database: a fresh benchmark database per scale, filled with the demo county
at council or national scale (pathfinder.demo.county, then lean rows from pathfinder.demo.bulk)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
SQLITE_PATH = RESULTS / "bench.sqlite3"

SCALES = {
    # active plans; requests a year (England: 154,489 requests for 638,745 plans, DfE 2025)
    "council": {"plans": 25_000, "requests": 6_000, "teams_per_area": 6, "services": 1_500},
    "national": {"plans": 640_000, "requests": 150_000, "teams_per_area": 160, "services": 100_000},
}
RICH = {"plans": 3_800, "requests": 1_200}  # the demo county's rich records sit inside each scale


def bench_database_url() -> str:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if url.startswith("postgres"):
        name = url.rsplit("/", 1)[-1].split("?")[0]
        if "bench" not in name:
            sys.exit(f"Refusing to use database {name!r}: the bench wipes its database, so its name must contain "
                     "'bench' (set BENCH_DATABASE_URL=postgres://.../pathfinder_bench).")
        return url
    return f"sqlite:///{SQLITE_PATH}"


def configure(url: str) -> None:
    import warnings

    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise: the bench serves no static files
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"  # DEBUG off, plain static files
    os.environ["PATHFINDER_REQUIRE_STAFF_MFA"] = "0"  # the test client cannot type a code
    os.environ["PATHFINDER_API_ANON_RATE"] = "1000000/minute"  # measure the API, not its throttle
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def fresh_database(url: str) -> None:
    """Empty the bench database and migrate it."""
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    if url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        name = connection.settings_dict["NAME"]
        params = {k: v for k, v in {
            "host": connection.settings_dict.get("HOST"), "port": connection.settings_dict.get("PORT"),
            "user": connection.settings_dict.get("USER"), "password": connection.settings_dict.get("PASSWORD"),
        }.items() if v}
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0, interactive=False)
    if url.startswith("sqlite"):
        with connection.cursor() as cursor:  # as the app runs it (settings: WAL, synchronous NORMAL)
            cursor.execute("PRAGMA journal_mode=WAL")


def build(scale: str) -> dict:
    from django.db import connection

    from pathfinder.demo.bulk import bulk_fill
    from pathfinder.demo.county import build_county

    spec = SCALES[scale]
    started = time.monotonic()
    build_county(plans=RICH["plans"], requests=RICH["requests"], seed=2026, rich=True,
                 teams_per_area=spec["teams_per_area"], local_offer_services=0, progress=print)
    # About 28% of a year's requests have become plans by now, so fewer plans from earlier years are needed.
    earlier = spec["plans"] - RICH["plans"] - int(0.28 * (spec["requests"] - RICH["requests"]))
    counts = bulk_fill(plans=earlier, requests=spec["requests"] - RICH["requests"], progress=print)
    local_offer = build_local_offer(spec["services"])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    seconds = time.monotonic() - started
    print(f"  built {scale} scale in {seconds:.0f}s")
    return {"seconds": round(seconds, 1), "lean_rows": counts, "local_offer": local_offer}


def build_local_offer(services: int) -> dict | str:
    from pathfinder.directory import demo as directory_demo

    started = time.monotonic()
    if services <= 1_500:
        made = directory_demo.build_demo_local_offer(services=services, organisations=400, seed=2014)
    else:
        made = directory_demo.build_bench_local_offer(services)
    print(f"  Local Offer: {made} ({time.monotonic() - started:.0f}s)")
    return made
