"""A manager publishes a new version of the social care RAS with a higher price for Band B; a caseworker answers
it for a child and opens the reasons letter, which shows each answer, the band and the amount (CFA s.49; PB Regs
reg 4; R (KM) v Cambridgeshire CC [2012] UKSC 23: a starting point, with reasons)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory
from pathfinder.budgets.models import IndicativeBudget
from pathfinder.budgets.models_ras import AllocationSystem, RasStatus
from pathfinder.budgets.tests.factories import BudgetRequestFactory, published_ras

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_publishes_and_caseworker_works_out_a_budget(page, live_server, sign_in_as, axe_check):
    today = timezone.localdate()
    old = published_ras(effective_from=today - timedelta(days=100))
    budget_request = BudgetRequestFactory()
    caseworker = CaseworkerFactory(team=budget_request.child.team)

    sign_in_as(page, ManagerFactory())
    page.goto(f"{live_server.url}/budgets/allocation/")
    axe_check(page)
    page.get_by_role("button", name="Start a new version of the social care questionnaire").click()
    expect(page.locator("body")).to_contain_text(f"Draft version {old.number + 1} started")
    page.get_by_role("link", name="Change the bands and prices").click()
    page.get_by_label("Price of band 2 for a year").fill("£3,950.50")
    axe_check(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Bands and prices saved.")
    expect(page.locator("body")).to_contain_text("Enter the day this version takes effect")
    page.get_by_role("link", name="Change the details").click()
    page.get_by_label("What this version changes").fill("Band B goes up to pay for a second carer at weekends.")
    page.fill("input[name='effective_from-day']", str(today.day))
    page.fill("input[name='effective_from-month']", str(today.month))
    page.fill("input[name='effective_from-year']", str(today.year))
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Every check passes.")
    axe_check(page)
    page.get_by_role("link", name="Publish this version").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("body")).to_contain_text(f"Version {old.number + 1} is published.")
    new = AllocationSystem.objects.get(number=old.number + 1)
    assert new.status == RasStatus.PUBLISHED
    assert AllocationSystem.objects.get(pk=old.pk).status == RasStatus.RETIRED

    page.context.clear_cookies()
    sign_in_as(page, caseworker)
    page.goto(
        f"{live_server.url}/children/{budget_request.child_id}/budgets/{budget_request.pk}/indicative/social_care/"
    )
    expect(page.locator("body")).to_contain_text("The amount it gives is a starting point.")
    axe_check(page)
    page.get_by_label("Some help every day (4 points)").check()
    page.get_by_label("Every month (3 points)").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Social care indicative budget worked out.")
    body = page.locator("body")
    expect(body).to_contain_text("7 points is in Band B (5 to 9 points). The amount for Band B is £3,950.50 a year.")
    expect(body).to_contain_text("If you disagree")
    axe_check(page)
    assert IndicativeBudget.objects.get().system == new
