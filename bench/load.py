"""The Local Offer under a county's peak: an open-loop load test against gunicorn with the production settings.

    python -m bench.run --scale load                   # council (1,500 services) then national (100,000)
    python -m bench.run --scale load --load-scales council --rates 100,200,400 --seconds 20
    make bench-load                                    # the same as the first line

For each scale it builds a database holding the Local Offer only (SQLite bench-results/load-<scale>.sqlite3, or
<BENCH_DATABASE_URL>_<scale> on PostgreSQL; `--keep-database` reuses one already built), collects the static files,
starts gunicorn with config/gunicorn.py and config.settings.production (as a council runs it, behind a TLS proxy:
requests say X-Forwarded-Proto: https), warms up, then sends a realistic mix at fixed arrival rates (bench/driver.py). National scale spreads its services
over 67 fictional counties of the demo county's size, side by side, as a national directory's are over the nation
(searches are from postcodes in the demo county, in the middle, so a 10-mile search crosses into its neighbours):

* 60% searches: 200 distinct queries (words, a need, an age, a postcode and distance, in combinations) drawn with a
  Zipf-like spread (the n-th most popular asked 1/n as often as the first), as real search logs are;
* 25% service pages, Zipf-like over the services (a few are opened far more than the rest);
* 15% API pages: /services lists (pages, words, a need), single services, taxonomy terms.

Each rate's p50, p95, p99 and errors are reported with the share of answers that came from the shared cache and the
load average (the machine may be shared: its other work slows every figure), then the highest rate with p95 under
200 ms and no errors. Results go to bench-results/latest-load.json. Loopback only, bounded in count and time.
"""

from __future__ import annotations

import asyncio
import bisect
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from itertools import accumulate
from pathlib import Path

from bench.driver import Driver, StepResult, percentile

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
SERVICES = {"council": 1_500, "national": 100_000}
RATES = {"council": [50, 100, 200, 300, 400, 500, 600], "national": [50, 100, 200, 300, 400]}
MIX = (("search", 0.60), ("service", 0.25), ("api", 0.15))
TARGET_P95_MS = 200.0
WORDS = ["speech therapy", "autism", "short breaks", "swimming", "holiday club", "nursery", "dyslexia", "ADHD",
         "sensory", "play scheme", "parent support", "CAMHS", "occupational therapy", "youth club", "respite",
         "sleep", "school", "transport", "wheelchair", "music", "football", "social skills", "counselling",
         "mental health", "after school", "sign language", "hearing", "visual impairment", "college", "employment"]


def database_url(scale: str) -> str:
    base = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if base.startswith("postgres"):
        name = base.rsplit("/", 1)[-1].split("?")[0]
        if "bench" not in name:
            sys.exit(f"Refusing to use database {name!r}: its name must contain 'bench' (it is wiped).")
        return base.replace(f"/{name}", f"/{name}_{scale}_load")
    return f"sqlite:///{RESULTS / f'load-{scale}.sqlite3'}"


def prepare(scale: str, url: str, keep: bool) -> dict:
    """Build the scale's Local Offer (in a child process: one Django per database) and list the addresses to ask."""
    plan = RESULTS / f"load-{scale}-{'pg' if url.startswith('postgres') else 'sqlite'}.json"
    if keep and plan.exists():
        return json.loads(plan.read_text())
    subprocess.run([sys.executable, "-m", "bench.load_build", scale, url, str(plan)], cwd=ROOT, check=True)
    return json.loads(plan.read_text())


def zipf_picker(items: list[str], s: float = 1.0):
    cum = list(accumulate(1.0 / (rank ** s) for rank in range(1, len(items) + 1)))

    def pick(rng) -> str:
        return items[bisect.bisect_left(cum, rng.random() * cum[-1])]

    return pick


def mix_picker(plan: dict):
    kinds = {"search": zipf_picker(plan["search"]), "service": zipf_picker(plan["service"]),
             "api": zipf_picker(plan["api"])}
    cum = list(accumulate(share for _, share in MIX))
    names = [name for name, _ in MIX]

    def pick(rng) -> str:
        return kinds[names[bisect.bisect_left(cum, rng.random() * cum[-1])]](rng)

    return pick


class Server:
    """gunicorn with config/gunicorn.py and the production settings on a free loopback port; stopped on exit."""

    def __init__(self, url: str, workers: int | None, threads: int | None) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.production",
                    "DJANGO_SECRET_KEY": "bench-only-" + secrets.token_hex(16),
                    "PATHFINDER_BIND": f"127.0.0.1:{self.port}", "PATHFINDER_ACCESS_LOG": "",
                    "PATHFINDER_API_ANON_RATE": "100000000/minute",  # measure the API, not its throttle
                    # No worker recycling: a recycled worker takes its CPU time with it, and the CPU per request
                    # (read from /proc) came out negative at 500 requests a second.
                    "PATHFINDER_MAX_REQUESTS": "0"}
        if workers:
            self.env["WEB_CONCURRENCY"] = str(workers)
        if threads:
            self.env["PATHFINDER_THREADS"] = str(threads)

    def __enter__(self) -> tuple[str, int]:
        # As a deployment does: the cache tables, and the static files unless they are newer than what they're from.
        subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=self.env, check=True)
        manifest = ROOT / "staticfiles" / "staticfiles.json"
        built = max((f.stat().st_mtime for f in (ROOT / "static_build").rglob("*") if f.is_file()), default=0)
        if not manifest.exists() or manifest.stat().st_mtime < built:
            subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT,
                           env=self.env, check=True)
        exe = Path(sys.executable).with_name("gunicorn")
        self.proc = subprocess.Popen([str(exe), "-c", "config/gunicorn.py", "config.wsgi:application"], cwd=ROOT,
                                     env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{self.port}"
        request = urllib.request.Request(base + "/api/oruk/", headers={"X-Forwarded-Proto": "https"})
        for _ in range(300):
            try:
                urllib.request.urlopen(request, timeout=2).read()
                return base, self.proc.pid
            except (urllib.error.URLError, ConnectionError, OSError):
                if self.proc.poll() is not None:
                    raise RuntimeError("gunicorn stopped: " + self.proc.stderr.read().decode()[-2000:]) from None
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer within a minute")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def server_cpu_seconds(master: int) -> float:
    """CPU time (user + system) used so far by gunicorn's master and its workers, from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == master or ppid == master:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def summarise(step: StepResult, cpu_s: float) -> dict:
    """Latency figures, and the server's CPU time per answer: what the rate would be on idle CPUs."""
    done = len(step.latencies_ms)
    hits = step.cache.get("hit", 0)
    cpu_ms = 1000 * cpu_s / max(done, 1)
    return {
        "server_cpu_ms_per_request": round(cpu_ms, 2),
        "capacity_per_cpu_per_s": round(1000 / cpu_ms, 0) if cpu_ms else None,
        "rate": step.rate, "requests": done + step.errors,
        "achieved_per_s": round(done / max(step.completed_at, 0.001), 1),
        "p50_ms": round(percentile(step.latencies_ms, 0.50), 1),
        "p95_ms": round(percentile(step.latencies_ms, 0.95), 1),
        "p99_ms": round(percentile(step.latencies_ms, 0.99), 1),
        "errors": step.errors, "error_kinds": step.error_kinds,
        "cache_hit_pct": round(100 * hits / max(done, 1), 1), "load_average_1m": round(os.getloadavg()[0], 2),
    }


async def _run_steps(base: str, master: int, plan: dict, rates: list[int], seconds: float,
                     warm_seconds: float) -> list[dict]:
    driver = Driver(base, headers={"X-Forwarded-Proto": "https"})
    pick = mix_picker(plan)
    if warm_seconds > 0:
        # A live site's cache is warm: every address the mix can ask has been asked before today (entries last a
        # day), so each is asked once, a few at a time, then the mix runs at a gentle rate (neither is reported).
        primed = time.monotonic()
        cpu = server_cpu_seconds(master)
        await prime(base, [*plan["search"], *plan["service"], *plan["api"]])
        print(f"    primed {len(plan['search']) + len(plan['service']) + len(plan['api']):,} addresses in "
              f"{time.monotonic() - primed:.0f} s (server CPU {server_cpu_seconds(master) - cpu:.0f} s)", flush=True)
        await driver.step(min(rates[0], 25), warm_seconds, pick, seed=999)
    out = []
    for i, rate in enumerate(rates):
        cpu = server_cpu_seconds(master)
        step = await driver.step(rate, seconds, pick, seed=i + 1)
        row = summarise(step, server_cpu_seconds(master) - cpu)
        out.append(row)
        print(f"    {rate:>5}/s offered  {row['achieved_per_s']:>7.1f}/s done  p50 {row['p50_ms']:>7.1f}  "
              f"p95 {row['p95_ms']:>7.1f}  p99 {row['p99_ms']:>7.1f} ms  errors {row['errors']:>4}  "
              f"cache hits {row['cache_hit_pct']:>5.1f}%  load {row['load_average_1m']:.2f}  "
              f"server CPU {row['server_cpu_ms_per_request']:.1f} ms/request", flush=True)
        if row["p95_ms"] > 3000 or row["errors"] > 0.2 * rate * seconds:
            print("    (stopping: far past what this machine can answer)")
            break
    await driver.close()
    return out


async def prime(base: str, addresses: list[str], at_once: int = 4) -> None:
    """Ask each address once, `at_once` at a time (as a crawler would), so each is in the cache."""
    queue = list(addresses)

    def fetch(address: str) -> None:
        request = urllib.request.Request(base + address, headers={"X-Forwarded-Proto": "https"})
        try:
            urllib.request.urlopen(request, timeout=60).read()
        except (urllib.error.URLError, OSError):
            pass  # counted nowhere: the measured steps report errors

    async def worker() -> None:
        while queue:
            await asyncio.to_thread(fetch, queue.pop())

    await asyncio.gather(*(worker() for _ in range(at_once)))


def wait_for_quiet_database(url: str, limit_s: float = 300.0) -> None:
    """PostgreSQL goes on with a query after its client has gone: wait until the last run's queries have finished,
    so they do not slow the next one."""
    if not url.startswith("postgres"):
        return
    import psycopg

    deadline = time.monotonic() + limit_s
    with psycopg.connect(url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            busy = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                                "AND pid <> pg_backend_pid() AND datname = current_database()").fetchone()[0]
            if not busy:
                return
            time.sleep(1)


def best_rate(rows: list[dict]) -> int | None:
    ok = [r["rate"] for r in rows if r["p95_ms"] < TARGET_P95_MS and r["errors"] == 0]
    return max(ok) if ok else None


def run_load(scales: list[str], rates: list[int] | None, seconds: float, keep: bool, workers: int | None,
             threads: int | None, warm_seconds: float = 10.0) -> int:
    RESULTS.mkdir(exist_ok=True)
    report: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "cpus": os.cpu_count(),
                    "load_average_at_start": os.getloadavg(), "mix": dict(MIX), "seconds_per_rate": seconds,
                    "scales": {}}
    for scale in scales:
        url = database_url(scale)
        vendor = "postgresql" if url.startswith("postgres") else "sqlite"
        print(f"\n== load: {scale} scale, {SERVICES[scale]:,} services, {vendor} ==", flush=True)
        plan = prepare(scale, url, keep)
        wait_for_quiet_database(url)
        with Server(url, workers, threads) as (base, master):
            rows = asyncio.run(_run_steps(base, master, plan, rates or RATES[scale], seconds, warm_seconds))
        report["scales"][scale] = {"database": vendor, "services": plan["services"], "rates": rows,
                                   "best_rate_p95_under_200ms_no_errors": best_rate(rows)}
        (RESULTS / "latest-load.json").write_text(json.dumps(report, indent=2))
    report["load_average_at_end"] = os.getloadavg()
    (RESULTS / "latest-load.json").write_text(json.dumps(report, indent=2))
    print_load_table(report)
    return 0


def print_load_table(report: dict) -> None:
    print("\n" + "=" * 100)
    print(f"{'scale':<9} {'db':<11} {'offered/s':>9} {'done/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'errors':>7} {'cache hit':>9} {'load avg':>9} {'CPU ms/req':>10}")
    print("-" * 100)
    for scale, result in report["scales"].items():
        for r in result["rates"]:
            print(f"{scale:<9} {result['database']:<11} {r['rate']:>9} {r['achieved_per_s']:>8.1f} {r['p50_ms']:>8.1f} "
                  f"{r['p95_ms']:>8.1f} {r['p99_ms']:>8.1f} {r['errors']:>7} {r['cache_hit_pct']:>8.1f}% "
                  f"{r['load_average_1m']:>9.2f} {r['server_cpu_ms_per_request']:>10.1f}")
        best = result["best_rate_p95_under_200ms_no_errors"]
        target = 400 if scale == "council" else 200
        print(f"{scale:<9} highest rate with p95 < 200 ms and no errors: {best or 'none'}/s (target {target}/s: "
              f"{'MET' if best and best >= target else 'MISSED'})")
        print("-" * 100)
    print(f"{report['cpus']} CPUs; load average at start {report['load_average_at_start'][0]:.2f}, at end "
          f"{report['load_average_at_end'][0]:.2f} (the driver itself uses part of one CPU). "
          f"Written to {RESULTS / 'latest-load.json'}")
