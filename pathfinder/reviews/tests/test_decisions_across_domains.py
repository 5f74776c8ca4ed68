"""A review's decision to amend or cease, through the real amendments and ceasing services: the review is decided
on the day the amendment notice or the cease notice goes (reg 20(10), reg 22(2), reg 31; R (L, M, P) v Devon CC),
and the plan's review clock starts again from that day."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.ceasing.models import Cessation
from pathfinder.ceasing.workflow import cessation_consultation_record, cessation_decide
from pathfinder.plans import services as plan_services
from pathfinder.plans.amendments import amendment_notice_send
from pathfinder.plans.models import Plan
from pathfinder.plans.tests.factories import PlanProvisionFactory
from pathfinder.reviews import decisions
from pathfinder.reviews.models import Review
from pathfinder.reviews.tests.factories import ReviewFactory, final_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported():
    today = timezone.localdate()
    plan = final_plan(made_on=today - timedelta(days=350))
    outcome = plan.outcomes.first()
    PlanProvisionFactory(plan=plan, needs=list(plan.needs.all()), outcomes=[outcome])
    review = ReviewFactory(plan=plan, status="report_received", meeting_on=today - timedelta(days=10),
                           started_on=today - timedelta(days=40), report_received_on=today - timedelta(days=5))
    return review, CaseworkerFactory(team=plan.child.team), today


def test_proposed_amendments_decide_the_review_when_their_notice_is_served(reported):
    review, caseworker, today = reported
    decisions.review_amendment_propose(acting_user=caseworker, review=review, reason="More speech therapy",
                                       expected_version=review.version)
    review.refresh_from_db()
    amendment = review.amendment
    assert amendment.kind == "amendment" and amendment.amends_id == review.plan_id and review.status == "report_received"
    amendment = plan_services.plan_section_save(acting_user=caseworker, plan=amendment, section="A",
                                                text="Sam now loves swimming too.", expected_version=amendment.version)
    amendment_notice_send(acting_user=caseworker, amendment=amendment, on=today - timedelta(days=1),
                          expected_version=Plan.objects.get(pk=amendment.pk).version)
    review.refresh_from_db()
    assert (review.status, review.decision, review.decided_on) == ("decided", "amend", today - timedelta(days=1))
    assert Plan.objects.get(pk=review.plan_id).last_reviewed_on == today - timedelta(days=1)


def test_a_proposal_to_cease_decides_the_review_when_the_cease_notice_goes(reported):
    review, caseworker, today = reported
    decisions.review_cessation_propose(acting_user=caseworker, review=review, reason="2",
                                       proposed_on=today - timedelta(days=4), expected_version=review.version)
    cessation = Cessation.objects.get(plan=review.plan)
    assert Review.objects.get(pk=review.pk).cessation_id == cessation.pk
    cessation = cessation_consultation_record(acting_user=caseworker, cessation=cessation,
                                              expected_version=cessation.version,
                                              family_consulted_on=today - timedelta(days=3),
                                              head_consulted_on=today - timedelta(days=3))
    cessation_decide(acting_user=caseworker, cessation=cessation, expected_version=cessation.version,
                     decided_on=today - timedelta(days=1))
    review.refresh_from_db()
    assert (review.status, review.decision, review.decided_on) == ("decided", "cease", today - timedelta(days=1))
    assert Plan.objects.get(pk=review.plan_id).status == "final"  # in force until the appeal period ends
