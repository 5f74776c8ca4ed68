"""A public page missing from the cache is drawn once however many ask for it at the same moment (cache_fill)."""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory

from pathfinder.directory import cache_fill
from pathfinder.directory.cache_middleware import STATUS, PublicCacheMiddleware
from pathfinder.directory.public_cache import ALL, CHANGED_PREFIX, service_scope


@pytest.fixture(autouse=True)
def public_cache_on(settings):
    settings.PATHFINDER_PUBLIC_CACHE_ENABLED = True
    settings.PATHFINDER_PUBLIC_FILL_WAIT_SECONDS = 5
    settings.ALLOWED_HOSTS = ["testserver"]
    caches["public"].clear()
    yield
    caches["public"].clear()


class SlowView:
    """Stands for a search that takes a while: counts how often it is drawn; holds each drawing until released."""

    def __init__(self, response=lambda: HttpResponse("the page")) -> None:
        self.calls = 0
        self.started = threading.Event()
        self.release = threading.Event()
        self.response = response

    def __call__(self, request):
        self.calls += 1
        self.started.set()
        assert self.release.wait(5)
        return self.response()


def ask(middleware, path: str, out: list, i: int) -> None:
    out[i] = middleware(RequestFactory().get(path))


def a_service_page() -> str:
    service_id = uuid.uuid4()
    # what the page shows last changed now (so drawing it needs no database)
    caches["public"].set_many({CHANGED_PREFIX + ALL: time.time(),
                               CHANGED_PREFIX + service_scope(service_id): time.time()})
    return f"/local-offer/services/{service_id}/"


def test_requests_arriving_while_a_page_is_drawn_wait_for_it_and_it_is_drawn_once():
    view = SlowView()
    middleware, path, out = PublicCacheMiddleware(view), a_service_page(), [None] * 4
    first = threading.Thread(target=ask, args=(middleware, path, out, 0))
    first.start()
    assert view.started.wait(5)
    others = [threading.Thread(target=ask, args=(middleware, path, out, i)) for i in (1, 2, 3)]
    for thread in others:
        thread.start()
    time.sleep(0.2)  # the others are waiting now, not drawing
    assert view.calls == 1
    view.release.set()
    for thread in (first, *others):
        thread.join(10)
    assert view.calls == 1
    assert [r.content for r in out] == [b"the page"] * 4
    assert out[0][STATUS] == "miss" and {r[STATUS] for r in out[1:]} == {"hit"}


def test_a_page_that_could_not_be_kept_is_drawn_by_each_waiting_request_itself():
    view = SlowView(lambda: HttpResponse("not found", status=404))
    middleware, path, out = PublicCacheMiddleware(view), a_service_page(), [None] * 2
    first = threading.Thread(target=ask, args=(middleware, path, out, 0))
    first.start()
    assert view.started.wait(5)
    second = threading.Thread(target=ask, args=(middleware, path, out, 1))
    second.start()
    time.sleep(0.1)
    view.release.set()
    first.join(10), second.join(10)
    assert view.calls == 2  # nothing was stored, so the waiting request drew its own answer
    assert [r.status_code for r in out] == [404, 404]


def test_a_lease_left_by_a_process_that_died_delays_an_answer_but_never_loses_it(settings):
    settings.PATHFINDER_PUBLIC_FILL_WAIT_SECONDS = 1
    now = [0.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    caches["public"].set("lo:page:x" + cache_fill.LEASE_SUFFIX, 1)  # taken, and never given up
    assert cache_fill.wait_for("lo:page:x", clock=lambda: now[0], sleep=sleep) is None
    assert 0.9 <= sum(slept) <= 1.3 and max(slept) == cache_fill.LONGEST_PAUSE


def test_the_entry_is_taken_as_soon_as_it_is_stored():
    key = "lo:page:y"
    caches["public"].set(key + cache_fill.LEASE_SUFFIX, 1)

    def sleep(seconds):
        caches["public"].set(key, {"content": b"drawn elsewhere"})

    assert cache_fill.wait_for(key, sleep=sleep) == {"content": b"drawn elsewhere"}


def test_the_lease_is_given_up_when_drawing_fails():
    with pytest.raises(RuntimeError), cache_fill.drawing("lo:page:z") as held:
        assert held
        raise RuntimeError("the view failed")
    assert caches["public"].get("lo:page:z" + cache_fill.LEASE_SUFFIX) is None
