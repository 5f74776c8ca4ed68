"""Direct payments: proposed from the agreed direct-payment lines, checked (reg 5 recipient and consent, reg 6
conditions, the head's agreement for provision on a school's premises, CoP 9.119), the agreement sent and signed,
then reviewed and, if need be, stopped (CFA s.49(4); PB Regs regs 7, 9 to 11). Every status change goes through
budgets.workflow.DIRECT_PAYMENT_WORKFLOW.

Review dates: the first review within ``BudgetSettings.first_review_within_months`` of the agreement being signed
(the first payment follows it), then every ``review_every_months``: the council's settings, because the spec could
not confirm the frequencies in regs 9 to 11 (statutory.personal_budgets.review_dates).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from pathfinder.assessments.family_messages import family_tell
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets import request_messages
from pathfinder.budgets.agreement_documents import agreement_document_receive
from pathfinder.budgets.models import BudgetRequest, Delivery, LineStatus, RequestStatus
from pathfinder.budgets.models_money import BudgetSettings, DirectPayment, Holding
from pathfinder.budgets.payments import payments_bring_into_line
from pathfinder.budgets.workflow import DIRECT_PAYMENT_WORKFLOW
from pathfinder.core.errors import ServiceError, StaleEdit
from statutory import personal_budgets as law

STOP_REASONS = {
    "consent_withdrawn": "The recipient withdrew their consent (Children and Families Act 2014, s.49(4))",
    "conditions_not_met": "The conditions for a direct payment are no longer met",
    "no_longer_needed": "The provision it paid for is no longer in the plan",
}


def _today() -> date:
    return timezone.localdate()


def _raise_first(problems: list[law.Problem]) -> None:
    if problems:
        raise ServiceError(problems[0].message, field=problems[0].field)


def dp_facts(dp: DirectPayment, *, prepaid_card_chosen: bool | None = None) -> law.DirectPaymentFacts:
    return law.DirectPaymentFacts(
        recipient_kind=dp.recipient_kind,
        recipient_name=dp.recipient_name,
        consent_given_on=dp.consent_given_on,
        will_use_appropriately=dp.will_use_appropriately,
        acts_in_best_interests=dp.acts_in_best_interests,
        no_adverse_impact=dp.no_adverse_impact,
        efficient_use=dp.efficient_use,
        on_school_premises=dp.on_school_premises,
        head_agreed_on=dp.head_agreed_on,
        head_name=dp.head_name,
        holding=dp.holding,
        third_party_name=dp.third_party_name,
        # A prepaid card is recorded only from the family's own choice (the form asks): a saved card was chosen.
        prepaid_card_chosen=True if prepaid_card_chosen is None else prepaid_card_chosen,
    )


def direct_payment_propose(
    *, acting_user, budget_request: BudgetRequest, recipient_kind: str, recipient_name: str
) -> DirectPayment:
    """Propose a direct payment for the agreed direct-payment lines of an agreed budget."""
    if recipient_kind not in law.RECIPIENTS or not (recipient_name or "").strip():
        raise ServiceError("Say who receives the direct payment", field="recipient_name")
    with transaction.atomic():
        current = BudgetRequest.objects.select_for_update().get(pk=budget_request.pk)
        if current.status != RequestStatus.AGREED:
            raise ServiceError(
                "A direct payment can only be set up once the personal budget is agreed.", field="recipient_name"
            )
        lines = list(current.lines.filter(status=LineStatus.AGREED, delivery=Delivery.DIRECT_PAYMENT))
        if not lines:
            raise ServiceError("No agreed budget line is to be paid as a direct payment.", field="recipient_name")
        if current.direct_payments.exclude(status__in=("refused", "stopped")).exists():
            raise ServiceError("A direct payment is already set up for this budget.", field="recipient_name")
        dp = DirectPayment.objects.create(
            request=current, recipient_kind=recipient_kind, recipient_name=recipient_name.strip()
        )
        dp.lines.set(lines)
        audit_event_record(
            acting_user=acting_user,
            action=AuditAction.CREATE,
            child=current.child,
            obj=dp,
            what="direct payment: proposed",
        )
    return dp


def direct_payment_details_save(*, acting_user, dp: DirectPayment, expected_version: int, **values) -> DirectPayment:
    """Save the recipient's consent, the reg 6 conditions, the head's agreement and how the money is held, while
    the direct payment is proposed. A prepaid card is refused unless the family chose it."""
    chosen = values.pop("prepaid_card_chosen", False)
    if values.get("holding") == Holding.PREPAID_CARD and not chosen:
        raise ServiceError("A prepaid card can only be used if the family chose it", field="prepaid_card_chosen")
    if values.get("holding") == Holding.THIRD_PARTY and not (values.get("third_party_name") or "").strip():
        raise ServiceError("Give the name of the third party who will hold the money", field="third_party_name")
    if (
        values.get("on_school_premises")
        and values.get("head_agreed_on")
        and not (values.get("head_name") or "").strip()
    ):
        raise ServiceError("Give the name of the head teacher or principal who agreed", field="head_name")
    with transaction.atomic():
        current = DirectPayment.objects.select_for_update().select_related("request__child").get(pk=dp.pk)
        if current.version != int(expected_version):
            raise StaleEdit(DIRECT_PAYMENT_WORKFLOW.stale_message)
        if current.status != "proposed":
            raise ServiceError("These details can only be changed before the agreement is sent.", field="holding")
        values = {name: value.strip() if isinstance(value, str) else value for name, value in values.items()}
        if all(getattr(current, name) == value for name, value in values.items()):
            return current  # saved as it was: nothing changes
        for name, value in values.items():
            setattr(current, name, value)
        current.version += 1
        current._change_reason = "Direct payment details saved"
        current.save()
        audit_event_record(
            acting_user=acting_user,
            action=AuditAction.UPDATE,
            child=current.request.child,
            obj=current,
            what="direct payment: consent, conditions and holding saved",
        )
    return current


def direct_payment_agreement_send(
    *, acting_user, dp: DirectPayment, expected_version: int, sent_on: date | None = None
) -> DirectPayment:
    """Send the agreement to sign: only when reg 5, reg 6 and the head's agreement (CoP 9.119) are all met."""
    sent_on = sent_on or _today()

    def check(current: DirectPayment) -> None:
        _raise_first(law.agreement_problems(dp_facts(current)))

    def apply(current: DirectPayment) -> None:
        current.agreement_sent_on = sent_on

    return DIRECT_PAYMENT_WORKFLOW.transition(
        dp, "send_agreement", acting_user=acting_user, expected_version=expected_version, check=check, apply=apply
    )


def direct_payment_sign(
    *, acting_user, dp: DirectPayment, expected_version: int, signed_on: date, document=None
) -> DirectPayment:
    """Record the signed agreement: the direct payment is active, and its review dates set from the council's
    settings (regs 9 to 11). ``document``, an uploaded copy of the signed agreement, is kept with it if given
    (budgets.agreement_documents): the date is what the law needs, the copy is what shows it."""
    if signed_on is None or signed_on > _today():
        raise ServiceError("The date it was signed must be today or in the past", field="signed_on")
    settings = BudgetSettings.current()

    def check(current: DirectPayment) -> None:
        if current.agreement_sent_on and signed_on < current.agreement_sent_on:
            raise ServiceError("It cannot have been signed before it was sent", field="signed_on")

    def apply(current: DirectPayment) -> None:
        dates = law.review_dates(
            first_payment_on=signed_on,
            first_within_months=settings.first_review_within_months,
            every_months=settings.review_every_months,
        )
        current.agreement_signed_on = signed_on
        current.first_review_due_on = current.next_review_due_on = dates.first_due
        if document is not None:
            current.agreement_document = agreement_document_receive(acting_user=acting_user, dp=current,
                                                                    upload=document)

    with transaction.atomic():
        current = DIRECT_PAYMENT_WORKFLOW.transition(
            dp, "sign", acting_user=acting_user, expected_version=expected_version, check=check, apply=apply
        )
        # Payments set up before the agreement was signed were held; they are released now it is.
        payments_bring_into_line(acting_user=acting_user, direct_payment=current)
        family_tell(
            child=current.request.child,
            kind=request_messages.DIRECT_PAYMENT_DECISION.key,
            values={"date": signed_on},
            on=_today(),
        )
    return current


def direct_payment_refuse(*, acting_user, dp: DirectPayment, expected_version: int, reasons: str) -> DirectPayment:
    """Refuse the direct payment with written reasons; the family may ask for a review (reg 7)."""
    _raise_first(law.refusal_problems(reasons))

    def apply(current: DirectPayment) -> None:
        current.refused_on, current.refusal_reasons = _today(), reasons.strip()

    with transaction.atomic():
        current = DIRECT_PAYMENT_WORKFLOW.transition(
            dp, "refuse", acting_user=acting_user, expected_version=expected_version, apply=apply
        )
        family_tell(
            child=current.request.child,
            kind=request_messages.DIRECT_PAYMENT_DECISION.key,
            values={"date": _today()},
            on=_today(),
        )
    return current


def direct_payment_review_record(
    *, acting_user, dp: DirectPayment, expected_version: int, reviewed_on: date
) -> DirectPayment:
    """Record a review (regs 9 and 10): the next one is due ``review_every_months`` after it."""
    if reviewed_on is None or reviewed_on > _today():
        raise ServiceError("The date of the review must be today or in the past", field="reviewed_on")
    settings = BudgetSettings.current()

    def apply(current: DirectPayment) -> None:
        dates = law.review_dates(
            first_payment_on=current.agreement_signed_on or reviewed_on,
            first_within_months=settings.first_review_within_months,
            every_months=settings.review_every_months,
            last_reviewed_on=reviewed_on,
        )
        current.last_reviewed_on, current.next_review_due_on = reviewed_on, dates.next_due

    return DIRECT_PAYMENT_WORKFLOW.transition(
        dp, "review", acting_user=acting_user, expected_version=expected_version, apply=apply
    )


def direct_payment_stop(
    *, acting_user, dp: DirectPayment, expected_version: int, reason: str, reasons: str
) -> DirectPayment:
    """Stop the direct payment (consent withdrawn, CFA s.49(4); conditions no longer met, reg 11), with reasons."""
    _raise_first(law.stop_problems(reason, reasons))

    def apply(current: DirectPayment) -> None:
        current.stopped_on = _today()
        current.stopped_reason = f"{STOP_REASONS[reason]}. {reasons.strip()}"

    with transaction.atomic():
        current = DIRECT_PAYMENT_WORKFLOW.transition(
            dp, "stop", acting_user=acting_user, expected_version=expected_version, apply=apply
        )
        # Nothing more is paid once it has stopped: payments still due are held.
        payments_bring_into_line(acting_user=acting_user, direct_payment=current)
        family_tell(
            child=current.request.child,
            kind=request_messages.DIRECT_PAYMENT_DECISION.key,
            values={"date": _today()},
            on=_today(),
        )
    return current


def review_rule() -> str:
    """The rule the review dates follow, in words, with the council's settings."""
    settings = BudgetSettings.current()
    return law.review_dates(
        first_payment_on=_today(),
        first_within_months=settings.first_review_within_months,
        every_months=settings.review_every_months,
    ).rule
