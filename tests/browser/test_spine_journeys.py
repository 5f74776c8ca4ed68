"""The spine in a real browser: a caseworker takes a request to a decision, a manager reads the figures,
a parent follows progress and an adviser gives advice. Every page is checked with axe-core."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory, ManagerFactory, ParentFactory
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessmentFactory
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_axe(page) -> None:
    """axe-core cannot be injected into a page with JavaScript off; the JS-on run checks the same pages."""


def fill_date(page, prefix: str, day: date) -> None:
    page.fill(f"#id_{prefix}-day", str(day.day))
    page.fill(f"#id_{prefix}-month", str(day.month))
    page.fill(f"#id_{prefix}-year", str(day.year))


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_caseworker_records_a_request_and_decides(javascript, page, no_js_page, live_server, sign_in_as,
                                                  axe_check):
    """The same journey works with JavaScript off; axe (which needs JavaScript to run) checks the JS-on run."""
    if not javascript:
        page = no_js_page
        axe_check = _no_axe  # noqa: F811
    child = ChildFactory(legal_first_name="Maya", legal_last_name="Okafor", date_of_birth=date(2017, 5, 9))
    FamilyMemberFactory(child=child, name="Grace Okafor")
    caseworker = CaseworkerFactory(team=child.team)
    sign_in_as(page, caseworker)

    # find the child and open the record
    page.goto(f"{live_server.url}/children/?q=Okafor")
    axe_check(page)
    page.get_by_role("link", name="Maya Okafor").click()
    page.wait_for_load_state()
    axe_check(page)

    # record the request
    page.get_by_role("link", name="Record a request for an assessment").click()
    page.wait_for_load_state()
    fill_date(page, "received_on", date(2026, 9, 1))
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("School or education setting").check()
    page.get_by_role("button", name="Record the request").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Statutory timeline")).to_be_visible()
    expect(page.locator("body")).to_contain_text("13 October 2026")
    expect(page.locator("body")).to_contain_text("SEND Regulations 2014, reg 13(2)")
    axe_check(page)

    # a refusal without reasons is explained on the page, in the GOV.UK error pattern
    page.get_by_role("link", name="Decide whether to assess").click()
    page.wait_for_load_state()
    page.get_by_label("No").check()
    fill_date(page, "decided_on", date(2026, 10, 6))
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe_check(page)

    # then the decision to assess is recorded
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Done on time").first).to_be_visible()
    assert Assessment.objects.get(child=child).status == "assessing"


def test_caseworker_home_and_manager_figures(page, live_server, sign_in_as, axe_check):
    assessment = AssessmentFactory(received_on=date(2026, 9, 1))
    sign_in_as(page, assessment.caseworker)
    page.goto(f"{live_server.url}/insights/")
    expect(page.locator("body")).to_contain_text(assessment.child.full_name)
    axe_check(page)
    page.context.clear_cookies()
    sign_in_as(page, ManagerFactory())
    page.goto(f"{live_server.url}/insights/manager/")
    expect(page.locator("body")).to_contain_text("20 weeks")
    axe_check(page)


def test_parent_follows_progress_and_sees_who_has_looked(page, live_server, sign_in_as, axe_check):
    assessment = AssessmentFactory(received_on=date(2026, 9, 1))
    parent = ParentFactory()
    FamilyMemberFactory(child=assessment.child, user=parent)
    sign_in_as(page, parent)
    page.goto(f"{live_server.url}/children/family/")
    expect(page.locator("body")).to_contain_text("whether we will assess")  # the family's words for the decision whether to assess
    axe_check(page)
    page.get_by_role("link", name="See the details").click()
    page.wait_for_load_state()
    axe_check(page)
    page.goto(f"{live_server.url}/children/family/")
    page.get_by_role("link", name=f"See who has looked at {assessment.child.full_name}'s record").click()
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text("Who has looked at this record")
    axe_check(page)


def test_adviser_sees_only_their_request_and_gives_advice(page, live_server, sign_in_as, axe_check):
    advice = AdviceRequestFactory(adviser=AdviserFactory())
    other = AdviceRequestFactory()
    sign_in_as(page, advice.adviser)
    page.goto(f"{live_server.url}/advice/")
    expect(page.locator("body")).to_contain_text(advice.assessment.child.full_name)
    assert other.assessment.child.full_name not in page.content()
    axe_check(page)
    page.get_by_role("link", name=advice.assessment.child.full_name).click()
    page.wait_for_load_state()
    axe_check(page)


def test_case_page_reflows_at_400_percent_zoom(narrow_page, live_server, sign_in_as, assert_reflows, axe_check):
    assessment = AssessmentFactory(received_on=date(2026, 9, 1))
    sign_in_as(narrow_page, assessment.caseworker)
    narrow_page.goto(f"{live_server.url}/children/{assessment.child_id}/assessments/{assessment.pk}/")
    assert_reflows(narrow_page)
    axe_check(narrow_page)


def test_every_caseworker_form_and_letter_page_is_accessible(page, live_server, sign_in_as, axe_check):
    """The pages not walked by the journeys above: record forms (with errors), history, exception and advice
    forms, and the decision notice."""
    refused = AssessmentFactory(received_on=date(2026, 9, 1), status="refused", decided_to_assess=False,
                                decision_to_assess_on=date(2026, 10, 1), refusal_reasons="Needs met at school.")
    FamilyMemberFactory(child=refused.child)
    sign_in_as(page, refused.caseworker)
    case = f"{live_server.url}/children/{refused.child_id}/assessments/{refused.pk}/"
    open_case = AssessmentFactory(received_on=date(2026, 9, 1), child__team=refused.child.team,
                                  caseworker=refused.caseworker)
    open_url = f"{live_server.url}/children/{open_case.child_id}/assessments/{open_case.pk}/"
    pages = [
        f"{live_server.url}/children/new/",
        f"{live_server.url}/children/{refused.child_id}/change/",
        f"{live_server.url}/children/{refused.child_id}/history/",
        f"{live_server.url}/children/{refused.child_id}/family/new/",
        case + "notice/",
        open_url + "exceptions/new/",
        open_url + "advice/new/",
        open_url + "advice/reuse/",
        open_url + "withdraw/",
        f"{live_server.url}/assessments/new/",
    ]
    for url in pages:
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
        axe_check(page)
    # and a form with errors on it
    page.goto(f"{live_server.url}/children/new/")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_load_state()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe_check(page)
