"""Views about one child: check the user may see this child, and audit the read, in one place.

A refused look is audited too: someone who guesses another child's address sees nothing (404, so the record's
existence is not confirmed), and the council can see that they tried. That event names the address tried, not the
child (naming the child would tie the guess to a real record in the log).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record, audit_read
from pathfinder.people.selectors import child_get_for


def child_view(what: str) -> Callable[[Callable], Callable]:
    """Load the child named by `child_id` for this user (404 if not theirs to see) and audit the read.

    Any page this renders is a read, whatever the method: a form shown again after an error is audited too.
    A child the user may not see gives 404, not 403, so that it does not confirm the record exists.
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, child_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
            child = child_get_for(request.user, child_id)
            if child is None:
                audit_event_record(acting_user=request.user, action=AuditAction.DENIED, request=request,
                                   what=f"was refused {what} (a child they may not see)", obj=None)
                raise Http404("No such child for this user")
            if request.method == "GET":
                audit_read(request, child, what)
            response = view(request, child, *args, **kwargs)
            if request.method != "GET" and response.status_code == 200:
                # A form shown again (after an error) shows the child's record as much as a GET does.
                audit_read(request, child, f"{what} (shown again)")
            return response

        return wrapped

    return decorate
