"""A manager checks the SEN2 return before sending it: the figures beside the published ones, a problem to put
right, a census day mistyped and corrected, and the XML downloaded."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import ManagerFactory
from pathfinder.assessments.tests.factories import AssessmentFactory
from pathfinder.people.tests.factories import ChildFactory
from pathfinder.sen2.census import next_census
from pathfinder.sen2.demo import load_sample_statistics
from pathfinder.sen2.xml import schema_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_checks_and_downloads_the_sen2_return(page, live_server, sign_in_as, axe_check):
    today = timezone.localdate()
    child = ChildFactory(legal_last_name="Quillfeather", upn="")
    AssessmentFactory(child=child, received_on=today)
    load_sample_statistics()
    census = next_census(today)
    sign_in_as(page, ManagerFactory())
    page.get_by_role("link", name="Reports", exact=True).click()  # the manager's reports are one header link
    page.get_by_role("link", name="SEN2 return", exact=True).click()
    body = page.locator("body")
    expect(body).to_contain_text(f"for the census on {census.day} January {census.year}")
    expect(body).to_contain_text("Wealdmoor (fictional), 2024")
    expect(body).to_contain_text("SEN2-R14: Neither a UPN nor a ULN is recorded (1 child)")
    axe_check(page)

    page.fill("input[name='census-day']", "31")
    page.fill("input[name='census-month']", "2")
    page.get_by_role("button", name="Build the return for this census day").click()
    expect(body).to_contain_text("There is a problem")
    axe_check(page)
    page.fill("input[name='census-day']", str(census.day))
    page.fill("input[name='census-month']", "1")
    page.get_by_role("button", name="Build the return for this census day").click()
    expect(body).not_to_contain_text("There is a problem")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the XML").click()
    content = open(download.value.path(), "rb").read()
    assert b"<Surname>Quillfeather</Surname>" in content and schema_problems(content) == []

    page.get_by_role("link", name=child.full_name).click()
    expect(body).to_contain_text("Quillfeather")
