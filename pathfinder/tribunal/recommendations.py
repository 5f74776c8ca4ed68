"""Health and social care recommendations the Tribunal makes with an appeal, and the response each needs.

The Tribunal's recommendations are not binding, but the health body or the council must respond within the time
the law gives (``statutory.recommendation_response_due``), saying why if it will not follow one. The response
is recorded here and the clock sits on the caseworker's list until it is.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

import statutory
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.tribunal.models import Appeal, Recommendation
from pathfinder.tribunal.orders import STALE_MESSAGE


def recommendation_record(*, acting_user, appeal: Appeal, area: str, made_on: date, text: str) -> Recommendation:
    """Record a recommendation the Tribunal made; its response is due within the law's period from that day."""
    if not text.strip():
        raise ServiceError("Enter the recommendation, in the Tribunal's words.", field="text")
    if made_on < appeal.registered_on:
        raise ServiceError(f"A recommendation cannot be made before the appeal was registered "
                           f"({appeal.registered_on:%d %B %Y}).", field="made_on")
    with transaction.atomic():
        locked = Appeal.objects.select_for_update().get(pk=appeal.pk)  # a form sent twice waits, then finds it
        if locked.recommendations.filter(area=area, made_on=made_on, text=text.strip()).exists():
            raise ServiceError("This recommendation is already recorded.", field="text")
        row = Recommendation.objects.create(appeal=appeal, area=area, made_on=made_on, text=text.strip(),
                                            response_due=statutory.recommendation_response_due(made_on))
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=appeal.child, obj=row,
                           what=f"appeal {appeal.reference}: {row.get_area_display().lower()} recommendation")
    return row


def recommendation_response_record(
    *, acting_user, recommendation: Recommendation, expected_version: int, responded_on: date, will_follow: bool,
    response: str,
) -> Recommendation:
    """Record the response: whether the recommendation will be followed and, if not, the reasons."""
    if not will_follow and not response.strip():
        raise ServiceError("Give the reasons for not following the recommendation.", field="response")
    with transaction.atomic():
        row = Recommendation.objects.select_for_update().select_related("appeal__child").get(pk=recommendation.pk)
        if int(expected_version) != row.version:
            raise StaleEdit(STALE_MESSAGE)
        if responded_on < row.made_on:
            raise ServiceError(f"The response cannot be before the recommendation ({row.made_on:%d %B %Y}).",
                               field="responded_on")
        row.responded_on = responded_on
        row.will_follow = will_follow
        row.response = response.strip()
        row.version += 1
        row._change_reason = "Response recorded"
        row.save()
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=row.appeal.child, obj=row,
                           what=f"appeal {row.appeal.reference}: recommendation response recorded")
    return row
