"""The council's figures equal a hand count of a few budgets, and the page shows them beside England."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import ManagerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets.constants import ENGLAND_LATEST
from pathfinder.budgets.figures import area_code, budget_figures
from pathfinder.budgets.models import BudgetLineShare, Delivery, Funder, LineStatus, RequestStatus
from pathfinder.budgets.models_money import Payment, PaymentStatus, Spend
from pathfinder.budgets.models_ras import Stream
from pathfinder.budgets.tests.factories import BudgetRequestFactory, line_with_share
from pathfinder.budgets.tests.test_payments import money_dp
from pathfinder.plans.models import PlanStatus

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 1)


def agreed(request, asked_days_before: int) -> None:
    request.status, request.agreed_on = RequestStatus.AGREED, TODAY - timedelta(days=10)
    request.requested_on = request.agreed_on - timedelta(days=asked_days_before)
    request.save()
    request.plan.status = PlanStatus.FINAL
    request.plan.save()


def test_area_codes():
    assert area_code([Stream.TRANSPORT, Stream.EDUCATION]) == "E"
    assert area_code([Stream.SOCIAL_CARE, Stream.HEALTH]) == "I"
    assert area_code([]) is None


def test_figures_equal_a_hand_count(client):
    # 1: a social care direct payment, agreed 30 days after asking, £1,000 paid and £600 spent.
    dp = money_dp()
    agreed(dp.request, 30)
    Payment.objects.create(direct_payment=dp, due_on=TODAY, paid_on=TODAY, amount=Decimal("1000"),
                           status=PaymentStatus.PAID)
    Spend.objects.create(direct_payment=dp, spent_on=TODAY, amount=Decimal("600"), payee="Carer")
    # 2: an organised arrangement for education, agreed 200 days after asking (longer than the plan's 20 weeks).
    two = line_with_share(status=LineStatus.AGREED, stream=Stream.EDUCATION, delivery=Delivery.ARRANGEMENT)
    agreed(two.request, 200)
    # 3: health and social care on one line funded by the council and the ICB: integrated both ways.
    three = line_with_share(status=LineStatus.AGREED, stream=Stream.HEALTH, delivery=Delivery.THIRD_PARTY)
    BudgetLineShare.objects.create(line=three, funder=Funder.ICB, amount=Decimal("100"))
    line_with_share(request=three.request, status=LineStatus.AGREED, stream=Stream.SOCIAL_CARE,
                    delivery=Delivery.THIRD_PARTY)
    agreed(three.request, 60)
    # Not counted: a proposed line; an ended line. Counted as refused: one request.
    line_with_share(status=LineStatus.PROPOSED)
    ended = line_with_share(status=LineStatus.AGREED, ends_on=TODAY - timedelta(days=1))
    agreed(ended.request, 1)
    BudgetRequestFactory(status=RequestStatus.REFUSED, refused_on=TODAY - timedelta(days=3),
                         refusal_reasons="The short breaks are block-commissioned (reg 4A).")

    report = budget_figures(TODAY)
    assert report.plans == 4 and report.budgets == 3
    assert report.by_kind == {"Direct payment": 1, "Organised arrangement": 1, "Third-party arrangement": 1}
    assert report.by_area == {"S": 1, "E": 1, "I": 1}
    assert report.integrated_funding == 1
    assert (report.refused, report.agreed, report.median_weeks, report.agreed_late) == (1, 4, round(45 / 7, 1), 1)
    assert (report.paid, report.spent, report.unspent) == (Decimal("1000"), Decimal("600"), Decimal("400"))
    assert report.yearly_budgets == Decimal("2220.00")
    assert report.compare[0].here_per_thousand == 750.0
    assert report.compare[0].england_per_thousand == round(19_596 * 1000 / 638_745, 1) == 30.7
    assert ENGLAND_LATEST.census_year == 2025

    sign_in(client, ManagerFactory())
    page = client.get(reverse("budgets:figures")).content.decode()
    assert "block-commissioned" in page and "30.7" in page and "<meter" in page and "longer than 20 weeks" in page
