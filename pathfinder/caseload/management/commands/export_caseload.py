"""manage.py export_caseload DIR: the whole caseload in the caseload template's CSV files."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from config.jinja2env import plural
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.caseload.export import caseload_export_files


class Command(BaseCommand):
    help = "Write the whole caseload as the caseload template's CSV files (the same files import_caseload reads)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="The folder to write children.csv, family.csv ... into")

    def handle(self, *args, directory, **options):
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        files = caseload_export_files()
        for name, text in files.items():
            (folder / name).write_bytes(text.encode("utf-8"))
        rows = sum(text.count("\r\n") - 1 for text in files.values())
        audit_event_record(acting_user=None, action=AuditAction.DOWNLOAD,
                           what=f"Whole caseload exported to CSV files on the server ({plural(rows, 'row')})")
        if options["verbosity"]:
            self.stdout.write(f"Wrote {plural(len(files), 'file')}, {plural(rows, 'row')}, to {folder}")
