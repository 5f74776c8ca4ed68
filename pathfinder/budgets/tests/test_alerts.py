"""Money alerts on the council's thresholds, and surplus taken back with the family told."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.budgets.alerts import NOT_BOUGHT, UNSIGNED, UNSPENT, alerts_for
from pathfinder.budgets.models_money import BudgetSettings, DirectPayment, Payment, PaymentStatus, Spend
from pathfinder.budgets.spending import money_summary, surplus_recover
from pathfinder.budgets.tests.test_payments import money_dp
from pathfinder.core.errors import ServiceError
from pathfinder.notifications.models import Message
from pathfinder.people.tests.factories import FamilyMemberFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 9, 1)


def paid(dp, amount: str, on: date) -> None:
    Payment.objects.create(direct_payment=dp, due_on=on, paid_on=on, amount=Decimal(amount), status=PaymentStatus.PAID)


def spent(dp, amount: str, on: date, line=None) -> None:
    Spend.objects.create(direct_payment=dp, line=line, spent_on=on, amount=Decimal(amount), payee="Carer")


def kinds(today=TODAY):
    return sorted((a.kind, a.direct_payment_id) for a in alerts_for(DirectPayment.objects.all(), today))


def test_thresholds():
    BudgetSettings.objects.update_or_create(pk=1, defaults={"unspent_alert_percent": 25,
                                                            "unspent_alert_after_weeks": 12})
    dp = money_dp()
    line = dp.lines.get()
    paid(dp, "1000.00", date(2026, 5, 1))
    spent(dp, "750.00", date(2026, 8, 20), line)  # 25% unspent: not above the threshold
    assert kinds() == []
    spent(dp, "0.01", date(2026, 8, 20))  # unmatched spending still counts as spent
    assert kinds() == []
    Spend.objects.filter(amount=Decimal("750.00")).update(amount=Decimal("749.00"))  # now 25.1% unspent
    assert kinds() == [(UNSPENT, dp.pk)]
    # Too early to tell: payments have run less than 12 weeks.
    assert kinds(date(2026, 7, 20)) == []
    # Nothing bought on the line for 12 weeks.
    Spend.objects.filter(line=line).update(spent_on=date(2026, 5, 20))
    assert kinds() == [(NOT_BOUGHT, dp.pk), (UNSPENT, dp.pk)]
    waiting = money_dp(signed=False)
    Payment.objects.create(direct_payment=waiting, due_on=date(2026, 9, 15), amount=Decimal("50"),
                           status=PaymentStatus.HELD)
    [alert] = [a for a in alerts_for(DirectPayment.objects.filter(pk=waiting.pk), TODAY)]
    assert alert.kind == UNSIGNED and alert.due == date(2026, 9, 15)


def test_surplus_recovery_is_limited_to_what_is_unspent_and_the_family_is_told():
    user = CaseworkerFactory()
    dp = money_dp()
    FamilyMemberFactory(child=dp.request.child, email="mum@example.org")
    paid(dp, "600.00", date(2026, 5, 1))
    spent(dp, "200.00", date(2026, 6, 1))
    with pytest.raises(ServiceError, match="at most the money not spent, £400.00"):
        surplus_recover(acting_user=user, direct_payment=dp, amount=Decimal("400.01"), reason="Not used",
                        told_on=TODAY)
    recovery = surplus_recover(acting_user=user, direct_payment=dp, amount=Decimal("300.00"),
                               reason="The summer club closed, so this money was not needed.", told_on=TODAY)
    assert money_summary(dp).unspent == Decimal("100.00") and recovery.family_told_on == TODAY
    assert Message.objects.filter(kind="budgets.surplus_recovery", child_id=dp.request.child_id).exists()
