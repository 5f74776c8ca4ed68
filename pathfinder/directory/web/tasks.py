"""Bulk import in the background (django-tasks): run by `manage.py db_worker`; inline in tests (ImmediateBackend)."""

from __future__ import annotations

import io
from typing import Any

from django_tasks import task

from pathfinder.accounts.models import User
from pathfinder.directory.importers import ImportReport, directory_import_csv, directory_import_oruk_json


def import_report_dict(report: ImportReport) -> dict[str, Any]:
    """The report as plain JSON, so it can be kept as the task's result."""
    return {"saved": report.saved, "rows_ok": report.rows_ok, "created": report.created, "updated": report.updated,
            "refused": [[number, list(problems)] for number, problems in report.refused]}


@task()
def directory_import_run(*, file_kind: str, content: str, user_id: int) -> dict[str, Any]:
    """Import a CSV or ORUK JSON file for the officer; all or nothing, with a report of each refused row."""
    user = User.objects.get(pk=user_id)
    importer = directory_import_csv if file_kind == "csv" else directory_import_oruk_json
    return import_report_dict(importer(io.StringIO(content), user))
