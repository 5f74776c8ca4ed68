"""The Local Offer officer's decision on a submitted version: approve (it goes live) or send it back with a reason.

Like a draft save, a decision carries the version of the revision the officer read: if the provider changed it and
sent it again while the officer had the page open, the decision is refused, so the officer never approves (or
sends back) content they have not seen.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.directory.constants import RevisionStatus
from pathfinder.directory.models import Service, ServiceRevision
from pathfinder.directory.services import _require_officer, service_apply, service_data_clean

STALE_DECISION = ("The provider changed this version after you opened it. Check the changes again, then approve "
                  "or send it back.")


def _submitted(revision: ServiceRevision, expected_version: int) -> ServiceRevision:
    """The revision, locked, if it is still waiting and unchanged since the officer read it."""
    locked = ServiceRevision.objects.select_for_update().select_related("service__organisation").get(pk=revision.pk)
    if locked.status != RevisionStatus.SUBMITTED:
        raise ServiceError("This version is not waiting for approval.")
    if int(expected_version) != locked.version:
        raise StaleEdit(STALE_DECISION)
    return locked


def service_approve(*, acting_user, revision: ServiceRevision, expected_version: int) -> Service:
    """Publish a submitted revision: its content becomes the live service, checked today."""
    _require_officer(acting_user)
    with transaction.atomic():
        revision = _submitted(revision, expected_version)
        service = revision.service
        cleaned = service_data_clean(revision.data)
        service_apply(service, cleaned)
        now = timezone.now()
        service.is_published = True
        service.assured_date = timezone.localdate()
        service.assurer_email = acting_user.email or ""
        service.last_modified = now
        service.version += 1
        service.save(update_fields=["is_published", "assured_date", "assurer_email", "last_modified", "version"])
        revision.status = RevisionStatus.APPROVED
        revision.decided_by = acting_user
        revision.decided_at = now
        revision.version += 1
        revision.save()
        return service


def service_reject(*, acting_user, revision: ServiceRevision, reason: str, expected_version: int) -> ServiceRevision:
    """Send a submitted revision back to the provider with a reason. The live service does not change."""
    _require_officer(acting_user)
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Say what needs to change, so the provider can put it right", field="reason")
    with transaction.atomic():
        revision = _submitted(revision, expected_version)
        revision.status = RevisionStatus.REJECTED
        revision.decided_by = acting_user
        revision.decided_at = timezone.now()
        revision.rejection_reason = reason
        revision.version += 1
        revision.save()
        return revision
