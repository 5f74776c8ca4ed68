"""An adviser opens advice the council has received: it is closed, and they send a correction (no JavaScript)."""

import pytest
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import AdviserFactory
from pathfinder.assessments.tests.factories import ReceivedAdviceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_adviser_sends_a_correction_to_received_advice(no_js_page, live_server, sign_in_as, axe_check):
    page = no_js_page
    advice = ReceivedAdviceFactory(adviser=AdviserFactory())
    sign_in_as(page, advice.adviser)
    page.goto(f"{live_server.url}/advice/{advice.pk}/")
    expect(page.get_by_text("It cannot be changed")).to_be_visible()
    axe_check(page)

    # sending without saying what needs correcting is refused in the GOV.UK pattern
    page.get_by_role("button", name="Send the correction").click()
    page.wait_for_load_state()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what needs correcting")
    axe_check(page)

    page.get_by_label("What needs correcting").fill("The hours were wrong")
    page.get_by_label("Corrected summary of the advice").fill("3 x 45 minutes a week.")
    page.get_by_role("button", name="Send the correction").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Your correction (version 2) has been sent")).to_be_visible()
    assert advice.corrections.get().reason == "The hours were wrong"
