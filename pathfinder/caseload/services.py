"""Importing a council's caseload: the dry run (check every row, write nothing) and the real run (check again,
then write everything in one transaction), each kept as an ImportRun with its counts and report.

Why one transaction for the real run, not one per batch: a failed real run must leave the database as it was
(issue 10), and a council migrating in wants all of its caseload or none of it, never the first half. Batches are
still the unit of writing, progress and audit (writer.py); on PostgreSQL other people keep reading while it runs,
and other writers to the same tables wait (the import takes its ids under a table lock); on SQLite the import is
the one writer while it runs, so run it before people start using the instance, or out of hours.
"""

from __future__ import annotations

import csv
import gc
import io
import logging
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from pathfinder.caseload.checks import Checker, Context
from pathfinder.caseload.models import ImportRun, ImportStatus
from pathfinder.caseload.reading import WARNING, FileRefused, Source, formula_safe
from pathfinder.caseload.writer import Writer

logger = logging.getLogger(__name__)
#: progress(stage, done, total): stage "checking" or "writing".
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def caseload_import(source: Source, *, run: ImportRun, la_code: str = "",
                    progress: Progress = _quiet) -> ImportRun:
    """Check ``source`` and, for a real run (``run.commit``), write it: all or nothing. Returns the run, saved,
    with its counts (read, new, updated, refused per file) and every refused row and warning."""
    run.status = ImportStatus.RUNNING
    run.save(update_fields=["status"])
    context = Context(source_system=run.source_system, today=timezone.localdate(), team_name=run.team_name,
                      la_code=la_code)
    total = sum(len(rows) for rows in source.rows.values())
    progress("checking", 0, total)
    gc_was_on = gc.isenabled()
    gc.disable()  # millions of small objects, none of them cyclic: collecting as they grow only costs time
    try:
        return _import(source, run, context, total, progress)
    finally:
        if gc_was_on:
            gc.enable()


def _import(source: Source, run: ImportRun, context: Context, total: int, progress: Progress) -> ImportRun:
    checker = Checker(source, context)
    checked = checker.run()
    progress("checking", total, total)
    run.counts = {file: {
        "read": checked.read[file],
        "new": sum(1 for a in checked.accepted[file].values() if a.object_id is None),
        "updated": sum(1 for a in checked.accepted[file].values() if a.object_id is not None),
        "refused": checked.refused_count(file),
    } for file in checked.read}
    unreconciled = [file for file, c in run.counts.items() if c["read"] != c["new"] + c["updated"] + c["refused"]]
    if unreconciled:  # every row is imported or listed as refused: anything else is a bug, and nothing is written
        return run_failed(run, f"The counts of {', '.join(unreconciled)} do not add up; nothing was written")
    run.problems = [{"file": p.file, "line": p.line, "column": p.column, "reason": p.reason, "level": p.level}
                    for p in sorted(checked.problems, key=lambda p: (p.level == WARNING, p.file, p.line))]
    if run.commit:
        try:
            with transaction.atomic():
                Writer(checker, run, run.started_by).write(lambda done, of: progress("writing", done, of))
        except Exception as error:  # any failure: the transaction is rolled back, the run says why
            logger.exception("Caseload import %s failed", run.pk)
            return run_failed(run, f"The import stopped and nothing was written: {error}")
        run.status = ImportStatus.IMPORTED
    else:
        run.status = ImportStatus.CHECKED
    run.finished_at = timezone.now()
    run.save()
    return run


def run_failed(run: ImportRun, message: str) -> ImportRun:
    run.status = ImportStatus.FAILED
    run.message = message
    run.finished_at = timezone.now()
    run.save()
    return run


def run_refused_file(run: ImportRun, refused: FileRefused) -> ImportRun:
    """A file that could not be read: the run fails before anything is checked, saying which file and why."""
    unreconciled = [file for file, c in run.counts.items() if c["read"] != c["new"] + c["updated"] + c["refused"]]
    if unreconciled:  # every row is imported or listed as refused: anything else is a bug, and nothing is written
        return run_failed(run, f"The counts of {', '.join(unreconciled)} do not add up; nothing was written")
    run.problems = [{"file": refused.file, "line": 0, "column": "", "reason": refused.reason, "level": "refused"}]
    return run_failed(run, f"{refused.file}: {refused.reason}")


REPORT_COLUMNS = ["level", "file", "line", "column", "reason"]


def report_csv(run: ImportRun) -> str:
    """Every refused row and warning of a run, as CSV for the council to work through."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REPORT_COLUMNS)
    for problem in run.problems:
        writer.writerow([formula_safe(str(problem[name])) for name in REPORT_COLUMNS])
    return out.getvalue()
