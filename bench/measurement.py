"""Measuring a page in-process with Django's test client, beside its database floor: the exact SQL the page ran,
re-run straight through the database driver."""

from __future__ import annotations

import statistics
import time


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
    from django.db.models import Count

    from pathfinder.accounts.models import User
    from pathfinder.assessments.constants import open_case_q

    caseworkers = list(
        User.objects.filter(role="caseworker")
        .annotate(open_cases=Count("assessments", filter=open_case_q("assessments__")))
        .order_by("open_cases", "pk")
    )
    return caseworkers[len(caseworkers) // 2]


def case_page_url(caseworker) -> tuple[str, str]:
    from django.db.models import Count
    from django.urls import NoReverseMatch, reverse

    from pathfinder.assessments.constants import open_case_q
    from pathfinder.assessments.models import Assessment

    assessment = (
        Assessment.objects.filter(open_case_q(), caseworker=caseworker)
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
    from pathfinder.assessments.constants import open_case_q

    out: dict = {}
    caseworker = typical_caseworker()
    client = Client()
    client.force_login(caseworker)
    open_cases = caseworker.assessments.filter(open_case_q()).count()
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
    for key, name in (("manager_timeliness", "insights:manager-home"), ("phase_transfers", "insights:phase-transfers"),
                      ("review_figures", "insights:reviews")):
        try:
            pages.append((key, manager, reverse(name)))
        except NoReverseMatch:
            print(f"  note: {name} does not exist yet; skipped")
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
