"""Shared test set-up for every suite.

Faker speaks British English everywhere (names, addresses, postcodes in factories).
django-axes keeps failed sign-ins in the database (AxesDatabaseHandler), so each test's rollback or flush
already starts the next test with no lockouts. Rate-limit counts (the API throttle, failed sign-ins per
address) live in the default cache, which `_fresh_cache` empties around every test.
"""

from __future__ import annotations

import factory
import pytest

factory.Faker._DEFAULT_LOCALE = "en_GB"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with no rate-limit counts, whichever tests ran before it in this process."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _reference_data(request: pytest.FixtureRequest, _django_db_marker: None) -> None:
    """Give every database test the reference data that migrations seed.

    Transactional tests (the browser journeys) empty every table when they finish, which would take the
    Local Offer's taxonomies and information pages away from whichever database tests run after them.
    """
    uses_db = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db"} & set(request.fixturenames)
    )
    if not uses_db:
        return  # the database is open only for tests that asked for it (the marker or a db fixture)
    from pathfinder.directory.reference_data import ensure_reference_data

    ensure_reference_data()


@pytest.fixture
def migrator(tmp_path, settings, django_db_blocker):
    """An empty scratch database a migration test moves through old states (pathfinder/core/tests/scratch_database).

    Every query in the test goes there (a router), so the suite's own database is never migrated backwards.
    """
    from pathfinder.core.tests.scratch_database import ScratchMigrator

    with django_db_blocker.unblock():
        scratch = ScratchMigrator(tmp_path)
        settings.DATABASE_ROUTERS = ["pathfinder.core.tests.scratch_database.ScratchRouter"]
        try:
            yield scratch
        finally:
            settings.DATABASE_ROUTERS = []
            scratch.drop()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """The database, open for a module-scoped fixture that builds rows every test of its module only reads.

    Built and committed once for the module instead of once for every test (a demo county takes half a minute).
    Each test still runs in its own transaction, so what a test changes is undone after it; the module's rows are
    flushed when its tests are done, as the browser journeys flush theirs. `make test` runs the suite with
    ``--dist loadfile`` so that one worker runs a module's tests together and builds its rows once.
    """
    from django.core.management import call_command

    from pathfinder.directory.reference_data import ensure_reference_data

    with django_db_blocker.unblock():
        ensure_reference_data()  # an earlier module's flush took it away
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)
