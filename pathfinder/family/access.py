"""The family's pages about one child: as people.access.child_view, and a refused look is audited too.

Why the extra event: a parent who guesses another child's address must see nothing (404, so the record's
existence is not confirmed), and the council must be able to see that someone tried. The event names the
address tried and the number in it, not the child (that would link the guess to a real record in the log).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.people.access import child_view


def family_child_view(what: str) -> Callable[[Callable], Callable]:
    def decorate(view: Callable) -> Callable:
        checked = child_view(what)(view)

        @wraps(view)
        def wrapped(request: HttpRequest, child_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return checked(request, child_id, *args, **kwargs)
            except Http404:
                audit_event_record(acting_user=request.user, action=AuditAction.DENIED, request=request,
                                   what=f"was refused {what} (a child they may not see)",
                                   obj=None)
                raise

        return wrapped

    return decorate
