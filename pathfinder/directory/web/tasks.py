"""Bulk import in the background (django-tasks): run by `manage.py db_worker`; inline in tests (ImmediateBackend)."""

from __future__ import annotations

import io
from typing import Any

from django.core.cache import caches
from django_tasks import task

from pathfinder.accounts.models import User
from pathfinder.directory.importers import ImportReport, directory_import_csv, directory_import_oruk_json


def import_report_dict(report: ImportReport) -> dict[str, Any]:
    """The report as plain JSON, so it can be kept as the task's result."""
    return {"saved": report.saved, "rows_ok": report.rows_ok, "created": report.created, "updated": report.updated,
            "refused": [[number, list(problems)] for number, problems in report.refused]}


def import_progress_key(result_id: str) -> str:
    return f"directory-import:{result_id}"


def import_progress(result_id: str) -> dict[str, int] | None:
    """How many rows a running import has saved so far, if it has reported yet."""
    return caches["progress"].get(import_progress_key(result_id))


@task(takes_context=True)
def directory_import_run(context, *, file_kind: str, content: str, user_id: int) -> dict[str, Any]:
    """Import a CSV or ORUK JSON file for the officer; all or nothing, with a report of each refused row.

    Progress goes to a cache the web process can read (new services stay unpublished until the whole file is in;
    see directory.import_writer).
    """
    key = import_progress_key(str(context.task_result.id))

    def report_progress(done: int, total: int, stage: str) -> None:
        if done == total or done % 50 == 0:
            caches["progress"].set(key, {"done": done, "total": total, "stage": stage})

    user = User.objects.get(pk=user_id)
    importer = directory_import_csv if file_kind == "csv" else directory_import_oruk_json
    return import_report_dict(importer(io.StringIO(content), user, progress=report_progress))
