"""Personal budget steps on the caseworker's worklist (see core.worklist): a new request to work out, lines waiting
for the ICB's agreement, a direct payment agreement sent but not signed, and a direct payment review due.

The regulations set no period for working out a budget or for signing the agreement, so those items are due from
the day the step became possible and never shown as overdue; a review is due on the date the council's settings
give (regs 9 to 11: see statutory.personal_budgets.review_dates) and overdue after it. Only the caseworker's own
cases: the children their team is involved with.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from pathfinder.accounts.roles import Role
from pathfinder.budgets.models import BudgetRequest, Funder, RequestStatus
from pathfinder.budgets.models_money import DirectPayment, DirectPaymentStatus
from pathfinder.core.worklist import WorklistItem, register_worklist_provider
from pathfinder.people.selectors import children_visible_to
from statutory import personal_budgets as law


def _url(budget_request: BudgetRequest) -> str:
    return reverse(
        "budgets:request_detail", kwargs={"child_id": budget_request.child_id, "request_id": budget_request.pk}
    )


def _item(budget_request, title: str, due: date, today: date, reg, overdue: bool | None = False, url: str = ""):
    return WorklistItem(
        child=budget_request.child,
        title=title,
        due=due,
        url=url or _url(budget_request),
        reason=law.citation(reg) if reg else law.CFA_49,
        today=today,
        reason_url=law.citation_url(reg) if reg else law.CFA_49_URL,
        overdue=overdue,
        sort_key=(budget_request.child.legal_last_name, budget_request.pk),
    )


@register_worklist_provider
def personal_budget_steps(user, today: date) -> list[WorklistItem]:
    if getattr(user, "role", None) != Role.CASEWORKER:
        return []
    children = children_visible_to(user, today=today)
    items = []
    open_requests = (
        BudgetRequest.objects.filter(child__in=children, status__in=(RequestStatus.REQUESTED, RequestStatus.INDICATIVE))
        .select_related("child")
        .prefetch_related("lines__shares")
    )
    for r in open_requests:
        if r.status == RequestStatus.REQUESTED:
            items.append(_item(r, "Work out the personal budget the family asked for", r.requested_on, today, 4))
        waiting = [
            s for line in r.lines.all() for s in line.shares.all() if s.funder == Funder.ICB and s.agreed_on is None
        ]
        if waiting:
            items.append(
                _item(
                    r,
                    "Personal budget lines wait for the integrated care board's agreement",
                    r.requested_on,
                    today,
                    None,
                )
            )
    payments = DirectPayment.objects.filter(
        request__child__in=children, status__in=(DirectPaymentStatus.AGREEMENT_SENT, DirectPaymentStatus.ACTIVE)
    ).select_related("request__child")
    for dp in payments:
        url = reverse(
            "budgets:direct_payment_detail",
            kwargs={"child_id": dp.request.child_id, "request_id": dp.request_id, "direct_payment_id": dp.pk},
        )
        if dp.status == DirectPaymentStatus.AGREEMENT_SENT:
            items.append(
                _item(
                    dp.request,
                    "Direct payment agreement sent but not signed yet",
                    dp.agreement_sent_on or today,
                    today,
                    6,
                    url=url,
                )
            )
        elif dp.next_review_due_on:
            items.append(
                _item(dp.request, "Review the direct payment", dp.next_review_due_on, today, 9, overdue=None, url=url)
            )
    return items
