"""The SEN2 return at council scale: building it (queries, records, XML) beside its floor.

Two floors, both the same rows read and nothing else: the gather step on its own (``sen2.gather``: the same
statements, the driver's rows, no records, no XML), and raw SQL, the exact statements the build ran, with the same
parameters, re-run through the database driver and fetched. Targets: under 10 s for 25,000 plans, and within 3x
the raw database export of the same rows (the issue's floor). The verdict line gives both ratios, with the load
average beside them (the machine is shared: wall-clock seconds stretch with it), and on SQLite the ratio in CPU
seconds too (the database works inside this process there, so that ratio holds whatever else is running).
"""

from __future__ import annotations

import gc
import os
import time

from bench.measurement import CONTROL, summary

TARGETS = {"sen2_seconds": 10.0, "sen2_ratio": 3.0}


def measure_sen2_return(runs: int = 3) -> dict:
    from django.db import connection, transaction
    from django.utils import timezone

    from pathfinder.sen2.census import activity_year, next_census
    from pathfinder.sen2.gather import facts_gather
    from pathfinder.sen2.rules import return_problems
    from pathfinder.sen2.services import council_return
    from pathfinder.sen2.xml import schema_problems, xml_bytes

    census = next_census(timezone.localdate())

    def build() -> tuple[object, bytes]:
        sen2_return = council_return(census)
        return sen2_return, xml_bytes(sen2_return)

    build()  # warm
    times, cpu, rules_times = [], [], []
    sen2_return = content = problems = None
    for _ in range(runs):
        sen2_return = content = problems = None  # the last run's return is freed before the clock starts, not on it
        started, cpu_started = time.perf_counter(), time.process_time()
        sen2_return, content = build()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        started = time.perf_counter()
        problems = return_problems(sen2_return)
        rules_times.append(time.perf_counter() - started)
    recorded: list[tuple[str, object]] = []

    def record(execute, sql, params, many, context):
        recorded.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        council_return(census)
    statements = [(sql, params) for sql, params in recorded if not sql.lstrip().upper().startswith(CONTROL)]
    values_floor = []
    start, end = activity_year(census)
    # The floors run with the cyclic garbage collector paused, as the build pauses it for itself: a collection
    # walking the last return's objects would otherwise be counted in the floor and flatter the ratio.
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            started = time.perf_counter()
            facts_gather(census, start, end)
            values_floor.append(time.perf_counter() - started)
        floor, floor_cpu, rows = [], [], 0
        for _ in range(runs):
            with transaction.atomic(), connection.cursor() as cursor:
                started, cpu_started = time.perf_counter(), time.process_time()
                rows = 0
                for sql, params in statements:
                    cursor.execute(sql, params)
                    if cursor.description:
                        rows += len(cursor.fetchall())
                floor.append(time.perf_counter() - started)
                floor_cpu.append(time.process_time() - cpu_started)
    finally:
        gc.enable()
    result = {
        "census": census.isoformat(), "persons": len(sen2_return.persons), "xml_bytes": len(content),
        "schema_valid": not schema_problems(content), "problems": len(problems), "queries": len(statements),
        "rows": rows, "build": summary(times), "floor_values": summary(values_floor), "floor": summary(floor),
        "rules": summary(rules_times), "build_cpu": summary(cpu), "floor_cpu": summary(floor_cpu),
        "load_average": os.getloadavg(),
    }
    result["ratio_p50"] = round(result["build"]["p50_ms"] / max(result["floor_values"]["p50_ms"], 0.01), 2)
    result["ratio_sql_p50"] = round(result["build"]["p50_ms"] / max(result["floor"]["p50_ms"], 0.01), 2)
    # On SQLite the database works inside this process, so CPU seconds compare the build with its floor whatever
    # else the machine is doing; PostgreSQL's work is in the server, so there only the wall-clock ratio means much.
    result["ratio_cpu_p50"] = (round(result["build_cpu"]["p50_ms"] / max(result["floor_cpu"]["p50_ms"], 0.01), 2)
                               if connection.vendor == "sqlite" else None)
    return result


def sen2_verdict(result: dict) -> str:
    seconds = result["build"]["p50_ms"] / 1000
    return (f"SEN2 return ({result['persons']:,} people, {result['queries']} queries, {result['rows']:,} rows): "
            f"built in {seconds:.1f} s (target < {TARGETS['sen2_seconds']:.0f} s): "
            f"{'MET' if seconds < TARGETS['sen2_seconds'] else 'MISSED'}; {result['ratio_sql_p50']:.1f}x the raw SQL export "
            f"of the same rows (target <= {TARGETS['sen2_ratio']:.0f}x): "
            f"{'MET' if result['ratio_sql_p50'] <= TARGETS['sen2_ratio'] else 'MISSED'} "
            f"({result['ratio_p50']:.1f}x the gather step alone"
            + (f"; {result['ratio_cpu_p50']:.1f}x in CPU seconds" if result.get("ratio_cpu_p50") else "")
            + f"; load average {result['load_average'][0]:.1f})"
            f"; rules {result['rules']['p50_ms'] / 1000:.1f} s more; schema {'valid' if result['schema_valid'] else 'INVALID'}")
