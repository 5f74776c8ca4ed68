"""Doing what the Tribunal orders (SEND Regulations 2014, reg 44) and what a mediation agreement settles (reg 42(2)).

Each order becomes dated duties (duties.py) that stay on the caseworker's list until done; each item of provision it
names is tracked until it is delivered; reg 44(3) exceptions are claimed as an assessment's are (a note saying how
the exception made the time limit impractical, or it excuses nothing). Every act locks the order and checks the
version the person's page was drawn from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from django.db import transaction
from django.utils import timezone

import statutory
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.tribunal.constants import AppealOutcome, AppealStatus, DutyBasis
from pathfinder.tribunal.duties import duties_sync, order_facts, unopposed_kind
from pathfinder.tribunal.models import Appeal, OrderDuty, OrderedProvision, OrderException, TribunalOrder
from statutory.tribunal_orders import ORDER_ALLOWED_EXCEPTIONS

STALE_MESSAGE = (
    "Someone else changed this order's duties while you were working on them, so your change was not saved. "
    "Check them as they are now, then try again."
)


#: The law's field names (statutory.order_problems) as this app's form fields.
_FIELDS = {"ordered_on": "made_on", "decision": "kind"}


def _refuse(problems, only: str | None = None) -> None:
    """Raise the first of the law's problems (only those about ``only``, if given) on the form's field."""
    problems = [p for p in problems if only is None or p.field == only]
    if problems:
        first = problems[0]
        field = "done_on" if first.field.startswith("done:") else _FIELDS.get(first.field, first.field)
        raise ServiceError(first.message, field=field)


def _today() -> date:
    return timezone.localdate()


def _lock(order: TribunalOrder, expected_version: int | None) -> TribunalOrder:
    row = TribunalOrder.objects.select_for_update().get(pk=order.pk)
    if expected_version is not None and int(expected_version) != row.version:
        raise StaleEdit(STALE_MESSAGE)
    return row


def _bump(order: TribunalOrder, reason: str) -> None:
    order.version += 1
    order._change_reason = reason
    order.save()


def _provision_add(order: TribunalOrder, provision: Iterable[str]) -> None:
    items = [p.strip() for p in provision if p and p.strip()]
    OrderedProvision.objects.bulk_create(OrderedProvision(order=order, description=p[:300]) for p in items)


#: Reg 44(2)(a): a dismissed appeal leaves the council's decision standing, so the only duty it brings is to cease
#: a plan when the appeal was against ceasing it; ceasing never follows an appeal the Tribunal allowed.
_DISMISSED_ONLY_CEASES = ("The Tribunal dismissed this appeal, so the council's decision stands and there is no order "
                          "to carry out (only a dismissed appeal against ceasing a plan means the plan now ends).")
_CEASE_ONLY_IF_DISMISSED = ("Ceasing the plan follows only an appeal the Tribunal dismissed: this appeal was allowed, "
                            "so check what the Tribunal ordered.")


def tribunal_order_record(
    *, acting_user, appeal: Appeal, kind: str, made_on: date, details: str = "", provision: Iterable[str] = (),
) -> TribunalOrder:
    """Record an order the Tribunal made on a decided appeal; its duties start on the order's date (reg 44)."""
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if appeal.status != AppealStatus.DECIDED:
            raise ServiceError("Record the Tribunal's decision on the appeal before its orders.", field="kind")
        if (appeal.outcome == AppealOutcome.DISMISSED) != (kind == statutory.OrderKind.CEASE):
            raise ServiceError(_DISMISSED_ONLY_CEASES if appeal.outcome == AppealOutcome.DISMISSED
                               else _CEASE_ONLY_IF_DISMISSED, field="kind")
        _refuse(statutory.order_problems(kind, made_on, appeal_registered_on=appeal.registered_on,
                                         decision=appeal.decision.kind, today=_today()))
        if appeal.orders.filter(kind=kind, made_on=made_on).exists():  # the form sent twice (a double click)
            raise ServiceError("This order is already recorded: open it from the appeal's page.", field="kind")
        order = TribunalOrder.objects.create(child_id=appeal.child_id, appeal=appeal, basis=DutyBasis.ORDER,
                                             kind=kind, made_on=made_on, details=details.strip(),
                                             created_by=acting_user)
        duties_sync(order)
        _provision_add(order, provision)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=appeal.child, obj=order,
                           what=f"appeal {appeal.reference}: order recorded ({order.get_kind_display()})")
    return order


def mediation_agreement_duties_start(
    *, acting_user, child, kind: str, agreed_on: date, source_type: str, source_id: str, details: str = "",
    provision: Iterable[str] = (),
) -> TribunalOrder:
    """A mediation agreement about an appealable matter: the council does what it agreed on the Tribunal order
    clocks, counted from the agreement (reg 42(2)). For disagreements' mediation to call when an agreement is
    recorded; calling it again for the same agreement returns the duties already started."""
    with transaction.atomic():
        existing = TribunalOrder.objects.filter(source_type=source_type, source_id=str(source_id)).first()
        if existing is not None:
            return existing
        _refuse(statutory.order_problems(kind, agreed_on, today=_today()))
        order = TribunalOrder.objects.create(child=child, basis=DutyBasis.MEDIATION, kind=kind, made_on=agreed_on,
                                             source_type=source_type, source_id=str(source_id),
                                             details=details.strip(), created_by=acting_user)
        duties_sync(order)
        _provision_add(order, provision)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=order,
                           what=f"mediation agreement: duties started ({order.get_kind_display()})")
    return order


def duties_from_mediation_agreement(*, acting_user, case) -> TribunalOrder:
    """disagreements' follow-up for an agreement on appealable matters: the duties of the order it stands in for
    (what not opposing an appeal about the same decision would commit the council to), from the agreement's day."""
    decision = case.decision
    return mediation_agreement_duties_start(
        acting_user=acting_user, child=decision.child, kind=unopposed_kind(decision.kind, decision.sections),
        agreed_on=case.agreement_on, source_type="disagreements.mediationcase", source_id=str(case.pk),
        details=case.agreement_summary or "",
    )


def order_duty_done_record(*, acting_user, duty: OrderDuty, expected_version: int, done_on: date) -> OrderDuty:
    """Record the day a duty was done (the notice sent, the plan issued); the other duties' clocks follow."""
    with transaction.atomic():
        order = _lock(duty.order, expected_version)
        row = order.duties.get(pk=duty.pk)
        facts = order_facts(order)
        facts = replace(facts, done={**facts.done, row.step: done_on})
        _refuse(statutory.order_problems(order.kind, order.made_on, facts, today=_today()), only=f"done:{row.step}")
        if not row.applies:
            raise ServiceError("This duty no longer applies.", field="done_on")
        row.done_on = done_on
        row.save(update_fields=["done_on"])
        _bump(order, f"Done: {row.label}")
        duties_sync(order)
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=order.child, obj=order,
                           what=f"order duty done on {done_on:%d %B %Y}: {row.label}")
    return row


def order_assessment_decision_record(
    *, acting_user, order: TribunalOrder, expected_version: int, decided_to_issue: bool,
) -> TribunalOrder:
    """After an ordered assessment: a plan (final plan within the longer period) or no plan (notice within the
    shorter one), reg 44(2)(b)."""
    with transaction.atomic():
        row = _lock(order, expected_version)
        facts = replace(order_facts(row), decided_to_issue=decided_to_issue)
        _refuse(statutory.order_problems(row.kind, row.made_on, facts), only="decided_to_issue")
        row.decided_to_issue = decided_to_issue
        _bump(row, "Decision after the ordered assessment")
        duties_sync(row)
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=row.child, obj=row,
                           what="ordered assessment: " + ("decided to issue a plan" if decided_to_issue
                                                          else "decided not to issue a plan"))
    return row


def order_exception_record(
    *, acting_user, order: TribunalOrder, expected_version: int, code: str, period_start: date, period_end: date,
    evidence: str, causal_note: str = "", applies_to: str = "",
) -> OrderException:
    """Claim a reg 44(3) exception for the order's duties. It never moves a date; it excuses lateness only with a
    note saying how it made the time limit impractical, as an assessment's exceptions do."""
    if not evidence.strip():
        raise ServiceError("Say what shows the exception happened.", field="evidence")
    with transaction.atomic():
        row = _lock(order, expected_version)
        if applies_to and not row.duties.filter(step=applies_to).exists():
            raise ServiceError("Choose one of this order's duties.", field="applies_to")
        if code not in ORDER_ALLOWED_EXCEPTIONS:
            raise ServiceError("Choose an exception the law allows for an order's duties.", field="code")
        duties = [d for d in row.duties.all() if not applies_to or d.step == applies_to]
        period = (row.made_on, max(d.due_on for d in duties)) if duties else None
        problems = statutory.exception_problems(code, period_start, period_end, period=period,
                                                period_what="the order's duties")
        if problems:
            raise ServiceError(" ".join(problems), field="period_start")
        record = OrderException.objects.create(order=row, code=code, period_start=period_start,
                                               period_end=period_end, evidence=evidence.strip(),
                                               causal_note=causal_note.strip(), applies_to=applies_to,
                                               recorded_by=acting_user)
        _bump(row, "Exception claimed")
        duties_sync(row)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=row.child, obj=record,
                           what=f"order: exception claimed ({code})")
    return record


def ordered_provision_delivered_record(
    *, acting_user, item: OrderedProvision, expected_version: int, delivered_on: date, evidence: str,
) -> OrderedProvision:
    """Record that an item of ordered provision is being delivered, and what shows it."""
    if not evidence.strip():
        raise ServiceError("Say what shows the provision is being delivered.", field="evidence")
    with transaction.atomic():
        row = OrderedProvision.objects.select_for_update().select_related("order__child").get(pk=item.pk)
        if int(expected_version) != row.version:
            raise StaleEdit(STALE_MESSAGE)
        if delivered_on < row.order.made_on:
            raise ServiceError(f"Provision cannot be delivered under the order before it was made "
                               f"({row.order.made_on:%d %B %Y}).", field="delivered_on")
        row.delivered_on = delivered_on
        row.evidence = evidence.strip()
        row.version += 1
        row._change_reason = "Delivered"
        row.save()
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=row.order.child, obj=row,
                           what=f"ordered provision delivered: {row.description}")
    return row
