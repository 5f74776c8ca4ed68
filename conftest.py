"""Shared test set-up for every suite.

Faker speaks British English everywhere (names, addresses, postcodes in factories).
django-axes keeps failed sign-ins in the database (AxesDatabaseHandler), so each test's rollback or flush
already starts the next test with no lockouts; nothing else needs resetting.
"""

from __future__ import annotations

import factory

factory.Faker._DEFAULT_LOCALE = "en_GB"
