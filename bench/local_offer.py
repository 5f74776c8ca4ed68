"""The Local Offer scenarios: search and /api/oruk/services pages, in-process and under 20 concurrent clients
against a real gunicorn (2 workers, loopback)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.measurement import fmt, measure_page, summary
from bench.scenarios import ROOT


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
