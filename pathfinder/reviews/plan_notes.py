"""What a final plan's page says about its review (registered with plans.plan_notes from this app's ready()):
for case staff, the date the next review is due by and a link to the plan's reviews."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils import formats

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.plans.models import PlanStatus
from pathfinder.plans.plan_notes import PlanNote


def review_notes(request, plan) -> Iterable[PlanNote]:
    if getattr(request.user, "role", None) not in CASE_STAFF or plan.status != PlanStatus.FINAL:
        return []
    url = reverse("reviews:plan", kwargs={"child_id": plan.child_id, "plan_id": plan.pk})
    text = (f"The next review is due by {formats.date_format(plan.review_due_on, 'j F Y')}."
            if plan.review_due_on else "")
    return [PlanNote(text, "See the reviews of this plan", url)]
