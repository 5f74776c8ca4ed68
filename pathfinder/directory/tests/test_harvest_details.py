"""Fetching services' details a few at a time: bounded, in the page's order, polite to a throttling feed, each
thread with its own guarded session, and a failure stops the run cleanly (a feed without a database, so the
pool's threads can ask it)."""

from __future__ import annotations

import threading
from datetime import timedelta
from email.utils import format_datetime

import pytest
import requests
from django.utils import timezone

from pathfinder.directory.harvest import client as feed_client
from pathfinder.directory.harvest import pacing
from pathfinder.directory.harvest.client import FeedClient, _retry_after
from pathfinder.directory.harvest.details import DetailFetcher, concurrency
from pathfinder.directory.harvest.guard import GuardedAdapter
from pathfinder.directory.harvest.harvesting import feed_harvest
from pathfinder.directory.harvest.models import FeedSubscription, HarvestRun
from pathfinder.directory.models import Service
from pathfinder.directory.tests.harvest_feed import BASE, FakeFeed, remote_id, session_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed(settings, monkeypatch):
    settings.PATHFINDER_HARVEST_ALLOWED_HOSTS = ["feed.test"]  # not resolvable: answered by the fake
    settings.PATHFINDER_HARVEST_DETAIL_CONCURRENCY = 4
    fake = FakeFeed(10)
    fake.sessions = []
    monkeypatch.setattr(feed_client, "new_session", session_on(fake, fake.sessions))
    return fake


def _subscription() -> FeedSubscription:
    return FeedSubscription.objects.create(name="Eastshire", base_url=BASE)


def _detail_threads_left() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("harvest-detail")]


def test_details_are_fetched_four_at_a_time_each_thread_with_its_own_session_and_written_in_page_order(feed):
    feed.barrier = threading.Barrier(4)  # passes only if four details are asked at once
    run = feed_harvest(subscription=_subscription())
    assert run.status == HarvestRun.Status.DONE, run.message
    assert run.added == 10 and feed.most_in_flight == 4  # four at once, never more
    assert [i["remote_id"] for i in run.items] == [remote_id(i) for i in range(10)]  # the page's order
    assert len(feed.threads) == 4 and len(feed.sessions) == 1 + 4  # the run's own, and one a thread
    assert not _detail_threads_left()


def test_one_at_a_time_when_set_so(feed, settings):
    settings.PATHFINDER_HARVEST_DETAIL_CONCURRENCY = 1
    run = feed_harvest(subscription=_subscription())
    assert run.added == 10 and feed.most_in_flight == 1 and feed.threads == {threading.get_ident()}


@pytest.mark.parametrize("setting, workers", [(0, 1), (-3, 1), (100, 8), ("lots", 4), (3, 3)])
def test_the_setting_is_kept_within_polite_bounds(settings, setting, workers):
    settings.PATHFINDER_HARVEST_DETAIL_CONCURRENCY = setting
    assert concurrency() == workers


def test_a_429_holds_back_every_thread_for_as_long_as_the_feed_asks(feed, monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr(pacing, "wait", waits.append)
    feed.canned = {remote_id(3): [(429, {"Retry-After": "7"}, b"{}"), (429, {"Retry-After": "7"}, b"{}")]}
    run = feed_harvest(subscription=_subscription())
    assert run.status == HarvestRun.Status.DONE and run.added == 10
    assert waits.count(7.0) == 2  # the thread told waits as asked, twice
    assert all(0 < w <= 7.0 for w in waits)  # the others wait out what is left of it, never longer


def test_a_throttle_told_to_one_thread_is_waited_for_by_the_others_not_by_it(monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr(pacing, "wait", waits.append)
    throttle = pacing.Throttle()
    throttle.hold(30)
    throttle.wait_turn()  # the thread told has waited already
    assert waits == []
    other = threading.Thread(target=throttle.wait_turn)
    other.start()
    other.join()
    assert len(waits) == 1 and 0 < waits[0] <= 30


@pytest.mark.parametrize("said, least, most", [("7", 7, 7), ("0", 1, 1), ("99999", 120, 120), ("nan", 5, 5),
                                               ("soon", 5, 5), (None, 5, 5), ("in 60s", 5, 5)])
def test_retry_after_is_read_in_seconds_and_kept_between_one_second_and_two_minutes(said, least, most):
    response = requests.Response()
    if said is not None:
        response.headers["Retry-After"] = said
    assert least <= _retry_after(response) <= most


def test_retry_after_may_be_a_date():
    response = requests.Response()
    response.headers["Retry-After"] = format_datetime(timezone.now() + timedelta(seconds=90), usegmt=True)
    assert 60 < _retry_after(response) <= 90  # what is left until then (a little has passed since)


def test_a_failed_detail_fails_the_run_writes_nothing_of_its_page_and_leaves_no_thread(feed):
    feed.canned = {remote_id(6): [(500, {}, b"")]}
    run = feed_harvest(subscription=_subscription())
    assert run.status == HarvestRun.Status.FAILED and "server failed (500)" in run.message
    assert not Service.objects.exists() and run.added == 0
    assert not _detail_threads_left()


def test_a_detail_too_large_is_refused_with_the_reason_and_the_rest_come_in(feed, settings):
    settings.PATHFINDER_HARVEST_MAX_RESPONSE_BYTES = 20_000
    feed.canned = {remote_id(2): [(200, {}, b'{"name": "' + b"x" * 30_000 + b'"}')]}
    run = feed_harvest(subscription=_subscription())
    assert run.status == HarvestRun.Status.DONE and (run.added, run.refused) == (9, 1)
    [refused] = [i for i in run.items if i["outcome"] == "refused"]
    assert refused["remote_id"] == remote_id(2) and "so reading stopped there" in refused["reason"]


def test_each_thread_s_session_is_guarded_like_the_run_s_own(settings):
    settings.PATHFINDER_HARVEST_ALLOWED_HOSTS = []
    client = FeedClient("https://feed.example/")
    other = client.for_another_thread()
    assert other.session is not client.session and other.throttle is client.throttle
    for session in (client.session, other.session):
        assert isinstance(session.get_adapter("https://x.example/"), GuardedAdapter) and not session.trust_env
        assert isinstance(session.get_adapter("http://x.example/"), GuardedAdapter)


def test_a_detail_inside_the_private_network_is_refused_from_a_thread_too(settings, monkeypatch):
    settings.PATHFINDER_HARVEST_ALLOWED_HOSTS = []
    client = FeedClient("http://127.0.0.1:9/")
    with DetailFetcher(client, workers=2) as details, pytest.raises(feed_client.FeedError) as refused:
        details.fetch(["a", "b"])
    assert "inside a private network" in refused.value.message
