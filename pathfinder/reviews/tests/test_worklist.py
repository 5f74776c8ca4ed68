"""Reviews on the caseworker's worklist: plans to start reviewing (overdue, due this term) and open review steps."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory
from pathfinder.reviews.tests.factories import arranged_review, final_plan
from pathfinder.reviews.worklist import open_review_steps, reviews_to_start

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_overdue_plans_are_listed_until_a_review_starts():
    plan = final_plan(made_on=TODAY - timedelta(days=400))
    caseworker = CaseworkerFactory(team=plan.child.team)
    items = reviews_to_start(caseworker, TODAY)
    assert [i.child for i in items] == [plan.child] and items[0].due < TODAY
    assert "s.44(1)" in items[0].reason
    assert reviews_to_start(CaseworkerFactory(), TODAY) == []
    assert reviews_to_start(ManagerFactory(), TODAY) == []
    arranged_review(plan=plan)
    assert reviews_to_start(caseworker, TODAY) == []


def test_open_review_steps_carry_their_rule():
    review = arranged_review(meeting_on=TODAY + timedelta(days=30), invited_on=TODAY)
    caseworker = CaseworkerFactory(team=review.plan.child.team)
    items = open_review_steps(caseworker, TODAY)
    titles = {i.title for i in items}
    assert "Review: send the advice to everyone invited" in titles
    assert "Review: decide and tell the family" in titles
    assert all(i.reason.startswith(("SEND Regulations", "Children and Families")) for i in items)
