"""A manager takes the inspection lists and a tracking sample; a caseworker produces a family's subject access pack."""

import json

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.reviews.tests.factories import final_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_downloads_a_list_and_chooses_a_sample(page, live_server, sign_in_as, axe_check):
    plan = final_plan(assessment__child__legal_last_name="Quillfeather")
    manager = ManagerFactory()
    sign_in_as(page, manager)
    page.get_by_role("link", name="Reports", exact=True).click()  # the manager's reports are one header link
    page.get_by_role("link", name="Inspection lists").first.click()
    expect(page.locator("body")).to_contain_text("All children and young people with an EHC plan")
    axe_check(page)
    with page.expect_download() as download:
        page.locator("a[href$='/inspection/children-with-plans.csv']").click()
    assert "Quillfeather" in open(download.value.path(), encoding="utf-8-sig").read()
    page.get_by_label("Sample key").fill("Inspection week 1")
    page.get_by_label("How many cases").fill("5")
    page.get_by_role("button", name="Choose the sample").click()
    expect(page.locator("body")).to_contain_text("Sample key: Inspection week 1")
    expect(page.locator("body")).to_contain_text("Quillfeather")
    axe_check(page)
    assert AuditEvent.objects.filter(actor=manager, action="download", child=plan.child).exists()


def test_caseworker_produces_a_subject_access_pack(page, live_server, sign_in_as, axe_check):
    plan = final_plan(assessment__child__legal_first_name="Ruby")
    caseworker = CaseworkerFactory(team=plan.child.team)
    sign_in_as(page, caseworker)
    page.goto(f"{live_server.url}/children/{plan.child_id}/")
    page.get_by_role("link", name="Subject access pack").click()
    expect(page.locator("body")).to_contain_text("Who has looked at the record")
    axe_check(page)
    today = timezone.localdate()
    page.fill("input[name='received_on-day']", str(today.day))
    page.fill("input[name='received_on-month']", str(today.month))
    page.fill("input[name='received_on-year']", str(today.year))
    page.get_by_role("button", name="Show the last day").click()
    expect(page.locator("body")).to_contain_text("must be answered by")
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as JSON").click()
    pack = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert pack["record"]["legal_first_name"] == "Ruby"
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download as PDF").click()
    assert open(pdf.value.path(), "rb").read(5) == b"%PDF-"
