"""Versions of a service: providers propose, the Local Offer officer decides. The one place a version's status changes.

    (new) ──▶ draft ──submit──▶ submitted ──approve──▶ approved   (its content becomes the live service)
                ▲                   │
                └───save_draft──────┤   saving a sent version takes it back to draft, to be sent again
                                    └──reject──▶ rejected          (sent back with a reason; nothing goes live)

    move        from                 to          done by
    save_draft  draft, submitted     draft       the provider (or officer) editing it   directory.drafts
    submit      draft                submitted   the provider (or officer)              service_submit
    approve     submitted            approved    the Local Offer officer                directory.decisions
    reject      submitted            rejected    the Local Offer officer                directory.decisions

Live rows change only on approval, so the public always sees approved content. Every version is kept with who did
what and when; each move checks the version the person saw (see core.workflow).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.workflow import Move, Workflow
from pathfinder.directory.constants import RevisionStatus as S
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.models import Organisation, Service, ServiceRevision
from pathfinder.directory.permissions import require_editor
from pathfinder.directory.public_cache import services_changed
from pathfinder.directory.selectors import organisations_for

STALE_SEND = ("This draft was changed after you opened this page, in another tab or by a colleague, so it was not "
              "sent. Check the changes below, then send it for approval again.")
STALE_DECISION = ("The provider changed this version after you opened it. Check the changes again, then approve "
                  "or send it back.")


class RevisionWorkflow(Workflow):
    """The revision table, refusing in the Local Offer's own words."""

    refusals = {
        "submit": "Only a draft can be sent for approval.",
        "approve": "This version is not waiting for approval.",
        "reject": "This version is not waiting for approval.",
    }

    def refusal(self, obj, move: Move) -> str:
        return self.refusals.get(move.action) or super().refusal(obj, move)


WORKFLOW = RevisionWorkflow(
    "Local Offer revision",
    (
        Move("save_draft", "Save the draft", (S.DRAFT, S.SUBMITTED), S.DRAFT),
        Move("submit", "Send for approval", (S.DRAFT,), S.SUBMITTED),
        Move("approve", "Approve the changes", (S.SUBMITTED,), S.APPROVED),
        Move("reject", "Send the changes back", (S.SUBMITTED,), S.REJECTED),
    ),
    noun="this version",
    stale_message=STALE_DECISION,
)


def open_revision_locked(service: Service) -> ServiceRevision | None:
    """The service's draft or submitted revision, locked for this transaction (None if nobody is working on one)."""
    return (
        ServiceRevision.objects.select_for_update()
        .filter(service=service, status__in=[S.DRAFT, S.SUBMITTED])
        .first()
    )


def next_number(service: Service) -> int:
    last = service.revisions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def service_create_draft(*, acting_user, organisation: Organisation, data: dict[str, Any]) -> ServiceRevision:
    """A new service for this organisation, saved as a draft (not public until the officer approves it)."""
    if not organisations_for(acting_user).filter(pk=organisation.pk).exists():
        raise ServiceError("You can only add services for your own organisation.")
    content = ServiceContent.clean(data)
    with transaction.atomic():
        service = Service(organisation=organisation, is_published=False)
        content.apply_to(service)
        return ServiceRevision.objects.create(
            service=service, number=1, data=content.to_data(), status=S.DRAFT, created_by=acting_user
        )


def service_submit(*, acting_user, revision: ServiceRevision, expected_version: int | None = None) -> ServiceRevision:
    """Send a draft to the Local Offer officer for approval.

    `expected_version` is the draft's version on the page the provider read before sending (the provider's form
    always sends it): if the draft was changed since, in another tab or by a colleague, the send is refused so that
    the officer never approves a version its sender did not see. The version goes up, so an editor opened before
    sending cannot quietly take it back to draft.
    """
    require_editor(acting_user, revision.service)

    def check(current: ServiceRevision) -> None:
        ServiceContent.from_data(current.data).recleaned()

    def apply(current: ServiceRevision) -> None:
        current.submitted_by = acting_user
        current.submitted_at = timezone.now()

    try:
        return WORKFLOW.transition(revision, "submit", acting_user=acting_user, expected_version=expected_version,
                                   check=check, apply=apply)
    except StaleEdit as stale:
        raise StaleEdit(STALE_SEND) from stale


def service_confirm_checked(*, acting_user, service: Service) -> Service:
    """The provider or officer confirms the published details are still right: the check date becomes today."""
    require_editor(acting_user, service)
    with transaction.atomic():
        service.assured_date = timezone.localdate()
        service.assurer_email = acting_user.email or ""
        service.save(update_fields=["assured_date", "assurer_email"])
        services_changed([service.pk])  # "last checked" on its page; a hidden service comes back
        return service


def revision_changes(revision: ServiceRevision) -> list[tuple[str, Any, Any]]:
    """(label, live value, proposed value) for every part of the service this revision changes."""
    proposed = ServiceContent.from_data(revision.data)
    return [(d.label, d.before, d.after) for d in proposed.differences(ServiceContent.from_service(revision.service))]
