"""Advisers' involvements with a child: asking a professional for advice lets them see the child's record.

Advice asked of an organisation (a school, an NHS service) involves the organisation, not one person: its members
on the day see the child (people.selectors.children_visible_to), so access survives a SENCO leaving and ends at
once for a colleague who is removed.

Why here and not in people: the advice request is an assessments record, so assessments decides when it
grants access and calls people's involvement services (people never imports assessments). The adviser is
involved from the day advice is asked for until PATHFINDER_ADVISER_ACCESS_AFTER_ADVICE_DAYS after it is
received (see config/settings/base.py for why).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from pathfinder.assessments.facts import ADVICE_SHORT_NAMES
from pathfinder.assessments.models import AdviceRequest
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import involvement_end_for_source, involvement_for_source
from pathfinder.people.models import Involvement

ADVICE_SOURCE = "assessments.advicerequest"


def adviser_access_ends_on(received_on: date | None) -> date | None:
    """The first day the adviser can no longer see the child: the set number of days after their advice is
    received; none while it is awaited."""
    if received_on is None:
        return None
    return received_on + timedelta(days=settings.PATHFINDER_ADVISER_ACCESS_AFTER_ADVICE_DAYS)


def _starts_on(advice: AdviceRequest) -> date:
    return advice.requested_on or advice.received_on or advice.assessment.received_on


def _reason(advice: AdviceRequest) -> str:
    kind = ADVICE_SHORT_NAMES.get(advice.kind, "advice")
    reason = f"Asked for {kind} on {_starts_on(advice):%-d %B %Y}"
    if advice.organisation_id is not None:
        reason = f"{advice.organisation.name} was asked for {kind} on {_starts_on(advice):%-d %B %Y}"
    if advice.received_on:
        reason += f"; the advice was received on {advice.received_on:%-d %B %Y}"
    return reason


def adviser_involvement_refresh(advice: AdviceRequest) -> Involvement | None:
    """Keep the adviser's involvement in step with the advice request: call it when advice is asked for and
    when it is received. Advice asked of an organisation involves the organisation; advice from someone
    without a Pathfinder sign-in grants nothing."""
    if advice.organisation_id is not None:
        return involvement_for_source(
            child=advice.assessment.child, capacity=InvolvementCapacity.ADVISER, organisation=advice.organisation,
            source_type=ADVICE_SOURCE, source_id=advice.pk, starts_on=_starts_on(advice),
            ends_on=adviser_access_ends_on(advice.received_on), reason=_reason(advice),
        )
    if advice.adviser_id is None:
        involvement_end_for_source(capacity=InvolvementCapacity.ADVISER, source_type=ADVICE_SOURCE,
                                   source_id=advice.pk, on=_starts_on(advice))
        return None
    return involvement_for_source(
        child=advice.assessment.child, capacity=InvolvementCapacity.ADVISER, user=advice.adviser,
        source_type=ADVICE_SOURCE, source_id=advice.pk, starts_on=_starts_on(advice),
        ends_on=adviser_access_ends_on(advice.received_on), reason=_reason(advice),
    )


def advice_involvements_rebuild() -> int:
    """Make every adviser involvement again from the advice requests as they are now.

    Why: the demo county writes advice requests with bulk_create and update(), which bypass the services.
    Returns how many involvements were made.
    """
    rows = []
    with transaction.atomic():
        Involvement.objects.filter(capacity=InvolvementCapacity.ADVISER, source_type=ADVICE_SOURCE).delete()
        advice = (AdviceRequest.objects.filter(Q(adviser__isnull=False) | Q(organisation__isnull=False))
                  .select_related("assessment", "organisation"))
        for request in advice.iterator(chunk_size=2000):
            by_organisation = request.organisation_id is not None
            rows.append(Involvement(
                child_id=request.assessment.child_id, capacity=InvolvementCapacity.ADVISER,
                user_id=None if by_organisation else request.adviser_id,
                organisation_id=request.organisation_id, starts_on=_starts_on(request),
                ends_on=adviser_access_ends_on(request.received_on), reason=_reason(request),
                source_type=ADVICE_SOURCE, source_id=str(request.pk),
            ))
        Involvement.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
