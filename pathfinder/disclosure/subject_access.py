"""A subject access request's life: recorded, perhaps extended, answered. The one place its status changes.

::

    received ──extend──▶ extended          (a complex or numerous request: told within the first month, Art.12(3))
       │                    │
       └──────answer────────┴──▶ answered   (the pack produced with it, or the answer given another way)

Each act is one service, in one transaction, audited on the child's record. The last day to answer is worked out
by ``statutory.subject_access_clock`` (rule book rows ``subject_access_response`` and ``subject_access_extension``)
and kept on the row (``due_on``) so the worklist can order by it.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

import statutory
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.core.workflow import Move, Workflow
from pathfinder.disclosure.models import SubjectAccessRequest
from pathfinder.disclosure.models import SubjectAccessStatus as S

STALE_MESSAGE = (
    "Someone else saved this request while you were looking at it, so nothing was saved. "
    "Check the page as it is now, then try again."
)


def _record(*, acting_user, record, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.child, obj=record, what=what)


WORKFLOW = Workflow(
    "subject_access_request",
    (
        Move("extend", "Extend the time to answer", (S.RECEIVED,), S.EXTENDED),
        Move("answer", "Record the answer", (S.RECEIVED, S.EXTENDED), S.ANSWERED),
    ),
    record=_record,
    stale_message=STALE_MESSAGE,
    noun="the request",
)


def _fmt(day: date) -> str:
    return f"{day:%-d %B %Y}"


def _not_future(day: date | None, field: str, what: str) -> None:
    if day is not None and day > timezone.localdate():
        raise ServiceError(f"{what} must be today or in the past", field=field)


def sar_clock(sar: SubjectAccessRequest) -> statutory.SubjectAccessClock:
    """The request's clock as the rule book gives it today (extended if the council extended it)."""
    return statutory.subject_access_clock(sar.received_on, identity_confirmed_on=sar.identity_confirmed_on,
                                          extended=sar.extended_on is not None)


def subject_access_request_record(*, acting_user, child, requester_name: str, relation: str, received_on: date,
                                  identity_confirmed_on: date | None = None) -> SubjectAccessRequest:
    """A request for the child's data as it arrived: the last day to answer is worked out and kept."""
    _not_future(received_on, "received_on", "The date the request arrived")
    _not_future(identity_confirmed_on, "identity_confirmed_on", "The date we received proof of who is asking")
    if identity_confirmed_on is not None and identity_confirmed_on < received_on:
        raise ServiceError("The date we received proof of who is asking must be the same as or after the date the "
                           "request arrived", field="identity_confirmed_on")
    if not requester_name.strip():
        raise ServiceError("Enter who asked", field="requester_name")
    clock = statutory.subject_access_clock(received_on, identity_confirmed_on=identity_confirmed_on)
    with transaction.atomic():
        sar = SubjectAccessRequest.objects.create(
            child=child, requester_name=requester_name.strip(), relation=relation, received_on=received_on,
            identity_confirmed_on=identity_confirmed_on, due_on=clock.due_on,
            recorded_by=acting_user if getattr(acting_user, "is_authenticated", False) else None)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=sar,
                           what=f"subject access request received {_fmt(received_on)}; answer by {_fmt(clock.due_on)}")
    return sar


def subject_access_request_extend(*, acting_user, sar: SubjectAccessRequest, on: date, reason: str,
                                  expected_version: int) -> SubjectAccessRequest:
    """Two further months for a complex or numerous request, told to the person within the first month."""
    _not_future(on, "on", "The date we told them")
    if not reason.strip():
        raise ServiceError("Enter why we need longer", field="reason")

    def check(current: SubjectAccessRequest) -> None:
        clock = sar_clock(current)
        if on < current.received_on:
            raise ServiceError("The date we told them must be the same as or after the date the request arrived",
                               field="on")
        if not statutory.subject_access_may_extend(clock, on):
            raise ServiceError(f"The time can be extended only if we tell them within the first month, by "
                               f"{_fmt(clock.extend_by)} ({clock.citation})", field="on")

    def apply(current: SubjectAccessRequest) -> None:
        current.extended_on, current.extension_reason = on, reason.strip()
        current.due_on = sar_clock(current).due_on

    return WORKFLOW.transition(sar, "extend", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply, what=f"subject access request extended on {_fmt(on)}")


def subject_access_request_answer(*, acting_user, sar: SubjectAccessRequest, on: date, with_pack: bool,
                                  expected_version: int) -> SubjectAccessRequest:
    """The request answered on ``on``; ``with_pack``: the subject access pack was produced for the answer today."""
    _not_future(on, "on", "The date we answered")

    def check(current: SubjectAccessRequest) -> None:
        if on < current.received_on:
            raise ServiceError("The date we answered must be the same as or after the date the request arrived",
                               field="on")

    def apply(current: SubjectAccessRequest) -> None:
        current.answered_on = on
        if with_pack:
            current.pack_produced_on = timezone.localdate()

    late = " (late)" if on > sar.due_on else ""
    return WORKFLOW.transition(sar, "answer", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply,
                               what=f"subject access request answered on {_fmt(on)}{late}"
                                    f"{', with the pack' if with_pack else ''}")
