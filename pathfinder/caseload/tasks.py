"""Caseload imports in the background (django-tasks): run by `manage.py db_worker`; inline in tests."""

from __future__ import annotations

from datetime import timedelta

from django.core.cache import caches
from django.core.files.storage import storages
from django_tasks import task

from pathfinder.caseload.loading import source_from_bytes
from pathfinder.caseload.models import ImportRun, ImportStatus
from pathfinder.caseload.reading import FileRefused
from pathfinder.caseload.services import caseload_import, run_failed, run_refused_file

UPLOADS = "caseload-imports"
KEEP_CHECKED_UPLOADS = timedelta(hours=48)  # time to read the dry run's report and choose to import


def old_uploads_delete(now) -> int:
    """Delete the uploaded files of dry runs nobody went on to import (a council's whole caseload should not lie
    about): called when a new file is uploaded. Returns how many were deleted."""
    storage = storages["documents"]
    stale = ImportRun.objects.exclude(upload_path="").filter(created_at__lt=now - KEEP_CHECKED_UPLOADS)
    paths = set(stale.values_list("upload_path", flat=True))
    for path in paths:
        storage.delete(path)
    ImportRun.objects.filter(upload_path__in=paths).update(upload_path="")
    return len(paths)


def progress_key(run_id: int) -> str:
    return f"caseload-import:{run_id}"


def import_progress(run_id: int) -> dict | None:
    """How far a running import has got ({"stage", "done", "total"}), if it has said yet."""
    return caches["progress"].get(progress_key(run_id))


@task()
def caseload_import_run(run_id: int) -> str:
    """Check (and for a real run, write) an uploaded file. Progress goes to a cache the web process reads; the
    real run is one transaction, so its own rows are not visible until it ends."""
    run = ImportRun.objects.get(pk=run_id)
    key = progress_key(run_id)

    def progress(stage: str, done: int, total: int) -> None:
        caches["progress"].set(key, {"stage": stage, "done": done, "total": total}, timeout=3600)

    storage = storages["documents"]
    try:
        with storage.open(run.upload_path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        run_refused_file(run, FileRefused(run.file_name, "The uploaded file is no longer here: upload it again"))
        return run.status
    try:
        source = source_from_bytes(run.file_name, data, run.format)
    except FileRefused as refused:
        run_refused_file(run, refused)
        return run.status
    try:
        caseload_import(source, run=run, progress=progress)
    except Exception as error:  # never leave the page waiting: the run says it failed (the write rolled back)
        run_failed(run, f"The import stopped and nothing was written: {error}")
        raise
    if run.status == ImportStatus.IMPORTED:
        storage.delete(run.upload_path)  # the records are in; the council's file is not kept
        ImportRun.objects.filter(upload_path=run.upload_path).update(upload_path="")
    return run.status
