"""The officer uploads a CSV or ORUK JSON file, reads the report of refused rows, and downloads exports."""

from __future__ import annotations

import html
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory, ProviderFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.directory.models import Service
from pathfinder.directory.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

HEADER = "organisation_name,organisation_kind,name,description,minimum_age,maximum_age,is_free,needs,support\n"


def _upload(client, name: str, content: str):
    return client.post(reverse("directory:officer-import"),
                       {"file": SimpleUploadedFile(name, content.encode(), content_type="text/csv")})


def test_a_good_csv_is_imported_and_published(client):
    sign_in(client, LocalOfferOfficerFactory())
    response = _upload(client, "offer.csv", HEADER
                       + "Wealdmoor Swim Trust,charity,Splash club,Swimming for disabled children,5,16,yes,PD,leisure\n"
                       + "Wealdmoor Swim Trust,charity,Quiet swim,Calm sessions,0,25,yes,ASD,leisure\n")
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Import complete" in page and "2 services imported" in page
    assert set(Service.objects.filter(is_published=True).values_list("name", flat=True)) == {"Splash club", "Quiet swim"}


def test_refused_rows_are_reported_and_nothing_is_saved(client):
    sign_in(client, LocalOfferOfficerFactory())
    response = _upload(client, "offer.csv", HEADER
                       + "Trust,charity,Good row,Fine,5,16,yes,,\n"
                       + "Trust,charity,Bad ages,Oops,16,5,yes,,\n"
                       + "Trust,unicorns,Bad need,Oops,,,yes,XYZ,\n")
    page = html.unescape(response.content.decode())
    assert "Nothing was imported" in page and "2 rows were refused" in page
    assert "<td class=\"govuk-table__cell\">3</td>" in page and "<td class=\"govuk-table__cell\">4</td>" in page
    assert "Youngest age must be the same as or less than the oldest age" in page
    assert "Column ‘needs’: We do not know 'XYZ'" in page and "'unicorns' is not a provider type we know" in page
    assert not Service.objects.exists()


def test_orukjson_is_imported(client):
    sign_in(client, LocalOfferOfficerFactory())
    document = {"contents": [{"id": "0f8e4b5c-8f69-4b39-9a43-1c7d1c2b9a01", "name": "Sensory play",
                              "description": "Play sessions.", "status": "active",
                              "organization": {"name": "Little Steps"}}]}
    response = client.post(reverse("directory:officer-import"), {
        "file": SimpleUploadedFile("feed.json", json.dumps(document).encode(), content_type="application/json")})
    assert "1 service imported" in response.content.decode()
    assert str(Service.objects.get().pk) == "0f8e4b5c-8f69-4b39-9a43-1c7d1c2b9a01"


def test_wrong_file_type_is_explained(client):
    sign_in(client, LocalOfferOfficerFactory())
    response = _upload(client, "offer.xlsx", "nope")
    assert "The file must be a CSV or JSON file" in html.unescape(response.content.decode())
    response = client.post(reverse("directory:officer-import"), {})
    assert "Select a CSV or JSON file to upload" in html.unescape(response.content.decode())


def test_a_long_import_runs_in_the_background_and_its_page_refreshes_itself(client, settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # a real queue, no worker yet
    sign_in(client, LocalOfferOfficerFactory())
    response = _upload(client, "big.csv", HEADER + "Trust,charity,Later club,Runs later,,,yes,,\n")
    assert response.status_code == 302
    progress_url = response["Location"]
    page = client.get(progress_url).content.decode()
    assert "Import in progress" in page and "Waiting to start" in page
    assert '<meta http-equiv="refresh" content="5">' in page  # no JavaScript needed; the CSP does not govern it
    assert f'<a class="govuk-link" href="{html.escape(progress_url)}">Check progress</a>' in page
    assert not Service.objects.exists()

    # the worker, run once here; it must not close the test's own database connection (PostgreSQL)
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    page = html.unescape(client.get(progress_url).content.decode())
    assert "Import complete" in page and "big.csv" in page
    assert 'http-equiv="refresh"' not in page  # a finished import stops reloading
    assert Service.objects.get().name == "Later club"
    assert client.get(reverse("directory:officer-import-progress", args=["not-a-real-id"])).status_code == 404


def test_exports_download_every_public_service(client):
    ServiceFactory(name="Splash club")
    ServiceFactory(name="=HYPERLINK(\"http://evil\")")
    ServiceFactory(name="Secret draft", is_published=False)
    sign_in(client, LocalOfferOfficerFactory())
    response = client.get(reverse("directory:officer-export", args=["csv"]))
    body = response.content.decode()
    assert response["Content-Disposition"].startswith('attachment; filename="local-offer-')
    assert "Splash club" in body and "Secret draft" not in body and "'=HYPERLINK" in body
    response = client.get(reverse("directory:officer-export", args=["json"]))
    assert {s["name"] for s in json.loads(response.content)} == {"Splash club", '=HYPERLINK("http://evil")'}
    assert client.get(reverse("directory:officer-export", args=["xml"])).status_code == 404


def test_only_the_officer_imports_and_exports(client):
    sign_in(client, ProviderFactory())
    assert client.get(reverse("directory:officer-import")).status_code == 403
    assert client.get(reverse("directory:officer-export", args=["csv"])).status_code == 403


def test_a_running_import_shows_how_far_it_has_got(client, settings):
    from pathfinder.directory.web import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # queued, not yet run
    sign_in(client, LocalOfferOfficerFactory())
    response = _upload(client, "big.csv", HEADER + "Trust,charity,Later club,Runs later,,,yes,,\n")
    result_id = response["Location"].split("/")[-2]

    # the worker reports through the shared progress cache as it saves rows
    tasks.caches["progress"].set(tasks.import_progress_key(result_id), {"done": 1200, "total": 4000})
    progress = tasks.import_progress(result_id)
    page = html.unescape(client.get(response["Location"]).content.decode())

    assert progress == {"done": 1200, "total": 4000}
    assert "1,200 of 4,000 services checked and saved (30%)" in page
    assert "Nothing is published until every row has been saved." in page


def test_the_import_task_reports_progress_as_it_saves(settings):
    from pathfinder.directory.web import tasks

    user = LocalOfferOfficerFactory()
    rows = "".join(f"Trust,charity,Club {n},Weekly club,,,yes,,\n" for n in range(120))
    result = tasks.directory_import_run.enqueue(file_kind="csv", content=HEADER + rows, user_id=user.pk)
    assert result.return_value["rows_ok"] == 120
    assert tasks.import_progress(str(result.id)) == {"done": 120, "total": 120, "stage": "saved"}


def test_while_the_file_is_checked_the_page_counts_the_rows_checked(client, settings):
    """A large file is checked row by row before anything is saved: the page says how far that has got."""
    from pathfinder.directory.importers import directory_import_csv
    from pathfinder.directory.web import tasks

    seen = []
    rows = "".join(f"Trust,charity,Club {n},Weekly club,,,yes,,\n" for n in range(60))
    directory_import_csv(io.StringIO(HEADER + rows), LocalOfferOfficerFactory(),
                         progress=lambda done, total, stage: seen.append((done, total, stage)))
    assert seen[0] == (0, 60, "checked") and (59, 60, "checked") in seen and seen[-1] == (60, 60, "saved")

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # queued, not yet run
    sign_in(client, LocalOfferOfficerFactory())
    response = _upload(client, "big.csv", HEADER + "Trust,charity,Later club,Runs later,,,yes,,\n")
    result_id = response["Location"].split("/")[-2]
    tasks.caches["progress"].set(tasks.import_progress_key(result_id), {"done": 900, "total": 4000, "stage": "checked"})
    page = html.unescape(client.get(response["Location"]).content.decode())
    assert "Checking the file: 900 of 4,000 rows checked (22%)" in page


def test_the_import_page_of_a_task_that_is_not_an_import_is_not_found(client, settings):
    from pathfinder.plans.tasks import plan_pdf_render

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # queued and kept, so the id is real
    sign_in(client, LocalOfferOfficerFactory())
    result = plan_pdf_render.enqueue(plan_id=0)
    response = client.get(reverse("directory:officer-import-progress", args=[result.id]))
    assert response.status_code == 404
