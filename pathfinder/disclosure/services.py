"""Audit what leaves Pathfinder through disclosure: who downloaded which list or pack, and about how many children.

Why per child as well as one line for the list: each child's "who has looked" page must show that their details
went to the inspectors in a file, and the council must be able to say who took a file of how many children. One
INSERT for the children, however many there are.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from pathfinder.audit.models import AuditAction, AuditEvent
from pathfinder.audit.services import audit_event_record
from pathfinder.core.client_address import client_address


def audit_children_downloaded(request: HttpRequest, child_ids: Iterable[int], what: str) -> int:
    """One summary event ("downloaded X: N children") and one "downloaded" event on each child's record."""
    ids = list(dict.fromkeys(child_ids))
    user = request.user
    audit_event_record(acting_user=user, action=AuditAction.DOWNLOAD, request=request,
                       what=f"{what}: {len(ids)} {'child' if len(ids) == 1 else 'children'}")
    common = {
        "actor": user, "actor_role": getattr(user, "role", ""), "action": AuditAction.DOWNLOAD, "what": what[:200],
        "ip_address": client_address(request), "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
        "path": request.path[:300],
    }
    AuditEvent.objects.bulk_create([AuditEvent(child_id=child_id, **common) for child_id in ids], batch_size=2000)
    return len(ids)
