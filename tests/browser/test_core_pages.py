"""The pages everyone can reach: accessible, styled, usable by keyboard, without JavaScript and at 400% zoom."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    ("/", "Wealdmoor County Council SEND services"),
    ("/accessibility/", "Accessibility statement"),
    ("/privacy/", "Privacy"),
    ("/account/sign-in/", "Sign in"),
]


@pytest.mark.parametrize(("path", "heading"), PUBLIC_PAGES)
def test_public_page_is_accessible_and_styled(page, live_server, axe_check, path, heading):
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page).to_have_title(re.compile(r".+ – SEND services – Wealdmoor County Council$"))
    # The GOV.UK Frontend stylesheet loaded (compiled with Arial: GDS Transport is for GOV.UK only),
    # and its JavaScript ran (the js-enabled class the template sets, then initAll's supported class).
    font = page.evaluate("() => getComputedStyle(document.querySelector('h1')).fontFamily")
    assert font.lower().startswith("arial"), font
    expect(page.locator("body")).to_have_class(re.compile(r"govuk-frontend-supported"))
    axe_check(page)


def test_page_not_found_is_accessible(page, live_server, axe_check):
    response = page.goto(f"{live_server.url}/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("link", name="Go to the start page")).to_be_visible()
    axe_check(page)


@pytest.mark.parametrize("path", [p for p, _ in PUBLIC_PAGES] + ["/no-such-page/"])
def test_page_reflows_at_400_percent_zoom(narrow_page, live_server, assert_reflows, path):
    narrow_page.goto(f"{live_server.url}{path}")
    expect(narrow_page.get_by_role("heading", level=1)).to_be_visible()
    assert_reflows(narrow_page)


def test_skip_link_is_the_first_thing_the_tab_key_reaches(page, live_server):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href')})"
    )
    assert focused == {"text": "Skip to main content", "href": "#main-content"}
    expect(page.locator("main#main-content")).to_have_count(1)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"


def test_sign_in_form_can_be_used_by_keyboard_alone(page, live_server, tab_to):
    page.goto(f"{live_server.url}/account/sign-in/")
    tab_to(page, "#id_username")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_password"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Sign in"


def test_sign_in_errors_without_javascript(no_js_page, live_server, axe_check):
    page = no_js_page
    page.goto(f"{live_server.url}/account/sign-in/")
    assert page.evaluate("() => document.body.classList.contains('js-enabled')") is False
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    links = summary.get_by_role("link")
    expect(links).to_have_text(["Enter your username", "Enter your password"])
    for link in links.all():
        target_id = link.get_attribute("href").removeprefix("#")
        expect(page.locator(f"#{target_id}")).to_be_visible()
    expect(page.locator("#id_username-error")).to_contain_text("Enter your username")
    # Following a link in the summary goes to the field even without JavaScript.
    links.first.click()
    assert page.url.endswith("#id_username")
    axe_check(page)


def test_sign_in_errors_with_javascript_move_focus_to_the_summary(page, live_server, axe_check):
    page.goto(f"{live_server.url}/account/sign-in/")
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter a correct username and password")
    axe_check(page)


@pytest.mark.parametrize("path", ["/", "/account/sign-in/"])
def test_govuk_frontend_runs_under_the_real_content_security_policy(csp_page, live_server, path):
    """The other tests bypass the CSP to inject axe; this one proves the hashed and module scripts run and nothing is blocked."""
    csp_page.goto(f"{live_server.url}{path}")
    expect(csp_page.locator("body")).to_have_class(re.compile(r"\bjs-enabled\b.*\bgovuk-frontend-supported\b"))
    font = csp_page.evaluate("() => getComputedStyle(document.querySelector('h1')).fontFamily")
    assert font.lower().startswith("arial"), font
    assert csp_page.csp_messages == []


def test_refused_page_is_accessible_and_says_why(page, live_server, sign_in_as, axe_check):
    from pathfinder.accounts.tests.factories import ParentFactory

    sign_in_as(page, ParentFactory())
    response = page.goto(f"{live_server.url}/insights/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot see this page")
    axe_check(page)
