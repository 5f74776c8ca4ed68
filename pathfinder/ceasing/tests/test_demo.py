"""The demo's ceased plans agree with the law: a reason allowed for the young person's age, the consultation before
the decision, the plan ceasing the day after the last day to appeal, and ones still in force in their appeal
period."""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.utils import timezone

import statutory
from pathfinder.ceasing.demo import build_cessations
from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.ceasing.tests.factories import final_plan
from pathfinder.plans.models import PlanStatus

pytestmark = pytest.mark.django_db


def test_demo_cessations_agree_with_the_law() -> None:
    today = timezone.localdate()
    for n, born in enumerate([date(2001, 1, 5), date(2001, 6, 1), date(2003, 3, 3), date(2004, 9, 9)] * 4
                             + [date(2012, 4, 4), date(2014, 2, 2)] * 10):
        final_plan(date_of_birth=born, issued_on=date(2023, 1, 9 + n % 15))
    counts = build_cessations(random.Random(1), today=today)
    assert counts["ceased"] >= 10 and counts["under_way"] == 5
    for row in Cessation.objects.select_related("plan__child"):
        facts = statutory.CeaseFacts(
            date_of_birth=row.plan.child.date_of_birth, reason=row.reason, proposed_on=row.proposed_on,
            in_education_or_training=row.in_education_or_training,
            reviewed_does_not_wish_to_return=row.reviewed_does_not_wish_to_return,
            family_consulted_on=row.family_consulted_on, head_consulted_on=row.head_consulted_on,
            decided_on=row.decided_on, appeal_lodged_on=row.appeal_lodged_on)
        assert statutory.cease_problems(facts, today=today) == [], row.reason
        if row.status == CessationStatus.CEASED:
            assert row.ceases_on == statutory.cease_takes_effect_on(row.decided_on) <= today
            assert row.plan.status == PlanStatus.CEASED and row.plan.ended_on == row.ceases_on
        elif row.status == CessationStatus.DECIDED and row.appeal_lodged_on is None:
            assert row.in_force_until >= today and row.plan.status == PlanStatus.FINAL
    assert set(Cessation.objects.filter(status=CessationStatus.CEASED).values_list("reason", flat=True)) == {
        "1", "2", "3", "4", "6", "7", "8", "9"}
    assert Cessation.objects.filter(appeal_lodged_on__isnull=False, status=CessationStatus.DECIDED).count() == 1
