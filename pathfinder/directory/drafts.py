"""A provider's draft of a service: where editing starts, and saving it without overwriting someone else's save.

Like the plans, a draft carries a `version`: the editor sends back the version it was opened at, and a save against
a draft that has moved on since (someone else saved it, sent it for approval, or the officer decided on it) is
refused with a plain message, while the form keeps everything that was typed. "No draft yet" is version 0.

Editing after the officer sent a version back starts from that rejected version, not the published one, so the
provider corrects what they wrote rather than typing it all again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from pathfinder.core.errors import StaleEdit
from pathfinder.directory.constants import RevisionStatus
from pathfinder.directory.models import Service, ServiceRevision
from pathfinder.directory.services import (
    _next_number,
    _open_revision,
    _require_editor,
    service_data_clean,
    service_snapshot,
)

NO_DRAFT = 0
STALE_MESSAGE = ("Someone else changed this draft while you had it open. Your changes are still below: check them "
                 "against the saved draft, then save again to replace it.")


@dataclass
class DraftStart:
    """What the editor shows: the content, the open revision (if any), the version to send back, and the
    rejected revision it starts from (if the officer sent the last version back)."""

    data: dict[str, Any]
    revision: ServiceRevision | None
    version: int
    rejected: ServiceRevision | None = None


def _rejected_since_published(service: Service) -> ServiceRevision | None:
    """The latest revision, if it is one the officer sent back (so no approval has come after it)."""
    latest = service.revisions.exclude(status__in=[RevisionStatus.DRAFT, RevisionStatus.SUBMITTED]).order_by(
        "-number").first()
    return latest if latest is not None and latest.status == RevisionStatus.REJECTED else None


def draft_start(service: Service) -> DraftStart:
    """Where editing this service starts: the open draft, else the version sent back, else what is published."""
    revision = service.revisions.filter(status__in=[RevisionStatus.DRAFT, RevisionStatus.SUBMITTED]).first()
    if revision is not None:
        return DraftStart(data=revision.data, revision=revision, version=revision.version)
    rejected = _rejected_since_published(service)
    if rejected is not None:
        return DraftStart(data=rejected.data, revision=None, version=NO_DRAFT, rejected=rejected)
    return DraftStart(data=service_snapshot(service), revision=None, version=NO_DRAFT)


def service_draft_save(
    *, acting_user, service: Service, data: dict[str, Any], expected_version: int
) -> ServiceRevision | None:
    """Save proposed changes to the service's open draft (starting one if none), refusing a stale save.

    Returns None when there is no draft and the save changes nothing: an unchanged save starts no draft, so the
    officer is never asked to approve a "change" that changes nothing.

    `expected_version` is the draft's version when the editor was opened (NO_DRAFT if there was none). Keys missing
    from `data` keep their value in the draft (or the version sent back, or the published content). Saving a
    submitted revision takes it back to draft, so it must be sent again.
    """
    _require_editor(acting_user, service)
    with transaction.atomic():
        revision = _open_revision(service)
        current = revision.version if revision is not None else NO_DRAFT
        if int(expected_version) != current:
            raise StaleEdit(STALE_MESSAGE)
        if revision is not None:
            base = revision.data
        else:
            rejected = _rejected_since_published(service)
            base = rejected.data if rejected is not None else service_snapshot(service)
        cleaned = service_data_clean({**base, **data})
        if revision is not None and cleaned == revision.data:
            return revision  # saved unchanged: the draft keeps its version (and a sent one stays sent)
        if revision is None and cleaned == service_data_clean(base):
            return None  # nothing changed and nothing was being edited: no draft to start
        if revision is None:
            revision = ServiceRevision(service=service, number=_next_number(service), created_by=acting_user,
                                       version=NO_DRAFT)
        revision.data = cleaned
        revision.status = RevisionStatus.DRAFT
        revision.submitted_at = None
        revision.submitted_by = None
        revision.version += 1
        revision.save()
        return revision
