"""A parent or young person asks for an EHC needs assessment online; a caseworker turns it into a case.

The request is received when it is submitted (CFA s.36(1)), by the one rule every request follows
(statutory.receipt: on a non-working day or after 5pm it counts from the next working day), so the clock starts
then, whatever day a caseworker first opens it. The family is told the date by which the council must decide
whether to assess (reg 5(1)), from the same function that stores the due dates on the case
(assessments.services.statutory_due_dates). Turning it into a case calls assessments' own
assessment_request_create with the day and hour it arrived, so the case's clock is the one the family was told.
"""

from __future__ import annotations

import secrets
from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

import statutory
from pathfinder.assessments.constants import ReceivedBy, RequestSource
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.services import assessment_request_create, statutory_due_dates
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.calendar import council_calendar
from pathfinder.core.errors import ServiceError
from pathfinder.family import limits
from pathfinder.family.models import OnlineRequest, RequesterKind, RequestStatus
from pathfinder.family.requests_workflow import WORKFLOW
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send
from pathfinder.people import services as people_services
from pathfinder.people.models import Child
from pathfinder.people.selectors import children_visible_to

REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read out on the phone


def _reference() -> str:
    while True:
        reference = "EHC-" + "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(6))
        if not OnlineRequest.objects.filter(reference=reference).exists():
            return reference


def online_request_receipt(submitted_at) -> statutory.Receipt:
    """When a request sent at ``submitted_at`` counts as received: the caseworker's rule, in the council's time
    and calendar (statutory.request_received_at -> request_received_on)."""
    return statutory.request_received_at(timezone.localtime(submitted_at), calendar=council_calendar())


def online_request_submit(
    *, data: dict, ip_address: str | None, user=None, honeypot: str = "", now=None,
) -> OnlineRequest | None:
    """Keep the request, received now. Returns it with its reference and the date the council must decide by;
    None if a robot filled in the honeypot (nothing is saved)."""
    if honeypot.strip():
        return None
    now = now or timezone.now()
    if data["child_date_of_birth"] > timezone.localdate(now):
        raise ServiceError("The date of birth must be in the past", field="child_date_of_birth")
    receipt = online_request_receipt(now)
    key = limits.sender_key(ip_address)
    with transaction.atomic():
        if user is None:
            limits.sends_allow(OnlineRequest, key)
        online = OnlineRequest.objects.create(
            reference=_reference(), submitted_at=now, arrived_on=receipt.arrived_on,
            arrived_after_hours=receipt.after_hours, received_on=receipt.counts_from,
            decision_due_on=statutory_due_dates(receipt.counts_from)["decision_due_on"],
            submitted_by=user if getattr(user, "is_authenticated", False) else None, sender_key=key, **data,
        )
        audit_event_record(acting_user=user, action=AuditAction.CREATE, obj=online,
                           what=f"sent a request for an EHC needs assessment online ({online.reference})")
        if online.email or online.phone:  # the acknowledgement, as on the page they see next
            message_send(to=Recipient.for_contact(preference="email" if online.email else "text", email=online.email,
                                                  phone=online.phone),
                         kind="family.online_request_received",
                         values={"date": online.received_on, "decide_by": online.decision_due_on})
    return online


def online_request_explain(online: OnlineRequest) -> str:
    """Why it counts from a later day, if it does (the acknowledgement and the caseworker both see this)."""
    return statutory.Receipt(online.arrived_on, online.received_on, online.arrived_after_hours).explain()


def online_requests_waiting() -> QuerySet[OnlineRequest]:
    return OnlineRequest.objects.filter(status=RequestStatus.WAITING).order_by("received_on", "submitted_at")


def online_request_candidates(user, online: OnlineRequest, *, today: date) -> list[Child]:
    """Children the caseworker may see with this date of birth, same surname first."""
    children = children_visible_to(user, today=today).filter(date_of_birth=online.child_date_of_birth)
    surname = online.child_last_name.strip().lower()
    return sorted(children, key=lambda c: (c.legal_last_name.lower() != surname, c.legal_last_name, c.pk))


def _summary(online: OnlineRequest) -> str:
    parts = [f"Sent online ({online.reference}) by {online.requester_name} "
             f"({online.get_requester_kind_display().removeprefix('I am ')})."]
    parts.append(f"What they find hard: {online.needs}")
    if online.support_so_far:
        parts.append(f"Help so far: {online.support_so_far}")
    if online.why_now:
        parts.append(f"Why now: {online.why_now}")
    parts.append("The family agrees we may ask others for advice." if online.agrees_to_share
                 else "The family has not yet said whether we may ask others for advice.")
    return "\n".join(parts)


def _new_child(acting_user, online: OnlineRequest) -> Child:
    if acting_user.team_id is None:
        raise ServiceError("You need to be in a team to make a new record", field="child")
    child = people_services.child_create(acting_user=acting_user, data={
        "legal_first_name": online.child_first_name, "legal_last_name": online.child_last_name,
        "preferred_name": "", "date_of_birth": online.child_date_of_birth, "sex": "U", "address": online.address,
        "postcode": online.postcode, "upn": "", "uln": "", "nhs_number": "", "setting_name": online.setting_name,
        "setting_urn": "", "setting_ukprn": "", "setting_code": "", "setting_phase": "", "communication_needs": "",
        "first_language": "English", "team": acting_user.team,
    })
    if online.requester_kind == RequesterKind.PARENT:
        people_services.family_member_add(acting_user=acting_user, child=child, data={
            "name": online.requester_name, "relationship": online.relationship or "Parent",
            "email": online.email, "phone": online.phone, "address": online.address, "postcode": online.postcode,
            "has_parental_responsibility": True,
        })
    return child


def online_request_make_case(*, acting_user, online: OnlineRequest, child: Child | None,
                             expected_version: int | None = None) -> Assessment:
    """Turn the request into a case for ``child`` (or a new record, with None): the Assessment counts from the
    day the request was received online, so the clock the family was told about is the case's clock. One move of
    the requests' workflow, with the new case in the same transaction."""
    made: dict[str, Assessment] = {}

    def apply(locked: OnlineRequest) -> None:
        chosen = child or _new_child(acting_user, locked)
        made["assessment"] = assessment_request_create(
            acting_user=acting_user, child=chosen, received_on=locked.arrived_on,
            arrived_after_hours=locked.arrived_after_hours, received_by=ReceivedBy.ONLINE,
            request_source=RequestSource.PARENT_OR_YOUNG_PERSON, requester_name=locked.requester_name,
            request_summary=_summary(locked),
        )
        locked.child, locked.assessment = chosen, made["assessment"]
        locked.decided_by, locked.decided_at = acting_user, timezone.now()

    WORKFLOW.transition(online, "match", acting_user=acting_user, expected_version=expected_version, apply=apply,
                        what=f"made a case from the online request {online.reference}")
    return made["assessment"]


def online_request_refuse(*, acting_user, online: OnlineRequest, reason: str,
                          expected_version: int | None = None) -> OnlineRequest:
    """Set aside a request that is not one (a duplicate, a test, someone else's child), with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Enter why this is not being made into a case", field="reason")

    def apply(locked: OnlineRequest) -> None:
        locked.refusal_reason, locked.decided_by, locked.decided_at = reason, acting_user, timezone.now()

    return WORKFLOW.transition(online, "refuse", acting_user=acting_user, expected_version=expected_version,
                               apply=apply, what=f"set aside the online request {online.reference}")
