"""The demo's personal budgets are coherent (small scale): agreed requests have lines and shares that add up, direct
payments are signed before anything is paid, refusals give reasons, surpluses never exceed what is unspent, every
alert has something to show (unspent money, a payment due while the agreement is not signed, provision not being
bought), statements were imported with matched and unknown transactions, home-to-school travel has lines, and the
demo young person's mother sees an agreed budget with a direct payment, a statement and a surplus."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest
from django.db.models import Min, Sum

from pathfinder.accounts.tests.factories import YoungPersonFactory
from pathfinder.budgets.alerts import alerts_for
from pathfinder.budgets.demo import SECTION_STREAM, TRAVEL, build_budgets
from pathfinder.budgets.models import BudgetRequest, Delivery, RequestStatus
from pathfinder.budgets.models_money import (
    DirectPayment,
    DirectPaymentStatus,
    PaymentStatus,
    SpendSource,
    Statement,
    SurplusRecovery,
)
from pathfinder.budgets.models_ras import AllocationSystem, RasStatus, Stream
from pathfinder.budgets.spending import money_summary
from pathfinder.budgets.tests.factories import plan_with_provision
from pathfinder.plans.models import PlanStatus

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 7)


def test_demo_budgets_are_coherent():
    plans = [plan_with_provision(status=PlanStatus.FINAL, issued_on=date(2024, 3, 1)) for _ in range(12)]
    young = YoungPersonFactory()
    jordan = plans[-1].child
    jordan.user = young
    jordan.save()
    counts = build_budgets(random.Random(7), today=TODAY, demo={"young.person": young}, share=1.0)
    assert AllocationSystem.objects.filter(status=RasStatus.PUBLISHED).count() == 4
    assert counts["budget_requests"] == 12 and counts["refused"] >= 1 and counts["surpluses"] >= 1, counts
    own = BudgetRequest.objects.get(child=jordan)
    assert own.status == RequestStatus.AGREED and own.agreed_on > own.requested_on
    dp = DirectPayment.objects.get(request=own)
    assert dp.status == DirectPaymentStatus.ACTIVE and dp.lines.filter(delivery=Delivery.DIRECT_PAYMENT).exists()
    for request in BudgetRequest.objects.all():
        if request.status == RequestStatus.REFUSED:
            assert request.refusal_reasons
        if request.status == RequestStatus.AGREED:
            for line in request.lines.select_related("provision"):
                assert line.shares.aggregate(t=Sum("amount"))["t"] == line.yearly_amount
                # The line pays for the plan's own provision of its kind (F education, G health, H social care).
                assert line.provision.plan_id == request.plan_id
                if line.stream == Stream.TRANSPORT:  # home-to-school travel, written into section F
                    assert line.provision.section == "F" and line.provision.description == TRAVEL[0]
                else:
                    assert SECTION_STREAM[line.provision.section] == line.stream
    for dp in DirectPayment.objects.all():
        first = dp.payments.filter(status=PaymentStatus.PAID).aggregate(d=Min("paid_on"))["d"]
        assert first is None or dp.agreement_signed_on < first <= TODAY
        assert not dp.payments.filter(status=PaymentStatus.PAID, paid_on__gt=TODAY).exists()
        if dp.recoveries.exists():
            assert money_summary(dp).unspent >= Decimal("0")
    kinds = {alert.kind for alert in alerts_for(DirectPayment.objects.all(), TODAY)}
    assert kinds == {"unspent", "unsigned", "not_bought"}, kinds
    assert counts["travel_lines"] >= 1 and counts["unsigned"] == 2, counts
    for dp in DirectPayment.objects.filter(status=DirectPaymentStatus.AGREEMENT_SENT):
        assert dp.agreement_signed_on is None and dp.agreement_sent_on
        assert set(dp.payments.values_list("status", flat=True)) == {PaymentStatus.HELD}
    for statement in Statement.objects.all():
        rows = statement.spending.all()
        assert statement.rows == rows.count() and all(r.source == SpendSource.STATEMENT for r in rows)
        assert statement.unmatched_rows == rows.filter(line__isnull=True).count() >= 1
        assert rows.filter(line__isnull=False).exists()
    assert Statement.objects.filter(direct_payment=dp_of_jordan(jordan)).exists()
    assert SurplusRecovery.objects.filter(direct_payment=dp_of_jordan(jordan), recovered_on__isnull=True).exists()
    assert all(r.reason and r.family_told_on <= TODAY for r in SurplusRecovery.objects.all())


def dp_of_jordan(child) -> DirectPayment:
    return DirectPayment.objects.get(request__child=child)
