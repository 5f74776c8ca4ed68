"""An appeal's life: the one place its status changes (HESC Rules; SEND Regulations 2014 regs 44 and 45).

    registered ──respond──────▶ responded
        │                             │
        ├──not_oppose─────────────────┼──▶ not_opposed   (reg 45 duties start)
        ├──decide─────────────────────┼──▶ decided       (orders are recorded on it)
        └──withdraw───────────────────┴──▶ withdrawn

The hearing date is not a stage: it is recorded (and changed when the Tribunal moves it) on an open appeal,
guarded by the appeal's version like any edit.

The Tribunal registers an appeal and sends it to the council, whose response is due within the Tribunal's period
(``statutory.tribunal_response_due``). The council may tell the Tribunal it will not oppose: the reg 45 clocks then
run from that day (``statutory.unopposed_duties``) and become duties like an order's. Otherwise the Tribunal
decides (dismissed, allowed in part, allowed) or the family withdraws.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

import statutory
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.workflow import Move, Workflow
from pathfinder.tribunal.constants import DECIDED_OUTCOMES, OPEN_APPEAL_STATUSES, AppealOutcome, DutyBasis
from pathfinder.tribunal.constants import AppealStatus as S
from pathfinder.tribunal.duties import duties_sync, unopposed_kind
from pathfinder.tribunal.models import Appeal, TribunalOrder

STALE_MESSAGE = (
    "Someone else changed this appeal while you were working on it, so your change was not saved. Check it as it "
    "is now, then try again."
)


def _record(*, acting_user, record: Appeal, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.child, obj=record,
                       what=f"appeal {record.reference}: {what}")


WORKFLOW = Workflow(
    "appeal",
    (
        Move("respond", "Record the response sent to the Tribunal", (S.REGISTERED,), S.RESPONDED),
        Move("not_oppose", "Tell the Tribunal the council will not oppose", (S.REGISTERED, S.RESPONDED),
             S.NOT_OPPOSED),
        Move("decide", "Record the Tribunal's decision", (S.REGISTERED, S.RESPONDED), S.DECIDED),
        Move("withdraw", "Record that the family withdrew the appeal", (S.REGISTERED, S.RESPONDED), S.WITHDRAWN),
    ),
    record=_record,
    stale_message=STALE_MESSAGE,
    noun="the appeal",
)


#: The law's field names (statutory.appeal_problems) as the appeal form's.
_FIELDS = {"sections_in_dispute": "sections", "kind": "decision"}


def _refuse(problems) -> None:
    if problems:
        first = problems[0]
        raise ServiceError(first.message, field=_FIELDS.get(first.field, first.field) or None)


def _not_before(day: date, earliest: date, what: str, field: str, earliest_what: str) -> None:
    if day < earliest:
        raise ServiceError(f"The {what} cannot be before {earliest_what} ({earliest:%d %B %Y}).", field=field)


def appeal_record(
    *,
    acting_user,
    decision,
    reference: str,
    registered_on: date,
    notified_on: date,
    grounds: str,
    sections: list[str] | tuple[str, ...] = (),
    certificate_on: date | None = None,
) -> Appeal:
    """Record an appeal the Tribunal has sent the council, against one appealable decision.

    Refused when the law does not allow it (``statutory.appeal_problems``: not an appealable decision, sections
    that cannot be appealed) or when a mediation certificate was needed and none is given (reg 33, CFA s.55)."""
    sections = sorted({s.strip().upper() for s in sections if s.strip()})
    reference = reference.strip()
    if not reference:
        raise ServiceError("Enter the Tribunal's reference for the appeal.", field="reference")
    if not grounds.strip():
        raise ServiceError("Enter the grounds of appeal.", field="grounds")
    _refuse(statutory.appeal_problems(decision.kind, sections))
    decided = decision.notice_sent or decision.decided_on
    _not_before(registered_on, decided, "appeal's registration", "registered_on", "the decision notice")
    _not_before(notified_on, registered_on, "day the Tribunal sent the appeal", "notified_on", "its registration")
    needed = statutory.certificate_needed(decision.kind, sections)
    if needed and certificate_on is None:
        raise ServiceError("This appeal needs a mediation certificate: enter the date it was issued. Only an "
                           "appeal about section I alone needs none.", field="certificate_on")
    if certificate_on is not None and certificate_on > registered_on:
        raise ServiceError("The mediation certificate must be issued before the appeal is registered.",
                           field="certificate_on")
    with transaction.atomic():
        if Appeal.objects.filter(reference__iexact=reference).exists():
            raise ServiceError("An appeal with this reference is already recorded.", field="reference")
        appeal = Appeal.objects.create(
            decision=decision, child_id=decision.child_id, reference=reference, registered_on=registered_on,
            notified_on=notified_on, grounds=grounds.strip(), sections=sections, certificate_needed=needed,
            certificate_on=certificate_on,
            response_due=statutory.tribunal_response_due(notified_on), created_by=acting_user,
        )
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=appeal.child, obj=appeal,
                           what=f"appeal {appeal.reference} recorded")
    return appeal


def appeal_response_record(*, acting_user, appeal: Appeal, expected_version: int, sent_on: date) -> Appeal:
    """Record the day the council's response went to the Tribunal."""
    def check(row: Appeal) -> None:
        _not_before(sent_on, row.notified_on, "response", "sent_on", "the day the appeal was sent to the council")

    def apply(row: Appeal) -> None:
        row.response_sent_on = sent_on

    return WORKFLOW.transition(appeal, "respond", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply)


def appeal_hearing_list(*, acting_user, appeal: Appeal, expected_version: int, hearing_on: date) -> Appeal:
    """Record (or change) the hearing date the Tribunal set, on an appeal still open."""
    with transaction.atomic():
        row = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if int(expected_version) != row.version:
            raise StaleEdit(STALE_MESSAGE)
        if row.status not in OPEN_APPEAL_STATUSES:
            raise ServiceError(f"The appeal is at “{row.get_status_display()}”: there is no hearing to list.",
                               field="hearing_on")
        _not_before(hearing_on, row.registered_on, "hearing", "hearing_on", "the appeal's registration")
        row.hearing_on = hearing_on
        row.version += 1
        row._change_reason = "Record the hearing date"
        row.save()
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=row.child, obj=row,
                           what=f"appeal {row.reference}: hearing on {hearing_on:%d %B %Y}")
    return row


def appeal_not_oppose(*, acting_user, appeal: Appeal, expected_version: int, told_on: date) -> Appeal:
    """The council tells the Tribunal it will not oppose: the appeal is conceded and the reg 45 clocks start on the
    day the Tribunal was told, as duties on the caseworker's list."""
    def check(row: Appeal) -> None:
        _not_before(told_on, row.notified_on, "day the Tribunal was told", "told_on",
                    "the day the appeal was sent to the council")

    def apply(row: Appeal) -> None:
        row.not_opposed_on = told_on
        row.outcome = AppealOutcome.CONCEDED
        row.outcome_on = told_on

    with transaction.atomic():
        appeal = WORKFLOW.transition(appeal, "not_oppose", acting_user=acting_user,
                                     expected_version=expected_version, check=check, apply=apply)
        order = TribunalOrder.objects.create(
            child_id=appeal.child_id, appeal=appeal, basis=DutyBasis.UNOPPOSED, made_on=told_on,
            kind=unopposed_kind(appeal.decision.kind, appeal.sections), created_by=acting_user,
            details="The council told the Tribunal it would not oppose the appeal.",
        )
        duties_sync(order)
    return appeal


def appeal_decide(*, acting_user, appeal: Appeal, expected_version: int, outcome: str, decided_on: date) -> Appeal:
    """Record the Tribunal's decision. The orders it made are recorded next (orders.py)."""
    if outcome not in DECIDED_OUTCOMES:
        raise ServiceError("Choose what the Tribunal decided.", field="outcome")

    def check(row: Appeal) -> None:
        _not_before(decided_on, row.registered_on, "decision", "decided_on", "the appeal's registration")

    def apply(row: Appeal) -> None:
        row.outcome = outcome
        row.outcome_on = decided_on

    return WORKFLOW.transition(appeal, "decide", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply,
                               what=f"decided: {AppealOutcome(outcome).label}")


def appeal_withdraw(*, acting_user, appeal: Appeal, expected_version: int, withdrawn_on: date) -> Appeal:
    """Record that the family withdrew the appeal: the council's decision stands and nothing more is due."""
    def check(row: Appeal) -> None:
        _not_before(withdrawn_on, row.registered_on, "withdrawal", "withdrawn_on", "the appeal's registration")

    def apply(row: Appeal) -> None:
        row.outcome = AppealOutcome.WITHDRAWN
        row.outcome_on = withdrawn_on

    return WORKFLOW.transition(appeal, "withdraw", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply)
