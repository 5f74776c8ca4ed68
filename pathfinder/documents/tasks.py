"""Background jobs for documents: the virus check. Run by `manage.py db_worker`; inline in tests."""

from __future__ import annotations

from django_tasks import task


@task()
def document_scan_task(document_id: int) -> str:
    """Scan one waiting document. Safe to run twice: a document already checked is left as it is."""
    from pathfinder.documents.services import document_scan

    return document_scan(document_id).status
