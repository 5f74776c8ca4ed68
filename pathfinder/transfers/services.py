"""Moving a plan between councils, as a caseworker says it: record the move, send the plan, tell the family.

Every date comes from statutory.transfer (reg 15); every status change goes through transfers.workflow (and the
plan's own through plans.workflow); each act writes one audit event, in one transaction.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone

import statutory
from pathfinder.assessments.family_messages import family_tell
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.plans.workflow import WORKFLOW as PLAN_WORKFLOW
from pathfinder.transfers import messages
from pathfinder.transfers.bundle import sha256
from pathfinder.transfers.export import transfer_bundle_bytes
from pathfinder.transfers.models import TransferIn, TransferOut, TransferOutStatus
from pathfinder.transfers.workflow import IN, OUT


def _fmt(day: date) -> str:
    return f"{day:%-d %B %Y}"


def _not_future(day: date, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise ServiceError(f"{what} cannot be in the future", field=field)


def _la_code(value: str) -> str:
    code = (value or "").strip()
    if not (code.isdigit() and len(code) == 3):
        raise ServiceError("Enter the new council's LA code: 3 numbers, for example 936", field="to_la_code")
    if code == settings.COUNCIL_LA_CODE:
        raise ServiceError("The new council's LA code is our own. Enter the code of the council the family is "
                           "moving to", field="to_la_code")
    return code


def transfer_out_record(
    *, acting_user, plan: Plan, to_la_code: str, to_la_name: str, move_on: date, aware_on: date
) -> TransferOut:
    """Record that the family is moving to another council; the due date for sending the plan is worked out from
    the day of the move and the day we learnt of it (reg 15(2))."""
    code = _la_code(to_la_code)
    name = (to_la_name or "").strip()
    if not name:
        raise ServiceError("Enter the name of the council the family is moving to", field="to_la_name")
    _not_future(aware_on, "aware_on", "The date you learnt of the move")
    with transaction.atomic():
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        if locked.status != PlanStatus.FINAL:
            raise ServiceError("Only a final plan can be sent to another council.")
        if locked.transfers_out.filter(status=TransferOutStatus.TO_SEND).exists():
            raise ServiceError("A move is already recorded for this plan. Send the plan from that page.")
        due = statutory.transfer_out_due(move_on, aware_on)
        transfer = TransferOut.objects.create(
            plan=locked, child=locked.child, to_la_code=code, to_la_name=name, move_on=move_on, aware_on=aware_on,
            due_on=due.due, recorded_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        )
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=locked.child, obj=transfer,
                           what=f"recorded a move to {name} on {_fmt(move_on)}; plan to send by {_fmt(due.due)}")
    return transfer


def transfer_out_send(*, acting_user, transfer: TransferOut, on: date, expected_version: int) -> TransferOut:
    """Send the plan: make the bundle and end the plan here (status transferred, SEN2 cease reason 5)."""
    _not_future(on, "on", "The date")

    def check(current: TransferOut) -> None:
        if on < current.aware_on:
            raise ServiceError("The plan cannot be sent before the day we learnt of the move", field="on")
        if current.plan.status != PlanStatus.FINAL:
            raise ServiceError("The plan is no longer final here, so it cannot be sent.")

    def apply(current: TransferOut) -> None:
        current.sent_on = on
        current.bundle_sha256 = sha256(transfer_bundle_bytes(current, generated_on=on))

    def end_plan(plan: Plan) -> None:
        plan.ended_on = on
        plan.updated_by = acting_user if getattr(acting_user, "is_authenticated", False) else None

    with transaction.atomic():
        sent = OUT.transition(transfer, "send", acting_user=acting_user, expected_version=expected_version,
                              check=check, apply=apply, record=False)
        PLAN_WORKFLOW.transition(
            sent.plan, "transfer_out", acting_user=acting_user, expected_version=None, apply=end_plan,
            what=f"transferred to {sent.to_la_name} ({sent.to_la_code}) on {_fmt(on)}; SEN2 cease reason "
                 f"{sent.sen2_cease_reason} (transferred to another council)",
        )
        family_tell(child=sent.child, kind=messages.PLAN_SENT.key, on=on, values={"date": on})
    return sent


def transfer_out_withdraw(*, acting_user, transfer: TransferOut, expected_version: int) -> TransferOut:
    """The family is not moving after all: the move is closed unsent and the plan stays ours (a new move can be
    recorded later)."""
    return OUT.transition(transfer, "withdraw", acting_user=acting_user, expected_version=expected_version,
                          what=f"move to {transfer.to_la_name} withdrawn: the family is not moving after all")


def transfer_in_notice_send(
    *, acting_user, transfer: TransferIn, on: date, will_assess: bool, review_on: date, expected_version: int
) -> TransferIn:
    """Tell the family the plan is ours now, whether we will assess, and when we will review (reg 15(4)).
    The review date must fall by the last day the law allows (reg 15(5))."""
    _not_future(on, "on", "The date")
    if will_assess is None:
        raise ServiceError("Select whether we will make an EHC needs assessment", field="will_assess")

    def check(current: TransferIn) -> None:
        if on < current.transferred_on:
            raise ServiceError("The family cannot be told before the plan was transferred to us", field="on")
        due = current.plan.review_due_on
        if review_on < on:
            raise ServiceError("The review date must be on or after the day we tell the family", field="review_on")
        if due and review_on > due:
            raise ServiceError(f"The review must be by {_fmt(due)} (SEND Regulations 2014, regulation 15(5)). "
                               "Choose that day or earlier", field="review_on")

    def apply(current: TransferIn) -> None:
        current.notice_sent_on, current.will_assess, current.review_proposed_on = on, will_assess, review_on

    kind = messages.NOTICE_ASSESS if will_assess else messages.NOTICE_NO_ASSESS
    with transaction.atomic():
        sent = IN.transition(
            transfer, "send_notice", acting_user=acting_user, expected_version=expected_version, check=check,
            apply=apply, what=f"told the family on {_fmt(on)}: {'we will' if will_assess else 'we will not'} assess; "
                              f"review by {_fmt(review_on)}",
        )
        family_tell(child=sent.child, kind=kind.key, on=on, values={"date": sent.transferred_on, "due_on": review_on})
    return sent
