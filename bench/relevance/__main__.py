"""`python -m bench.relevance`: nDCG@10 of the Local Offer search on the judged queries, before (words as typed)
and after (synonyms, everyday phrases, typing slips), on a fresh demo Local Offer (1,500 services, seed 2026).

    python -m bench.relevance                  # SQLite at bench-results/relevance.sqlite3
    BENCH_DATABASE_URL=postgres://.../pf_bench python -m bench.relevance    # PostgreSQL (the name must hold "bench")
    python -m bench.relevance --reuse          # score the database built last time (no rebuild)

Prints each query's two scores and the means, flags any query scored lower after without a `worse_because`, and
writes bench-results/relevance.json. Exit status 1 if such an unexplained regression exists.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from bench.relevance import K, ServiceFacts, grade, load, ndcg

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench-results"
SQLITE_PATH = RESULTS / "relevance.sqlite3"


def _database_url() -> str:
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if url.startswith("postgres"):
        if "bench" not in url.rsplit("/", 1)[-1]:
            sys.exit("Refusing: BENCH_DATABASE_URL's database name must contain 'bench' (it is rebuilt).")
        return url
    return f"sqlite:///{SQLITE_PATH}"


def _setup(url: str, reuse: bool) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if reuse:
        return
    if url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    else:
        with connection.cursor() as cur:
            cur.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0, interactive=False)
    from pathfinder.directory.demo import build_demo_local_offer

    build_demo_local_offer(services=1500, organisations=400, seed=2026)  # as `load_demo` builds it


def _facts() -> dict:
    from pathfinder.directory.selectors import services_public

    facts = {}
    qs = services_public().select_related("organisation").prefetch_related("terms__taxonomy")
    for s in qs:
        facts[s.pk] = ServiceFacts(
            s.name, s.organisation.name,
            frozenset(t.code for t in s.terms.all() if t.taxonomy.code == "support-kinds"),
            frozenset(t.code for t in s.terms.all() if t.taxonomy.code == "send-needs"),
        )
    return facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reuse", action="store_true", help="Score the database built last time")
    args = parser.parse_args(argv)
    RESULTS.mkdir(exist_ok=True)
    url = _database_url()
    began = time.monotonic()
    _setup(url, args.reuse)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pathfinder.directory.search import service_search

    facts = _facts()
    rows, unexplained = [], []
    timings: dict[str, list[float]] = {"before": [], "after": []}
    counts: dict[str, list[int]] = {"before": [], "after": []}
    for judged in load():
        all_grades = [grade(f, judged.grades) for f in facts.values()]
        scores = {}
        for label, understood in (("before", False), ("after", True)):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                result = service_search(text=judged.query, per_page=K, understood=understood)
                timings[label].append(time.perf_counter() - started)
            counts[label].append(len(queries))
            scores[label] = ndcg([grade(facts[s.pk], judged.grades) for s in result.items], all_grades)
            scores[f"{label}_found"] = result.total
        worse = scores["after"] < scores["before"] - 1e-9
        if worse and not judged.worse_because:
            unexplained.append(judged.query)
        rows.append({"query": judged.query, **scores, "relevant": sum(1 for g in all_grades if g),
                     "worse_because": judged.worse_because if worse else ""})
    mean = {label: sum(r[label] for r in rows) / len(rows) for label in ("before", "after")}
    print(f"\nLocal Offer search relevance: nDCG@{K} over {len(rows)} judged queries "
          f"({connection.vendor}, {len(facts):,} public demo services)\n")
    print(f"  {'query':<32} {'before':>7} {'after':>7}  found before/after")
    for r in rows:
        flag = "  WORSE: " + (r["worse_because"] or "UNEXPLAINED") if r["after"] < r["before"] - 1e-9 else ""
        print(f"  {r['query'][:32]:<32} {r['before']:7.3f} {r['after']:7.3f}  {r['before_found']:>5} / "
              f"{r['after_found']:<5}{flag}")
    print(f"\n  {'MEAN nDCG@' + str(K):<32} {mean['before']:7.3f} {mean['after']:7.3f}")
    zero = {label: sum(1 for r in rows if r[f"{label}_found"] == 0) for label in ("before", "after")}
    print(f"  {'queries finding nothing':<32} {zero['before']:7d} {zero['after']:7d}")
    speed = {label: {"p50_ms": round(statistics.median(timings[label]) * 1000, 1),
                     "max_ms": round(max(timings[label]) * 1000, 1), "most_queries": max(counts[label]),
                     "mean_queries": round(statistics.mean(counts[label]), 1)} for label in timings}
    for label, figures in speed.items():
        print(f"  {'search ' + label + ' (one run each)':<32} p50 {figures['p50_ms']} ms, slowest {figures['max_ms']} ms,"
              f" {figures['mean_queries']} queries on average, {figures['most_queries']} at most")
    if unexplained:
        print(f"\n  Scored lower after, without a reason in queries.json: {', '.join(unexplained)}")
    (RESULTS / "relevance.json").write_text(json.dumps({
        "database": connection.vendor, "services": len(facts), "k": K, "mean": mean, "found_nothing": zero,
        "speed": speed,
        "queries": rows, "unexplained_regressions": unexplained, "seconds": round(time.monotonic() - began, 1),
    }, indent=2))
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
