"""Documents' daily job (run by `manage.py run_daily_jobs`, see pathfinder.core.daily_jobs)."""

from __future__ import annotations

from datetime import date

from config.jinja2env import plural
from pathfinder.core.daily_jobs import register_daily_job


@register_daily_job("documents_scan_waiting", "Try the virus check again on files still waiting in quarantine")
def documents_scan_waiting(today: date) -> str:
    from pathfinder.documents import clamav
    from pathfinder.documents.services import document_scan, documents_waiting

    waiting = list(documents_waiting().values_list("pk", flat=True))
    if not waiting:
        return "No files waiting"
    if not clamav.ping():
        # Files in quarantine are safe, but they cannot be opened until the scanner answers: a failure to act on.
        raise RuntimeError(f"The virus scanner (clamd) is not answering: {plural(len(waiting), 'file')} in quarantine")
    counts: dict[str, int] = {}
    for pk in waiting:
        status = document_scan(pk).status
        counts[status] = counts.get(status, 0) + 1
    return ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
