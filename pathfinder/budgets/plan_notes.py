"""What the plan's page says about a personal budget (plans.plan_notes seam, registered from BudgetsConfig.ready())."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.budgets.models import RequestStatus
from pathfinder.budgets.requests import request_stage_for
from pathfinder.plans.plan_notes import PlanNote


def budget_notes(request, plan) -> Iterable[PlanNote]:
    """Staff: where the latest request stands, with a link; or a link to record one when reg 4 allows."""
    if getattr(request.user, "role", None) not in CASE_STAFF:
        return []
    latest = plan.budget_requests.order_by("-pk").first()
    if latest is not None and latest.status not in (RequestStatus.WITHDRAWN,):
        url = reverse("budgets:request_detail", kwargs={"child_id": plan.child_id, "request_id": latest.pk})
        return [PlanNote(f"Personal budget: {latest.get_status_display().lower()}.", "See the personal budget", url)]
    if request_stage_for(plan):
        return [
            PlanNote(
                "",
                "Record a request for a personal budget",
                reverse("budgets:request_start", kwargs={"child_id": plan.child_id, "plan_id": plan.pk}),
            )
        ]
    return []
