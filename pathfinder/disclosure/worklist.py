"""Subject access requests on the caseworker's worklist (see core.worklist): each open request of the team's
children, due on its last day to answer (UK GDPR Art.12(3)), overdue once that day has passed.

Whose: the cases of the caseworker's team (a request has no caseworker of its own; the team holds the record).
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

import statutory
from pathfinder.core.worklist import WorklistItem, register_worklist_provider
from pathfinder.disclosure.models import OPEN_STATUSES, SubjectAccessRequest


@register_worklist_provider
def subject_access_requests_open(user, today: date) -> list[WorklistItem]:
    team_id = getattr(user, "team_id", None)
    if not team_id:
        return []
    rows = (SubjectAccessRequest.objects.filter(status__in=OPEN_STATUSES, child__team_id=team_id)
            .select_related("child").order_by("due_on", "pk"))
    rule = statutory.rule_in_force("subject_access_response", today)
    items = []
    for sar in rows:
        notes = (f"Extended on {sar.extended_on:%-d %B %Y}: {sar.extension_reason}",) if sar.extended_on else ()
        items.append(WorklistItem(
            child=sar.child, title=f"Answer the subject access request from {sar.requester_name}", due=sar.due_on,
            url=reverse("disclosure:subject-access", kwargs={"child_id": sar.child_id}) + "#requests",
            reason=rule.citation, reason_url=rule.url, today=today, notes=notes,
            sort_key=(sar.child.legal_last_name, sar.pk),
        ))
    return items
