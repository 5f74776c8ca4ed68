"""The plan's page, after a review kept the plan as it is (a decision not to amend, CFA 2014 s.51(2)(d)): the same
sentences as the family's case page, so the plan, the family's page and the notice give the same appeal days.

Registered with the plans seam (``plans.plan_notes``) from this app's ``ready()``. Shown while the family may still
appeal; after that the decision is history, on the family's page and in the review.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.family import decision_lines
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.disagreements.selectors import decision_rights
from pathfinder.plans.models import PlanStatus
from pathfinder.plans.plan_notes import PlanNote
from pathfinder.reviews.models import Review, ReviewDecision

REVIEW_SOURCE = "reviews.review"


def kept_after_review_notes(request, plan) -> Iterable[PlanNote]:
    if plan.status != PlanStatus.FINAL:
        return []
    reviews = Review.objects.filter(plan=plan, decision=ReviewDecision.MAINTAIN).values_list("pk", flat=True)
    decision = (AppealableDecision.objects.filter(kind=AppealableKind.NOT_TO_AMEND, source_type=REVIEW_SOURCE,
                                                  source_id__in=[str(pk) for pk in reviews])
                .select_related("mediation").order_by("-decided_on", "-pk").first())
    today = timezone.localdate()
    if decision is None or decision_rights(decision).appeal_by < today:
        return []
    text = "After the review of this plan: " + " ".join(decision_lines(decision, today))
    if getattr(request.user, "role", None) not in CASE_STAFF:
        return [PlanNote(text)]
    url = reverse("disagreements:decision", kwargs={"child_id": plan.child_id, "decision_id": decision.pk})
    return [PlanNote(text, "See the decision and any mediation", url)]
