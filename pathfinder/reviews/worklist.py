"""Reviews on the caseworker's worklist (see core.worklist): plans of their team whose review is overdue or due by
the end of this term and not yet started, and each open step of a review in progress with its date and rule.

Counted from ``Plan.review_due_on`` (indexed with the plan's status) and open reviews (indexed by status); only the
caseworker's team (reviews are not allocated to one person).
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

import statutory
from pathfinder.accounts.roles import Role
from pathfinder.core.worklist import WorklistItem, register_worklist_provider
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews.models import OPEN_STATUSES, Review
from pathfinder.reviews.selectors import review_facts, term_end

LIMIT = 100


def _team_plans(user):
    if getattr(user, "role", None) != Role.CASEWORKER or not user.team_id:
        return Plan.objects.none()
    return Plan.objects.filter(status=PlanStatus.FINAL, child__team_id=user.team_id)


@register_worklist_provider
def reviews_to_start(user, today: date) -> list[WorklistItem]:
    """Plans overdue or due this term with no review in progress."""
    plans = (_team_plans(user).filter(review_due_on__lte=term_end(today))
             .exclude(reviews__status__in=OPEN_STATUSES).select_related("child").order_by("review_due_on", "pk"))
    items = []
    for plan in plans[:LIMIT]:
        rule = statutory.rule_in_force("annual_review", plan.review_due_on)
        items.append(WorklistItem(
            child=plan.child, title="Start the annual review of the EHC plan", due=plan.review_due_on,
            url=reverse("reviews:plan", kwargs={"child_id": plan.child_id, "plan_id": plan.pk}),
            reason=rule.citation, reason_url=rule.url, today=today,
            sort_key=(plan.child.legal_last_name, plan.pk),
        ))
    return items


@register_worklist_provider
def open_review_steps(user, today: date) -> list[WorklistItem]:
    """Each open step of the team's reviews in progress, with its date and rule."""
    reviews = (Review.objects.filter(status__in=OPEN_STATUSES, plan__in=_team_plans(user).values("pk"))
               .select_related("plan__child").prefetch_related("invitees").order_by("started_on", "pk"))
    items = []
    for review in reviews[:LIMIT]:
        child = review.plan.child
        url = reverse("reviews:review", kwargs={"child_id": child.pk, "plan_id": review.plan_id,
                                                "review_id": review.pk})
        for step in statutory.review_timeline(review_facts(review), today=today).open:
            if step.step == "early_years":
                continue  # guidance, shown on the review page; not a duty to chase
            items.append(WorklistItem(
                child=child, title=f"Review: {step.label.lower()}", due=step.due, url=url,
                reason=step.rule.citation, reason_url=step.rule.url, today=today, overdue=step.is_overdue,
                sort_key=(child.legal_last_name, review.pk),
            ))
    return items
