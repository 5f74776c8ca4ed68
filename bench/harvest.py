"""Harvesting a national feed: 100,000 services from another directory's ORUK API, in bounded memory.

    python -m bench.run --scale harvest                    # 100,000 services
    python -m bench.run --scale harvest --services 20000
    python -m bench.run --scale harvest --services 5000 --feed-latency-ms 20   # a feed 20 ms away

A fake ORUK 3.0 feed runs in its own process on loopback (so its CPU and memory are not counted as the harvest's):
`/` says HSDS-UK-3.0 (without an OpenAPI document, so every harvest is a complete listing), `/services` pages of
100 summaries, `/services/<id>` each service in full (an organisation of 400, a phone, an email, opening times, a
venue with a postcode, a price). The harvest runs for real (harvest.harvesting.feed_harvest), with the SSRF guard
on and loopback allowed as a council would allow an internal feed (PATHFINDER_HARVEST_ALLOWED_HOSTS).

Measured: the first harvest (every service new), then a second complete listing (every service unchanged: pages
read, nothing fetched in full, nothing withdrawn), then a changed listing (the feed says every service changed:
each fetched in full again and updated): seconds, CPU seconds, services a second, the harvesting process's peak
resident memory (ru_maxrss) before and after, the load average, and rows written. `--feed-latency-ms` makes the
fake feed wait before each answer, as a server across the internet would (loopback answers in well under a
millisecond, which hides what fetching details one at a time costs). No timed assertion lives in the tests.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from bench.scenarios import fresh_database

PER_PAGE = 100
POSTCODES = ["WM1 1AA", "WM2 3BD", "WM4 7QT", "EX1 1AB", "LS1 4AP"]


def _modified(generation: int) -> str:
    return f"2026-11-{1 + generation:02d}T09:00:00Z"


def _service(index: int, generation: int = 0) -> dict:
    org = index % 400
    return {
        "id": f"bench-{index:06d}", "name": f"Bench service {index}", "status": "active",
        "description": f"A service for children and young people with SEND, number {index}, in the bench feed"
                       f"{', changed' * generation}.",
        "email": f"service{index}@example.org", "url": f"https://example.org/services/{index}",
        "last_modified": _modified(generation), "minimum_age": index % 10, "maximum_age": 18,
        "eligibility_description": "Children with special educational needs and their families",
        "application_process": "Phone us or fill in the form on our website",
        "organization": {"id": f"org-{org}", "name": f"Bench organisation {org}", "description": "A charity"},
        "phones": [{"number": "01632 960000"}],
        "schedules": [{"byday": "MO,WE", "opens_at": "09:00", "closes_at": "15:00", "description": ""}],
        "service_at_locations": [{"location": {
            "name": f"Centre {index % 50}", "location_type": "physical",
            "addresses": [{"address_1": f"{index % 200} High Street", "city": "Wealdmoor",
                           "state_province": "", "postal_code": POSTCODES[index % len(POSTCODES)]}],
        }}],
        "cost_options": [{"option": "Session", "amount": 5, "amount_description": "Per session"}],
        "contacts": [], "attributes": [],
    }


def _serve(total: int, ready, generation, latency: float) -> None:
    """The fake feed (a child process): answers until the bench ends it; `generation` (shared) goes up when the
    bench wants every service to have changed; each answer waits `latency` seconds first."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a real API behind a proxy would
        wbufsize = 1 << 16  # headers and body in one write (two small writes meet Nagle and delayed ACK: 40 ms)
        disable_nagle_algorithm = True

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            parts = urlsplit(self.path)
            path = parts.path.rstrip("/")
            if latency:
                time.sleep(latency)
            if path == "":
                body = {"version": "HSDS-UK-3.0"}
            elif path == "/services":
                query = parse_qs(parts.query)
                page, size = int(query.get("page", ["1"])[0]), int(query.get("per_page", [str(PER_PAGE)])[0])
                first = (page - 1) * size
                body = {"total_items": total, "page_number": page, "size": size,
                        "last_page": first + size >= total, "first_page": page == 1,
                        "contents": [{"id": f"bench-{i:06d}", "name": f"Bench service {i}",
                                      "last_modified": _modified(generation.value)}
                                     for i in range(first, min(first + size, total))]}
            elif path.startswith("/services/bench-"):
                body = _service(int(path.rsplit("-", 1)[1]), generation.value)
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ready.put(server.server_address[1])
    server.serve_forever()


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: kilobytes


def measure_harvest(url: str, services: int, latency_ms: float = 0.0) -> dict:
    from django.conf import settings
    from django.db import connection

    from pathfinder.directory.harvest.harvesting import feed_harvest
    from pathfinder.directory.harvest.models import FeedSubscription
    from pathfinder.directory.models import Location, Service, ServiceRevision

    concurrency = getattr(settings, "PATHFINDER_HARVEST_DETAIL_CONCURRENCY", 1)
    print(f"\n== harvest: a feed of {services:,} services from loopback, {latency_ms:g} ms away "
          f"({connection.vendor}, {concurrency} detail fetches at a time) ==")
    fresh_database(url)
    ready: multiprocessing.Queue = multiprocessing.Queue()
    generation = multiprocessing.Value("i", 0)
    feed = multiprocessing.Process(target=_serve, args=(services, ready, generation, latency_ms / 1000),
                                   daemon=True)
    feed.start()
    try:
        port = ready.get(timeout=30)
        settings.PATHFINDER_HARVEST_ALLOWED_HOSTS = ["127.0.0.1"]  # the guard stays on; loopback is allowed
        subscription = FeedSubscription.objects.create(name="Bench feed", base_url=f"http://127.0.0.1:{port}/")
        result: dict = {"services": services, "database": connection.vendor, "peak_mb_before": _peak_mb(),
                        "feed_latency_ms": latency_ms,
                        "detail_concurrency": concurrency}
        for name in ("first", "again", "changed"):
            generation.value = 1 if name == "changed" else 0
            started, cpu = time.monotonic(), time.process_time()
            run = feed_harvest(subscription=subscription)
            seconds = time.monotonic() - started
            result[name] = {
                "status": run.status, "message": run.message, "added": run.added, "unchanged": run.unchanged,
                "updated": run.updated,
                "withdrawn": run.withdrawn, "pages": run.pages, "seconds": round(seconds, 1),
                "cpu_seconds": round(time.process_time() - cpu, 1),
                "services_per_second": round(services / seconds), "peak_mb": _peak_mb(),
                "load_average": os.getloadavg(),
            }
            print(f"  {name}: {run.status} {run.added:,} added, {run.updated:,} updated, {run.unchanged:,} "
                  f"unchanged, {run.pages:,} pages in {seconds:.1f}s = {services / seconds:,.0f} services/s, "
                  f"{result[name]['cpu_seconds']}s CPU; peak RSS {_peak_mb()} MB; load {os.getloadavg()[0]:.2f}")
            subscription.refresh_from_db()
        result["rows"] = {"services": Service.objects.count(), "locations": Location.objects.count(),
                          "revisions": ServiceRevision.objects.count()}
        result["load_average"] = os.getloadavg()
        print(f"  rows: {result['rows']}; peak RSS before the harvest {result['peak_mb_before']} MB")
        return result
    finally:
        feed.terminate()
        feed.join(5)
