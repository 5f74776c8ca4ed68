"""The address a request really came from, for rate limits, lockouts and the audit trail.

`X-Forwarded-For` is written by whoever sends the request, so on its own it proves nothing: anyone can
claim any address and so escape a per-address limit. Only the entries added by proxies we run can be
trusted. With `PATHFINDER_TRUSTED_PROXIES = n` (0 by default: no proxy, the header is ignored), the client
is the n-th address from the right of the header, which is the one our outermost proxy saw; anything to
the left of it was supplied by the client and is ignored. This matches Django REST framework's
`NUM_PROXIES`, which the settings set from the same number.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def trusted_proxy_count() -> int:
    """How many proxies of our own stand in front of the app (never negative)."""
    return max(0, int(getattr(settings, "PATHFINDER_TRUSTED_PROXIES", 0) or 0))


def _valid(address: str | None) -> str | None:
    if not address:
        return None
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address: REMOTE_ADDR, or the address our trusted proxies recorded in X-Forwarded-For."""
    remote = _valid(request.META.get("REMOTE_ADDR"))
    proxies = trusted_proxy_count()
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies == 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote
    # Fewer entries than proxies means the request skipped a proxy: take the left-most, which is the
    # furthest our own proxies can vouch for (as DRF does).
    return _valid(hops[-min(proxies, len(hops))]) or remote
