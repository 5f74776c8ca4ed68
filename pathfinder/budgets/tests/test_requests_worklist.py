"""The caseworker's worklist shows the personal budget steps on their own cases: a request to work out, an NHS
share waiting, an agreement sent but not signed, and a review due (overdue once its date has passed)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.budgets.models import BudgetLineShare
from pathfinder.budgets.tests.factories import BudgetLineFactory, BudgetRequestFactory, DirectPaymentFactory
from pathfinder.budgets.tests.request_world import world
from pathfinder.budgets.worklist import personal_budget_steps

pytestmark = pytest.mark.django_db


def test_the_steps_on_the_caseworkers_own_cases():
    w, today = world(), timezone.localdate()
    budget_request = BudgetRequestFactory(plan=w.plan, child=w.child)
    line = BudgetLineFactory(request=budget_request)
    BudgetLineShare.objects.create(line=line, funder="icb", amount=Decimal("2220.00"))
    DirectPaymentFactory(
        request=BudgetRequestFactory(child=w.child, plan=world().plan), status="agreement_sent", agreement_sent_on=today
    )
    DirectPaymentFactory(
        request=BudgetRequestFactory(child=w.child, plan=world().plan),
        status="active",
        next_review_due_on=today - timedelta(days=1),
    )
    items = {item.title: item for item in personal_budget_steps(w.caseworker, today)}
    assert set(items) == {
        "Work out the personal budget the family asked for",
        "Personal budget lines wait for the integrated care board's agreement",
        "Direct payment agreement sent but not signed yet",
        "Review the direct payment",
    }
    assert items["Review the direct payment"].is_overdue
    assert not items["Work out the personal budget the family asked for"].is_overdue
    assert personal_budget_steps(CaseworkerFactory(), today) == []
