"""Waiting when a feed throttles us: `wait` is one function, so tests can record the waits instead of sleeping.

A run fetches services' details a few at a time (harvest.details); when the feed answers one of them "too many
requests" (429), every thread of the run holds back until the time it gave, not only the one that was told, so
a busy neighbour's server is not asked again by the others meanwhile.
"""

from __future__ import annotations

import threading
import time

LONGEST_WAIT = 120.0  # seconds: no wait is longer than this, whatever the feed says


def wait(seconds: float) -> None:
    time.sleep(seconds)


class Throttle:
    """Shared by the threads of one run: when the feed last told one of them to wait, and until when."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._until = 0.0
        self._told: int | None = None

    def hold(self, seconds: float) -> None:
        """The calling thread was told to wait `seconds` (it waits itself); the others wait at their next ask."""
        with self._lock:
            self._until = max(self._until, time.monotonic() + seconds)
            self._told = threading.get_ident()

    def wait_turn(self) -> None:
        """Before each request: wait out a hold another thread was told of (bounded by LONGEST_WAIT)."""
        with self._lock:
            remaining, told = self._until - time.monotonic(), self._told
        if remaining > 0 and told != threading.get_ident():
            wait(min(remaining, LONGEST_WAIT))
