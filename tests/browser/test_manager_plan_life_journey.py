"""A SEND manager reads the council's annual review figures beside England's and the phase-transfer cohort for next
September, moving between them by links; both pages pass axe and reflow at 320 px."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

import statutory
from pathfinder.accounts.tests.factories import ManagerFactory
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_reads_review_figures_and_the_phase_transfer_cohort(page, live_server, sign_in_as, axe_check):
    today = timezone.localdate()
    year = statutory.next_transfer_year(today)
    # Born in the school year that goes into year 7 next September, at a primary school.
    born = date(year - 11, 1, 15)
    made = today - timedelta(days=800)
    for name in ("Amira", "Bilal"):
        PlanFactory(status="final", issued_on=made, first_made_on=made, review_due_on=today - timedelta(days=30),
                    assessment__child__date_of_birth=born, assessment__child__setting_phase="primary",
                    assessment__child__legal_first_name=name)
    sign_in_as(page, ManagerFactory())
    page.get_by_role("link", name="Annual reviews: held, decided within the time the law allows").click()
    expect(page.locator("h1")).to_contain_text(f"Annual reviews, {today.year}")
    expect(page.locator("body")).to_contain_text("2 plans in force today have not been reviewed")
    axe_check(page)
    page.get_by_role("link", name="Case lists", exact=True).click()  # case staff's lists are one header link
    page.get_by_role("link", name="Phase transfers").first.click()
    expect(page.locator("h1")).to_contain_text(f"Phase transfers for September {year}")
    expect(page.locator("body")).to_contain_text("Amira")
    axe_check(page)
