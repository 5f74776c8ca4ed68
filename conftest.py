"""Shared test set-up for every suite.

Faker speaks British English everywhere (names, addresses, postcodes in factories).
django-axes keeps failed sign-ins in the database (AxesDatabaseHandler), so each test's rollback or flush
already starts the next test with no lockouts; nothing else needs resetting.
"""

from __future__ import annotations

import factory
import pytest

factory.Faker._DEFAULT_LOCALE = "en_GB"


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
