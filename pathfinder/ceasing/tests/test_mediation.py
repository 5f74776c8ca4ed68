"""A mediation certificate issued late in the appeal period keeps the plan in force for a month after it."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.ceasing.models import CessationStatus
from pathfinder.ceasing.tests.factories import decided
from pathfinder.ceasing.workflow import cessation_mediation_certificate_record, cessations_take_effect
from pathfinder.core.errors import ServiceError
from pathfinder.plans.models import PlanStatus

pytestmark = pytest.mark.django_db


def test_a_late_certificate_moves_the_day_the_plan_ceases() -> None:
    user = CaseworkerFactory()
    cessation = decided()  # notice 21 September 2026: appeal by 23 November 2026
    cessation = cessation_mediation_certificate_record(acting_user=user, cessation=cessation, expected_version=1,
                                                       certificate_on=date(2026, 11, 16))
    assert cessation.status == CessationStatus.DECIDED and cessation.in_force_until == date(2026, 12, 16)
    assert cessations_take_effect(date(2026, 11, 24)) == []
    assert cessations_take_effect(date(2026, 12, 17))[0].ceases_on == date(2026, 12, 17)
    cessation.plan.refresh_from_db()
    assert cessation.plan.status == PlanStatus.CEASED


def test_certificate_refusals() -> None:
    user = CaseworkerFactory()
    with pytest.raises(ServiceError, match="before the decision"):
        cessation_mediation_certificate_record(acting_user=user, cessation=decided(), expected_version=1,
                                               certificate_on=date(2026, 9, 1))
    with pytest.raises(ServiceError, match="already recorded"):
        cessation_mediation_certificate_record(acting_user=user, cessation=decided(appeal_lodged_on=date(2026, 10, 1)),
                                               expected_version=1, certificate_on=date(2026, 10, 2))
    with pytest.raises(ServiceError, match="future"):
        cessation_mediation_certificate_record(acting_user=user, cessation=decided(), expected_version=1,
                                               certificate_on=date(2099, 1, 1))
