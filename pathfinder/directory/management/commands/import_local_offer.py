from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from config.jinja2env import plural
from pathfinder.directory.importers import directory_import_csv, directory_import_oruk_json


class Command(BaseCommand):
    help = "Import services from CSV or ORUK 3.0 JSON. All or nothing: any refused row means nothing is saved."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--format", choices=["csv", "oruk"], default=None)

    def handle(self, *args, path, format, **options):
        fmt = format or ("oruk" if path.lower().endswith(".json") else "csv")
        importer = directory_import_oruk_json if fmt == "oruk" else directory_import_csv

        def progress(done, total, stage):
            if done % 100 == 0 or done == total:
                self.stdout.write(f"{done} of {total} {stage}")

        with open(path, "rb") as handle:
            report = importer(handle, None, progress=progress)
        for number, reasons in report.refused:
            self.stderr.write(f"Row {number}: " + "; ".join(reasons))
        if report.refused:
            raise CommandError(f"Nothing imported: {plural(len(report.refused), 'row')} refused.")
        self.stdout.write(self.style.SUCCESS(f"Imported {plural(report.rows_ok, 'service')} ({report.created} new)."))
