from __future__ import annotations

from django.db.models import QuerySet

from pathfinder.accounts.roles import Role
from pathfinder.assessments.models import AdviceRequest, Assessment


def assessment_get_for_child(child, assessment_id: int) -> Assessment | None:
    """The assessment, only if it belongs to this (already permission-checked) child."""
    return (
        Assessment.objects.filter(child=child, pk=assessment_id)
        .select_related("caseworker", "child")
        .prefetch_related("exceptions", "advice_requests", "advice_requests__adviser")
        .first()
    )


def advice_requests_for_adviser(user) -> QuerySet[AdviceRequest]:
    if user.role != Role.ADVISER:
        return AdviceRequest.objects.none()
    return (
        AdviceRequest.objects.filter(adviser=user)
        .select_related("assessment", "assessment__child")
        .order_by("received_on", "requested_on")
    )
