"""Costing a plan: a provision priced from the rate card or a Local Offer price writes a proposed budget line
(exact Decimal, to the penny half up), and the costing page sets the plan's cost beside the indicative budget."""

import html
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.budgets.costing import yearly_cost
from pathfinder.budgets.indicative import indicative_budget_work_out
from pathfinder.budgets.models import BudgetLine, LineStatus, PriceSource
from pathfinder.budgets.models_ras import RateCardItem
from pathfinder.budgets.tests.factories import BudgetRequestFactory, published_ras
from pathfinder.directory.models import CostOption
from pathfinder.directory.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_the_yearly_cost_is_rounded_to_the_penny_half_up():
    assert yearly_cost(Decimal("18.51"), Decimal("0.5")) == Decimal("9.26")  # 9.255
    assert yearly_cost(Decimal("1200.50"), Decimal("3")) == Decimal("3601.50")


def test_pricing_provision_writes_a_line_and_the_costing_shows_the_difference(client):
    today = timezone.localdate()
    system = published_ras()
    budget_request = BudgetRequestFactory()
    caseworker = CaseworkerFactory(team=budget_request.child.team)
    answers = {str(q.pk): str(q.options.first().pk) for q in system.questions.all()}  # Band A: £1,200
    indicative_budget_work_out(budget_request, "social_care", answers, caseworker, budget_request.version)
    provision = budget_request.plan.provisions.first()
    old_rate = RateCardItem.objects.create(
        stream="social_care",
        name="Short breaks carer hour",
        unit="hour",
        price=Decimal("17.00"),
        effective_from=today - timedelta(days=400),
    )
    rate = RateCardItem.objects.create(
        stream="social_care",
        name="Short breaks carer hour",
        unit="hour",
        price=Decimal("18.51"),
        effective_from=today - timedelta(days=10),
    )
    sign_in(client, caseworker)
    url = reverse("budgets:provision_price", args=[budget_request.child_id, budget_request.plan_id, provision.pk])
    post = {"source": "rate_card", "rate": rate.pk, "units_per_year": "sixty", "stream": "social_care"}
    assert "Units a year must be a number, like 38 or 1.5" in client.post(url, post).content.decode()
    refused = client.post(url, post | {"rate": old_rate.pk, "units_per_year": "60"}).content.decode()
    assert "Select the rate card price" in html.unescape(refused)  # only prices in force today are offered
    assert client.post(url, post | {"units_per_year": "60.5"}).status_code == 302
    line = BudgetLine.objects.get()
    assert (line.request, line.provision, line.status, line.price_source) == (
        budget_request,
        provision,
        LineStatus.PROPOSED,
        PriceSource.RATE_CARD,
    )
    assert line.yearly_amount == Decimal("1119.86")  # 18.51 x 60.5 = 1,119.855

    service = ServiceFactory(name="Wealdmoor Swim Club", is_published=True)
    option = CostOption.objects.create(service=service, option="Per session", amount=Decimal("12.50"))
    found = client.get(url, {"q": "swim"}).content.decode()
    assert "Wealdmoor Swim Club" in found
    client.post(
        url,
        {
            "q": "swim",
            "source": "local_offer",
            "cost_option": str(option.pk),
            "units_per_year": "1,200",
            "stream": "social_care",
        },
    )
    line = BudgetLine.objects.get()  # the same line, updated
    assert (line.cost_option, line.rate, line.yearly_amount) == (option, None, Decimal("15000.00"))

    page = html.unescape(
        client.get(
            reverse("budgets:plan_costing", args=[budget_request.child_id, budget_request.plan_id])
        ).content.decode()
    )
    assert "Local Offer: Wealdmoor Swim Club (Per session)" in page
    assert "£15,000" in page and "£1,200" in page and "The plan costs £13,800 more" in page
