"""A parent sorts Local Offer results without JavaScript; the officer is warned before publishing a comment that
names a child and a school. axe-core checks both pages."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory
from pathfinder.directory.models import PostcodeCentroid
from pathfinder.directory.tests.factories import LocationFactory, ServiceAtLocationFactory, ServiceFactory
from pathfinder.feedback.tests.factories import CommentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("PF_SCREENSHOTS")  # a folder, to look at the pages as their users would


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_parent_sorts_results_without_javascript(no_js_page, live_server, axe_check):
    PostcodeCentroid.objects.create(postcode="WM1 1AA", outcode="WM1", latitude=51.05, longitude=-0.85)
    for name, latitude in (("Aqua fun swimming", 51.10), ("Wealdmoor pool swimming", 51.051)):
        ServiceAtLocationFactory(service=ServiceFactory(name=name, description="Swimming."),
                                 location=LocationFactory(latitude=latitude, longitude=-0.85))
    page = no_js_page
    page.goto(f"{live_server.url}/local-offer/?q=swimming&postcode=WM1+1AA")
    expect(page.get_by_label("Sort by")).to_have_value("distance")  # nearest first with a postcode
    expect(page.locator(".pf-result h3").first).to_have_text("Wealdmoor pool swimming")
    page.get_by_label("Sort by").select_option("name")
    page.get_by_role("button", name="Sort results").click()
    expect(page.locator(".pf-result h3").first).to_have_text("Aqua fun swimming")
    _shot(page, "search-sorted")
    axe_check(page)


def test_the_officer_is_warned_before_publishing_a_name(page, live_server, sign_in_as, axe_check):
    comment = CommentFactory(text="My son Tom at Oak School needs autism-friendly swimming.")
    sign_in_as(page, LocalOfferOfficerFactory())
    page.goto(f"{live_server.url}/local-offer/officer/comments/{comment.pk}/decide/")
    expect(page.get_by_text("may name a person or a school: ‘Tom’, ‘Oak School’")).to_be_visible()
    page.get_by_label("Yes, publish it (with the wording below)").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("may name a person or a school")
    _shot(page, "moderate-names")
    axe_check(page)
    page.get_by_label("I have checked: nobody can be identified from what will be published").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Decision saved.")).to_be_visible()
