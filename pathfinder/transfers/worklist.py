"""Moves between councils on the caseworker's worklist (see core.worklist): plans to send (reg 15(2)), families
to tell (reg 15(4)) and the first review of a plan transferred in (reg 15(5)).

Whose: the cases of the caseworker's team (a move has no caseworker of its own; the team holds the record).
"""

from __future__ import annotations

from datetime import date

from django.db.models import F, Q
from django.urls import reverse

from pathfinder.core.worklist import WorklistItem, register_worklist_provider
from pathfinder.plans.models import PlanStatus
from pathfinder.transfers.models import TransferIn, TransferInStatus, TransferOut, TransferOutStatus
from pathfinder.transfers.selectors import in_deadlines, out_deadline


def _team_filter(user) -> dict:
    return {"child__team_id": user.team_id} if getattr(user, "team_id", None) else {"pk__in": []}


@register_worklist_provider
def transfers_to_send(user, today: date) -> list[WorklistItem]:
    rows = (TransferOut.objects.filter(status=TransferOutStatus.TO_SEND, **_team_filter(user))
            .select_related("child").order_by("due_on", "pk"))
    items = []
    for row in rows:
        due = out_deadline(row, today)
        items.append(WorklistItem(
            child=row.child, title=f"Send the plan to {row.to_la_name}", due=due.due,
            url=reverse("transfers:out", kwargs={"child_id": row.child_id, "transfer_id": row.pk}),
            reason=due.rule.citation, reason_url=due.rule.url, today=today,
            sort_key=(row.child.legal_last_name, row.pk),
        ))
    return items


@register_worklist_provider
def transfers_in_work(user, today: date) -> list[WorklistItem]:
    """The notice to the family while it is due; then the first review, until the plan is reviewed here."""
    not_reviewed_here = Q(plan__last_reviewed_on__isnull=True) | Q(plan__last_reviewed_on__lte=F("transferred_on"))
    rows = (TransferIn.objects.filter(not_reviewed_here, plan__status=PlanStatus.FINAL, **_team_filter(user))
            .select_related("child", "plan").order_by("notice_due_on", "pk"))
    items = []
    for row in rows:
        deadlines = in_deadlines(row, today)
        url = reverse("transfers:in", kwargs={"child_id": row.child_id, "transfer_id": row.pk})
        step = deadlines["transfer_in_notice"] if row.status == TransferInStatus.NOTICE_DUE \
            else deadlines["transfer_in_review"]
        title = ("Tell the family whether we will assess and when we will review the transferred plan"
                 if row.status == TransferInStatus.NOTICE_DUE else "First review of the plan transferred to us")
        items.append(WorklistItem(
            child=row.child, title=title, due=step.due, url=url, reason=step.rule.citation,
            reason_url=step.rule.url, today=today, sort_key=(row.child.legal_last_name, row.pk),
        ))
    return items
