"""manage.py import_caseload and export_caseload."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pathfinder.caseload.models import ImportRun
from pathfinder.caseload.tests.sample import write_set
from pathfinder.people.models import Child

pytestmark = pytest.mark.django_db


def _call(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_then_commit_with_a_progress_bar_and_a_report(tmp_path):
    write_set(tmp_path / "in")
    out, err = _call("import_caseload", "--dry-run", "--format", "csv", str(tmp_path / "in"), "--team", "North")
    assert "dry run: nothing written" in out
    assert "children             2         2         0         0" in out
    assert Child.objects.count() == 0
    assert "Checking  [" in err
    report = tmp_path / "report.csv"
    out, err = _call("import_caseload", "--commit", "--format", "csv", str(tmp_path / "in"), "--report", str(report))
    assert "real run" in out and Child.objects.count() == 2
    assert "Writing   [##############################]         2 of 2" in err
    assert report.read_text().startswith("level,file,line,column,reason\n")
    out, _ = _call("import_caseload", "--commit", "--format", "csv", str(tmp_path / "in"))
    assert "children             2         0         2         0" in out
    assert Child.objects.count() == 2


def test_a_file_that_cannot_be_read_stops_the_command_saying_why(tmp_path):
    (tmp_path / "return.xml").write_text("<Message><Persons>")
    with pytest.raises(CommandError, match="The XML is not well formed"):
        _call("import_caseload", "--commit", "--format", "sen2", str(tmp_path / "return.xml"))
    assert ImportRun.objects.get().status == "failed"


def test_export_writes_the_template_files(tmp_path):
    write_set(tmp_path / "in")
    _call("import_caseload", "--commit", "--format", "csv", str(tmp_path / "in"))
    out, _ = _call("export_caseload", str(tmp_path / "out"))
    assert "Wrote 8 files" in out
    assert (tmp_path / "out" / "children.csv").read_text().splitlines()[1].startswith("C1,Ada,Quillfeather")
