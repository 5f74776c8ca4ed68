"""manage.py import_dfe_statistics PATH.zip|PATH.csv: the DfE's published EHC plan statistics, to compare with."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pathfinder.sen2.statistics import StatisticsRefused, statistics_import


class Command(BaseCommand):
    help = ("Import the DfE's 'Education, health and care plans' statistics (the ZIP from "
            "explore-education-statistics, or one of its CSV files). Replaces the figures for the years it holds.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="The ZIP or CSV file")

    def handle(self, *args, path: str, **options) -> None:
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"There is no file {path}.")
        try:
            result = statistics_import(file.read_bytes(), file.name)
        except StatisticsRefused as refused:
            raise CommandError(f"{refused} Nothing was imported.") from None
        years = ", ".join(str(year) for year in sorted(result.years)) or "none"
        self.stdout.write(f"Imported {result.figures:,} figures from {', '.join(result.files)} (years: {years}).")
