"""Try the virus check again on every file still waiting in quarantine (for example after clamd was down)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from pathfinder.documents import clamav
from pathfinder.documents.services import document_scan, documents_waiting


class Command(BaseCommand):
    help = "Scan the documents still waiting for a virus check (status 'scanning')."

    def handle(self, *args, **options) -> None:
        if not clamav.ping():
            self.stdout.write("The virus scanner (clamd) is not answering: the files keep waiting in quarantine.")
            return
        counts: dict[str, int] = {}
        for pk in list(documents_waiting().values_list("pk", flat=True)):
            status = document_scan(pk).status
            counts[status] = counts.get(status, 0) + 1
        self.stdout.write(", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "No files waiting.")
