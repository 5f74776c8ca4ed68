"""Everyone is told what happens next: a caseworker's decision reaches the family's outbox and the council's
letters to print, and a parent chooses how we contact them. Every page is checked with axe-core."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import ParentFactory
from pathfinder.assessments.tests.factories import AssessmentFactory
from pathfinder.notifications.models import Message
from pathfinder.people.tests.factories import FamilyMemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page, prefix: str, day: date) -> None:
    page.fill(f"#id_{prefix}-day", str(day.day))
    page.fill(f"#id_{prefix}-month", str(day.month))
    page.fill(f"#id_{prefix}-year", str(day.year))


def test_a_decision_tells_the_family_and_a_letter_is_printed(page, live_server, sign_in_as, axe_check, settings):
    settings.GOVUK_NOTIFY_API_KEY = ""
    assessment = AssessmentFactory(received_on=date(2026, 9, 1), child__date_of_birth=date(2017, 5, 9),
                                   child__legal_first_name="Maya", child__legal_last_name="Okafor")
    FamilyMemberFactory(child=assessment.child, name="Grace Okafor", email="grace@example.test")
    FamilyMemberFactory(child=assessment.child, name="Tom Okafor", email="", contact_preference="post",
                        address="4 Mill Lane\nWealdbury", postcode="WM1 2AB")
    sign_in_as(page, assessment.caseworker)

    # the caseworker decides to assess, through the case's own form
    page.goto(f"{live_server.url}/children/{assessment.child.pk}/assessments/{assessment.pk}/")
    page.get_by_role("link", name="Decide whether to assess").click()
    page.wait_for_load_state()
    page.get_by_label("Yes").check()
    fill_date(page, "decided_on", date(2026, 10, 6))
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_load_state()

    # the family's email waits in the outbox (Notify is not set up), saying what changed and by when
    page.get_by_role("link", name="Messages").first.click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Messages")
    expect(page.get_by_text("GOV.UK Notify is not set up")).to_be_visible()
    expect(page.get_by_text("grace@example.test (email)")).to_be_visible()
    expect(page.get_by_text("In the outbox (not sent)").first).to_be_visible()
    body = Message.objects.get(kind="assessments.decided_to_assess", channel="email").body
    assert "Maya" not in body and "Okafor" not in body
    axe_check(page)

    # the father chose letters: the council prints one on its letterhead and marks it printed
    page.get_by_role("link", name="Letters to print").click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_role("link", name="We will carry out an EHC needs assessment").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Wealdmoor County Council").first).to_be_visible()
    expect(page.get_by_text("4 Mill Lane")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Mark as printed").click()
    page.wait_for_load_state()
    expect(page.get_by_text("There are no letters to print.")).to_be_visible()
    assert Message.objects.get(channel="letter").status == "printed"


def test_a_parent_chooses_text_messages(page, live_server, sign_in_as, axe_check):
    parent = ParentFactory()
    sign_in_as(page, parent)
    page.get_by_role("link", name="How we contact you").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("How we contact you")
    axe_check(page)

    # a text message needs a number: the GOV.UK error pattern says so, by the field
    page.get_by_role("radio", name="Text message").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a mobile phone number")
    axe_check(page)

    page.get_by_label("Mobile phone number (for text messages)").fill("07700 900982")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    expect(page.get_by_text("We have saved how we contact you.")).to_be_visible()
    axe_check(page)
    parent.refresh_from_db()
    assert (parent.contact_preference, parent.phone) == ("sms", "07700 900982")


def test_how_we_contact_you_works_without_javascript(no_js_page, live_server, sign_in_as):
    parent = ParentFactory(postal_address="")
    sign_in_as(no_js_page, parent)
    no_js_page.goto(f"{live_server.url}/messages/how-we-contact-you/")
    no_js_page.get_by_role("radio", name="Letter").check()
    no_js_page.get_by_label("Postal address (for letters)").fill("4 Mill Lane\nWealdbury")
    no_js_page.get_by_role("button", name="Save").click()
    no_js_page.wait_for_load_state()
    expect(no_js_page.get_by_text("We have saved how we contact you.")).to_be_visible()
    parent.refresh_from_db()
    assert parent.contact_preference == "letter"
