"""Reading moves between councils: the lists, a child's moves, and their deadlines (from statutory.transfer)."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.urls import reverse

import statutory
from pathfinder.accounts.roles import CASE_ROLES
from pathfinder.people.child_pages import RecordLink
from pathfinder.people.selectors import children_visible_to
from pathfinder.plans.models import PlanStatus
from pathfinder.transfers.models import TransferIn, TransferOut, TransferOutStatus


def transfers_out_for(user) -> QuerySet[TransferOut]:
    """Moves out of children this user may see (not withdrawn ones), the ones still to send first, by due date."""
    return (TransferOut.objects.filter(child__in=children_visible_to(user))
            .exclude(status=TransferOutStatus.WITHDRAWN).select_related("child", "plan")
            .order_by("-status", "due_on", "pk"))


def transfers_in_for(user) -> QuerySet[TransferIn]:
    return (TransferIn.objects.filter(child__in=children_visible_to(user)).select_related("child", "plan")
            .order_by("status", "notice_due_on", "pk"))


def transfer_out_get(child, transfer_id: int) -> TransferOut | None:
    return TransferOut.objects.select_related("plan", "child").filter(child=child, pk=transfer_id).first()


def transfer_in_get(child, transfer_id: int) -> TransferIn | None:
    return TransferIn.objects.select_related("plan", "child").filter(child=child, pk=transfer_id).first()


def out_deadline(transfer: TransferOut, today: date) -> statutory.Deadline:
    return statutory.transfer_out_deadline(transfer.move_on, transfer.aware_on, today=today, sent_on=transfer.sent_on)


def in_deadlines(transfer: TransferIn, today: date) -> statutory.Deadlines:
    plan = transfer.plan
    return statutory.transfer_in_deadlines(
        transfer.transferred_on, plan.first_made_on or transfer.transferred_on, plan.last_reviewed_on, today,
        notice_sent_on=transfer.notice_sent_on,
        reviewed_on=plan.last_reviewed_on if plan.last_reviewed_on and plan.last_reviewed_on > transfer.transferred_on
        else None,
    )


def record_links(request, child) -> list[RecordLink]:
    """On the child's record, for case staff: where the plan came from, where it is going, or (for a final plan
    with no move recorded) the way to record one."""
    if getattr(request.user, "role", None) not in CASE_ROLES:
        return []
    links = []
    final = child.plans.filter(status=PlanStatus.FINAL).first()
    if final is not None and not final.transfers_out.filter(status=TransferOutStatus.TO_SEND).exists():
        links.append(RecordLink(text="Record a move to another council",
                                url=reverse("transfers:out-new", kwargs={"child_id": child.pk, "plan_id": final.pk}),
                                hint="The family is moving away: send the plan to the new council"))
    links += [
        RecordLink(text=f"Plan transferred from {t.from_la_name}",
                   url=reverse("transfers:in", kwargs={"child_id": child.pk, "transfer_id": t.pk}),
                   hint=f"Transferred to us on {t.transferred_on:%-d %B %Y}")
        for t in child.transfers_in.all()
    ]
    links += [
        RecordLink(text=f"Move to {t.to_la_name}",
                   url=reverse("transfers:out", kwargs={"child_id": child.pk, "transfer_id": t.pk}),
                   hint=(f"Plan sent on {t.sent_on:%-d %B %Y}" if t.status == TransferOutStatus.SENT
                         else f"Plan to send by {t.due_on:%-d %B %Y}"))
        for t in child.transfers_out.exclude(status=TransferOutStatus.WITHDRAWN)
    ]
    return links


