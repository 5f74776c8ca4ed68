"""Writing one page of a harvest in bulk: a few queries a page, not a few a service.

New services (the bulk of a first harvest, up to a national feed's 100,000) are written with bulk_create: their
organisations, the services, their terms, opening times, contacts, prices, venues, the approved revision saying
where they came from, and their links to the feed. Changed services are written in bulk too (harvest.updates: the
same result as `apply_one`, which an approval's `apply_to` and a conflict the officer settles still use, one
service at a time). A change to a service edited here since it was harvested is kept as a conflict for the
officer (with its history), never written.

The run's report keeps exact counts and, per outcome, the first ITEMS_KEPT services (a report of 100,000 names
helps nobody and would be rewritten with every page).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from pathfinder.core.errors import ServiceError
from pathfinder.directory.constants import Delivery, OrganisationKind, RevisionStatus
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.content_rules import LOCATION_FIELDS, SERVICE_FIELDS, parse_time
from pathfinder.directory.geo import postcode_points
from pathfinder.directory.harvest import updates
from pathfinder.directory.harvest.models import FeedSubscription, HarvestConflict, HarvestedService, HarvestRun
from pathfinder.directory.import_messages import oruk_problem
from pathfinder.directory.importers import _oruk_to_data
from pathfinder.directory.models import (
    Contact,
    CostOption,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    ServiceRevision,
    TaxonomyTerm,
)
from pathfinder.directory.search_vocabulary import search_words_add

BATCH = 500  # rows a bulk query writes at most
ITEMS_KEPT = 500  # services listed in the report per outcome
PAUSE_SECONDS = 0.05  # after each page on SQLite, so pages waiting for the write lock get it (import_writer)
COUNTERS = ("added", "updated", "unchanged", "refused", "conflicts", "withdrawn", "returned")


@dataclass
class Entry:
    """One service of a page: what the feed said and what we make of it."""

    remote_id: str
    name: str
    item: dict[str, Any] | None = None
    content: ServiceContent | None = None
    problems: list[str] = field(default_factory=list)
    link: HarvestedService | None = None
    unchanged: bool = False


class Report:
    """The run's counts and listed items, saved with each page (so a failure keeps the report of what was done)."""

    def __init__(self, run: HarvestRun) -> None:
        self.run = run
        self.counts = {name: getattr(run, name) for name in COUNTERS}
        self.pages = run.pages
        self.items: list[dict[str, Any]] = list(run.items)
        self.kept = {name: sum(1 for i in self.items if i.get("counter") == name) for name in COUNTERS}

    def add(self, counter: str, item: dict[str, Any] | None = None) -> None:
        self.counts[counter] += 1
        if item is not None and self.kept[counter] < ITEMS_KEPT:
            self.kept[counter] += 1
            self.items.append({**item, "counter": counter})

    def save(self, status: str) -> None:
        done = {"finished_at": timezone.now()} if status != HarvestRun.Status.RUNNING else {}
        HarvestRun.objects.filter(pk=self.run.pk).update(status=status, items=self.items, pages=self.pages,
                                                         **self.counts, **done)


def as_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def let_others_write() -> None:
    if connection.vendor == "sqlite":
        time.sleep(PAUSE_SECONDS)


def checked_content(item: dict[str, Any], known_terms: dict[str, str]) -> tuple[ServiceContent | None, list[str]]:
    """The feed's service checked with the same rules as a provider's edit: content, or why not."""
    problems: list[str] = []
    organisation = item.get("organization")
    if not isinstance(organisation, dict) or not organisation.get("name"):
        problems.append("Organization: every service needs its organisation, with a name")
    try:
        data = _oruk_to_data(item, problems, known_terms)
    except (AttributeError, TypeError, ValueError):
        return None, [*problems, "Not an Open Referral UK service: a part has the wrong shape"]
    try:
        return ServiceContent.clean(data, known_terms), problems
    except ServiceError as exc:
        return None, [*problems, oruk_problem(exc.field, exc.message)]


def write_page(run: HarvestRun, subscription: FeedSubscription, entries: list[Entry], acting_user,
               report: Report) -> list:
    """Write one page's entries (inside the caller's transaction). Returns the ids of services that changed."""
    changed: list = []
    new: list[Entry] = []
    updated: list[tuple[HarvestedService, ServiceContent, str]] = []
    conflicts: list[HarvestConflict] = []
    for entry in entries:
        link = entry.link
        if link is not None and link.gone_since is not None:
            changed += _came_back(link, report)
        if entry.unchanged:
            report.add("unchanged")
        elif entry.content is None or entry.problems:
            report.add("refused", {"remote_id": entry.remote_id, "name": entry.name[:200], "outcome": "refused",
                                   "reason": "; ".join(entry.problems)})
        elif link is not None and link.service.version != link.harvested_version:
            conflicts.append(HarvestConflict(run=run, link=link, incoming=entry.content.to_data(),
                                             remote_modified=_modified(entry)))
            report.add("conflicts", {"remote_id": entry.remote_id, "name": entry.name[:200], "outcome": "conflict",
                                     "service_id": str(link.service_id),
                                     "reason": "Changed here since it was last brought in: choose which version "
                                               "to keep."})
        elif link is not None:
            updated.append((link, entry.content, _modified(entry)))
            report.add("updated", _listed(entry, link.service_id, "updated"))
            changed.append(link.service_id)
        else:
            new.append(entry)
    if conflicts:  # simple-history: each conflict's history starts with its creation
        bulk_create_with_history(conflicts, HarvestConflict, batch_size=BATCH)
    if updated:
        updates.update_all(updated, acting_user)
    if new:
        changed += _create_all(subscription, new, acting_user, report)
    return changed


def _came_back(link: HarvestedService, report: Report) -> list:
    """Back in a complete listing after it was found gone: shown again if we had withdrawn it."""
    was_withdrawn = link.withdrawn
    HarvestedService.objects.filter(pk=link.pk).update(gone_since=None, withdrawn=False)
    link.gone_since, link.withdrawn = None, False
    if not was_withdrawn:
        return []
    Service.objects.filter(pk=link.service_id).update(is_published=True)
    report.add("returned", {"remote_id": link.remote_id, "name": link.service.name, "outcome": "returned",
                            "service_id": str(link.service_id), "reason": "Back in their directory: shown again."})
    return [link.service_id]


def _modified(entry: Entry) -> str:
    return str((entry.item or {}).get("last_modified") or "")[:40]


def _listed(entry: Entry, service_id, outcome: str) -> dict[str, Any]:
    return {"remote_id": entry.remote_id, "name": entry.name[:200], "outcome": outcome,
            "service_id": str(service_id), "reason": ""}


def apply_one(service: Service, content: ServiceContent, acting_user) -> None:
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


def _organisations(subscription: FeedSubscription, entries: list[Entry]) -> dict[uuid.UUID, Organisation]:
    """The feeds' organisations as ours, ids fixed by the feed and its own ids (found again next time)."""
    wanted: dict[uuid.UUID, Organisation] = {}
    for entry in entries:
        org = (entry.item or {}).get("organization") or {}
        org_id = _organisation_id(subscription, entry)
        wanted.setdefault(org_id, Organisation(id=org_id, name=str(org.get("name"))[:200],
                                               kind=OrganisationKind.OTHER,
                                               description=str(org.get("description") or "")))
    have = {o.pk: o for o in Organisation.objects.filter(pk__in=list(wanted))}
    Organisation.objects.bulk_create([o for pk, o in wanted.items() if pk not in have], batch_size=BATCH)
    return {**wanted, **have}


def _organisation_id(subscription: FeedSubscription, entry: Entry) -> uuid.UUID:
    org = (entry.item or {}).get("organization") or {}
    return uuid.uuid5(subscription.pk, f"organisation:{org.get('id') or org.get('name')}")


def _create_all(subscription: FeedSubscription, entries: list[Entry], acting_user, report: Report) -> list:
    """Every new service of the page, in bulk: a fixed number of queries whatever the page's size."""
    now, today = timezone.now(), timezone.localdate()
    organisations = _organisations(subscription, entries)
    term_names = {str(pk): name for pk, name in TaxonomyTerm.objects.filter(
        pk__in={t for e in entries for t in e.content.term_ids}).values_list("pk", "name")}
    services, children, venues, words = [], _Children(), [], []
    for entry in entries:
        content = entry.content
        org = organisations[_organisation_id(subscription, entry)]
        service = Service(id=as_uuid(entry.remote_id) or uuid.uuid4(), organisation=org, is_published=True,
                          assured_date=today, last_modified=now,
                          **{name: getattr(content, name) for name in SERVICE_FIELDS})
        delivery = set(content.delivery)
        service.in_person, service.online = Delivery.IN_PERSON in delivery, Delivery.ONLINE in delivery
        service.by_phone = Delivery.PHONE in delivery
        service.local_offer_answers = dict(content.local_offer_answers)
        terms = " ".join(term_names.get(t, "") for t in content.term_ids).strip()
        service.search_document = f"{org.name} {terms} {service.eligibility}".strip()
        services.append(service)
        children.add(service, content)
        venues += [(service, venue) for venue in content.locations]
        words.append(f"{service.name} {service.description} {service.search_document}")
    Service.objects.bulk_create(services, batch_size=BATCH)
    children.save()
    _create_venues(venues)
    ServiceRevision.objects.bulk_create([
        ServiceRevision(service=s, number=1, data=e.content.to_data(), status=RevisionStatus.APPROVED,
                        created_by=acting_user, submitted_by=acting_user, submitted_at=now, decided_by=acting_user,
                        decided_at=now) for s, e in zip(services, entries, strict=True)], batch_size=BATCH)
    HarvestedService.objects.bulk_create([
        HarvestedService(service=s, subscription=subscription, remote_id=e.remote_id, remote_modified=_modified(e),
                         harvested_version=s.version, harvested_at=now) for s, e in zip(services, entries, strict=True)
    ], batch_size=BATCH)
    search_words_add(*words)
    for service, entry in zip(services, entries, strict=True):
        report.add("added", _listed(entry, service.pk, "added"))
    return [s.pk for s in services]


class _Children:
    """A page's terms, opening times, contacts and prices, written with one bulk query each."""

    def __init__(self) -> None:
        self.attributes: list[ServiceAttribute] = []
        self.schedules: list[Schedule] = []
        self.contacts: list[Contact] = []
        self.prices: list[CostOption] = []

    def add(self, service: Service, content: ServiceContent) -> None:
        self.attributes += [ServiceAttribute(service=service, term_id=t) for t in content.term_ids]
        self.schedules += [Schedule(service=service, byday=s.byday, opens_at=parse_time(s.opens_at, "", ""),
                                    closes_at=parse_time(s.closes_at, "", ""), description=s.description)
                           for s in content.schedules]
        self.contacts += [Contact(service=service, **asdict(c)) for c in content.contacts]
        self.prices += [CostOption(service=service, option=c.option, amount=Decimal(c.amount) if c.amount else None,
                                   amount_description=c.amount_description) for c in content.cost_options]

    def save(self) -> None:
        for model, rows in ((ServiceAttribute, self.attributes), (Schedule, self.schedules),
                            (Contact, self.contacts), (CostOption, self.prices)):
            model.objects.bulk_create(rows, batch_size=BATCH)


def _create_venues(venues: list) -> None:
    """New services' venues: a location each (placed by its postcode where we know it) and its link."""
    points = postcode_points({venue.postcode for _, venue in venues if venue.postcode})
    locations = []
    for service, venue in venues:
        location = Location(organisation=service.organisation, **{f: getattr(venue, f) for f in LOCATION_FIELDS})
        point = points.get(location.postcode)  # None: kept, shown, but not found by distance until it is known
        if point is not None:
            location.latitude, location.longitude = point.latitude, point.longitude
        locations.append(location)
    Location.objects.bulk_create(locations, batch_size=BATCH)
    ServiceAtLocation.objects.bulk_create([ServiceAtLocation(service=service, location=location)
                                           for (service, _), location in zip(venues, locations, strict=True)],
                                          batch_size=BATCH)
