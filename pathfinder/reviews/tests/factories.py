"""A final plan with one outcome, and a review of it at each stage, as the services would leave them."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.utils import timezone

from pathfinder.plans import clock
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.plans.tests.factories import PlanFactory, PlanNeedFactory, PlanOutcomeFactory
from pathfinder.reviews.models import InviteeRole, Review, ReviewInvitee, ReviewStatus


def final_plan(*, made_on: date | None = None, outcomes: int = 1, **kwargs) -> Plan:
    """A final plan made on ``made_on`` (default: 11 months ago), its review clock set as issuing sets it."""
    made_on = made_on or timezone.localdate() - timedelta(days=330)
    plan = PlanFactory(status=PlanStatus.FINAL, issued_on=made_on, **kwargs)
    clock.review_clock_start(plan, made_on=made_on)
    plan.save()
    need = PlanNeedFactory(plan=plan)
    for _ in range(outcomes):
        PlanOutcomeFactory(plan=plan, needs=[need])
    return plan


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    plan = factory.LazyFunction(final_plan)
    started_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=40))


def arranged_review(*, meeting_on: date | None = None, invited_on: date | None = None, **kwargs) -> Review:
    """A review whose meeting is arranged with every reg 20(2) invitee given proper notice."""
    today = timezone.localdate()
    meeting_on = meeting_on or today - timedelta(days=3)
    invited_on = invited_on or meeting_on - timedelta(days=21)
    review = ReviewFactory(status=ReviewStatus.MEETING_ARRANGED, meeting_on=meeting_on, meeting_place="School",
                           started_on=invited_on - timedelta(days=2), **kwargs)
    for role, name in ((InviteeRole.FAMILY, "Parent"), (InviteeRole.HEAD, "Head teacher"),
                       (InviteeRole.SEN_OFFICER, "SEN officer")):
        ReviewInvitee.objects.create(review=review, role=role, name=name, invited_on=invited_on)
    return review
