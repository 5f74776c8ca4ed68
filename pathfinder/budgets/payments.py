"""Payments out: the council's schedule of direct payments, the payments it makes, and the rule that no money is
paid before the direct payment agreement is signed.

A payment's status changes only through the table below (core.workflow: locked, versioned, audited):

    due ──pay──▶ paid                 (only while the agreement is signed and the direct payment is active)
     │ ▲
    hold release                      (held: the agreement is not signed, or no longer in force)
     ▼ │
    held ──cancel──▶ cancelled ◀──cancel── due

Why held, not refused: a schedule is often set up while the agreement is out for signature. Its payments are
written at once, but every one falls due as *held* with the reason shown, and only becomes payable when the
agreement is signed (``payments_bring_into_line``). The recipient's consent and the council's conditions are in the
agreement (CFA 2014 s.49(4); SEND Personal Budgets Regulations 2014 regs 6 and 8), so paying without it would pay
money on conditions nobody accepted.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db import transaction

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets.models_money import (
    DirectPayment,
    DirectPaymentStatus,
    Frequency,
    Payment,
    PaymentSchedule,
    PaymentStatus,
)
from pathfinder.core.errors import ServiceError
from pathfinder.core.workflow import Move, Workflow

P = PaymentStatus

UNSIGNED_REASON = (
    "The direct payment agreement is not signed yet, so this payment is held. No money is paid until the "
    "agreement is signed."
)

STALE_MESSAGE = (
    "Someone else changed this payment while you were working on it, so your change was not saved. "
    "Check it as it is now, then try again."
)


def _record(*, acting_user, record: Payment, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.direct_payment.request.child,
                       obj=record, what=f"direct payment: {what}")


PAYMENT_WORKFLOW = Workflow(
    "payment",
    (
        Move("pay", "Record the payment as paid", (P.DUE,), P.PAID),
        Move("hold", "Hold the payment: the agreement is not signed", (P.DUE,), P.HELD),
        Move("release", "Release the held payment: the agreement is signed", (P.HELD,), P.DUE),
        Move("cancel", "Cancel the payment", (P.DUE, P.HELD), P.CANCELLED),
    ),
    record=_record,
    stale_message=STALE_MESSAGE,
    noun="the payment",
)

#: How far apart payments fall: a frequency is a calendar step, not a period of the law.
_STEPS: dict[str, relativedelta] = {
    Frequency.FOUR_WEEKLY: relativedelta(days=7 * 4),
    Frequency.MONTHLY: relativedelta(months=+1),
    Frequency.QUARTERLY: relativedelta(months=+3),
}
#: A schedule writes the payments due in the year from its first payment (one year: a budget is agreed yearly).
_SCHEDULE_SPAN = relativedelta(years=+1)


def agreement_in_force(direct_payment: DirectPayment) -> bool:
    """True when money may be paid: the agreement is signed and the direct payment is active."""
    return direct_payment.status == DirectPaymentStatus.ACTIVE and direct_payment.agreement_signed_on is not None


def payment_dates(frequency: str, first: date, ends_on: date | None = None) -> list[date]:
    """Each payment day from ``first`` for a year (or until ``ends_on`` if sooner). Monthly steps keep the day of
    the month where it exists (31 January, 28 February, 31 March), counted from the first day each time."""
    step = _STEPS[frequency]
    last = first + _SCHEDULE_SPAN - timedelta(days=1)
    if ends_on is not None:
        last = min(last, ends_on)
    days, n = [], 0
    while (day := first + step * n) <= last:
        days.append(day)
        n += 1
    return days


def schedule_set_up(*, acting_user, direct_payment: DirectPayment, frequency: str, amount: Decimal,
                    first_payment_on: date, ends_on: date | None = None) -> PaymentSchedule:
    """Set up how much is paid and how often, and write the year's payments: due if the agreement is signed,
    held (with the reason shown) if not."""
    if not isinstance(amount, Decimal) or amount <= 0:
        raise ServiceError("Enter an amount more than £0, in pounds and pence, like 250.00", field="amount")
    if amount.as_tuple().exponent < -2:
        raise ServiceError("Enter the amount in pounds and pence, with no more than 2 numbers after the point",
                           field="amount")
    if frequency not in _STEPS:
        raise ServiceError("Choose how often the payment is made", field="frequency")
    if ends_on is not None and ends_on < first_payment_on:
        raise ServiceError("The last day must be the same as or after the first payment", field="ends_on")
    with transaction.atomic():
        dp = DirectPayment.objects.select_for_update().get(pk=direct_payment.pk)
        if dp.status in (DirectPaymentStatus.REFUSED, DirectPaymentStatus.STOPPED):
            raise ServiceError(f"This direct payment is {dp.get_status_display().lower()}, so nothing can be paid",
                               field="amount")
        schedule = PaymentSchedule.objects.create(direct_payment=dp, frequency=frequency, amount=amount,
                                                  first_payment_on=first_payment_on, ends_on=ends_on)
        status = P.DUE if agreement_in_force(dp) else P.HELD
        days = payment_dates(frequency, first_payment_on, ends_on)
        Payment.objects.bulk_create(Payment(direct_payment=dp, due_on=day, amount=amount, status=status)
                                    for day in days)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=dp.request.child, obj=schedule,
                           what=f"direct payment: schedule set up, {len(days)} payments of £{amount:,.2f}"
                                + ("" if status == P.DUE else " (held: the agreement is not signed)"))
    return schedule


def payment_record_paid(*, acting_user, payment: Payment, expected_version: int, paid_on: date,
                        reference: str = "") -> Payment:
    """Record that the council paid this payment. Refused, with the reason, while the agreement is not signed."""

    def check(current: Payment) -> None:
        dp = DirectPayment.objects.select_for_update().get(pk=current.direct_payment_id)
        if not agreement_in_force(dp):
            raise ServiceError(UNSIGNED_REASON, field="paid_on")
        if paid_on < dp.agreement_signed_on:
            raise ServiceError("The day it was paid must be on or after the day the agreement was signed",
                               field="paid_on")

    def apply(current: Payment) -> None:
        current.paid_on, current.reference, current.recorded_by = paid_on, reference.strip(), acting_user

    if payment.status == P.HELD:
        raise ServiceError(UNSIGNED_REASON, field="paid_on")
    return PAYMENT_WORKFLOW.transition(payment, "pay", acting_user=acting_user, expected_version=expected_version,
                                       check=check, apply=apply, what=f"paid £{payment.amount:,.2f}")


def payment_cancel(*, acting_user, payment: Payment, expected_version: int) -> Payment:
    return PAYMENT_WORKFLOW.transition(payment, "cancel", acting_user=acting_user, expected_version=expected_version)


def payments_bring_into_line(*, acting_user, direct_payment: DirectPayment) -> int:
    """Hold every due payment while the agreement is not in force, and release held ones once it is. Run after
    the agreement is signed or the direct payment stops, and by the money page's "Check payments" button. Returns
    how many payments changed."""
    signed = agreement_in_force(direct_payment)
    action, source = ("release", P.HELD) if signed else ("hold", P.DUE)
    changed = 0
    for payment in direct_payment.payments.filter(status=source).order_by("due_on"):
        PAYMENT_WORKFLOW.transition(payment, action, acting_user=acting_user, expected_version=None)
        changed += 1
    return changed
