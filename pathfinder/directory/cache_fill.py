"""One process draws a missing public page; the others asking for it at the same moment wait for its answer.

Why: the Local Offer's busiest searches are asked many times a second, and a search over a national directory can
take a second to work out. Without this, every request that arrives while the first is still being drawn misses
the cache too and works the same search out again (a "stampede"): on PostgreSQL at national scale the database
spent its time on dozens of copies of the same few searches and every answer timed out. A CDN or proxy collapses
requests the same way (Varnish, nginx's proxy_cache_lock); this does it in front of the database for every web
process and machine, through the shared cache.

The first request to miss takes a short lease (`cache.add`, atomic in the database cache and Redis), draws the
page and stores it, then gives the lease up. A request that finds the lease taken checks the cache again, a little
less often each time, and answers from it as soon as the page is there. It stops waiting and draws the page itself
when the lease is given up with nothing stored (the page could not be kept: an error, a private answer), when the
lease runs out (the drawing process died), or after PATHFINDER_PUBLIC_FILL_WAIT_SECONDS. So waiting can delay an
answer but never lose one.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from django.conf import settings

from pathfinder.directory.public_cache import public_cache

LEASE_SUFFIX = ":drawing"
FIRST_PAUSE = 0.02  # seconds; doubled after each look, up to LONGEST_PAUSE
LONGEST_PAUSE = 0.2


def wait_seconds() -> float:
    return float(getattr(settings, "PATHFINDER_PUBLIC_FILL_WAIT_SECONDS", 10.0))


@contextmanager
def drawing(key: str):
    """Hold the lease to draw `key` for the length of the block (yields whether this request holds it)."""
    cache = public_cache()
    lease = key + LEASE_SUFFIX
    held = cache.add(lease, 1, timeout=max(1, int(wait_seconds()) + 5))
    try:
        yield held
    finally:
        if held:
            cache.delete(lease)


def wait_for(key: str, *, clock=time.monotonic, sleep=time.sleep) -> dict | None:
    """The entry another request is drawing, once it is stored; None if this request should draw it itself."""
    cache = public_cache()
    lease = key + LEASE_SUFFIX
    deadline = clock() + wait_seconds()
    pause = FIRST_PAUSE
    while clock() < deadline:
        found = cache.get_many([key, lease])
        if key in found:
            return found[key]
        if lease not in found:  # given up with nothing stored, or never taken: draw it here
            return None
        sleep(pause)
        pause = min(pause * 2, LONGEST_PAUSE)
    return None
