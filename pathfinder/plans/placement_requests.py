"""The family's request for a particular school or college (CFA s.38(2)(b)), checked before it is recorded.

Kept apart from plans.services (already long) so that the checks on a request sit together: a request cannot
come before the assessment request it belongs to, and the same school asked for twice is one request, not two
(two rows would mean two consultations and two answers to give the family).
"""

from __future__ import annotations

import re
from datetime import date

from django.db import transaction

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.plans.checks import institution_type_valid, not_future, required
from pathfinder.plans.models import S38_REQUESTABLE_TYPES, PlacementRequest, Plan


def _same_name(name: str) -> str:
    """Names compared without case, punctuation or repeated spaces: "St. Mary's" is "St Marys"."""
    return " ".join(re.sub(r"[^\w\s]", "", name.casefold()).split())


def _already_requested(plan: Plan, name: str, urn: str) -> PlacementRequest | None:
    for existing in plan.placement_requests.all():
        if urn and existing.institution_urn == urn:
            return existing
        if _same_name(existing.institution_name) == _same_name(name):
            return existing
    return None


def placement_request_record(
    *, acting_user, plan: Plan, institution_name: str, institution_type: str, institution_urn: str = "",
    requested_on: date,
) -> PlacementRequest:
    """The family asks for a school or college (CFA s.38(2)(b)). Only s.38(3) types must be consulted and named
    unless unsuitable or incompatible (s.39); others are preferences the council considers."""
    name = required(institution_name, "institution_name", "Enter the name of the school or college")
    institution_type_valid(institution_type, "institution_type")
    not_future(requested_on, "requested_on", "The date of the request")
    received_on = plan.assessment.received_on if plan.assessment_id else None
    if received_on and requested_on < received_on:
        raise ServiceError(
            f"The date the family asked must be on or after {received_on:%-d %B %Y}, when the request for an "
            "assessment was received",
            field="requested_on",
        )
    urn = (institution_urn or "").strip()
    if urn and not (urn.isdigit() and len(urn) in (6, 8)):
        raise ServiceError("The URN must be 6 numbers, or a UKPRN 8 numbers", field="institution_urn")
    if not plan.is_editable:
        raise ServiceError("The final plan has been issued. A new request for a school is made at a review.")
    with transaction.atomic():
        # Lock the plan so that two people recording the same request at once cannot both succeed.
        locked = Plan.objects.select_for_update(of=("self",)).select_related("child", "assessment").get(pk=plan.pk)
        if existing := _already_requested(locked, name, urn):
            raise ServiceError(
                f"The family's request for {existing.institution_name} was already recorded "
                f"(asked on {existing.requested_on:%-d %B %Y}). You do not need to record it again.",
                field="institution_name",
            )
        request = PlacementRequest.objects.create(
            plan=locked, institution_name=name, institution_type=institution_type, institution_urn=urn,
            requested_on=requested_on,
        )
        duty = "must be consulted (s.39)" if institution_type in S38_REQUESTABLE_TYPES else "a preference to consider"
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=locked.child,
                           obj=request, what=f"recorded request for {name}: {duty}")
    return request
