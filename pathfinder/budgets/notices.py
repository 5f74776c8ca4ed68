"""The written notice of the agreed provision and the amount (PB Regs reg 8): a printable page the family reads
in the portal, sent once the budget is agreed, ``notice_sent_on`` recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from pathfinder.budgets.models import BudgetLine, BudgetRequest, LineStatus
from pathfinder.budgets.section_j import FUNDED_BY
from pathfinder.budgets.workflow import REQUEST_WORKFLOW
from pathfinder.core.errors import ServiceError
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
    """Record that the reg 8 notice was sent (the family reads it in the portal from then). A move of the request's
    workflow that keeps it agreed ("send_notice"), so it is locked, version-checked and audited like every step."""
    sent_on = sent_on or timezone.localdate()

    def check(current: BudgetRequest) -> None:
        if current.notice_sent_on:
            raise ServiceError(f"The notice was already sent on {current.notice_sent_on:%-d %B %Y}.", field="sent_on")
        problems = law.notice_problems(list(current.lines.filter(status=LineStatus.AGREED)))
        if problems:
            raise ServiceError(problems[0].message, field="sent_on")
        if sent_on > timezone.localdate() or (current.agreed_on and sent_on < current.agreed_on):
            raise ServiceError(
                "The date the notice was sent must be between the day the budget was agreed and today", field="sent_on"
            )

    def apply(current: BudgetRequest) -> None:
        current.notice_sent_on = sent_on

    return REQUEST_WORKFLOW.transition(
        budget_request,
        "send_notice",
        acting_user=acting_user,
        expected_version=expected_version,
        check=check,
        apply=apply,
        what="notice of the agreed provision and amount sent (reg 8)",
    )
