"""The demo's review histories agree with the law: each plan's stored clock is the statutory one, decided reviews
have their meeting, report and decision in order, and the county has on-time, late, overdue and open reviews."""

import random

import pytest
from django.utils import timezone

import statutory
from pathfinder.plans.clock import plan_review_due
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews.demo import build_reviews
from pathfinder.reviews.models import OPEN_STATUSES, Review, ReviewStatus
from pathfinder.reviews.selectors import review_facts
from pathfinder.reviews.tests.factories import final_plan

pytestmark = pytest.mark.django_db


def test_demo_reviews_agree_with_the_law():
    today = timezone.localdate()
    rng = random.Random(3)
    plans = [final_plan(made_on=today.replace(year=today.year - rng.randint(1, 6)) - timezone.timedelta(
        days=rng.randint(0, 300)), outcomes=0) for _ in range(60)]
    counts = build_reviews(rng, plans, today=today)
    assert counts["reviews_decided"] and counts["reviews_in_progress"] and counts["plans_overdue"]
    assert counts["reviews_late"]
    for plan in Plan.objects.filter(status=PlanStatus.FINAL):
        assert plan.review_due_on == plan_review_due(plan).due
    for review in Review.objects.select_related("plan__child").prefetch_related("invitees"):
        facts = review_facts(review)
        assert statutory.review_problems(facts, today=today) == [], review.pk
        if review.status == ReviewStatus.DECIDED:
            assert statutory.review_is_complete(facts)
    assert Review.objects.filter(status__in=OPEN_STATUSES).count() == counts["reviews_in_progress"]
    # Earlier reviews amended the plan as often as in England; the latest kept the plan that is in force.
    decided = Review.objects.filter(status=ReviewStatus.DECIDED)
    assert decided.filter(decision="amend").exists() and decided.filter(decision="maintain").exists()
    for plan in Plan.objects.filter(reviews__status=ReviewStatus.DECIDED).distinct():
        assert plan.reviews.filter(status=ReviewStatus.DECIDED).order_by("-decided_on").first().decision == "maintain"


def test_meeting_evidence_for_the_councils_figures():
    from datetime import timedelta

    from pathfinder.reviews.evidence import meeting_held_since
    from pathfinder.reviews.tests.factories import arranged_review

    today = timezone.localdate()
    arranged = arranged_review()
    held = arranged_review()
    Review.objects.filter(pk=held.pk).update(status=ReviewStatus.MEETING_HELD)
    done = dict(Plan.objects.annotate(done=meeting_held_since(today - timedelta(days=30))).values_list("pk", "done"))
    assert done[held.plan_id] and not done[arranged.plan_id]
