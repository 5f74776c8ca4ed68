"""A caseworker records an appeal the Tribunal sent, the Tribunal's decision and its order to make a plan, sees
the order's dated duties (reg 44) on the order and on their worklist, and marks the draft plan done; the manager
reads the report of appeals."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import ManagerFactory
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.tribunal.models import Appeal, TribunalOrder
from pathfinder.tribunal.tests.factories import case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _date(page, name: str, day) -> None:
    page.fill(f"input[name='{name}-day']", str(day.day))
    page.fill(f"input[name='{name}-month']", str(day.month))
    page.fill(f"input[name='{name}-year']", str(day.year))


def test_caseworker_records_an_appeal_and_an_order_then_a_duty_done(page, live_server, sign_in_as, axe_check):
    today = timezone.localdate()
    decision, caseworker = case(kind=AppealableKind.NOT_TO_ISSUE, decided_on=today - timedelta(days=120),
                                notice_sent=today - timedelta(days=120))
    child = decision.child
    sign_in_as(page, caseworker)
    page.goto(f"{live_server.url}/children/{child.pk}/")
    page.get_by_role("link", name="Appeals and Tribunal orders").click()
    axe_check(page)
    page.get_by_role("link", name="Record an appeal").click()
    page.locator(f"input[name='decision'][value='{decision.pk}']").check()
    page.get_by_label("Tribunal reference").fill("EH881/26/00123")
    _date(page, "registered_on", today - timedelta(days=60))
    _date(page, "notified_on", today - timedelta(days=58))
    page.get_by_label("Grounds of appeal").fill("The assessment showed needs a plan must meet.")
    page.get_by_role("button", name="Record the appeal").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("mediation certificate")  # none given yet
    axe_check(page)
    _date(page, "certificate_on", today - timedelta(days=70))
    page.get_by_role("button", name="Record the appeal").click()
    expect(page.locator("body")).to_contain_text("The council's response is due by")
    axe_check(page)

    page.get_by_role("link", name="Record the Tribunal's decision").click()
    page.get_by_label("Allowed", exact=True).check()
    _date(page, "decided_on", today - timedelta(days=5))
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record an order").click()
    axe_check(page)
    page.get_by_label("Make and maintain an EHC plan").check()
    _date(page, "made_on", today - timedelta(days=5))
    page.get_by_label("Provision the order names").fill("20 hours of speech and language therapy a term")
    page.get_by_role("button", name="Record the order").click()
    draft_due = today - timedelta(days=5) + timedelta(weeks=5)
    expect(page.locator("body")).to_contain_text(f"{draft_due.day} {draft_due:%B %Y}")
    expect(page.locator("body")).to_contain_text("20 hours of speech and language therapy a term")
    axe_check(page)

    order_page = page.url
    page.get_by_role("link", name="My cases").click()  # the order's duties are on the caseworker's worklist
    worklist_row = page.get_by_role("row").filter(has_text="Issue a draft EHC plan (make and maintain an EHC plan)")
    expect(worklist_row).to_contain_text(f"{draft_due.day} {draft_due:%b %Y}")
    expect(worklist_row).to_contain_text(child.full_name)
    axe_check(page)
    page.goto(order_page)

    draft = page.get_by_role("row").filter(has_text="Issue a draft EHC plan")
    draft.get_by_role("link", name="Record as done").click()
    _date(page, "done_on", today)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Recorded as done: Issue a draft EHC plan.")
    expect(page.locator("body")).to_contain_text("Done on time")
    order = TribunalOrder.objects.get(appeal=Appeal.objects.get(reference="EH881/26/00123"))
    assert order.duties.get(step="draft_plan").done_on == today


def test_manager_reads_appeals_and_orders(page, live_server, sign_in_as, axe_check):
    sign_in_as(page, ManagerFactory())
    page.goto(f"{live_server.url}/menu/reports/")
    page.get_by_role("link", name="Appeals and orders").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Appeals and orders in")
    expect(page.locator("body")).to_contain_text("22,276")
    axe_check(page)
