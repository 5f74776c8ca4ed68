"""Payments out: a schedule writes the year's payments; no payment is made while the agreement is not signed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.budgets.models import LineStatus, RequestStatus
from pathfinder.budgets.models_money import DirectPaymentStatus, Frequency, PaymentStatus
from pathfinder.budgets.payments import (
    UNSIGNED_REASON,
    payment_dates,
    payment_record_paid,
    payments_bring_into_line,
    schedule_set_up,
)
from pathfinder.budgets.tests.factories import DirectPaymentFactory, line_with_share
from pathfinder.core.errors import ServiceError

pytestmark = pytest.mark.django_db


def money_dp(*, signed: bool = True, lines: int = 1, **kwargs):
    """A direct payment for agreed lines: active with a signed agreement, or still waiting for the signature."""
    line = line_with_share(status=LineStatus.AGREED, agreed_on=date(2026, 4, 1))
    request = line.request
    request.status, request.agreed_on = RequestStatus.AGREED, date(2026, 4, 1)
    request.save()
    extra = [line_with_share(request=request, status=LineStatus.AGREED, provision_text=f"Line {n}")
             for n in range(1, lines)]
    if signed:
        kwargs.setdefault("status", DirectPaymentStatus.ACTIVE)
        kwargs.setdefault("agreement_signed_on", date(2026, 4, 10))
    else:
        kwargs.setdefault("status", DirectPaymentStatus.AGREEMENT_SENT)
    dp = DirectPaymentFactory(request=request, **kwargs)
    dp.lines.set([line, *extra])
    return dp


def test_a_monthly_schedule_writes_twelve_payments_keeping_the_day():
    days = payment_dates(Frequency.MONTHLY, date(2027, 1, 31))
    assert len(days) == 12
    assert days[:3] == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31)]
    assert len(payment_dates(Frequency.FOUR_WEEKLY, date(2026, 4, 1))) == 14
    assert len(payment_dates(Frequency.QUARTERLY, date(2026, 4, 1), ends_on=date(2026, 9, 30))) == 2


def test_signed_schedule_is_due_and_paid_in_exact_money():
    user = CaseworkerFactory()
    dp = money_dp()
    schedule_set_up(acting_user=user, direct_payment=dp, frequency=Frequency.MONTHLY, amount=Decimal("185.00"),
                    first_payment_on=date(2026, 5, 1))
    payments = list(dp.payments.all())
    assert {p.status for p in payments} == {PaymentStatus.DUE} and len(payments) == 12
    paid = payment_record_paid(acting_user=user, payment=payments[0], expected_version=1, paid_on=date(2026, 5, 1),
                               reference="BACS 1")
    assert paid.status == PaymentStatus.PAID and paid.amount == Decimal("185.00") and paid.version == 2


def test_a_payment_without_a_signed_agreement_is_held_never_paid_then_released_when_signed():
    user = CaseworkerFactory()
    dp = money_dp(signed=False)
    schedule_set_up(acting_user=user, direct_payment=dp, frequency=Frequency.MONTHLY, amount=Decimal("100.00"),
                    first_payment_on=date(2026, 5, 1))
    first = dp.payments.first()
    assert first.status == PaymentStatus.HELD
    with pytest.raises(ServiceError) as refused:
        payment_record_paid(acting_user=user, payment=first, expected_version=1, paid_on=date(2026, 5, 1))
    assert refused.value.message == UNSIGNED_REASON
    first.refresh_from_db()
    assert first.status == PaymentStatus.HELD and first.paid_on is None
    dp.status, dp.agreement_signed_on = DirectPaymentStatus.ACTIVE, date(2026, 5, 3)
    dp.save()
    assert payments_bring_into_line(acting_user=user, direct_payment=dp) == 12
    first.refresh_from_db()
    with pytest.raises(ServiceError, match="on or after the day the agreement was signed"):
        payment_record_paid(acting_user=user, payment=first, expected_version=first.version, paid_on=date(2026, 5, 1))
    assert payment_record_paid(acting_user=user, payment=first, expected_version=first.version,
                               paid_on=date(2026, 5, 4)).status == PaymentStatus.PAID


def test_bad_amounts_are_refused_with_nothing_saved():
    dp = money_dp()
    for amount, message in ((Decimal("0"), "more than £0"), (Decimal("1.005"), "pounds and pence")):
        with pytest.raises(ServiceError, match=message):
            schedule_set_up(acting_user=None, direct_payment=dp, frequency=Frequency.MONTHLY, amount=amount,
                            first_payment_on=date(2026, 5, 1))
    assert not dp.payments.exists() and not dp.schedules.exists()
