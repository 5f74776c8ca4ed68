"""A checked import is written in short transactions (so other pages are not locked out while it runs), new
services appear only when the whole file is in, and a failure part-way undoes everything it wrote."""

from __future__ import annotations

import io

import pytest
from django.db import connection

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory
from pathfinder.directory import import_writer
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.importers import directory_import_csv
from pathfinder.directory.models import Organisation, Service, ServiceRevision
from pathfinder.directory.selectors import services_public
from pathfinder.directory.tests.factories import OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

HEADER = "service_id,organisation_name,organisation_kind,name,description,is_free\n"


def _rows(count: int, organisation: str = "Wealdmoor Swim Trust") -> str:
    return "".join(f",{organisation},charity,Club {n:03d},A weekly club,yes\n" for n in range(count))


class _WritesPerTransaction:
    """Counts the writes inside each outermost transaction block (a savepoint inside the test's own transaction)."""

    def __init__(self) -> None:
        self.depth = 0
        self.blocks: list[int] = []

    def __call__(self, execute, sql, params, many, context):
        statement = sql.lstrip().upper()
        if statement.startswith("SAVEPOINT"):
            self.depth += 1
            if self.depth == 1:
                self.blocks.append(0)
        elif statement.startswith(("RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")):  # Django ends one either way
            self.depth -= 1
        elif self.depth >= 1 and statement.split(" ", 1)[0] in ("INSERT", "UPDATE", "DELETE"):
            self.blocks[-1] += 1
        return execute(sql, params, many, context)


def test_a_large_import_is_written_in_short_transactions():
    officer = LocalOfferOfficerFactory()
    counter = _WritesPerTransaction()
    with connection.execute_wrapper(counter):
        report = directory_import_csv(io.StringIO(HEADER + _rows(120)), officer)
    assert report.rows_ok == 120 and report.created == 120
    busy = [n for n in counter.blocks if n]
    assert len(busy) >= 120 // import_writer.BATCH_ROWS  # one transaction per batch (and one to publish)
    assert max(busy) < sum(busy) / 3  # no one transaction holds the lock for most of the import
    assert services_public().filter(name__startswith="Club ").count() == 120


def test_new_services_are_not_public_until_the_whole_file_is_in():
    officer = LocalOfferOfficerFactory()
    seen_public: list[int] = []

    def progress(done: int, total: int, stage: str) -> None:
        if stage == "saved" and done == import_writer.BATCH_ROWS * 2:  # two batches committed, more to come
            seen_public.append(services_public().filter(name__startswith="Club ").count())

    directory_import_csv(io.StringIO(HEADER + _rows(80)), officer, progress=progress)
    assert seen_public == [0]
    assert services_public().filter(name__startswith="Club ").count() == 80


def test_a_failure_part_way_undoes_everything_written(monkeypatch):
    officer = LocalOfferOfficerFactory()
    trust = OrganisationFactory(name="Old Trust")
    existing = ServiceFactory(organisation=trust, name="Existing club", description="As it was.", is_free=True)
    before = (existing.assured_date, existing.last_modified, existing.organisation_id)
    rows = (f"{existing.pk},New Trust,charity,Existing club renamed,Changed by the import,yes\n"
            + _rows(70, organisation="New Trust"))

    real_apply = ServiceContent.apply_to
    calls = {"n": 0}

    def failing_apply(content, service):
        calls["n"] += 1
        if calls["n"] == 60:  # in the third batch: two batches are already committed
            raise RuntimeError("the database went away")
        return real_apply(content, service)

    monkeypatch.setattr(ServiceContent, "apply_to", failing_apply)
    with pytest.raises(RuntimeError):
        directory_import_csv(io.StringIO(HEADER + rows), officer)

    assert list(Service.objects.values_list("name", flat=True)) == ["Existing club"]
    existing.refresh_from_db()
    assert (existing.description, existing.is_published) == ("As it was.", True)
    assert (existing.assured_date, existing.last_modified, existing.organisation_id) == before
    assert not Organisation.objects.filter(name="New Trust").exists()
    assert not ServiceRevision.objects.exists()
