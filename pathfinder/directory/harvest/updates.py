"""Writing a page's changed services in bulk: a fixed number of queries a page, whatever its number of services.

What each changed service gets is exactly what `writer.apply_one` (ServiceContent.apply_to, then published,
checked today, its version one up, an approved revision saying where it came from) gives one service:

* its own fields, delivery flags and Schedule 2 answers (one bulk UPDATE);
* its terms: links to terms it no longer has deleted, links to new ones added (links kept are left alone);
* its opening times, contacts and prices deleted and made again from the feed's (as apply_to does);
* its venues: a venue with the id of a location the service is at (or of one of its organisation's) updates that
  location; any other is a new location (placed by its postcode where we know it); the service's other links to
  locations are deleted (the locations themselves are left, as apply_to leaves them);
* its search document (organisation, term names in the terms' own order, who it is for) and search words;
* the next revision number after its last, approved; its link to the feed stamped with the feed's last_modified
  and the version now live (so a later local edit is seen as a conflict).

The caller (writer.write_page) has already set aside conflicts (edited here) and refusals, and lists the outcomes.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import asdict
from decimal import Decimal

from django.db import connection
from django.db.models import Max
from django.utils import timezone

from pathfinder.directory.constants import Delivery, RevisionStatus
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.content_rules import LOCATION_FIELDS, SERVICE_FIELDS, parse_time
from pathfinder.directory.geo import postcode_points
from pathfinder.directory.harvest.models import HarvestedService
from pathfinder.directory.models import (
    Contact,
    CostOption,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    ServiceRevision,
    TaxonomyTerm,
)
from pathfinder.directory.search_vocabulary import search_words_add

BATCH = 500  # rows a bulk query writes at most
SERVICE_COLUMNS = (*SERVICE_FIELDS, "in_person", "online", "by_phone", "local_offer_answers", "is_published",
                   "assured_date", "last_modified", "version", "search_document")
LOCATION_COLUMNS = (*LOCATION_FIELDS, "latitude", "longitude")


def update_all(changes: list[tuple[HarvestedService, ServiceContent, str]], acting_user) -> None:
    """Make each (link, content, the feed's last_modified) live on the link's service (its organisation loaded)."""
    now, today = timezone.now(), timezone.localdate()
    services = [link.service for link, _, _ in changes]
    contents = [content for _, content, _ in changes]
    for service, content in zip(services, contents, strict=True):
        for name in SERVICE_FIELDS:
            setattr(service, name, getattr(content, name))
        delivery = set(content.delivery)
        service.in_person, service.online = Delivery.IN_PERSON in delivery, Delivery.ONLINE in delivery
        service.by_phone = Delivery.PHONE in delivery
        service.local_offer_answers = dict(content.local_offer_answers)
        service.is_published, service.assured_date, service.last_modified = True, today, now
        service.version += 1
    _replace_terms(services, contents)
    _replace_rows(services, contents)
    _replace_venues(services, contents)
    _search_documents(services, contents)
    update_rows(Service, services, SERVICE_COLUMNS)
    search_words_add(*(f"{s.name} {s.description} {s.search_document}" for s in services))
    last = dict(ServiceRevision.objects.filter(service__in=services).values("service_id")
                .annotate(last=Max("number")).values_list("service_id", "last"))
    ServiceRevision.objects.bulk_create([
        ServiceRevision(service=s, number=(last.get(s.pk) or 0) + 1, data=c.to_data(),
                        status=RevisionStatus.APPROVED, created_by=acting_user, submitted_by=acting_user,
                        submitted_at=now, decided_by=acting_user, decided_at=now)
        for s, c in zip(services, contents, strict=True)], batch_size=BATCH)
    links = []
    for link, _, modified in changes:
        link.remote_modified, link.harvested_version, link.harvested_at = modified, link.service.version, now
        links.append(link)
    update_rows(HarvestedService, links, ("remote_modified", "harvested_version", "harvested_at"))


def update_rows(model: type, rows: list, names: tuple[str, ...]) -> None:
    """What bulk_update writes, as one UPDATE statement run for each row (executemany: one query, one call into
    the driver). Django's bulk_update builds a CASE of every row for every column, and doing so cost a page more
    CPU than everything else it does together (measured: 20 of 30 seconds for 300 services)."""
    if not rows:
        return
    meta, quote = model._meta, connection.ops.quote_name
    fields = [meta.get_field(name) for name in names]
    sql = (f"UPDATE {quote(meta.db_table)} SET {', '.join(f'{quote(f.column)} = %s' for f in fields)} "
           f"WHERE {quote(meta.pk.column)} = %s")
    values = [[f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields]
              + [meta.pk.get_db_prep_value(row.pk, connection)] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def _replace_terms(services: list[Service], contents: list[ServiceContent]) -> None:
    """Links to terms no longer held deleted, links to new terms added; a link kept stays as it is."""
    wanted = {s.pk: {str(t) for t in c.term_ids} for s, c in zip(services, contents, strict=True)}
    have: dict[uuid.UUID, set[str]] = defaultdict(set)
    stale = []
    for pk, service_id, term_id in ServiceAttribute.objects.filter(service__in=services).values_list(
            "pk", "service_id", "term_id"):
        if str(term_id) in wanted[service_id]:
            have[service_id].add(str(term_id))
        else:
            stale.append(pk)
    if stale:
        ServiceAttribute.objects.filter(pk__in=stale).delete()
    ServiceAttribute.objects.bulk_create([
        ServiceAttribute(service=s, term_id=t) for s, c in zip(services, contents, strict=True)
        for t in dict.fromkeys(str(t) for t in c.term_ids) if t not in have[s.pk]], batch_size=BATCH)


def _replace_rows(services: list[Service], contents: list[ServiceContent]) -> None:
    """Opening times, contacts and prices: the old deleted, the feed's made (one DELETE and one INSERT each)."""
    for model in (Schedule, Contact, CostOption):
        model.objects.filter(service__in=services).delete()
    schedules, contacts, prices = [], [], []
    for service, content in zip(services, contents, strict=True):
        schedules += [Schedule(service=service, byday=s.byday, opens_at=parse_time(s.opens_at, "", ""),
                               closes_at=parse_time(s.closes_at, "", ""), description=s.description)
                      for s in content.schedules]
        contacts += [Contact(service=service, **asdict(c)) for c in content.contacts]
        prices += [CostOption(service=service, option=c.option, amount=Decimal(c.amount) if c.amount else None,
                              amount_description=c.amount_description) for c in content.cost_options]
    for model, rows in ((Schedule, schedules), (Contact, contacts), (CostOption, prices)):
        model.objects.bulk_create(rows, batch_size=BATCH)


def _as_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _replace_venues(services: list[Service], contents: list[ServiceContent]) -> None:
    """Each venue onto the location it names (the service's own, or its organisation's), else a new location; the
    service's links to locations it no longer has deleted."""
    own: dict[uuid.UUID, dict[str, ServiceAtLocation]] = defaultdict(dict)
    for sal in ServiceAtLocation.objects.filter(service__in=services).select_related("location"):
        own[sal.service_id][str(sal.location_id)] = sal
    named = {u for c in contents for v in c.locations if v.id for u in [_as_uuid(v.id)] if u is not None}
    named -= {sal.location_id for links in own.values() for sal in links.values()}
    others = {str(loc.pk): loc for loc in Location.objects.filter(pk__in=named)} if named else {}
    points = postcode_points({v.postcode for c in contents for v in c.locations if v.postcode})
    changed: dict[uuid.UUID, Location] = {}
    made: list[Location] = []
    kept: set[uuid.UUID] = set()
    links: dict[tuple[uuid.UUID, uuid.UUID], ServiceAtLocation] = {}
    for service, content in zip(services, contents, strict=True):
        for venue in content.locations:
            sal = own[service.pk].get(venue.id) if venue.id else None
            location = sal.location if sal is not None else None
            if location is None and venue.id:
                other = changed.get(_as_uuid(venue.id)) or others.get(venue.id)  # type: ignore[arg-type]
                location = other if other is not None and other.organisation_id == service.organisation_id else None
            if location is None:
                location = Location(organisation=service.organisation)
                made.append(location)
            else:
                changed[location.pk] = location
            for f in LOCATION_FIELDS:
                setattr(location, f, getattr(venue, f))
            point = points.get(location.postcode) if location.postcode else None
            location.latitude, location.longitude = (point.latitude, point.longitude) if point else (None, None)
            if sal is not None:
                kept.add(sal.pk)
            else:
                links.setdefault((service.pk, location.pk), ServiceAtLocation(service=service, location=location))
    update_rows(Location, list(changed.values()), LOCATION_COLUMNS)
    Location.objects.bulk_create(made, batch_size=BATCH)
    ServiceAtLocation.objects.filter(service__in=services).exclude(pk__in=kept).delete()
    ServiceAtLocation.objects.bulk_create(list(links.values()), batch_size=BATCH)


def _search_documents(services: list[Service], contents: list[ServiceContent]) -> None:
    """As ServiceContent.apply_to: organisation, term names (in the terms' own order), who it is for."""
    ordered = list(TaxonomyTerm.objects.filter(pk__in={t for c in contents for t in c.term_ids})
                   .values_list("pk", "name"))
    for service, content in zip(services, contents, strict=True):
        held = {str(t) for t in content.term_ids}
        terms = " ".join(name for pk, name in ordered if str(pk) in held)
        service.search_document = f"{service.organisation.name} {terms} {service.eligibility}".strip()
