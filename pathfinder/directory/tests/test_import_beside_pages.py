"""While a large Local Offer import runs, other pages (signing in, the caseworker's home, the search, sending a
comment) all still work: none fails with "database is locked" or a lost session."""

from __future__ import annotations

import json
import runpy
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.backends.sqlite3.base import DatabaseWrapper

ROOT = Path(__file__).resolve().parents[3]


def _start_from_the_suites_schema(path: Path) -> None:
    """When the suite runs on SQLite, copy its migrated (and otherwise empty) database into the file, so the fresh
    process finds nothing to migrate: migrating an empty file costs more than the rest of the test. On PostgreSQL
    the file starts empty and the fresh process migrates it."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


@pytest.mark.django_db(transaction=True)  # copied outside any transaction (an open one would block the copy)
def test_pages_keep_working_beside_a_large_import(tmp_path):
    """On a real SQLite file shared by two connections, as the web process and the worker share it (the
    suite's own database is in memory, which SQLite locks differently, hence a fresh process)."""
    _start_from_the_suites_schema(tmp_path / "offer.db")
    run = subprocess.run(
        [sys.executable, "-m", "pathfinder.directory.tests.load_beside_import", str(tmp_path / "offer.db"), "500"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome["import"] == {"rows_ok": 500, "refused": 0}
    assert outcome["failures"] == []  # first: a page that failed also counts as no page loaded
    assert outcome["pages_during_import"] >= 9  # pages really were loaded while the import ran


def test_sqlite_waits_for_the_write_lock_rather_than_failing(tmp_path, monkeypatch, django_db_blocker):
    """With SQLite, a connection waits the 20 s of DATABASES OPTIONS for the write lock (a busy_timeout pragma once
    cut it to 5 s), and transactions take the lock when they begin, where that wait applies. Checked on the
    settings as SQLite would get them, whichever database this suite runs on."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'check.db'}")
    settings_dict = runpy.run_path(str(ROOT / "config" / "settings" / "base.py"))["DATABASES"]["default"]
    wrapper = DatabaseWrapper({**settings_dict, "TIME_ZONE": None, "AUTOCOMMIT": True, "ATOMIC_REQUESTS": False,
                               "CONN_HEALTH_CHECKS": False, "TEST": {}}, alias="busy-check")
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] == 20_000
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
        assert wrapper.transaction_mode == "IMMEDIATE"
    finally:
        wrapper.close()
