"""Advice asked of an organisation: its queue, who does each request, and passing work on when a member leaves.

Why here: advice requests are the assessments' records; organisations owns only who belongs to it. This module
registers with organisations.handovers (from AssessmentsConfig.ready()) so that removing a colleague hands their
open requests back to the queue or to a colleague, each move audited against the child.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from pathfinder.assessments.adviser_messages import member_tell_given, member_tell_passed
from pathfinder.assessments.models import AdviceRequest
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.organisations.selectors import membership_of


def _open(organisation_id: int) -> QuerySet[AdviceRequest]:
    return AdviceRequest.objects.filter(organisation_id=organisation_id, received_on__isnull=True,
                                        reused_existing=False)


def organisation_queue(organisation) -> QuerySet[AdviceRequest]:
    """Every advice request asked of the organisation: open ones first, oldest first."""
    return (AdviceRequest.objects.filter(organisation=organisation)
            .select_related("assessment", "assessment__child", "assigned_to")
            .order_by("received_on", "requested_on", "pk"))


def _locked_open(advice: AdviceRequest) -> AdviceRequest:
    current = AdviceRequest.objects.select_for_update().select_related("assessment__child").get(pk=advice.pk)
    if current.received_on is not None:
        raise ServiceError(f"This advice was sent to the council on {current.received_on:%-d %B %Y}, "
                           "so it no longer needs anyone to do it")
    return current


def advice_assign(*, acting_user, advice: AdviceRequest, to_user, on: date | None = None) -> AdviceRequest:
    """An administrator of the organisation gives the request to a colleague (or back to the queue: None); the
    colleague is told it is theirs and when it is due, unless the administrator gave it to themselves."""
    on = on or timezone.localdate()
    organisation = advice.organisation
    own = membership_of(acting_user, organisation, on) if organisation else None
    if own is None or not own.is_administrator:
        raise ServiceError("Only an administrator of the organisation can give a request to a colleague")
    if to_user is not None and membership_of(to_user, organisation, on) is None:
        raise ServiceError(f"{to_user.display_name} is not a member of {organisation.name}", field="assigned_to")
    with transaction.atomic():
        current = _locked_open(advice)
        current.assigned_to = to_user
        current.save(update_fields=["assigned_to"])
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=current.assessment.child,
                           obj=current, what=(f"gave advice request to {to_user.display_name}" if to_user
                                              else "put advice request back in the queue"))
        member_tell_given(current, to_user=to_user, acting_user=acting_user)  # sent once this commits
    return current


def advice_take(*, acting_user, advice: AdviceRequest, on: date | None = None) -> AdviceRequest:
    """A member takes a request waiting in the queue: it is theirs to do."""
    on = on or timezone.localdate()
    if advice.organisation is None or membership_of(acting_user, advice.organisation, on) is None:
        raise ServiceError("Only a member of the organisation can take this request")
    with transaction.atomic():
        current = _locked_open(advice)
        if current.assigned_to_id not in (None, acting_user.pk):
            raise ServiceError(f"{current.assigned_to.display_name} is already doing this request")
        current.assigned_to = acting_user
        current.save(update_fields=["assigned_to"])
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=current.assessment.child,
                           obj=current, what="took advice request from the organisation's queue")
    return current


# -- organisations.handovers: a member leaves --------------------------------------------------------------------

def member_open_advice_count(membership) -> int:
    return _open(membership.organisation_id).filter(assigned_to_id=membership.user_id).count()


def member_advice_pass_on(membership, *, to_user, on: date, acting_user) -> int:
    """Hand a leaving member's open requests to ``to_user`` or back to the queue (None), each audited against its
    child, and tell ``to_user`` how many they were given. Called inside
    organisations.services.organisation_member_remove's transaction."""
    moved = []
    where = f"to {to_user.display_name}" if to_user is not None else "back to the queue"
    rows = (_open(membership.organisation_id).filter(assigned_to_id=membership.user_id)
            .select_for_update().select_related("assessment__child"))
    for advice in rows:
        advice.assigned_to = to_user
        advice.save(update_fields=["assigned_to"])
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=advice.assessment.child,
                           obj=advice, what=f"passed advice request {where}: {membership.user.display_name} "
                                            "left the organisation")
        moved.append(advice)
    member_tell_passed(moved, to_user=to_user)  # one message with how many; sent once the removal commits
    return len(moved)
