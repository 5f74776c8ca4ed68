"""What the Local Offer's shared page cache depends on, and how a change makes cached pages out of date.

Why generations, not deletion: a cached page's key names a *token* for each thing the page shows (the whole
directory for a search, one service for its page...). A committed change sets a fresh random token for what it
affected, so the next request computes a new key and renders afresh; the old entries are never read again and age
out. Nothing is deleted by pattern (the database cache cannot), and it works the same on every web process and
machine because the tokens live in the shared cache too.

Scopes (each public page or API response depends on ALL plus the scopes named in directory.cache_middleware):

    all          taxonomies, organisations, anything edited in the admin: every page
    directory    which services exist and what they say: search, the API's lists
    service:<id> one service: its page and its API record
    pages        the council's information pages (and the links to them on the search page)
    feedback     "You said, we did"

Today's date is part of every key as well: a service nobody has checked for too long drops out of the public
Local Offer at midnight (selectors.hidden_before), and that is the stale-service sweep.

Tokens are random, not counters: two changes committing at once each set a different token, so a page rendered
before the later commit can never be stored under the key that follows it.
"""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

ALL = "all"
DIRECTORY = "directory"
PAGES = "pages"
FEEDBACK = "feedback"
TOKEN_PREFIX = "lo:token:"
CHANGED_PREFIX = "lo:changed:"  # when a scope's token was last replaced: its content's last change (Last-Modified)
PAGE_PREFIX = "lo:page:"
# Past this many services in one change (a big import), one new token for everything beats thousands of writes.
MANY_SERVICES = 100


def public_cache():
    """The shared cache alias holding the Local Offer's pages and tokens (settings.PATHFINDER_PUBLIC_CACHE)."""
    return caches[settings.PATHFINDER_PUBLIC_CACHE]


def service_scope(service_id) -> str:
    """The scope of one service, with its id written one way however the URL spelt it."""
    try:
        return f"service:{uuid.UUID(str(service_id))}"
    except ValueError:
        return f"service:{str(service_id)[:40]}"


def tokens_for(scopes: Iterable[str]) -> str:
    """The current tokens of ALL and these scopes, joined: part of a cached page's key.

    A token nobody has set yet (or that the cache dropped) is created here: a new token only ever means a miss.
    """
    cache = public_cache()
    keys = [TOKEN_PREFIX + scope for scope in (ALL, *scopes)]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, secrets.token_hex(6), timeout=None)
            found[key] = cache.get(key) or secrets.token_hex(6)
    return ".".join(found[key] for key in keys)


def page_key(*, scopes: Iterable[str], scheme: str, host: str, full_path: str) -> str:
    """The key of one public response: today's date, the tokens, and the address it was asked for."""
    address = hashlib.sha256(f"{scheme}://{host}{full_path}".encode()).hexdigest()[:40]
    return f"{PAGE_PREFIX}{timezone.localdate().isoformat()}:{tokens_for(scopes)}:{address}"


def local_offer_changed(*scopes: str) -> None:
    """Say that a change affects these scopes: once it commits, pages showing them are rendered afresh.

    Call it inside the change's transaction (services do): nothing is invalidated for a change rolled back, and a
    page rendered while the change was uncommitted is never kept under the new tokens.
    """
    chosen = set(scopes) or {ALL}

    def bump() -> None:
        now = time.time()
        public_cache().set_many({TOKEN_PREFIX + scope: secrets.token_hex(6) for scope in chosen}
                                | {CHANGED_PREFIX + scope: now for scope in chosen}, timeout=None)

    transaction.on_commit(bump)


def content_modified(scopes: Iterable[str]) -> float:
    """When what a page shows last changed (its Last-Modified), as a Unix time; never the time it was cached.

    The newest committed change to ALL or the page's scopes (recorded with the fresh token). If the cache has lost
    a scope's time, the directory's last change stands in: the newest `last_modified` (approved change) of any
    service. A page listing services (the directory scope) also changes at midnight, when services unchecked for
    too long leave the public Local Offer without any change being made, so it is never older than today's start.
    """
    from pathfinder.directory.models import Service

    scopes = (ALL, *scopes)
    found = public_cache().get_many([CHANGED_PREFIX + scope for scope in scopes])
    times = list(found.values())
    if len(found) < len(scopes):
        newest = Service.objects.filter(is_published=True).aggregate(newest=Max("last_modified"))["newest"]
        times.append(newest.timestamp() if newest else 0.0)
    if DIRECTORY in scopes:
        midnight = timezone.make_aware(datetime.combine(timezone.localdate(), datetime.min.time()))
        times.append(midnight.timestamp())
    return min(max(times), time.time())


def services_changed(service_ids: Iterable) -> None:
    """One or more services changed (approved, checked, imported): their pages, search and the API's lists."""
    ids = list(service_ids)
    if len(ids) > MANY_SERVICES:
        local_offer_changed(ALL)
    else:
        local_offer_changed(DIRECTORY, *(service_scope(i) for i in ids))


def reference_data_changed(sender, **kwargs) -> None:
    """A taxonomy, term or organisation saved or deleted (the admin edits them, not a service): each shows on many
    services' pages and in the API, so every cached public page is drawn afresh. Connected in DirectoryConfig."""
    if not kwargs.get("raw"):
        local_offer_changed(ALL)
