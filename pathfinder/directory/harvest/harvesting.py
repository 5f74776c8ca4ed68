"""Harvesting one feed: page by page, each page saved in its own transaction, so a national feed runs in bounded
memory and a failure part-way keeps what was done.

For each page of /services: the page's links and known ids are read in one query each; the page's new and changed
services are fetched in full, a few at a time (harvest.details: network, outside any transaction), and checked;
then the page is written in bulk (harvest.writer and harvest.updates) and committed with the run's counts. If the feed fails part-way (unreachable, a 500, a response
past the size cap, not ORUK) the run stops with the reason and the pages already saved stay saved; the next run
asks again from the same point (`last_harvested_at` only moves on after a run that finished), and every service
saved before is found unchanged by its `last_modified` and skipped without being fetched, so it resumes cheaply.

Withdrawing services gone from the feed needs every id the feed holds, so it happens only after a complete listing:
a run that read every page without error and asked for everything (the first harvest, a feed that does not offer
`modified_after`, or a full run: `harvest_feeds --full` weekly, or "Check for removed services"). An incremental
run lists only what changed, so it never withdraws. Each page of a complete listing stamps its links as seen; links
not stamped by the end are gone: withdrawn from the public Local Offer (not deleted, shown again if they come back)
or, if edited here since they were harvested, left for the officer to decide.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from pathfinder.accounts.roles import Role
from pathfinder.core.errors import ServiceError
from pathfinder.directory.harvest import writer
from pathfinder.directory.harvest.client import FeedClient, FeedError, TooLarge
from pathfinder.directory.harvest.details import DetailFetcher
from pathfinder.directory.harvest.models import FeedSubscription, HarvestConflict, HarvestedService, HarvestRun
from pathfinder.directory.importers import known_term_taxonomies
from pathfinder.directory.models import Service
from pathfinder.directory.public_cache import services_changed

logger = logging.getLogger(__name__)
REMOTE_ID = re.compile(r"[A-Za-z0-9_.:-]{1,100}")  # an id we can put in a URL path and keep
STALE_RUN = timedelta(hours=2)  # a harvest "running" longer than this is taken to have died
ALREADY_HERE = ("Already in our Local Offer with the same id: it started here, or came from another directory's "
                "feed, so it is not brought in twice.")


def require_officer(acting_user) -> None:
    if acting_user is not None and getattr(acting_user, "role", None) != Role.LOCAL_OFFER_OFFICER:
        raise ServiceError("Only the Local Offer officer can bring in services from other directories.")


def feed_harvest(*, subscription: FeedSubscription, acting_user=None, run: HarvestRun | None = None,
                 client: FeedClient | None = None, full: bool = False) -> HarvestRun:
    """Harvest one feed now (`full`: ask for everything, so services gone from it can be withdrawn). Returns the
    run, finished or failed, with its report."""
    require_officer(acting_user)
    run = run or HarvestRun.objects.create(subscription=subscription, started_by=acting_user, full=full)
    full = full or run.full
    started = timezone.now()
    if subscription.runs.filter(status=HarvestRun.Status.RUNNING, started_at__gt=started - STALE_RUN).exclude(
            pk=run.pk).exists():
        return _failed(run, "Another harvest of this directory is running. Wait for it to finish.")
    client = client or FeedClient(subscription.base_url)
    try:
        feed = client.discover()
        since = None if full or not feed.offers_modified_after else subscription.last_harvested_at
        HarvestRun.objects.filter(pk=run.pk).update(status=HarvestRun.Status.RUNNING, started_at=started,
                                                    changed_since=since, full=since is None)
        run.refresh_from_db()
        report = writer.Report(run)
        with DetailFetcher(client) as details:
            for page in client.service_pages(feed, since):
                _harvest_page(details, subscription, run, report, page, acting_user, complete=since is None)
        with transaction.atomic():
            if since is None:
                _withdraw_gone(subscription, run, report, started)
            report.save(HarvestRun.Status.DONE)
            FeedSubscription.objects.filter(pk=subscription.pk).update(last_harvested_at=started)
        subscription.last_harvested_at = started
    except FeedError as exc:
        return _failed(run, exc.message)
    except Exception:  # a surprise must not leave the run "running" or stop the next feed's harvest
        logger.exception("Harvest of %s failed", subscription.base_url)
        return _failed(run, "Something went wrong while saving. Try again; if it happens again, ask your "
                            "administrator to look at the server's log.")
    run.refresh_from_db()
    return run


def _failed(run: HarvestRun, message: str) -> HarvestRun:
    """Stopped with the reason; the counts and items of pages already saved stay (they were committed)."""
    HarvestRun.objects.filter(pk=run.pk).update(status=HarvestRun.Status.FAILED, message=message,
                                                finished_at=timezone.now())
    run.refresh_from_db()
    return run


def _harvest_page(details: DetailFetcher, subscription: FeedSubscription, run: HarvestRun, report: writer.Report,
                  page: list, acting_user, *, complete: bool) -> None:
    """Read what this page needs (outside a transaction: the network is slow), then write it in one."""
    summaries = [s for s in page if isinstance(s, dict)]
    ids = [str(s.get("id", "")) for s in summaries if REMOTE_ID.fullmatch(str(s.get("id", "")))]
    links = {link.remote_id: link for link in HarvestedService.objects.filter(
        subscription=subscription, remote_id__in=ids).select_related("service__organisation")}
    new_uuids = [u for u in (writer.as_uuid(r) for r in ids if r not in links) if u is not None]
    taken = {str(pk) for pk in Service.objects.filter(pk__in=new_uuids).values_list("pk", flat=True)}
    known_terms = known_term_taxonomies()
    entries: list[writer.Entry | None] = []  # None: fetched in full below, in this place
    wanted: list[tuple[int, str, str, HarvestedService | None]] = []  # (its place, id, name, link)
    on_page: set[str] = set()
    for summary in page:
        remote_id = str(summary.get("id", "")) if isinstance(summary, dict) else ""
        name = str(summary.get("name", "")) if isinstance(summary, dict) else ""
        if not REMOTE_ID.fullmatch(remote_id):
            entries.append(writer.Entry(remote_id[:100], name, problems=[
                "Id: missing, or not an id we can use (letters, digits, - _ . :)"]))
            continue
        if remote_id in on_page:
            entries.append(writer.Entry(remote_id, name, problems=["Listed twice on the same page of the feed"]))
            continue
        on_page.add(remote_id)
        link = links.get(remote_id)
        if link is not None and link.remote_modified and link.remote_modified == summary.get("last_modified"):
            entries.append(writer.Entry(remote_id, name, link=link, unchanged=True))
            continue
        if link is None and str(writer.as_uuid(remote_id)) in taken:  # refused without fetching it
            entries.append(writer.Entry(remote_id, name, problems=[ALREADY_HERE]))
            continue
        wanted.append((len(entries), remote_id, name, link))
        entries.append(None)
    fetched = details.fetch([remote_id for _, remote_id, _, _ in wanted])
    for (place, remote_id, name, link), item in zip(wanted, fetched, strict=True):
        entries[place] = _entry(remote_id, name, link, item, known_terms)
    with transaction.atomic():
        changed = writer.write_page(run, subscription, [e for e in entries if e is not None], acting_user, report)
        if complete:
            HarvestedService.objects.filter(subscription=subscription, remote_id__in=ids).update(
                last_seen_at=run.started_at)
        report.pages += 1
        report.save(HarvestRun.Status.RUNNING)
        if changed:
            services_changed(changed)
    writer.let_others_write()


def _entry(remote_id: str, name: str, link: HarvestedService | None, item: dict | TooLarge,
           known_terms: dict[str, str]) -> writer.Entry:
    """A fetched service, checked (here, in the harvest's own thread: checking reads the database)."""
    if isinstance(item, TooLarge):  # refused on its own; the rest of the feed still comes in
        return writer.Entry(remote_id, name, problems=[item.message])
    content, problems = writer.checked_content(item, known_terms)
    return writer.Entry(remote_id, str(item.get("name") or name), item=item, content=content, problems=problems,
                        link=link)


def _withdraw_gone(subscription: FeedSubscription, run: HarvestRun, report: writer.Report,
                   started: datetime) -> None:
    """After a complete listing: services that came from this feed and were not in it are withdrawn (not deleted);
    one edited here since it was harvested waits for the officer instead, never withdrawn silently."""
    gone = (HarvestedService.objects.filter(subscription=subscription, gone_since__isnull=True)
            .exclude(last_seen_at=run.started_at).select_related("service"))
    withdrawn: list = []
    while batch := list(gone.order_by("pk")[:writer.BATCH]):  # each batch leaves `gone` (gone_since is set)
        edited = [link for link in batch if link.service.version != link.harvested_version]
        quiet = [link for link in batch if link.service.version == link.harvested_version]
        bulk_create_with_history([  # simple-history: the conflict's history starts with its creation
            HarvestConflict(run=run, link=link, kind=HarvestConflict.Kind.GONE, incoming=None) for link in edited],
            HarvestConflict)
        Service.objects.filter(pk__in=[link.service_id for link in quiet]).update(is_published=False)
        HarvestedService.objects.filter(pk__in=[link.pk for link in batch]).update(gone_since=started)
        HarvestedService.objects.filter(pk__in=[link.pk for link in quiet]).update(withdrawn=True)
        for link in edited:
            report.add("conflicts", {"remote_id": link.remote_id, "name": link.service.name, "outcome": "gone",
                                     "service_id": str(link.service_id),
                                     "reason": "Gone from their directory, but changed here: choose what to do."})
        for link in quiet:
            report.add("withdrawn", {"remote_id": link.remote_id, "name": link.service.name,
                                     "outcome": "withdrawn", "service_id": str(link.service_id),
                                     "reason": "No longer in their directory: taken off our Local Offer."})
        withdrawn += [link.service_id for link in quiet]
    if withdrawn:
        services_changed(withdrawn)
