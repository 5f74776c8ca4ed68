"""Subscribe to a neighbour's ORUK feed, harvest it, and settle conflicts (the Local Offer officer's actions).

Harvesting itself (page by page, in bulk, withdrawing what left the feed) is in harvest.harvesting and
harvest.writer; `feed_harvest` is named here too, as the officer's action. A service changed here since it was
last harvested (its version moved on) is never overwritten or withdrawn silently: the feed's change waits as a
conflict for the officer to take or leave, and who decided what, and when, stays on the conflict and its history.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from pathfinder.core.errors import ServiceError
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.harvest.client import FeedClient, FeedError
from pathfinder.directory.harvest.guard import AddressRefused, check_address
from pathfinder.directory.harvest.harvesting import feed_harvest, require_officer
from pathfinder.directory.harvest.models import FeedSubscription, HarvestConflict, HarvestedService, HarvestRun
from pathfinder.directory.harvest.writer import apply_one
from pathfinder.directory.models import Service
from pathfinder.directory.public_cache import services_changed

__all__ = ["feed_harvest", "feed_subscription_create", "harvest_conflict_resolve", "harvest_run_queue"]


def feed_subscription_create(*, acting_user, name: str, base_url: str, website: str = "",
                             client: FeedClient | None = None) -> FeedSubscription:
    """Subscribe to a feed once its base address is public and answers as an ORUK 3.0 API (checked now, so a wrong
    address is refused with the reason rather than failing every night)."""
    require_officer(acting_user)
    base_url = base_url.strip().rstrip("/") + "/"
    if FeedSubscription.objects.filter(base_url=base_url).exists():
        raise ServiceError("You already bring in services from this address.", field="base_url")
    try:
        check_address(base_url)
        (client or FeedClient(base_url)).discover()
    except AddressRefused as refused:
        raise ServiceError(refused.message, field="base_url") from None
    except FeedError as exc:
        raise ServiceError(exc.message, field="base_url") from None
    return FeedSubscription.objects.create(name=name.strip(), base_url=base_url, website=website.strip(),
                                           created_by=acting_user)


def harvest_run_queue(*, acting_user, subscription: FeedSubscription, full: bool = False) -> HarvestRun:
    """A harvest for the task worker; `full` reads every service, so those gone from the feed are withdrawn."""
    require_officer(acting_user)
    return HarvestRun.objects.create(subscription=subscription, started_by=acting_user, full=full)


def harvest_conflict_resolve(*, acting_user, conflict: HarvestConflict, take_theirs: bool) -> HarvestConflict:
    """Take the feed's version (it goes live and becomes the new harvested version; for a service gone from the
    feed, it is withdrawn) or keep ours (the next change in the feed is a conflict again, so a local edit is never
    lost silently). The decision, who made it and when, is kept on the conflict and in its history."""
    require_officer(acting_user)
    with transaction.atomic():
        conflict = HarvestConflict.objects.select_for_update().select_related("link__service").get(pk=conflict.pk)
        if conflict.decision:
            raise ServiceError("This conflict has already been settled.")
        link, service = conflict.link, conflict.link.service
        if take_theirs and conflict.kind == HarvestConflict.Kind.GONE:
            Service.objects.filter(pk=service.pk).update(is_published=False)
            HarvestedService.objects.filter(pk=link.pk).update(withdrawn=True)
        elif take_theirs:
            apply_one(service, ServiceContent.from_data(conflict.incoming), acting_user)
            link.harvested_version = service.version
        if conflict.kind == HarvestConflict.Kind.CHANGED:
            link.remote_modified = conflict.remote_modified  # settled: not asked again until it changes
            link.save(update_fields=["harvested_version", "remote_modified"])
        conflict.decision = HarvestConflict.Decision.THEIRS if take_theirs else HarvestConflict.Decision.OURS
        conflict.decided_by, conflict.decided_at = acting_user, timezone.now()
        conflict._history_user = acting_user  # simple-history: who, on the history row too
        conflict.save()
        services_changed([service.pk])
    return conflict
