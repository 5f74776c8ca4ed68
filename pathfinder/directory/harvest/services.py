"""Subscribe to a neighbour's ORUK feed, harvest it, and settle conflicts (the Local Offer officer's actions).

A harvest reads everything it needs first (pages of /services changed since the last harvest, then each new or
changed service in full); if the feed fails part-way (unreachable, a 500, not JSON, not ORUK) the run is marked
failed with the reason and nothing is saved. Each service is then checked with the same rules as a provider's
edit: one that fails is refused with the reason and the rest come in, in one transaction. A service changed here
since it was last harvested (its version moved on) is not overwritten: the feed's version waits as a conflict for
the officer to take or leave.
"""

from __future__ import annotations

import logging
import re
import uuid
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.core.errors import ServiceError
from pathfinder.directory.constants import OrganisationKind, RevisionStatus
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.harvest.client import FeedClient, FeedError
from pathfinder.directory.harvest.models import FeedSubscription, HarvestConflict, HarvestedService, HarvestRun
from pathfinder.directory.import_messages import oruk_problem
from pathfinder.directory.importers import _oruk_to_data
from pathfinder.directory.models import Organisation, Service, ServiceRevision

logger = logging.getLogger(__name__)
REMOTE_ID = re.compile(r"[A-Za-z0-9_.:-]{1,100}")  # an id we can put in a URL path and keep
STALE_RUN = timedelta(hours=2)
ALREADY_HERE = ("Already in our Local Offer with the same id: it started here, or came from another directory's "
                "feed, so it is not brought in twice.")  # a harvest "running" longer than this is taken to have died


def _require_officer(acting_user) -> None:
    if acting_user is not None and getattr(acting_user, "role", None) != Role.LOCAL_OFFER_OFFICER:
        raise ServiceError("Only the Local Offer officer can bring in services from other directories.")


def feed_subscription_create(*, acting_user, name: str, base_url: str,
                             client: FeedClient | None = None) -> FeedSubscription:
    """Subscribe to a feed once its base address answers as an ORUK 3.0 API (checked now, so a wrong address is
    refused with the reason rather than failing every night)."""
    _require_officer(acting_user)
    base_url = base_url.strip().rstrip("/") + "/"
    if FeedSubscription.objects.filter(base_url=base_url).exists():
        raise ServiceError("You already bring in services from this address.", field="base_url")
    try:
        (client or FeedClient(base_url)).discover()
    except FeedError as exc:
        raise ServiceError(exc.message, field="base_url") from None
    return FeedSubscription.objects.create(name=name.strip(), base_url=base_url, created_by=acting_user)


def harvest_run_queue(*, acting_user, subscription: FeedSubscription) -> HarvestRun:
    _require_officer(acting_user)
    return HarvestRun.objects.create(subscription=subscription, started_by=acting_user)


def feed_harvest(*, subscription: FeedSubscription, acting_user=None, run: HarvestRun | None = None,
                 client: FeedClient | None = None) -> HarvestRun:
    """Harvest one feed now. Returns the run, finished or failed, with its report."""
    _require_officer(acting_user)
    run = run or HarvestRun.objects.create(subscription=subscription, started_by=acting_user)
    started = timezone.now()
    if subscription.runs.filter(status=HarvestRun.Status.RUNNING, started_at__gt=started - STALE_RUN).exclude(
            pk=run.pk).exists():
        return _failed(run, "Another harvest of this directory is running. Wait for it to finish.")
    HarvestRun.objects.filter(pk=run.pk).update(status=HarvestRun.Status.RUNNING, started_at=started,
                                                changed_since=subscription.last_harvested_at)
    run.refresh_from_db()
    client = client or FeedClient(subscription.base_url)
    try:
        incoming = _read_feed(client, subscription)
        _write_all(run, subscription, incoming, acting_user, started)
    except FeedError as exc:
        return _failed(run, exc.message)
    except Exception:  # a surprise must not leave the run "running" or stop the next feed's harvest
        logger.exception("Harvest of %s failed", subscription.base_url)
        return _failed(run, "Something went wrong while saving, so nothing was brought in. Try again; if it "
                            "happens again, ask your administrator to look at the server's log.")
    return run


def _failed(run: HarvestRun, message: str) -> HarvestRun:
    HarvestRun.objects.filter(pk=run.pk).update(status=HarvestRun.Status.FAILED, message=message,
                                                finished_at=timezone.now(), items=[], added=0, updated=0,
                                                refused=0, conflicts=0, unchanged=0)
    run.refresh_from_db()
    return run


def _write_all(run, subscription, incoming, acting_user, started) -> None:
    """Write every checked service in one transaction: all of the harvest, or (on a failure) none of it."""
    with transaction.atomic():
        for remote_id, item, content, problems in incoming.changed:
            outcome = _write_one(run, subscription, remote_id, item, content, problems, acting_user)
            run.items.append(outcome)
            setattr(run, outcome["counter"], getattr(run, outcome["counter"]) + 1)
            del outcome["counter"]
        run.unchanged = incoming.unchanged
        run.status, run.finished_at = HarvestRun.Status.DONE, timezone.now()
        run.save()
        subscription.last_harvested_at = started
        subscription.save(update_fields=["last_harvested_at"])


class _Incoming:
    def __init__(self) -> None:
        self.changed: list[tuple[str, dict, ServiceContent | None, list[str]]] = []
        self.unchanged = 0


def _read_feed(client: FeedClient, subscription: FeedSubscription) -> _Incoming:
    feed = client.discover()
    links = {link.remote_id: link for link in subscription.services.all()}
    incoming = _Incoming()
    for page in client.service_pages(feed, subscription.last_harvested_at):
        for summary in page:
            remote_id = str(summary.get("id", "")) if isinstance(summary, dict) else ""
            if not REMOTE_ID.fullmatch(remote_id):
                name = str(summary.get("name", "")) if isinstance(summary, dict) else ""
                incoming.changed.append((remote_id[:100], {"name": name}, None,
                                         ["Id: missing, or not an id we can use (letters, digits, - _ . :)"]))
                continue
            link = links.get(remote_id)
            if link is not None and link.remote_modified and link.remote_modified == summary.get("last_modified"):
                incoming.unchanged += 1
                continue
            if link is None and _known_id(remote_id):  # refused without fetching it (see _write_one)
                incoming.changed.append((remote_id, {"name": summary.get("name", "")}, None, [ALREADY_HERE]))
                continue
            item = client.service(remote_id)
            content, problems = _checked_content(item)
            incoming.changed.append((remote_id, item, content, problems))
    return incoming


def _checked_content(item: dict[str, Any]) -> tuple[ServiceContent | None, list[str]]:
    problems: list[str] = []
    organisation = item.get("organization")
    if not isinstance(organisation, dict) or not organisation.get("name"):
        problems.append("Organization: every service needs its organisation, with a name")
    try:
        data = _oruk_to_data(item, problems)
    except (AttributeError, TypeError, ValueError):
        return None, [*problems, "Not an Open Referral UK service: a part has the wrong shape"]
    try:
        return ServiceContent.clean(data), problems
    except ServiceError as exc:
        return None, [*problems, oruk_problem(exc.field, exc.message)]


def _organisation(subscription: FeedSubscription, item: dict[str, Any]) -> Organisation:
    """The feed's organisation as ours, with an id fixed by the feed and its own id (found again next time)."""
    org = item.get("organization") or {}
    key = str(org.get("id") or org.get("name"))
    org_id = uuid.uuid5(subscription.pk, f"organisation:{key}")
    found, _ = Organisation.objects.get_or_create(
        id=org_id, defaults={"name": str(org.get("name"))[:200], "kind": OrganisationKind.OTHER,
                             "description": str(org.get("description") or "")},
    )
    return found


def _write_one(run, subscription, remote_id, item, content, problems, acting_user) -> dict[str, Any]:
    name = str(item.get("name") or "(no name)")[:200]
    if content is None or problems:
        return {"remote_id": remote_id, "name": name, "outcome": "refused", "reason": "; ".join(problems),
                "counter": "refused"}
    link = HarvestedService.objects.filter(subscription=subscription, remote_id=remote_id).select_related(
        "service").first()
    remote_modified = str(item.get("last_modified") or "")[:40]
    if link is not None and link.service.version != link.harvested_version:
        HarvestConflict.objects.create(run=run, link=link, incoming=content.to_data(), remote_modified=remote_modified)
        return {"remote_id": remote_id, "name": name, "outcome": "conflict", "service_id": str(link.service_id),
                "reason": "Changed here since it was last brought in: choose which version to keep.",
                "counter": "conflicts"}
    if link is None and _known_id(remote_id):
        return {"remote_id": remote_id, "name": name, "outcome": "refused", "counter": "refused",
                "reason": ALREADY_HERE}
    service = link.service if link else Service(organisation=_organisation(subscription, item))
    if link is None and _as_uuid(remote_id):
        service.pk = _as_uuid(remote_id)  # keep the id, so a feed that harvests ours back finds its own services
    _apply(service, content, acting_user)
    if link is None:
        HarvestedService.objects.create(service=service, subscription=subscription, remote_id=remote_id,
                                        remote_modified=remote_modified, harvested_version=service.version)
    else:
        link.remote_modified, link.harvested_version, link.harvested_at = (
            remote_modified, service.version, timezone.now())
        link.save()
    return {"remote_id": remote_id, "name": name, "outcome": "updated" if link else "added",
            "service_id": str(service.pk), "reason": "", "counter": "updated" if link else "added"}


def _as_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _known_id(remote_id: str) -> bool:
    """A service here already has this id: ours, or another feed's (two councils harvesting each other would
    otherwise pass copies of each other's services back and forth for ever)."""
    pk = _as_uuid(remote_id)
    return pk is not None and Service.objects.filter(pk=pk).exists()


def _apply(service: Service, content: ServiceContent, acting_user) -> None:
    """Make the content live (published, checked today) with an approved revision saying where it came from."""
    now = timezone.now()
    is_new = service._state.adding
    content.apply_to(service)
    service.is_published = True
    service.assured_date = timezone.localdate()
    service.last_modified = now
    if not is_new:
        service.version += 1
    service.save()
    last = service.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    ServiceRevision.objects.create(
        service=service, number=last + 1, data=content.to_data(), status=RevisionStatus.APPROVED,
        created_by=acting_user, submitted_by=acting_user, submitted_at=now, decided_by=acting_user, decided_at=now,
    )


def harvest_conflict_resolve(*, acting_user, conflict: HarvestConflict, take_theirs: bool) -> HarvestConflict:
    """Take the feed's version (it goes live and becomes the new harvested version) or keep ours (the next change
    in the feed is a conflict again, so a local edit is never lost silently)."""
    _require_officer(acting_user)
    with transaction.atomic():
        conflict = HarvestConflict.objects.select_for_update().select_related("link__service").get(pk=conflict.pk)
        if conflict.decision:
            raise ServiceError("This conflict has already been settled.")
        if take_theirs:
            service = conflict.link.service
            _apply(service, ServiceContent.from_data(conflict.incoming), acting_user)
            conflict.link.harvested_version = service.version
        conflict.link.remote_modified = conflict.remote_modified  # settled: not asked again until it changes
        conflict.link.save(update_fields=["harvested_version", "remote_modified"])
        conflict.decision = HarvestConflict.Decision.THEIRS if take_theirs else HarvestConflict.Decision.OURS
        conflict.decided_by, conflict.decided_at = acting_user, timezone.now()
        conflict.save()
    return conflict
