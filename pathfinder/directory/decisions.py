"""The Local Offer officer's decision on a submitted version: approve (it goes live) or send it back with a reason.

Like a draft save, a decision carries the version of the revision the officer read: if the provider changed it and
sent it again while the officer had the page open, the decision is refused, so the officer never approves (or
sends back) content they have not seen. Both are moves of the revision workflow (directory.revisions).
"""

from __future__ import annotations

from django.utils import timezone

from pathfinder.core.errors import ServiceError
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.models import Service, ServiceRevision
from pathfinder.directory.permissions import require_officer
from pathfinder.directory.public_cache import services_changed
from pathfinder.directory.revisions import STALE_DECISION, WORKFLOW

__all__ = ["STALE_DECISION", "service_approve", "service_reject"]


def service_approve(*, acting_user, revision: ServiceRevision, expected_version: int) -> Service:
    """Publish a submitted revision: its content becomes the live service, checked today."""
    require_officer(acting_user)

    def apply(current: ServiceRevision) -> None:
        service = current.service
        ServiceContent.from_data(current.data).recleaned().apply_to(service)
        now = timezone.now()
        service.is_published = True
        service.assured_date = timezone.localdate()
        service.assurer_email = acting_user.email or ""
        service.last_modified = now
        service.version += 1
        service.save(update_fields=["is_published", "assured_date", "assurer_email", "last_modified", "version"])
        current.decided_by = acting_user
        current.decided_at = now
        services_changed([service.pk])  # once this commits, its page, search and the API show it at once

    saved = WORKFLOW.transition(revision, "approve", acting_user=acting_user, expected_version=expected_version,
                                apply=apply, lock=_lock_service)
    return saved.service


def service_reject(*, acting_user, revision: ServiceRevision, reason: str, expected_version: int) -> ServiceRevision:
    """Send a submitted revision back to the provider with a reason. The live service does not change."""
    require_officer(acting_user)
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Say what needs to change, so the provider can put it right", field="reason")

    def apply(current: ServiceRevision) -> None:
        current.decided_by = acting_user
        current.decided_at = timezone.now()
        current.rejection_reason = reason

    return WORKFLOW.transition(revision, "reject", acting_user=acting_user, expected_version=expected_version,
                               apply=apply)


def _lock_service(current: ServiceRevision) -> None:
    """Lock the live service too, in the same transaction: approval writes it."""
    current.service = Service.objects.select_for_update().get(pk=current.service_id)
