"""The Local Offer in a real browser: a parent's search and service page (JavaScript off and on), a provider's
edit and the officer's approval, a family's comment through to 'You said, we did', and axe-core on every public page.
"""

from __future__ import annotations

import importlib
import re

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory
from pathfinder.directory.models import InformationPage, OutcodeCentroid, PostcodeCentroid
from pathfinder.directory.tests.factories import (
    LocationFactory,
    MembershipFactory,
    OrganisationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    link,
    term,
)
from pathfinder.feedback.tests.factories import PublishedCommentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def offer(transactional_db):
    """Seed the taxonomies again (a transactional test flushes what migrations seeded) and a small offer."""
    importlib.import_module("pathfinder.directory.migrations.0002_seed_taxonomy_and_search_index").seed(django_apps, None)
    PostcodeCentroid.objects.create(postcode="WM1 1AA", outcode="WM1", latitude=51.05, longitude=-0.85)
    OutcodeCentroid.objects.create(outcode="WM1", latitude=51.05, longitude=-0.85)
    speech = ServiceFactory(name="Little Voices speech therapy", description="Speech and language sessions.",
                            minimum_age=0, maximum_age=5, phone="01632 960123")
    link(speech, term("support-kinds", "therapy"), term("send-needs", "SLCN"))
    ScheduleFactory(service=speech, byday="MO", opens_at="09:30", closes_at="12:00")
    ServiceAtLocationFactory(service=speech, location=LocationFactory(name="Wealdbury Family Hub",
                                                                      accessibility="Step-free entrance."))
    group = ServiceFactory(name="Autism parents group", description="Parents meet and share advice.")
    link(group, term("send-needs", "ASD"), term("support-kinds", "support-groups"))
    school = OrganisationFactory(name="Oakfield Primary", kind="maintained_school")
    ServiceFactory(organisation=school, name="Oakfield Primary SEN support",
                   local_offer_answers={"a": "Small-group teaching.", "f": "Lifts and ramps throughout."})
    InformationPage.objects.create(slug="travel-to-school", title="Travel to school", topic="travel",
                                   body="Some children get free travel.\n\n- a bus pass\n- a taxi")
    return speech, group


def _search_and_open(page, live_server):
    page.goto(f"{live_server.url}/local-offer/")
    page.get_by_label("Search the Local Offer").fill("speech")
    page.get_by_role("group", name="Needs").get_by_label("Speech, language and communication").check()
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("heading", name="1 service found")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Need: Speech, language and communication"))).to_be_visible()
    page.get_by_role("link", name="Little Voices speech therapy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Little Voices speech therapy")
    expect(page.get_by_text("Monday, 9:30am to 12 noon")).to_be_visible()
    expect(page.get_by_text("Last checked:")).to_be_visible()


def test_parent_searches_and_opens_a_service_without_javascript(no_js_page, live_server, offer):
    _search_and_open(no_js_page, live_server)
    # removing a filter is a plain link
    no_js_page.go_back()
    no_js_page.get_by_role("link", name=re.compile("Words: speech")).click()
    expect(no_js_page.get_by_role("heading", name="1 service found")).to_be_visible()
    no_js_page.get_by_role("link", name="Clear all filters").click()
    expect(no_js_page.get_by_role("heading", name="3 services found")).to_be_visible()


def test_parent_searches_and_opens_a_service_with_javascript(page, live_server, offer, axe_check):
    _search_and_open(page, live_server)
    axe_check(page)


def test_a_bad_postcode_is_explained_accessibly(page, live_server, offer, axe_check):
    page.goto(f"{live_server.url}/local-offer/?postcode=ZZ9+9ZZ")
    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("We do not recognise the postcode ZZ9 9ZZ")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Postcode")).to_be_focused()
    axe_check(page)


def test_every_public_local_offer_page_has_no_accessibility_problems(page, live_server, offer, axe_check):
    speech, _ = offer
    school_service = speech.__class__.objects.get(name="Oakfield Primary SEN support")
    PublishedCommentFactory(published_text="More holiday clubs please.", response="We agree.", action="Two new clubs.")
    paths = [
        "/local-offer/", "/local-offer/?q=speech&need=SLCN&cost=free&postcode=WM1+1AA&distance=5",
        f"/local-offer/services/{speech.pk}/", f"/local-offer/services/{school_service.pk}/",
        f"/local-offer/services/{speech.pk}/report/", "/local-offer/information/",
        "/local-offer/information/travel-to-school/", "/local-offer/comment/",
        f"/local-offer/comment/?service={speech.pk}", "/local-offer/you-said-we-did/",
    ]
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        axe_check(page)
    # the thank-you pages, reached by sending the forms
    page.goto(f"{live_server.url}/local-offer/services/{speech.pk}/report/")
    page.get_by_label("Opening times or dates").check()
    page.get_by_label("Tell us what is wrong").fill("It moved to Tuesdays.")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("heading", name="Thank you for telling us")).to_be_visible()
    axe_check(page)


def test_provider_edits_and_officer_approves(browser, browser_context_args, page, live_server, offer, sign_in_as,
                                             axe_check):
    speech, _ = offer
    membership = MembershipFactory(organisation=speech.organisation)
    sign_in_as(page, membership.user)
    expect(page.get_by_role("heading", name="Your services")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Little Voices speech therapy").click()
    page.get_by_role("link", name="Change this service").click()
    axe_check(page)
    page.get_by_label("What the service offers").fill("Speech and language sessions, now with signing.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Speech and language sessions, now with signing.")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Send for approval").click()
    expect(page.get_by_text("Sent for approval.")).to_be_visible()

    officer_context = browser.new_context(**browser_context_args)
    officer_page = officer_context.new_page()
    sign_in_as(officer_page, LocalOfferOfficerFactory())
    officer_page.goto(f"{live_server.url}/local-offer/officer/")
    axe_check(officer_page)
    officer_page.get_by_role("link", name=re.compile("Little Voices speech therapy")).click()
    expect(officer_page.locator("ins", has_text="now with signing")).to_be_visible()
    axe_check(officer_page)
    officer_page.get_by_role("button", name="Approve and publish").click()
    expect(officer_page.get_by_text("is published with these changes")).to_be_visible()
    officer_context.close()

    page.goto(f"{live_server.url}/local-offer/services/{speech.pk}/")
    expect(page.get_by_text("Speech and language sessions, now with signing.")).to_be_visible()


def test_family_comment_to_you_said_we_did(browser, browser_context_args, no_js_page, live_server, offer, sign_in_as,
                                           axe_check):
    no_js_page.goto(f"{live_server.url}/local-offer/comment/")
    no_js_page.get_by_label("Support that is missing from the Local Offer").check()
    no_js_page.get_by_label("Your comment").fill("My son Tom needs a quiet swimming session near Wealdbury.")
    no_js_page.get_by_role("button", name="Send comment").click()
    expect(no_js_page.get_by_role("heading", name="Thank you for your comment")).to_be_visible()

    context = browser.new_context(**browser_context_args)
    officer = context.new_page()
    sign_in_as(officer, LocalOfferOfficerFactory())
    officer.goto(f"{live_server.url}/local-offer/officer/comments/")
    axe_check(officer)
    officer.get_by_role("link", name=re.compile("quiet swimming")).click()
    axe_check(officer)
    officer.get_by_role("link", name="Decide whether to publish").click()
    officer.get_by_label("Yes, publish it").check()
    officer.get_by_role("textbox", name="Wording to publish").fill("We need a quiet swimming session in the north.")
    officer.get_by_role("button", name="Save").click()
    officer.get_by_role("link", name="Write the response").click()
    officer.get_by_label("The council's response").fill("We asked our leisure centres.")
    officer.get_by_label("What the council will do, or has done").fill("Quiet swims start in May.")
    officer.get_by_role("button", name="Save and publish").click()
    expect(officer.get_by_text("The comment is published")).to_be_visible()
    context.close()

    no_js_page.goto(f"{live_server.url}/local-offer/you-said-we-did/")
    expect(no_js_page.get_by_text("We need a quiet swimming session in the north.")).to_be_visible()
    expect(no_js_page.get_by_text("Quiet swims start in May.")).to_be_visible()
    expect(no_js_page.get_by_text("Tom")).to_have_count(0)
