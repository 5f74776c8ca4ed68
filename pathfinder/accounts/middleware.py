"""Sessions end after a fixed time however active they are, so a forgotten sign-in cannot live for days."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import auth
from django.http import HttpRequest, HttpResponse

SIGNED_IN_AT = "pathfinder_signed_in_at"


def mark_signed_in(request: HttpRequest) -> None:
    request.session[SIGNED_IN_AT] = int(time.time())


class SessionLifetimeMiddleware:
    """Sign out anyone whose sign-in is older than PATHFINDER_SESSION_MAX_HOURS (8 by default)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SIGNED_IN_AT)
            if started is None:  # signed in some other way (the admin's own form): the clock starts now
                mark_signed_in(request)
            elif time.time() - started > settings.PATHFINDER_SESSION_MAX_HOURS * 3600:
                auth.logout(request)
        return self.get_response(request)
