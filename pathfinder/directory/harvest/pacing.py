"""Waiting when a feed throttles us: one function, so tests can record the waits instead of sleeping."""

from __future__ import annotations

import time


def wait(seconds: float) -> None:
    time.sleep(seconds)
