"""manage.py import_caseload --dry-run|--commit --format csv DIR | --format sen2 FILE"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from config.jinja2env import plural
from pathfinder.accounts.models import User
from pathfinder.caseload.loading import source_from_path
from pathfinder.caseload.models import ImportFormat, ImportRun, ImportStatus
from pathfinder.caseload.reading import FileRefused
from pathfinder.caseload.services import caseload_import, report_csv, run_refused_file


class ProgressBar:
    """A bar on standard error, redrawn at most ten times a second."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        share = done / total if total else 1
        bar = "#" * int(share * 30)
        self.stream.write(f"\r{stage.capitalize():<9} [{bar:<30}] {done:>9,} of {total:,}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = ("Import a council's caseload from the caseload template's CSV files (a folder or a ZIP) or from its "
            "last SEN2 return (XML). A dry run checks every row and writes nothing; --commit writes it all or nothing.")

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--dry-run", action="store_true", help="Check every row and report; write nothing")
        mode.add_argument("--commit", action="store_true", help="Check, then write everything (all or nothing)")
        parser.add_argument("--format", choices=[f.value for f in ImportFormat], required=True)
        parser.add_argument("path", help="The folder (or ZIP) of CSV files, or the SEN2 XML file")
        parser.add_argument("--source-system", default="", help="Names the legacy system the ids come from "
                            "(default: legacy for CSV, sen2 for SEN2); a later import with the same name updates")
        parser.add_argument("--team", default="", help="The team for children whose row names none (made if new)")
        parser.add_argument("--la-code", default="", help="The council's DfE code, for rows that give none")
        parser.add_argument("--user", default="", help="Username recorded as having run the import")
        parser.add_argument("--report", default="", help="Write every refused row and warning to this CSV file")

    def handle(self, *args, dry_run, commit, format, path, source_system, team, la_code, user, report, **options):
        user_row = User.objects.filter(username=user).first() if user else None
        if user and user_row is None:
            raise CommandError(f"There is no user {user!r}")
        run = ImportRun.objects.create(
            format=format, source_system=source_system or ("sen2" if format == ImportFormat.SEN2 else "legacy"),
            file_name=Path(path).name[:255], commit=commit, started_by=user_row, team_name=team,
        )
        try:
            source = source_from_path(Path(path), format)
        except FileRefused as refused:
            run_refused_file(run, refused)
            raise CommandError(run.message) from None
        run = caseload_import(source, run=run, la_code=la_code, progress=ProgressBar(self.stderr._out))
        self._summary(run)
        if report:
            Path(report).write_text(report_csv(run), encoding="utf-8")
            self.stdout.write(f"Report written to {report}")
        if run.status == ImportStatus.FAILED:
            raise CommandError(run.message)

    def _summary(self, run: ImportRun) -> None:
        verb = "would be" if not run.commit else "were"
        self.stdout.write(f"Import {run.pk} ({'real run' if run.commit else 'dry run: nothing written'}): "
                          f"{run.get_status_display()}")
        self.stdout.write(f"{'File':<12} {'read':>9} {'new':>9} {'updated':>9} {'refused':>9}")
        for file, c in run.counts.items():
            self.stdout.write(f"{file:<12} {c['read']:>9,} {c['new']:>9,} {c['updated']:>9,} {c['refused']:>9,}")
        refused, warnings = run.refused, run.warnings
        self.stdout.write(f"{plural(len(refused), 'problem')} refusing rows ({verb} left out), "
                          f"{plural(len(warnings), 'warning')}")
        for problem in refused[:20]:
            self.stdout.write(f"  {problem['file']}.csv line {problem['line']} {problem['column']}: {problem['reason']}")
        if len(refused) > 20:
            self.stdout.write("  ... (see --report for every one)")
