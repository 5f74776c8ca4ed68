"""Fetching a page's new and changed services in full, a few at a time: a national feed whose list pages carry
only summaries needs one `/services/{id}` a service, and one at a time from a remote server that is hours.

A small pool of threads (settings.PATHFINDER_HARVEST_DETAIL_CONCURRENCY, 4 by default, at most MOST): polite to
someone else's server, and enough to hide the time each answer takes to travel. Every fetch goes through a
FeedClient as before (the guard at each connection, the size cap, the timeouts, 429 waited for), each thread with
its own client and session (`FeedClient.for_another_thread`), all sharing the run's throttle, so a 429 told to one
holds them all back. Only one page's details are in flight at a time, and the answers come back in the page's
order whatever order they arrive in. A service too large is refused on its own; any other failure stops the run:
the page's fetches not yet started are cancelled, and nothing of that page is written.

The threads only fetch: they never touch the database (checking and writing stay in the harvest's own thread).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from django.conf import settings

from pathfinder.directory.harvest.client import FeedClient, TooLarge

DEFAULT = 4
MOST = 8


def concurrency() -> int:
    """How many services' details a run fetches at once (1: one at a time, in the harvest's own thread)."""
    try:
        wanted = int(getattr(settings, "PATHFINDER_HARVEST_DETAIL_CONCURRENCY", DEFAULT))
    except (TypeError, ValueError):
        wanted = DEFAULT
    return min(max(wanted, 1), MOST)


class DetailFetcher:
    """One a run, used as a context manager so its threads and their sessions end with the run."""

    def __init__(self, client: FeedClient, workers: int | None = None) -> None:
        self.client = client
        self.workers = workers or concurrency()
        self._local = threading.local()
        self._clients: list[FeedClient] = []
        self._lock = threading.Lock()
        self._pool = (ThreadPoolExecutor(self.workers, thread_name_prefix="harvest-detail")
                      if self.workers > 1 else None)

    def __enter__(self) -> DetailFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        for client in self._clients:
            client.close()

    def fetch(self, remote_ids: list[str]) -> list[dict[str, Any] | TooLarge]:
        """Each service in full, in the order asked (TooLarge in the place of one too large to read). Any other
        FeedError is raised at once; the page's fetches not started are cancelled, and those under way end (within
        their timeouts) before the run does, when the fetcher closes."""
        if self._pool is None:
            return [_one(self.client, remote_id) for remote_id in remote_ids]
        futures: list[Future] = [self._pool.submit(self._in_thread, remote_id) for remote_id in remote_ids]
        try:
            return [future.result() for future in futures]
        finally:
            for future in futures:
                future.cancel()  # after a failure: the page's fetches not yet started are not made

    def _in_thread(self, remote_id: str) -> dict[str, Any] | TooLarge:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = self.client.for_another_thread()
            with self._lock:
                self._clients.append(client)
        return _one(client, remote_id)


def _one(client: FeedClient, remote_id: str) -> dict[str, Any] | TooLarge:
    try:
        return client.service(remote_id)
    except TooLarge as refused:  # one oversized service is refused; the rest of the feed still comes in
        return refused
