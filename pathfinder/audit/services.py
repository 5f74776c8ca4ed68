"""Write audit events. Called by services and child-scoped views inside the same transaction as the work."""

from __future__ import annotations

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
