"""The SEN2 return's personal budget items come from the agreed budgets, and the return still validates."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.budgets.models import BudgetRequest, Delivery, LineStatus, RequestStatus
from pathfinder.budgets.models_ras import Stream
from pathfinder.budgets.tests.factories import line_with_share
from pathfinder.sen2.tests.test_build import _case, _people

pytestmark = pytest.mark.django_db


def _budget(plan, *lines: tuple[str, str], agreed_on: date = date(2026, 9, 1)) -> None:
    request = BudgetRequest.objects.create(child=plan.child, plan=plan, stage="review", requested_on=date(2026, 7, 1),
                                           asked_by="parent", made_through="portal", status=RequestStatus.AGREED,
                                           agreed_on=agreed_on)
    for stream, delivery in lines:
        line_with_share(request=request, status=LineStatus.AGREED, stream=stream, delivery=delivery)


def test_pb_oa_dp_from_the_agreed_budgets():
    _, _, dp_plan = _case("Direct", date(2026, 2, 2), assess=date(2026, 3, 10), issue=date(2026, 5, 1),
                          final=date(2026, 6, 15))
    _budget(dp_plan, (Stream.SOCIAL_CARE, Delivery.DIRECT_PAYMENT))
    _, _, oa_plan = _case("Arranged", date(2026, 2, 3), assess=date(2026, 3, 10), issue=date(2026, 5, 1),
                          final=date(2026, 6, 15))
    _budget(oa_plan, (Stream.EDUCATION, Delivery.ARRANGEMENT), (Stream.HEALTH, Delivery.DIRECT_PAYMENT),
            (Stream.TRANSPORT, Delivery.DIRECT_PAYMENT))
    _, _, late_plan = _case("Later", date(2026, 2, 4), assess=date(2026, 3, 10), issue=date(2026, 5, 1),
                            final=date(2026, 6, 15))
    _budget(late_plan, (Stream.SOCIAL_CARE, Delivery.DIRECT_PAYMENT), agreed_on=date(2027, 2, 1))
    _case("None", date(2026, 2, 5), assess=date(2026, 3, 10), issue=date(2026, 5, 1), final=date(2026, 6, 15))

    people = _people()  # asserts the XML validates against the schema

    def flags(surname):
        plan = people[surname].find("Requests/Assessment/NamedPlan")
        return plan.findtext("PB"), plan.findtext("OA"), plan.findtext("DP")

    assert flags("Direct") == ("1", "0", "S")
    assert flags("Arranged") == ("1", "1", "I")  # health and transport (education) paid directly: integrated
    assert flags("Later") == flags("None") == (None, None, None)  # agreed after the census day; never asked
