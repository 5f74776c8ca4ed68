"""A personal budget from the family's request to the notice: the parent asks in the portal; the caseworker adds a
line for health provision shared with the ICB, records the ICB's agreement, agrees the budget; section J of the
plan shows it; the parent reads the notice of the agreed provision and amount (PB Regs regs 3, 4 and 8)."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.budgets.models import BudgetRequest, RequestStatus
from pathfinder.budgets.tests.request_world import world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_parent_asks_and_the_budget_is_agreed_with_the_icb(
    page, live_server, sign_in_as, axe_check, browser, browser_context_args
):
    w = world()
    sign_in_as(page, w.parent)
    page.get_by_role("link", name="Personal budget").first.click()
    page.get_by_role("link", name="Ask for a personal budget").click()
    expect(page.locator("body")).to_contain_text("SENDIASS")
    axe_check(page)
    page.get_by_label("Health").check()
    page.get_by_label("What would you like it to pay for?").fill("Hydrotherapy at the pool Sam knows.")
    page.get_by_role("button", name="Ask for a personal budget").click()
    expect(page.locator("body")).to_contain_text("You have asked for a personal budget")
    budget_request = BudgetRequest.objects.get(plan=w.plan)
    # The RAS (another part of the domain) works out the indicative budget; here it is put there directly.
    BudgetRequest.objects.filter(pk=budget_request.pk).update(status=RequestStatus.INDICATIVE)

    staff = browser.new_context(**browser_context_args)
    caseworker_page = staff.new_page()
    sign_in_as(caseworker_page, w.caseworker)
    caseworker_page.goto(f"{live_server.url}{reverse('budgets:requests')}")
    caseworker_page.get_by_role("link", name=w.child.full_name).click()
    caseworker_page.get_by_role("link", name="Add a budget line").click()
    caseworker_page.get_by_label("G: Hydrotherapy with a physiotherapist").check()
    caseworker_page.get_by_role("group", name="Which part of the budget is it?").get_by_label("Health").check()
    caseworker_page.get_by_label("Organised arrangement").check()
    caseworker_page.get_by_label("Legal basis").fill("NHS Act 2006 s.12A")
    caseworker_page.get_by_label("Amount a year, in pounds").fill("1,200.50")
    caseworker_page.get_by_label("Paid by the council, in pounds").fill("200.50")
    caseworker_page.get_by_label("Paid by the integrated care board (NHS), in pounds").fill("1,000")
    caseworker_page.get_by_role("button", name="Save the line").click()
    expect(caseworker_page.locator("body")).to_contain_text("Budget line saved")
    axe_check(caseworker_page)
    for funder, who in (
        ("The council", "Priya Shah, SEND manager"),
        ("The integrated care board (NHS)", "Dr Ahmed, Wealdmoor ICB"),
    ):
        caseworker_page.get_by_role("link", name="Record a funder's agreement").click()
        caseworker_page.get_by_label(funder).check()
        caseworker_page.get_by_label("Name and role of the person who agreed").fill(who)
        caseworker_page.get_by_role("button", name="Record the agreement").click()
        expect(caseworker_page.locator("body")).to_contain_text("Agreement recorded")
    caseworker_page.get_by_role("link", name="Agree the personal budget").click()
    caseworker_page.get_by_role("button", name="Agree the budget").click()
    expect(caseworker_page.locator("body")).to_contain_text("Personal budget agreed")
    expect(caseworker_page.locator("#section-j")).to_contain_text("£1,200.50 a year")
    caseworker_page.goto(
        f"{live_server.url}{reverse('plans:section', kwargs={'child_id': w.child.pk, 'plan_id': w.plan.pk, 'section': 'j'})}"
    )
    expect(caseworker_page.locator("body")).to_contain_text("written from the agreed personal budget")
    expect(caseworker_page.locator("body")).to_contain_text("the NHS (integrated care board) (£1,000.00)")
    caseworker_page.get_by_role("link", name="See the agreed personal budget").click()
    caseworker_page.get_by_role("link", name="Send the notice").click()
    caseworker_page.get_by_role("button", name="Send the notice").click()
    expect(caseworker_page.locator("body")).to_contain_text("Notice sent")
    staff.close()

    page.goto(f"{live_server.url}{reverse('budgets:family_home')}")
    page.get_by_role("link", name="Asked for on").first.click()
    page.get_by_role("link", name="Read the notice of your agreed budget").click()
    expect(page.locator("body")).to_contain_text(html.unescape("Notice of your agreed personal budget"))
    expect(page.locator("body")).to_contain_text("£1,200.50")
    expect(page.locator("body")).to_contain_text(f"sent on {timezone.localdate().day}")
    axe_check(page)
