"""The bench's lean rows (demo.bulk) are valid data, as the demo county is: plans with review histories that agree with
the law's review clock, so the national-scale bench measures the review pages on realistic rows."""

from __future__ import annotations

import pytest
from django.utils import timezone

from pathfinder.demo.bulk import bulk_fill
from pathfinder.demo.county import build_county
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews.models import OPEN_STATUSES, Review, ReviewStatus
from statutory.review_clock import review_due

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def lean(module_db, module_demo_settings):
    """Built once for the module: its tests only read it."""
    build_county(plans=10, requests=5, seed=3, local_offer_services=0)
    before = {"plans": Plan.objects.count(), "reviews": Review.objects.count(),
              "last_plan": Plan.objects.order_by("-pk").values_list("pk", flat=True).first()}
    counts = bulk_fill(plans=300, requests=60, seed=7)
    return before, counts


def test_lean_rows_are_counted_as_written(lean):
    before, counts = lean
    assert Plan.objects.count() - before["plans"] == counts["plans"] > 0
    assert Review.objects.count() - before["reviews"] == counts["reviews"] > 0


def test_every_lean_final_plan_keeps_the_laws_review_clock(lean):
    finals = Plan.objects.filter(status=PlanStatus.FINAL, first_made_on__isnull=False)
    assert finals.count() > 100
    for plan in finals:
        expected = review_due(first_made_on=plan.first_made_on, last_reviewed_on=plan.last_reviewed_on).due
        assert plan.review_due_on == expected, plan.pk


def test_lean_reviews_are_decided_in_the_past_or_open_once_per_plan(lean):
    today = timezone.localdate()
    decided = Review.objects.filter(status=ReviewStatus.DECIDED)
    assert decided.exists() and not decided.filter(decided_on__gt=today).exists()
    assert not decided.filter(meeting_on__gt=timezone.localdate()).exists()
    for review in decided:
        assert review.started_on <= review.meeting_on < review.decided_on
    open_plans = list(Review.objects.filter(status__in=OPEN_STATUSES).values_list("plan_id", flat=True))
    assert open_plans and len(open_plans) == len(set(open_plans))


def test_a_lean_plans_last_review_is_its_latest_decided_review(lean):
    before, _ = lean
    for plan in Plan.objects.filter(last_reviewed_on__isnull=False, pk__gt=before["last_plan"])[:50]:
        latest = plan.reviews.filter(status=ReviewStatus.DECIDED).order_by("-decided_on").first()
        assert latest is not None and latest.decided_on == plan.last_reviewed_on
