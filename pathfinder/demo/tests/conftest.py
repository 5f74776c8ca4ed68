"""The demo's tests queue background work in the database, as `make run` does, instead of running it inline."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def database_task_queue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the PDFs rendered at load
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

