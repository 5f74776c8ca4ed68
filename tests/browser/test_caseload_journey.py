"""A council moves in: its administrator uploads the caseload (the template's CSV files in a ZIP), reads the dry
run's report, imports for real, and downloads the whole caseload again in the same template."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import AdministratorFactory
from pathfinder.caseload.tests.sample import csv_bytes, sample_rows
from pathfinder.people.models import Child

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_check_import_and_export(page, live_server, sign_in_as, axe_check, tmp_path):
    rows = sample_rows()
    rows["needs"][2]["need_type"] = "AUT"  # one refused row, listed on the report
    upload = tmp_path / "caseload.zip"
    with zipfile.ZipFile(upload, "w") as archive:
        for file, file_rows in rows.items():
            archive.writestr(f"{file}.csv", csv_bytes(file, file_rows))
    sign_in_as(page, AdministratorFactory())
    page.goto(f"{live_server.url}{reverse('caseload:home')}")
    page.get_by_role("button", name="Upload and check").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select what kind of file it is")
    page.get_by_label("Pathfinder caseload template (CSV files)").check()
    page.get_by_label("Which system do the records come from?").fill("Old EHC system")
    page.get_by_label("Team for children whose row names no team (optional)").fill("North team")
    page.get_by_label("Upload the file").set_input_files(str(upload))
    axe_check(page)
    page.get_by_role("button", name="Upload and check").click()
    expect(page.locator("body")).to_contain_text("Checked: nothing has been saved yet")
    expect(page.locator("body")).to_contain_text("Unknown code 'AUT'")
    assert Child.objects.count() == 0
    axe_check(page)
    page.get_by_role("button", name="Import these records").click()
    expect(page.locator("body")).to_contain_text("Caseload imported")
    assert sorted(Child.objects.values_list("legal_last_name", flat=True)) == ["Marrowby", "Quillfeather"]
    axe_check(page)
    page.get_by_role("link", name="Back to import and export").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the whole caseload (ZIP of CSV files)").click()
    exported = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    assert exported.read("children.csv").decode().splitlines()[1].startswith("C1,Ada,Quillfeather,")
