"""Signing in and out in a real browser: families with a password, staff with a password and a security code."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from django_otp.oath import totp
from playwright.sync_api import expect

from pathfinder.accounts.models import StaffInvitation
from pathfinder.accounts.services import staff_invitation_approve, staff_invitation_create
from pathfinder.accounts.services import user_role_change as staff_user_role_change
from pathfinder.accounts.tests.factories import (
    TEST_PASSWORD,
    AdministratorFactory,
    CaseworkerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(PATHFINDER_REQUIRE_STAFF_MFA=True)
def test_new_caseworker_sets_up_an_authenticator_with_an_invitation_and_reaches_their_cases(
    page, live_server, axe_check
):
    caseworker = CaseworkerFactory(first_name="Priya", last_name="Shah")
    token = staff_invitation_create(acting_user=AdministratorFactory(), user=caseworker)
    # A caseworker's link works once a second person (here a manager) approves it.
    staff_invitation_approve(acting_user=ManagerFactory(), invitation=StaffInvitation.objects.get(user=caseworker))

    # The password alone does not reach the set-up.
    page.goto(f"{live_server.url}/account/sign-in/")
    page.get_by_label("Username").fill(caseworker.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app first")
    expect(page.locator("#totp-secret")).to_have_count(0)
    page.get_by_role("button", name=re.compile("^Sign out")).click()

    # The invitation link the administrator gave them does.
    page.goto(f"{live_server.url}/account/set-up/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    expect(page.locator("svg").first).to_be_attached()  # the QR code
    axe_check(page)

    # What a person would type from their app, using the key shown on the page.
    key = bytes.fromhex(page.locator("#totp-secret").inner_text())
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_label("Security code").fill("12345")
    page.get_by_role("button", name="Set up and sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the 6-digit security code")
    expect(page).to_have_title(re.compile(r"^Error: Set up your authenticator app"))
    axe_check(page)

    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_label("Security code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Set up and sign in").click()
    expect(page).to_have_url(f"{live_server.url}/insights/")
    expect(page.get_by_role("button", name="Sign out (Priya Shah)")).to_be_visible()

    # The link works once.
    page.goto(f"{live_server.url}/account/set-up/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This set-up link cannot be used")


def test_parent_signs_in_and_out_by_keyboard(page, live_server, sign_in_as, tab_to, axe_check):
    parent = ParentFactory(first_name="Sam", last_name="Jones")
    sign_in_as(page, parent)
    expect(page).to_have_url(f"{live_server.url}/children/family/")

    tab_to(page, "button:has-text('Sign out')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")
    axe_check(page)

    page.goto(f"{live_server.url}/children/family/")
    expect(page).to_have_url(re.compile(r"/account/sign-in/\?next=/children/family/$"))


def test_sign_out_works_without_javascript(no_js_page, live_server):
    parent = ParentFactory()
    page = no_js_page
    page.goto(f"{live_server.url}/account/sign-in/")
    page.get_by_label("Username").fill(parent.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name=re.compile("^Sign out")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")


def test_manager_approves_a_change_of_role_without_javascript(no_js_page, live_server, sign_in_as, axe_check):
    from pathfinder.accounts.roles import Role

    provider = ProviderFactory(first_name="Robin", last_name="Ash")
    staff_user_role_change(acting_user=AdministratorFactory(), user=provider, role=Role.CASEWORKER)
    page = sign_in_as(no_js_page, ManagerFactory())
    page.goto(f"{live_server.url}/account/role-changes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Changes of role")
    axe_check(page)
    page.get_by_role("button", name="Approve SEND caseworker for Robin Ash").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You approved the change of role for Robin Ash")
    provider.refresh_from_db()
    assert provider.role == Role.CASEWORKER
