"""The administrator's caseload pages: who may open each (role by URL), and upload -> dry run -> import."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    LocalOfferOfficerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
    YoungPersonFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.caseload.models import ImportRun, ImportStatus
from pathfinder.caseload.tests.sample import csv_bytes, sample_rows
from pathfinder.people.models import Child

pytestmark = pytest.mark.django_db
OK, FORBIDDEN, SIGN_IN = 200, 403, 302


def _zip(rows=None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for file, file_rows in (rows or sample_rows()).items():
            archive.writestr(f"caseload/{file}.csv", csv_bytes(file, file_rows))
    return out.getvalue()


def _upload(client, data: bytes, name: str = "caseload.zip", format: str = "csv"):
    return client.post(reverse("caseload:home"), {
        "format": format, "source_system": "Old EHC system", "team_name": "North team",
        "file": SimpleUploadedFile(name, data),
    })


@pytest.fixture
def admin(client):
    user = AdministratorFactory()
    sign_in(client, user)
    return user


ROLES = {"administrator": AdministratorFactory, "caseworker": CaseworkerFactory, "manager": ManagerFactory,
         "adviser": AdviserFactory, "parent": ParentFactory, "young person": YoungPersonFactory,
         "provider": ProviderFactory, "local offer officer": LocalOfferOfficerFactory, "anonymous": None}
ONLY_ADMIN = {role: FORBIDDEN for role in ROLES} | {"administrator": OK, "anonymous": SIGN_IN}


@pytest.mark.parametrize("page", ["caseload:home", "caseload:run", "caseload:run-report", "caseload:export"])
def test_role_matrix(client, page):
    run = ImportRun.objects.create(format="csv", source_system="x", file_name="x.zip", status=ImportStatus.CHECKED)
    url = reverse(page, args=[run.pk] if page.startswith("caseload:run") else [])
    got = {}
    for role, factory in ROLES.items():
        client.logout()
        if factory is not None:
            sign_in(client, factory())
        got[role] = client.get(url).status_code
    assert got == ONLY_ADMIN


def test_upload_dry_run_report_then_import(client, admin):
    response = _upload(client, _zip())
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("caseload:run", args=[run.pk])
    assert run.status == ImportStatus.CHECKED and run.commit is False
    assert Child.objects.count() == 0
    page = client.get(response.url).content.decode()
    assert "Checked: nothing has been saved yet" in page
    assert "Import these records" in page
    assert "There is no team called" in page  # the warning is listed
    response = client.post(reverse("caseload:run-commit", args=[run.pk]))
    real = ImportRun.objects.get(commit=True)
    assert response.url == reverse("caseload:run", args=[real.pk])
    assert real.status == ImportStatus.IMPORTED, real.message
    assert real.started_by == admin
    assert Child.objects.count() == 2
    page = client.get(response.url).content.decode()
    assert "Caseload imported" in page and "Import these records" not in page


def test_refused_rows_are_listed_and_downloadable(client, admin):
    rows = sample_rows()
    rows["needs"][0]["need_type"] = "AUT"
    _upload(client, _zip(rows))
    run = ImportRun.objects.get()
    page = client.get(reverse("caseload:run", args=[run.pk])).content.decode()
    assert "Unknown code &#39;AUT&#39;" in page
    report = client.get(reverse("caseload:run-report", args=[run.pk]))
    assert report["Content-Disposition"] == f'attachment; filename="caseload-import-{run.pk}-report.csv"'
    assert 'refused,needs,2,need_type,"Unknown code \'AUT\'' in report.content.decode()
    assert AuditEvent.objects.filter(actor=admin, action="download", what=f"Report of caseload import {run.pk}").exists()


def test_a_malformed_sen2_file_gives_a_clear_message_and_writes_nothing(client, admin):
    _upload(client, b"<Message><Persons>", name="sen2.xml", format="sen2")
    run = ImportRun.objects.get()
    assert run.status == ImportStatus.FAILED
    page = client.get(reverse("caseload:run", args=[run.pk])).content.decode()
    assert "Nothing was imported" in page and "The XML is not well formed" in page
    assert Child.objects.count() == 0


def test_the_wrong_kind_of_file_is_refused_on_the_form(client, admin):
    response = _upload(client, b"%PDF-1.7", name="caseload.pdf")
    assert response.status_code == 200
    assert "The file must be an SEN2 XML file, a ZIP of CSV files or a CSV file" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_a_file_over_the_limit_is_refused_on_the_form(client, admin, settings):
    settings.PATHFINDER_CASELOAD_MAX_FILE_SIZE = 100
    response = _upload(client, _zip())
    assert "The file must be smaller than" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_a_running_import_refreshes_itself_and_shows_progress(client, admin):
    from django.core.cache import caches

    from pathfinder.caseload.tasks import progress_key

    run = ImportRun.objects.create(format="csv", source_system="x", file_name="x.zip", status=ImportStatus.RUNNING,
                                   commit=True)
    caches["progress"].set(progress_key(run.pk), {"stage": "writing", "done": 500, "total": 2000})
    page = client.get(reverse("caseload:run", args=[run.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "Writing children and their records: 500 of 2,000 (25%)" in page


def test_the_whole_caseload_downloads_as_the_template_and_is_audited(client, admin):
    from pathfinder.people.tests.factories import ChildFactory

    ChildFactory(legal_last_name="Quillfeather")
    response = client.get(reverse("caseload:export"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == sorted(f"{name}.csv" for name in sample_rows())
    assert "Quillfeather" in archive.read("children.csv").decode()
    assert AuditEvent.objects.filter(actor=admin, action="download",
                                     what="The whole caseload, exported in the caseload template").exists()


def test_an_unexpected_failure_ends_the_run_as_failed(client, admin, monkeypatch):
    from pathfinder.caseload import tasks

    def broken(*args, **kwargs):
        raise RuntimeError("checker bug")

    monkeypatch.setattr(tasks, "caseload_import", broken)
    _upload(client, _zip())  # the task fails (logged by the task backend); the run says so
    run = ImportRun.objects.get()
    assert (run.status, run.message) == (ImportStatus.FAILED, "The import stopped and nothing was written: checker bug")


def test_uploads_are_deleted_once_imported_and_old_checked_ones_when_the_next_arrives(client, admin):
    from datetime import timedelta

    from django.core.files.storage import storages
    from django.utils import timezone

    storage = storages["documents"]
    _upload(client, _zip())
    checked = ImportRun.objects.get()
    assert storage.exists(checked.upload_path)
    client.post(reverse("caseload:run-commit", args=[checked.pk]))
    assert not storage.exists(checked.upload_path)
    assert ImportRun.objects.filter(upload_path=checked.upload_path).count() == 0
    _upload(client, _zip())
    left = ImportRun.objects.exclude(upload_path="").get()
    ImportRun.objects.filter(pk=left.pk).update(created_at=timezone.now() - timedelta(days=3))
    _upload(client, _zip())
    assert not storage.exists(left.upload_path)
    assert ImportRun.objects.exclude(upload_path="").count() == 1


def test_an_sen2_return_needs_a_team_before_anything_is_checked(client, admin):
    """An SEN2 return never says which team works with a child: asked on the form, not found out from a dry run
    that refuses every child."""
    response = client.post(reverse("caseload:home"), {
        "format": "sen2", "source_system": "Old EHC system", "team_name": "  ",
        "file": SimpleUploadedFile("sen2.xml", b"<Message/>"),
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter the team for the children in this SEN2 return" in page and "govuk-error-summary" in page
    assert ImportRun.objects.count() == 0
