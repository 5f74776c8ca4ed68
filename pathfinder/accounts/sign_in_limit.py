"""A limit on failed sign-ins per address, across usernames, on top of django-axes' per-account lockout.

Axes locks a username from an address after 5 failures, which stops guessing one person's password but not
one password tried against every username (password spraying). Locking the address as axes would do it,
at the same low threshold, would let anyone behind the same address lock out colleagues; locking accounts
would let an attacker lock anyone out. So this counts failures per address in the shared cache with a
higher threshold, and a throttled address is refused before any password is checked: the accounts it tried
are not touched and people elsewhere sign in as usual. Windows are fixed, so the wait is at most one window.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def _window_seconds() -> int:
    return int(settings.PATHFINDER_SIGN_IN_ADDRESS_WINDOW.total_seconds())


def window_minutes() -> int:
    """How long a throttled address waits, in whole minutes, for the page that says so."""
    return max(1, _window_seconds() // 60)


def _key(address: str) -> str:
    window = int(time.time() // _window_seconds())
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]  # no raw addresses in the cache
    return f"pf:sign-in-failures:{digest}:{window}"


def address_is_throttled(address: str | None) -> bool:
    """Whether this address has had too many failed sign-ins (across all usernames) in this window."""
    if not address:
        return False
    return int(cache.get(_key(address), 0)) >= settings.PATHFINDER_SIGN_IN_ADDRESS_FAILURE_LIMIT


def address_failure_record(address: str | None) -> None:
    """Count one failed sign-in from this address."""
    if not address:
        return
    key = _key(address)
    cache.add(key, 0, timeout=_window_seconds())
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr: start again
        cache.set(key, 1, timeout=_window_seconds())
