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
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.models import Service, ServiceRevision
from pathfinder.directory.permissions import require_editor
from pathfinder.directory.revisions import WORKFLOW, next_number, open_revision_locked

NO_DRAFT = 0
STALE_MESSAGE = ("Someone else changed this draft while you had it open. Your changes are still below: check them "
                 "against the saved draft, then save again to replace it.")


@dataclass
class DraftStart:
    """What the editor shows: the content, the open revision (if any), the version to send back, and the
    rejected revision it starts from (if the officer sent the last version back)."""

    content: ServiceContent
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
        return DraftStart(content=ServiceContent.from_data(revision.data), revision=revision, version=revision.version)
    rejected = _rejected_since_published(service)
    if rejected is not None:
        return DraftStart(content=ServiceContent.from_data(rejected.data), revision=None, version=NO_DRAFT,
                          rejected=rejected)
    return DraftStart(content=ServiceContent.from_service(service), revision=None, version=NO_DRAFT)


class _Unchanged(Exception):
    """Raised inside the save to leave an unchanged draft exactly as it was (its version too)."""


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
    require_editor(acting_user, service)
    with transaction.atomic():
        revision = open_revision_locked(service)
        if revision is None:
            return _draft_start(acting_user, service, data, expected_version)
        cleaned: list[ServiceContent] = []

        def check(current: ServiceRevision) -> None:
            saved = ServiceContent.from_data(current.data)
            cleaned.append(ServiceContent.clean({**saved.to_data(), **data}))
            if cleaned[0] == saved:
                raise _Unchanged  # saved unchanged: the draft keeps its version (and a sent one stays sent)

        def apply(current: ServiceRevision) -> None:
            current.data = cleaned[0].to_data()
            current.submitted_at = None
            current.submitted_by = None

        try:
            return WORKFLOW.transition(revision, "save_draft", acting_user=acting_user,
                                       expected_version=int(expected_version), check=check, apply=apply)
        except StaleEdit:
            raise StaleEdit(STALE_MESSAGE) from None
        except _Unchanged:
            return revision


def _draft_start(acting_user, service: Service, data: dict[str, Any], expected_version: int) -> ServiceRevision | None:
    """The first save since the last decision: a new draft, from the version sent back or what is published."""
    if int(expected_version) != NO_DRAFT:
        raise StaleEdit(STALE_MESSAGE)
    rejected = _rejected_since_published(service)
    base = ServiceContent.from_data(rejected.data) if rejected is not None else ServiceContent.from_service(service)
    base_data = base.to_data()
    cleaned = ServiceContent.clean({**base_data, **data})
    if cleaned == ServiceContent.clean(base_data):
        return None  # nothing changed and nothing was being edited: no draft to start
    return ServiceRevision.objects.create(
        service=service, number=next_number(service), created_by=acting_user, version=NO_DRAFT + 1,
        data=cleaned.to_data(), status=RevisionStatus.DRAFT,
    )
