"""Writing a checked import in short transactions, all or nothing for the people who use the Local Offer.

Why: one transaction round a whole import held SQLite's single write lock for as long as the import ran, so every
other page that wrote (a session, an audit event) waited for it and then failed. Now:

1. every row has already been checked before anything is written (directory.importers refuses the whole file if
   any row is wrong);
2. rows are written BATCH_ROWS at a time, each batch in its own short transaction with a pause after it, so
   other writers wait a moment at most;
3. services new to the Local Offer are written unpublished, and published together in one last short
   transaction, so families never see half a file's new services;
4. if anything fails part-way (the database, the worker), everything written so far is undone: new services and
   organisations are deleted, and updated services get back the content, organisation and check date they had.

Updated services show their new content as their batch is written (seconds before the rest of the file), the one
thing a single transaction did better; if the worker process is killed outright, the undo cannot run and any new
services it had written stay unpublished (never public).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from pathfinder.directory.constants import RevisionStatus
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.models import Organisation, Service, ServiceRevision
from pathfinder.directory.public_cache import services_changed

BATCH_ROWS = 25  # a batch writes in well under a second, so pages waiting on the write lock barely notice
PAUSE_SECONDS = 0.2  # between batches on SQLite: see _let_others_write

#: progress(done, total, stage): `stage` is "checked" while rows are checked, "saved" while they are written.
Progress = Callable[[int, int, str], None]


@dataclass
class _Before:
    """An updated service as it was before the import, to put back if the import fails."""

    service_id: uuid.UUID
    content: ServiceContent
    organisation_id: Any
    is_published: bool
    assured_date: date | None
    last_modified: datetime


@dataclass
class _Written:
    """Everything an import has written so far, so that a failure can undo it."""

    new_services: list[uuid.UUID] = field(default_factory=list)
    new_organisations: list[Any] = field(default_factory=list)
    updated: list[_Before] = field(default_factory=list)
    revisions: list[uuid.UUID] = field(default_factory=list)

    def add(self, other: _Written) -> None:
        self.new_services += other.new_services
        self.new_organisations += other.new_organisations
        self.updated += other.updated
        self.revisions += other.revisions


def import_write(planned: list, acting_user, report, progress: Progress | None) -> None:
    """Write checked rows (directory.importers._Planned) in short batches, then publish the new services."""
    today, now = timezone.localdate(), timezone.now()
    written = _Written()
    organisations: dict[str, Organisation] = {}
    try:
        for start in range(0, len(planned), BATCH_ROWS):
            batch = _Written()
            with transaction.atomic():
                for offset, item in enumerate(planned[start : start + BATCH_ROWS], start=start + 1):
                    _write_row(item, acting_user, report, organisations, batch, today, now)
                    if progress:
                        progress(offset, len(planned), "saved")
            written.add(batch)
            _let_others_write()
        with transaction.atomic():
            Service.objects.filter(pk__in=written.new_services).update(is_published=True)
            services_changed([*written.new_services, *(before.service_id for before in written.updated)])
    except BaseException:
        _undo(written)
        raise


def _let_others_write() -> None:
    """Give pages waiting for SQLite's write lock their turn. SQLite does not queue waiting writers: each one polls
    (every 100 ms once it has waited a while), so a worker that begins its next batch the moment it commits can
    starve every page until their wait runs out ("database is locked"). PostgreSQL locks rows and needs no pause."""
    if connection.vendor == "sqlite":
        time.sleep(PAUSE_SECONDS)


def _write_row(item, acting_user, report, organisations: dict[str, Organisation], written: _Written,
               today: date, now: datetime) -> None:
    key = item.organisation["name"].strip().lower()
    org = organisations.get(key) or Organisation.objects.filter(
        name__iexact=item.organisation["name"].strip()).order_by("pk").first()
    if org is None:
        org = Organisation.objects.create(**item.organisation)
        written.new_organisations.append(org.pk)
    organisations[key] = org
    service = Service.objects.filter(pk=item.service_id).first() if item.service_id else None
    if service is None:
        service = Service(id=item.service_id, organisation=org) if item.service_id else Service(organisation=org)
        service.is_published = False  # published with the rest of the file's new services at the end
        report.created += 1
        is_new = True
    else:
        written.updated.append(_Before(service.pk, ServiceContent.from_service(service), service.organisation_id,
                                       service.is_published, service.assured_date, service.last_modified))
        service.organisation = org
        service.is_published = True
        report.updated += 1
        is_new = False
    item.content.apply_to(service)
    service.assured_date = today
    service.last_modified = now
    service.save()
    if is_new:
        written.new_services.append(service.pk)
    last = service.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    revision = ServiceRevision.objects.create(
        service=service, number=last + 1, data=item.content.to_data(), status=RevisionStatus.APPROVED,
        created_by=acting_user, submitted_by=acting_user, submitted_at=now, decided_by=acting_user, decided_at=now,
    )
    written.revisions.append(revision.pk)


def _undo(written: _Written) -> None:
    """Put the Local Offer back as it was before the import, a batch at a time."""
    for start in range(0, len(written.updated), BATCH_ROWS):
        with transaction.atomic():
            for before in written.updated[start : start + BATCH_ROWS]:
                service = Service.objects.filter(pk=before.service_id).first()
                if service is None:
                    continue
                service.organisation_id = before.organisation_id
                before.content.apply_to(service)
                service.is_published = before.is_published
                service.assured_date = before.assured_date
                service.last_modified = before.last_modified
                service.save()
    with transaction.atomic():
        # Pages drawn while the batches were in are out of date again once the undo commits.
        services_changed([*written.new_services, *(before.service_id for before in written.updated)])
        ServiceRevision.objects.filter(pk__in=written.revisions).delete()
        Service.objects.filter(pk__in=written.new_services).delete()
        Organisation.objects.filter(pk__in=written.new_organisations, services__isnull=True).delete()
