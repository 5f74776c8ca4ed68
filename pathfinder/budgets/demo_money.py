"""The demo's direct payments (budgets.demo): a signed agreement, a monthly schedule for a year, the payments made
so far, the family's spending on each line, and a few budgets left unspent or with a surplus taken back."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from pathfinder.budgets.models import BudgetLine, Delivery
from pathfinder.budgets.models_money import (
    DirectPayment,
    DirectPaymentStatus,
    Frequency,
    Holding,
    Payment,
    PaymentSchedule,
    PaymentStatus,
    RecipientKind,
    Spend,
    SpendSource,
    SurplusRecovery,
)
from pathfinder.budgets.models_ras import Stream
from pathfinder.budgets.payments import payment_dates
from pathfinder.people.models import FamilyMember

PAYEES = {
    Stream.SOCIAL_CARE: ("Kelly Marsh", "Fenbridge Short Breaks", "Wealdmoor Holiday Club"),
    Stream.EDUCATION: ("Bright Sparks Tutoring", "Talk Together Speech Therapy", "Wealdmoor Music Service"),
    Stream.HEALTH: ("Riverside Hydrotherapy", "HomeCare Wealdmoor", "Able Equipment Ltd"),
    Stream.TRANSPORT: ("Mileage claim", "Wealdmoor Taxis", "Escort J Patel"),
}
SURPLUS_REASONS = (
    "The holiday club closed for the summer, so this money was not needed. We will pay it again when it reopens.",
    "Some months of payments were not spent. We agreed with you to take back what is not needed now.",
)
UNMATCHED = ("TESCO STORES 2231", "AMAZON MARKETPLACE", "CASH WITHDRAWAL")


def _cents(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(Decimal("0.01"))


def direct_payments_build(rng: random.Random, lines: list[BudgetLine], today: date) -> dict[str, int]:
    """One active direct payment for each agreed request's direct payment lines."""
    by_request: dict[int, list[BudgetLine]] = defaultdict(list)
    for line in lines:
        if line.delivery == Delivery.DIRECT_PAYMENT:
            by_request[line.request_id].append(line)
    requests = {line.request_id: line.request for line in lines}
    parents = dict(FamilyMember.objects.filter(child_id__in={r.child_id for r in requests.values()},
                                               has_parental_responsibility=True)
                   .order_by("-pk").values_list("child_id", "name"))
    dps = []
    for request_id in by_request:
        request = requests[request_id]
        signed = request.agreed_on + timedelta(days=rng.randint(5, 20))
        dps.append(DirectPayment(
            request=request, recipient_kind=RecipientKind.PARENT,
            recipient_name=parents.get(request.child_id) or "The child's parent", consent_given_on=signed,
            will_use_appropriately=True, acts_in_best_interests=True, no_adverse_impact=True, efficient_use=True,
            holding=rng.choice((Holding.OWN_ACCOUNT, Holding.OWN_ACCOUNT, Holding.PREPAID_CARD, Holding.THIRD_PARTY)),
            agreement_sent_on=request.agreed_on, agreement_signed_on=signed, notice_sent_on=request.agreed_on,
            first_review_due_on=signed + relativedelta(months=+3), next_review_due_on=signed + relativedelta(months=+3),
            status=DirectPaymentStatus.ACTIVE))
    DirectPayment.objects.bulk_create(dps)
    DirectPayment.lines.through.objects.bulk_create(
        DirectPayment.lines.through(directpayment_id=dp.pk, budgetline_id=line.pk)
        for dp in dps for line in by_request[dp.request_id])
    schedules, payments, spending, recoveries = [], [], [], []
    for n, dp in enumerate(dps):
        own = by_request[dp.request_id]
        yearly = sum((line.yearly_amount for line in own), Decimal("0"))
        monthly = (yearly / 12).quantize(Decimal("0.01"))
        first = dp.agreement_signed_on + timedelta(days=rng.randint(3, 12))
        schedules.append(PaymentSchedule(direct_payment=dp, frequency=Frequency.MONTHLY, amount=monthly,
                                         first_payment_on=first))
        # One in seven left largely unspent (the alert shows), one in seven with a surplus taken back.
        unspent, surplus = n % 7 == 3, n % 7 == 5
        use = rng.uniform(0.2, 0.45) if unspent else rng.uniform(0.6, 0.75) if surplus else rng.uniform(0.85, 1.0)
        paid_total = Decimal("0")
        for day in payment_dates(Frequency.MONTHLY, first):
            done = day <= today
            payments.append(Payment(direct_payment=dp, due_on=day, amount=monthly,
                                    status=PaymentStatus.PAID if done else PaymentStatus.DUE,
                                    paid_on=day if done else None, reference=f"DP{dp.pk:05d}-{day:%y%m}" if done
                                    else ""))
            if not done:
                continue
            paid_total += monthly
            for line in own:
                spent_on = day + timedelta(days=rng.randint(2, 25))
                if spent_on <= today:
                    spending.append(Spend(direct_payment=dp, line=line, spent_on=spent_on,
                                          amount=_cents(float(line.yearly_amount) / 12 * use),
                                          payee=rng.choice(PAYEES[line.stream]), description=line.provision_text[:80],
                                          source=SpendSource.HAND))
        if rng.random() < 0.3 and paid_total:
            spending.append(Spend(direct_payment=dp, line=None, spent_on=today - timedelta(days=rng.randint(3, 20)),
                                  amount=_cents(rng.uniform(8, 60)), payee=rng.choice(UNMATCHED),
                                  description="Card payment", source=SpendSource.HAND))
        if surplus and paid_total:
            recoveries.append(SurplusRecovery(direct_payment=dp, amount=_cents(float(paid_total) * 0.05),
                                              reason=rng.choice(SURPLUS_REASONS),
                                              family_told_on=today - timedelta(days=rng.randint(5, 40))))
    PaymentSchedule.objects.bulk_create(schedules)
    Payment.objects.bulk_create(payments)
    Spend.objects.bulk_create(spending)
    SurplusRecovery.objects.bulk_create(recoveries)
    return {"direct_payments": len(dps), "payments": len(payments), "spending": len(spending),
            "surpluses": len(recoveries)}
