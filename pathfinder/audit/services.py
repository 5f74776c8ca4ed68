"""Write audit events. Called by services and child-scoped views inside the same transaction as the work."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest

from pathfinder.audit.models import AuditAction, AuditEvent
from pathfinder.core.client_address import client_address


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return client_address(request)  # through our trusted proxies only, never a client-supplied header


def audit_event_record(
    *,
    acting_user: Any,
    action: str,
    what: str,
    child: Any = None,
    obj: Any = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Record who did what to which child's record, when and from where."""
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        actor_role=getattr(user, "role", "") if user else "",
        action=action,
        child=child,
        what=what[:200],
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=str(getattr(obj, "pk", "") or "") if obj is not None else "",
        ip_address=_client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""),
        path=(request.path[:300] if request is not None else ""),
    )


def audit_read(request: HttpRequest, child: Any, what: str, obj: Any = None) -> AuditEvent:
    return audit_event_record(
        acting_user=request.user, action=AuditAction.VIEW, what=what, child=child, obj=obj, request=request
    )


def audit_reads(request: HttpRequest, children: Iterable[Any], what: str) -> int:
    """Record that a list page showed these children: one "looked at" event per child, in one INSERT. A row
    standing for someone with no record yet (a family's request not yet matched to a child) has no pk: skipped.

    List pages (search results, worklists, advice lists) show names and identifiers of many children at once;
    each child's "who has looked" page must still list the read, so the event is per child, not per page.
    """
    user = request.user if getattr(request.user, "is_authenticated", False) else None
    seen: dict[Any, Any] = {}
    for child in children:
        if child is not None and getattr(child, "pk", None) is not None and child.pk not in seen:
            seen[child.pk] = child
    if not seen:
        return 0
    common = {
        "actor": user,
        "actor_role": getattr(user, "role", "") if user else "",
        "action": AuditAction.VIEW,
        "what": what[:200],
        "ip_address": _client_ip(request),
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
        "path": request.path[:300],
    }
    AuditEvent.objects.bulk_create([AuditEvent(child=child, **common) for child in seen.values()])
    return len(seen)
