from __future__ import annotations

from django.core.management.base import BaseCommand

from pathfinder.directory.exporters import directory_export_csv, directory_export_oruk_json


class Command(BaseCommand):
    help = "Write every public service as CSV or ORUK 3.0 JSON (to a file, or standard output)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "oruk"], default="csv")
        parser.add_argument("--output", default="-")

    def handle(self, *args, format, output, **options):
        text = directory_export_oruk_json() if format == "oruk" else directory_export_csv()
        if output == "-":
            self.stdout.write(text, ending="")
        else:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
