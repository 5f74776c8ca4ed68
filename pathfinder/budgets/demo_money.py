"""The demo's direct payments (budgets.demo): a signed agreement, a monthly schedule for a year, the payments made
so far, the family's spending on each line, and the cases each alert and page is for: every third direct payment's
recent spending imported from a bank or prepaid-card statement with a couple of transactions nobody recognises yet;
a few budgets left unspent, a few with a surplus being taken back (the family told why; some already taken back);
one line whose provision stopped being bought months ago; and two agreements sent but not signed, with their first
payment due and held (the "payment due, agreement not signed" alert). All rows are written with bulk_create."""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from pathfinder.budgets.models import BudgetLine, BudgetRequest, Delivery
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
    Statement,
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
#: How many direct payments wait for their agreement to be signed (the most recently agreed, never Jordan's).
UNSIGNED = 2
#: A statement covers the last two months of spending, imported a couple of days ago.
STATEMENT_DAYS = 61
#: Demo only, not a statutory period: a surplus taken back about a month after the family was told.
RECOVERED_AFTER = timedelta(days=31)


def _unsigned(dps: list[DirectPayment], theirs: set[int]) -> set[int]:
    """The positions of the most recently agreed direct payments (after the first, the demo young person's), the
    demo caseworker's own first (so the alert is on their worklist)."""
    latest = sorted(range(1, len(dps)), key=lambda i: (dps[i].request_id in theirs, dps[i].request.agreed_on, i),
                    reverse=True)
    return set(latest[:UNSIGNED])


def _statement(dp: DirectPayment, spends: list[Spend], rng: random.Random, today: date) -> Statement | None:
    """The direct payment's recent spending as if imported from its statement, plus two unknown transactions."""
    start = today - timedelta(days=STATEMENT_DAYS)
    recent = [spend for spend in spends if start <= spend.spent_on <= today - timedelta(days=3)]
    if not recent:
        return None
    unknown = [Spend(direct_payment=dp, line=None, spent_on=today - timedelta(days=rng.randint(5, 40)),
                     amount=_cents(rng.uniform(6, 45)), payee=payee, description="Card payment",
                     source=SpendSource.STATEMENT) for payee in rng.sample(UNMATCHED, 2)]
    spends.extend(unknown)
    rows = recent + unknown
    card = dp.holding == Holding.PREPAID_CARD
    statement = Statement(
        direct_payment=dp, file_name=f"{'prepaid-card' if card else 'bank'}-statement-{today:%Y-%m}.csv",
        source_sha256=hashlib.sha256(f"demo statement {dp.request_id} {today}".encode()).hexdigest(),
        period_from=min(row.spent_on for row in rows), period_to=max(row.spent_on for row in rows), rows=len(rows),
        unmatched_rows=len(unknown), imported_on=today - timedelta(days=2))
    for row in rows:
        row.source, row.statement = SpendSource.STATEMENT, statement
    return statement


def _cents(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(Decimal("0.01"))


def direct_payments_build(rng: random.Random, lines: list[BudgetLine], today: date,
                          caseworker=None) -> dict[str, int]:
    """One direct payment for each agreed request's direct payment lines. The cases each alert is for are put on
    ``caseworker``'s own cases where there are some (the demo's "caseworker" sign-in sees them on the worklist)."""
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
        signed = min(request.agreed_on + timedelta(days=rng.randint(5, 20)), today)
        dps.append(DirectPayment(
            request=request, recipient_kind=RecipientKind.PARENT,
            recipient_name=parents.get(request.child_id) or "The child's parent", consent_given_on=signed,
            will_use_appropriately=True, acts_in_best_interests=True, no_adverse_impact=True, efficient_use=True,
            holding=rng.choice((Holding.OWN_ACCOUNT, Holding.OWN_ACCOUNT, Holding.PREPAID_CARD, Holding.THIRD_PARTY)),
            agreement_sent_on=request.agreed_on, agreement_signed_on=signed, notice_sent_on=request.agreed_on,
            first_review_due_on=signed + relativedelta(months=+3), next_review_due_on=signed + relativedelta(months=+3),
            status=DirectPaymentStatus.ACTIVE))
    theirs = set(BudgetRequest.objects.filter(pk__in=by_request, plan__assessment__caseworker=caseworker)
                 .values_list("pk", flat=True)) if caseworker is not None else set()
    unsigned = _unsigned(dps, theirs)
    for i in unsigned:  # sent to sign, not back yet: nothing is paid
        dps[i].agreement_signed_on = dps[i].first_review_due_on = dps[i].next_review_due_on = None
        dps[i].agreement_sent_on = min(dps[i].request.agreed_on + timedelta(days=3), today)
        dps[i].status = DirectPaymentStatus.AGREEMENT_SENT
    DirectPayment.objects.bulk_create(dps)
    DirectPayment.lines.through.objects.bulk_create(
        DirectPayment.lines.through(directpayment_id=dp.pk, budgetline_id=line.pk)
        for dp in dps for line in by_request[dp.request_id])
    signed_early = sorted((i for i in range(1, len(dps)) if i not in unsigned),
                          key=lambda i: (dps[i].request_id not in theirs, dps[i].agreement_signed_on, i))
    not_bought = set(signed_early[:1]) | {i for i in signed_early if i % 7 == 1}
    schedules, payments, spending, recoveries, statements = [], [], [], [], []
    for n, dp in enumerate(dps):
        own = by_request[dp.request_id]
        yearly = sum((line.yearly_amount for line in own), Decimal("0"))
        monthly = (yearly / 12).quantize(Decimal("0.01"))
        if n in unsigned:  # the first payment falls due while the agreement is out for signature: held
            first = today + timedelta(days=rng.randint(-6, 10))
        else:
            first = dp.agreement_signed_on + timedelta(days=rng.randint(3, 12))
        schedules.append(PaymentSchedule(direct_payment=dp, frequency=Frequency.MONTHLY, amount=monthly,
                                         first_payment_on=first))
        # One in seven left largely unspent (the alert shows), one in seven (and the demo young person's) with a
        # surplus taken back, and the longest running (and one in seven) with a line whose provision stopped being
        # bought five months ago.
        unspent, surplus, stopped = n % 7 == 3, n % 7 == 5 or n == 0, n in not_bought
        use = rng.uniform(0.2, 0.45) if unspent else rng.uniform(0.6, 0.75) if surplus else rng.uniform(0.85, 1.0)
        paid_total = Decimal("0")
        own_spending: list[Spend] = []
        for day in payment_dates(Frequency.MONTHLY, first):
            done = day <= today and n not in unsigned
            payments.append(Payment(direct_payment=dp, due_on=day, amount=monthly,
                                    status=PaymentStatus.PAID if done else PaymentStatus.HELD if n in unsigned
                                    else PaymentStatus.DUE,
                                    paid_on=day if done else None, reference=f"DP{dp.pk:05d}-{day:%y%m}" if done
                                    else ""))
            if not done:
                continue
            paid_total += monthly
            for i, line in enumerate(own):
                spent_on = day + timedelta(days=rng.randint(2, 25))
                if stopped and i == 0 and spent_on > today - timedelta(weeks=22):
                    continue  # the carer left and nobody has been found: the money is not being spent on it
                if spent_on <= today:
                    own_spending.append(Spend(direct_payment=dp, line=line, spent_on=spent_on,
                                              amount=_cents(float(line.yearly_amount) / 12 * use),
                                              payee=rng.choice(PAYEES[line.stream]),
                                              description=line.provision_text[:80], source=SpendSource.HAND))
        if n % 3 == 0 and (statement := _statement(dp, own_spending, rng, today)) is not None:
            statements.append(statement)
        elif rng.random() < 0.3 and paid_total:
            own_spending.append(Spend(direct_payment=dp, line=None, spent_on=today - timedelta(days=rng.randint(3, 20)),
                                      amount=_cents(rng.uniform(8, 60)), payee=rng.choice(UNMATCHED),
                                      description="Card payment", source=SpendSource.HAND))
        spending.extend(own_spending)
        if surplus and paid_total:
            told = today - timedelta(days=rng.randint(5, 40))
            recoveries.append(SurplusRecovery(direct_payment=dp, amount=_cents(float(paid_total) * 0.05),
                                              reason=rng.choice(SURPLUS_REASONS), family_told_on=told,
                                              recovered_on=told + RECOVERED_AFTER if n % 2 and
                                              told + RECOVERED_AFTER <= today else None))
    PaymentSchedule.objects.bulk_create(schedules)
    Payment.objects.bulk_create(payments)
    Statement.objects.bulk_create(statements)
    Spend.objects.bulk_create(spending)
    SurplusRecovery.objects.bulk_create(recoveries)
    return {"direct_payments": len(dps), "unsigned": len(unsigned), "payments": len(payments),
            "spending": len(spending), "statements": len(statements), "surpluses": len(recoveries)}
