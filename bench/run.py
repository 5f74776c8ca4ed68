"""`make bench`: how fast the busiest pages are at council and national scale, beside the database floor.

    python -m bench.run                      # council (25,000 plans) then national (640,000 plans)
    python -m bench.run --scale council      # the quick run, a couple of minutes

For each scale it builds a fresh benchmark database (SQLite bench-results/bench.sqlite3, or the PostgreSQL in
BENCH_DATABASE_URL / DATABASE_URL if its name contains "bench"; never the demo database), then measures:

* in-process with Django's test client (DEBUG off): the caseworker's home page, a child's case page and the
  manager's timeliness page, p50/p95 over --requests requests each;
* the FLOOR: the exact SQL each page ran (captured once), re-run straight through the database driver, and the
  ratio page/floor, which is the time Python, templates and middleware add;
* the Local Offer: search (words + a need + an age + a postcode distance) and /api/oruk/services pages, in-process
  and under 20 concurrent clients against a real gunicorn (2 workers, loopback).

Results print as a table and go to bench-results/latest.json. Speed is measured here, never by timed tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
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
TARGETS = {
    "caseworker_home_p95_ms": 100, "caseworker_home_ratio": 3.0,
    "local_offer_search_p95_ms": 50, "local_offer_search_ratio": 2.0,
}


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


# --------------------------------------------------------------------------------------------------------------
# Measuring


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def summary(times_s: list[float]) -> dict:
    ms = [t * 1000 for t in times_s]
    return {"p50_ms": round(statistics.median(ms), 2), "p95_ms": round(pct(ms, 0.95), 2), "n": len(ms)}


CONTROL = ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT")


def measure_page(client, url: str, n: int) -> dict:
    """p50/p95 of the page, then of exactly its SQL, with the same parameters, run by the database (the floor)."""
    from django.db import connection, transaction

    warm = 0.0
    for _ in range(3):
        t = time.perf_counter()
        response = client.get(url)
        warm = time.perf_counter() - t
        if response.status_code != 200:
            return {"error": f"{url} answered {response.status_code}"}
    n = min(n, max(5, int(20 / max(warm, 0.001))))  # a slow page gets fewer runs: the bench stays under 15 min
    page = []
    for _ in range(n):
        t = time.perf_counter()
        client.get(url)
        page.append(time.perf_counter() - t)
    recorded: list[tuple[str, object]] = []

    def record(execute, sql, params, many, context):
        recorded.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(url)
    # The floor runs each statement with the same bound parameters as the page: inlining them would let the
    # database choose plans (a partial index, say) that the page's own parameterised queries cannot use.
    statements = [(sql, params) for sql, params in recorded if not sql.lstrip().upper().startswith(CONTROL)]
    floor = []
    for _ in range(n):
        with transaction.atomic():
            with connection.cursor() as cursor:
                t = time.perf_counter()
                for sql, params in statements:
                    cursor.execute(sql, params)
                    if cursor.description:
                        cursor.fetchall()
                floor.append(time.perf_counter() - t)
            transaction.set_rollback(True)
    result = {"url": url, "page": summary(page), "floor": summary(floor), "queries": len(statements)}
    result["ratio_p50"] = round(result["page"]["p50_ms"] / max(result["floor"]["p50_ms"], 0.01), 2)
    result["ratio_p95"] = round(result["page"]["p95_ms"] / max(result["floor"]["p95_ms"], 0.01), 2)
    result["slowest_sql"] = slowest_statement(statements)
    return result


def slowest_statement(statements: list[tuple[str, object]]) -> dict:
    from django.db import connection

    worst = (0.0, "")
    with connection.cursor() as cursor:
        for sql, params in statements:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            t = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            worst = max(worst, (time.perf_counter() - t, sql))
    return {"ms": round(worst[0] * 1000, 2), "sql": worst[1][:600]}


def typical_caseworker():
    """The caseworker with the median number of open cases (not the busiest, not the emptiest)."""
    from django.db.models import Count, Q

    from pathfinder.accounts.models import User
    from pathfinder.assessments.constants import OPEN_STATUSES

    caseworkers = list(
        User.objects.filter(role="caseworker")
        .annotate(open_cases=Count("assessments", filter=Q(assessments__status__in=OPEN_STATUSES)))
        .order_by("open_cases", "pk")
    )
    return caseworkers[len(caseworkers) // 2]


def case_page_url(caseworker) -> tuple[str, str]:
    from django.db.models import Count
    from django.urls import NoReverseMatch, reverse

    from pathfinder.assessments.constants import OPEN_STATUSES
    from pathfinder.assessments.models import Assessment

    assessment = (
        Assessment.objects.filter(caseworker=caseworker, status__in=OPEN_STATUSES)
        .annotate(n=Count("advice_requests")).order_by("-n", "pk").first()
        or Assessment.objects.filter(child__team=caseworker.team).order_by("pk").first()
    )
    try:
        return "assessments:case", reverse(
            "assessments:case", kwargs={"child_id": assessment.child_id, "assessment_id": assessment.pk}
        )
    except NoReverseMatch:
        print("  note: assessments:case does not exist yet; measuring people:child instead")
        return "people:child", reverse("people:child", kwargs={"child_id": assessment.child_id})


def measure_case_pages(n: int) -> dict:
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from pathfinder.accounts.models import User
    from pathfinder.assessments.constants import OPEN_STATUSES

    out: dict = {}
    caseworker = typical_caseworker()
    client = Client()
    client.force_login(caseworker)
    open_cases = caseworker.assessments.filter(status__in=OPEN_STATUSES).count()
    team_children = caseworker.team.children.count()
    pages = []
    try:
        pages.append(("caseworker_home", client, reverse("insights:caseworker-home")))
    except NoReverseMatch:
        print("  note: insights:caseworker-home does not exist yet; skipped")
    name, url = case_page_url(caseworker)
    pages.append(("case_page", client, url))
    manager = Client()
    manager.force_login(User.objects.get(username="manager"))
    try:
        pages.append(("manager_timeliness", manager, reverse("insights:manager-home")))
    except NoReverseMatch:
        print("  note: insights:manager-home does not exist yet; skipped")
    for key, who, url in pages:
        out[key] = measure_page(who, url, n)
        print(f"  {key:<22} {fmt(out[key])}")
    out["caseworker"] = {"username": caseworker.username, "open_cases": open_cases, "team_children": team_children}
    out["case_page"]["view"] = name
    return out


def fmt(r: dict) -> str:
    if "error" in r:
        return r["error"]
    return (f"page p50 {r['page']['p50_ms']:.1f} ms, p95 {r['page']['p95_ms']:.1f} ms | floor p50 "
            f"{r['floor']['p50_ms']:.1f} ms, p95 {r['floor']['p95_ms']:.1f} ms ({r['queries']} queries) | "
            f"ratio p95 {r['ratio_p95']:.1f}x")


# --------------------------------------------------------------------------------------------------------------
# The Local Offer


def local_offer_urls() -> dict[str, list[str]]:
    from urllib.parse import urlencode

    from django.urls import NoReverseMatch, reverse

    from pathfinder.directory.models import PostcodeCentroid

    try:
        search = reverse("directory:search")
    except NoReverseMatch:
        return {}
    postcodes = list(PostcodeCentroid.objects.filter(outcode__startswith="WM").order_by("postcode")
                     .values_list("postcode", flat=True)[:200:10])
    queries = [("speech therapy", "SLCN", 7), ("autism support group", "ASD", 10), ("short breaks", "SLD", 12),
               ("holiday club", "SEMH", 9), ("nursery", "PD", 3)]
    urls = {"search": [], "api_services": []}
    for i, postcode in enumerate(postcodes):
        words, need, age = queries[i % len(queries)]
        urls["search"].append(search + "?" + urlencode(
            {"q": words, "need": need, "age": age, "postcode": postcode, "distance": "5"}))
    for page in range(1, 21):
        urls["api_services"].append(f"/api/oruk/services?page={page}&per_page=50")
    return urls


def measure_local_offer(n: int, concurrent_requests: int) -> dict:
    from django.test import Client

    urls = local_offer_urls()
    if not urls:
        return {"skipped": "the Local Offer search is not there"}
    out: dict = {}
    client = Client()
    for key in ("search", "api_services"):
        result = measure_page(client, urls[key][0], n)
        out[key] = {"in_process": result}
        print(f"  local offer {key:<10} {fmt(result)}")
    with gunicorn() as base:
        for key in ("search", "api_services"):
            c = concurrent(base, urls[key], concurrent_requests)
            out[key]["concurrent_20"] = c
            floor = out[key]["in_process"].get("floor", {})
            if floor:
                c["ratio_p95_to_floor"] = round(c["p95_ms"] / max(floor["p95_ms"], 0.01), 2)
            print(f"  local offer {key:<10} 20 clients: p50 {c['p50_ms']:.1f} ms, p95 {c['p95_ms']:.1f} ms, "
                  f"{c['per_second']:.0f} req/s, errors {c['errors']}")
    return out


class gunicorn:
    """A real server on a free loopback port, 2 workers, against the bench database; stopped on exit."""

    def __enter__(self) -> str:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        exe = Path(sys.executable).with_name("gunicorn")
        self.proc = subprocess.Popen(
            [str(exe), "config.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "2", "--no-control-socket",
             "--log-level", "warning"],
            cwd=ROOT, env={**os.environ}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/api/oruk/", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if self.proc.poll() is not None:
                    raise RuntimeError("gunicorn stopped: " + self.proc.stderr.read().decode()[-2000:]) from None
                time.sleep(0.2)
        return base

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def concurrent(base: str, urls: list[str], total: int, budget_s: float = 45.0) -> dict:
    """`total` requests from 20 threads, or fewer if the budget runs out (a slow endpoint must not stall the run)."""
    deadline = time.perf_counter() + budget_s

    def one(i: int) -> tuple[float, bool] | None:
        if time.perf_counter() > deadline:
            return None
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(base + urls[i % len(urls)], timeout=60) as response:
                response.read()
                ok = response.status == 200
        except (urllib.error.URLError, OSError):
            ok = False
        return time.perf_counter() - t, ok

    for i in range(4):  # warm both workers
        one(i)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = [r for r in pool.map(one, range(total)) if r is not None]
    elapsed = time.perf_counter() - started
    times = [t for t, _ in results]
    return {**summary(times), "errors": sum(not ok for _, ok in results),
            "per_second": round(len(results) / elapsed, 1)}


# --------------------------------------------------------------------------------------------------------------


def verdicts(scale: str, result: dict) -> list[str]:
    lines = []
    home = result.get("pages", {}).get("caseworker_home")
    if home and "page" in home:
        ok = home["page"]["p95_ms"] < TARGETS["caseworker_home_p95_ms"]
        ratio_ok = home["ratio_p95"] <= TARGETS["caseworker_home_ratio"]
        lines.append(f"caseworker home p95 {home['page']['p95_ms']:.1f} ms (target < 100 ms{' at national scale' if scale == 'national' else ''}): "
                     f"{'MET' if ok else 'MISSED'}; {home['ratio_p95']:.1f}x floor (target <= 3x): "
                     f"{'MET' if ratio_ok else 'MISSED'}")
    search = result.get("local_offer", {}).get("search", {})
    if "concurrent_20" in search:
        c = search["concurrent_20"]
        lines.append(f"Local Offer search p95 under 20 clients {c['p95_ms']:.1f} ms (target < 50 ms): "
                     f"{'MET' if c['p95_ms'] < 50 else 'MISSED'}; {c.get('ratio_p95_to_floor', 0):.1f}x floor "
                     f"(target <= 2x): {'MET' if c.get('ratio_p95_to_floor', 99) <= 2 else 'MISSED'}")
        inproc = search["in_process"]
        lines.append(f"  (one client, in-process: p95 {inproc['page']['p95_ms']:.1f} ms, "
                     f"{inproc['ratio_p95']:.1f}x floor)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=["council", "national", "all"], default="all")
    parser.add_argument("--requests", type=int, default=50, help="Requests per page for p50/p95 (default 50)")
    parser.add_argument("--concurrent-requests", type=int, default=400,
                        help="Requests per Local Offer scenario under 20 clients (default 400)")
    args = parser.parse_args(argv)
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
    for scale in (["council", "national"] if args.scale == "all" else [args.scale]):
        print(f"\n== {scale} scale: {SCALES[scale]['plans']:,} plans, {SCALES[scale]['requests']:,} requests a "
              f"year, {SCALES[scale]['services']:,} Local Offer services ({connection.vendor}) ==")
        fresh_database(url)
        result: dict = {"spec": SCALES[scale], "build": build(scale)}
        result["pages"] = measure_case_pages(args.requests)
        result["local_offer"] = measure_local_offer(args.requests, args.concurrent_requests)
        result["verdicts"] = verdicts(scale, result)
        report["scales"][scale] = result
        (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, default=str))
    report["seconds"] = round(time.monotonic() - began, 1)
    report["load_average_at_end"] = os.getloadavg()
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, default=str))
    print_table(report)
    return 0


def print_table(report: dict) -> None:
    print("\n" + "=" * 118)
    print(f"{'scale':<9} {'measure':<28} {'p50 ms':>8} {'p95 ms':>8} {'floor p50':>10} {'floor p95':>10} "
          f"{'ratio p95':>10} {'queries':>8}")
    print("-" * 118)
    for scale, result in report["scales"].items():
        for key, r in result["pages"].items():
            if isinstance(r, dict) and "page" in r:
                print(f"{scale:<9} {key:<28} {r['page']['p50_ms']:>8.1f} {r['page']['p95_ms']:>8.1f} "
                      f"{r['floor']['p50_ms']:>10.1f} {r['floor']['p95_ms']:>10.1f} {r['ratio_p95']:>9.1f}x "
                      f"{r['queries']:>8}")
        for key, r in result.get("local_offer", {}).items():
            if not isinstance(r, dict) or "in_process" not in r:
                continue
            i = r["in_process"]
            print(f"{scale:<9} {'LO ' + key + ' (1 client)':<28} {i['page']['p50_ms']:>8.1f} {i['page']['p95_ms']:>8.1f} "
                  f"{i['floor']['p50_ms']:>10.1f} {i['floor']['p95_ms']:>10.1f} {i['ratio_p95']:>9.1f}x {i['queries']:>8}")
            c = r.get("concurrent_20")
            if c:
                print(f"{scale:<9} {'LO ' + key + ' (20 clients)':<28} {c['p50_ms']:>8.1f} {c['p95_ms']:>8.1f} "
                      f"{'':>10} {'':>10} {c.get('ratio_p95_to_floor', 0):>9.1f}x {c['per_second']:>6.0f}/s")
        cw = result["pages"].get("caseworker", {})
        print(f"{scale:<9} typical caseworker {cw.get('username')}: {cw.get('open_cases')} open cases, "
              f"team of {cw.get('team_children'):,} children; built in {result['build']['seconds']:.0f}s")
        for line in result["verdicts"]:
            print(f"{scale:<9} {line}")
        print("-" * 118)
    print(f"Total {report['seconds']:.0f}s. Written to {RESULTS / 'latest.json'}")
    busy = max(report["load_average_at_start"][0], report["load_average_at_end"][0])
    if busy > (report["cpus"] or 1):
        print(f"WARNING: the machine was busy (load average {busy:.1f} on {report['cpus']} CPUs): p95 figures are "
              "inflated by other work; re-run on a quiet machine before trusting them.")


if __name__ == "__main__":
    raise SystemExit(main())
