"""A scratch database for migration tests: migrated forward from empty to the old state a test needs.

Why: a migration test used to move the suite's own database backwards from the latest migration to the old state,
then forwards again, then back to the latest, so that later tests found the schema they expect. Django works out
the models' state for every migration each way, and that took four to five minutes a test on this machine. A
scratch database starts empty, so reaching the old state is one forward pass over only the migrations it depends
on, and nothing has to be put back afterwards: the database is dropped.

While a test holds it, a database router sends every query (the test's own, and each data migration's) to the
scratch database, so the historical models a test gets from ``migrate`` read and write there with no ``using()``.
SQLite gets a file in the test's temporary folder; PostgreSQL a database of its own, made and dropped through the
server's maintenance database as Django's own test database is.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.apps.registry import Apps
from django.db import connections
from django.db.migrations.executor import MigrationExecutor

ALIAS = "migration_scratch"


class ScratchRouter:
    """Every read, write and migration goes to the scratch database while a migration test runs."""

    def db_for_read(self, model, **hints) -> str:
        return ALIAS

    def db_for_write(self, model, **hints) -> str:
        return ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True

    def allow_migrate(self, db, app_label, **hints) -> bool:
        return db == ALIAS


class ScratchMigrator:
    """An empty database of the suite's own kind, and the one call a test needs: migrate it to some targets."""

    def __init__(self, folder: Path) -> None:
        default = connections.settings["default"]
        self.vendor_is_sqlite = default["ENGINE"].endswith("sqlite3")
        name = str(folder / "scratch.sqlite3") if self.vendor_is_sqlite else f"test_scratch_{uuid.uuid4().hex[:12]}"
        self.settings_dict = {**default, "NAME": name, "TEST": {**default.get("TEST", {}), "NAME": name}}
        if not self.vendor_is_sqlite:
            self._maintenance(f'CREATE DATABASE "{name}"')
        connections.settings[ALIAS] = self.settings_dict

    def migrate(self, targets: list[tuple[str, str]]) -> Apps:
        """Move the scratch database to ``targets`` (forwards or back) and give the models as they were there."""
        executor = MigrationExecutor(connections[ALIAS])
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    def leaf_nodes(self) -> list[tuple[str, str]]:
        """Every app's latest migration, as the code has them now."""
        return MigrationExecutor(connections[ALIAS]).loader.graph.leaf_nodes()

    def drop(self) -> None:
        if ALIAS in connections:
            connections[ALIAS].close()
            del connections[ALIAS]
        connections.settings.pop(ALIAS, None)
        if not self.vendor_is_sqlite:
            self._maintenance(f'DROP DATABASE IF EXISTS "{self.settings_dict["NAME"]}" WITH (FORCE)')

    @staticmethod
    def _maintenance(sql: str) -> None:
        """Run a statement that may not run inside a transaction, on the server's maintenance database."""
        with connections["default"]._nodb_cursor() as cursor:
            cursor.execute(sql)
