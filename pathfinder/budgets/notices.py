"""The written notice of the agreed provision and the amount (PB Regs reg 8): a printable page the family reads
in the portal, sent once the budget is agreed, ``notice_sent_on`` recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets.models import BudgetLine, BudgetRequest, LineStatus, RequestStatus
from pathfinder.budgets.section_j import FUNDED_BY
from pathfinder.budgets.workflow import REQUEST_WORKFLOW
from pathfinder.core.errors import ServiceError, StaleEdit
from statutory import personal_budgets as law


@dataclass(frozen=True)
class NoticeLine:
    provision: str
    how: str
    funded_by: str
    amount: Decimal


@dataclass(frozen=True)
class Notice:
    """What the reg 8 notice says."""

    agreed_on: date | None
    lines: tuple[NoticeLine, ...]
    total: Decimal
    citation: str
    citation_url: str


def _line(line: BudgetLine) -> NoticeLine:
    funders = ", ".join(FUNDED_BY.get(s.funder, s.funder) for s in line.shares.all())
    return NoticeLine(
        provision=line.provision_text, how=line.get_delivery_display(), funded_by=funders, amount=line.yearly_amount
    )


def notice_for(budget_request: BudgetRequest) -> Notice:
    lines = tuple(
        _line(line) for line in budget_request.lines.filter(status=LineStatus.AGREED).prefetch_related("shares")
    )
    return Notice(
        agreed_on=budget_request.agreed_on,
        lines=lines,
        total=sum((n.amount for n in lines), Decimal(0)),
        citation=law.citation(8),
        citation_url=law.citation_url(8),
    )


def notice_send(
    *, acting_user, budget_request: BudgetRequest, expected_version: int, sent_on: date | None = None
) -> BudgetRequest:
    """Record that the reg 8 notice was sent (the family reads it in the portal from then)."""
    sent_on = sent_on or timezone.localdate()
    with transaction.atomic():
        current = BudgetRequest.objects.select_for_update().get(pk=budget_request.pk)
        if current.version != int(expected_version):
            raise StaleEdit(REQUEST_WORKFLOW.stale_message)
        if current.status != RequestStatus.AGREED:
            raise ServiceError("The notice can only be sent once the budget is agreed.", field="sent_on")
        problems = law.notice_problems(list(current.lines.filter(status=LineStatus.AGREED)))
        if problems:
            raise ServiceError(problems[0].message, field="sent_on")
        if sent_on > timezone.localdate() or (current.agreed_on and sent_on < current.agreed_on):
            raise ServiceError(
                "The date the notice was sent must be between the day the budget was agreed and today", field="sent_on"
            )
        current.notice_sent_on = sent_on
        current.version += 1
        current._change_reason = "Notice of the agreed provision and amount sent"
        current.save()
        audit_event_record(
            acting_user=acting_user,
            action=AuditAction.UPDATE,
            child=current.child,
            obj=current,
            what="personal budget: notice of the agreed provision and amount sent (reg 8)",
        )
    return current
