"""A neighbour's ORUK 3.0 feed that needs no database (so the harvest's detail threads can ask it): services made
up from their number, every field different once the feed's `generation` goes up. Answers at the HTTP boundary
(a requests adapter), records what it was asked and how many asks were in flight at once, and can be told to
answer one detail with a canned status (a 429 with Retry-After, a 500, an oversized body) or to hold the first
few detail asks until they are all in flight together (a barrier: a pool that fetches one at a time never
passes it)."""

from __future__ import annotations

import io
import json
import threading
from urllib.parse import parse_qs, urlsplit

import requests

from pathfinder.directory.constants import stable_uuid

BASE = "https://feed.test/"


def remote_id(index: int) -> str:
    return f"svc-{index:04d}"


def _attribute(taxonomy: str, code: str) -> dict:
    term_id = str(stable_uuid(taxonomy, code))
    return {"taxonomy_term_id": term_id, "taxonomy_term": {"id": term_id, "code": code}}


def service_item(index: int, generation: int) -> dict:
    """One service in full; generation 1 differs from generation 0 in every field the harvest reads."""
    if generation == 0:
        return {
            "id": remote_id(index), "name": f"Swim club {index}", "status": "active",
            "description": f"Quiet swimming sessions, number {index}.", "url": f"https://swim.example/{index}",
            "email": f"swim{index}@example.org", "last_modified": "2026-11-01T09:00:00Z",
            "minimum_age": 4, "maximum_age": 16, "eligibility_description": "Autistic children",
            "application_process": "Phone us", "fees": "",
            "organization": {"id": "org-1", "name": "Eastshire Swim Trust", "description": "A charity"},
            "phones": [{"number": "01632 960000"}],
            "attributes": [_attribute("send-needs", "ASD"), _attribute("service-delivery", "in_person")],
            "schedules": [{"byday": "MO,WE", "opens_at": "09:00", "closes_at": "15:00", "description": ""}],
            "contacts": [{"name": "Sam Lee", "title": "Coach"}],
            "cost_options": [{"option": "Session", "amount": 5, "amount_description": "Per session"}],
            "service_at_locations": [{"location": {
                "name": "Leisure centre", "location_type": "physical",
                "addresses": [{"address_1": "1 High Street", "city": "Wealdmoor", "state_province": "Eastshire",
                               "postal_code": "WM1 1AA"}],
                "accessibility": [{"description": "Step-free"}]}}],
        }
    return {
        "id": remote_id(index), "name": f"Swim and sign club {index}", "status": "temporarily closed",
        "description": f"Swimming with signing, number {index}.", "url": f"https://swimsign.example/{index}",
        "email": f"swimsign{index}@example.org", "last_modified": "2026-11-20T10:30:00Z",
        "minimum_age": 2, "maximum_age": 19, "eligibility_description": "Deaf children and their families",
        "application_process": "A professional must refer.\n\nAsk your school's SENCo", "fees": "",
        "organization": {"id": "org-1", "name": "Eastshire Swim Trust", "description": "A charity"},
        "phones": [{"number": "01632 960999"}],
        "attributes": [_attribute("send-needs", "HI"), _attribute("send-needs", "SLCN"),
                       _attribute("service-delivery", "online"), _attribute("service-delivery", "phone")],
        "schedules": [{"byday": "TU", "opens_at": "10:00", "closes_at": "11:30", "description": "Term time"},
                      {"byday": "SA", "opens_at": "", "closes_at": "", "description": "Some Saturdays"}],
        "contacts": [{"name": "Ali Khan", "title": "Manager"}, {"name": "Jo Pike", "title": "Signer"}],
        "cost_options": [{"option": "Term", "amount": 40.5, "amount_description": "Ten sessions"},
                         {"option": "Taster", "amount": None, "amount_description": "Free"}],
        "service_at_locations": [
            {"location": {"name": "New pool", "location_type": "physical",
                          "addresses": [{"address_1": "2 Mill Lane", "city": "Eastbury", "state_province": "",
                                         "postal_code": "WM2 3BD"}],
                          "accessibility": [{"description": "Hoist at the pool"}]}},
            {"location": {"name": "Online", "location_type": "virtual", "addresses": [{}]}},
        ],
    }


class FakeFeed(requests.adapters.BaseAdapter):
    """The feed at BASE: `services` services, pages of `per_page`; safe to ask from several threads."""

    def __init__(self, services: int, *, per_page: int = 100) -> None:
        super().__init__()
        self.services, self.per_page, self.generation = services, per_page, 0
        self.canned: dict[str, list[tuple[int, dict, bytes]]] = {}  # remote id -> answers to give first, in turn
        self.barrier: threading.Barrier | None = None  # the first `parties` detail asks wait for each other
        self.asked: list[str] = []
        self.threads: set[int] = set()
        self.in_flight = self.most_in_flight = 0
        self._lock = threading.Lock()

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        path = parts.path.rstrip("/")
        path = path[path.index("/services"):] if "/services" in path else ""  # any base path: the same feed
        with self._lock:
            self.asked.append(path)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            if path.startswith("/services/"):
                self.threads.add(threading.get_ident())
            barrier, details = self.barrier, sum(1 for p in self.asked if p.startswith("/services/"))
        try:
            if barrier is not None and path.startswith("/services/") and details <= barrier.parties:
                barrier.wait(timeout=20)  # fails the harvest (BrokenBarrierError) unless all are in flight
            status, headers, body = self._answer(path, parse_qs(parts.query))
        finally:
            with self._lock:
                self.in_flight -= 1
        response = requests.Response()
        response.status_code, response.url, response.request = status, request.url, request
        response.headers.update(headers)
        response.raw = io.BytesIO(body)
        return response

    def _answer(self, path: str, query: dict) -> tuple[int, dict, bytes]:
        if path == "":
            return 200, {}, json.dumps({"version": "HSDS-UK-3.0"}).encode()
        if path == "/services":
            page = int(query.get("page", ["1"])[0])
            first = (page - 1) * self.per_page
            indexes = range(first, min(first + self.per_page, self.services))
            modified = service_item(0, self.generation)["last_modified"]
            return 200, {}, json.dumps({
                "total_items": self.services, "page_number": page, "size": self.per_page,
                "last_page": first + self.per_page >= self.services,
                "contents": [{"id": remote_id(i), "name": f"Service {i}", "last_modified": modified}
                             for i in indexes]}).encode()
        wanted = path.removeprefix("/services/")
        with self._lock:
            queued = self.canned.get(wanted)
            if queued:
                return queued.pop(0)
        index = int(wanted.removeprefix("svc-"))
        return 200, {}, json.dumps(service_item(index, self.generation)).encode()

    def close(self) -> None:
        pass


def session_on(feed: FakeFeed, made: list | None = None):
    """new_session for the harvest: a session whose https goes to `feed` (each call a new session, recorded)."""

    def new_session() -> requests.Session:
        session = requests.Session()
        session.mount("https://", feed)
        if made is not None:
            made.append(session)
        return session

    return new_session
