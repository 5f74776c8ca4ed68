"""The demo's tests queue background work in the database, as `make run` does, instead of running it inline."""

from __future__ import annotations

import pytest
from django.test import override_settings

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def database_task_queue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the PDFs rendered at load
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture(scope="module")
def module_demo_settings(tmp_path_factory):
    """The same, for a demo built once for a whole module (see ``module_db`` in the root conftest)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"), TASKS=DATABASE_QUEUE):
        yield
