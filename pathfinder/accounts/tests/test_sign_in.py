"""Signing in and out: the form, lockout after repeated failures, redirects that stay on this site."""

from __future__ import annotations

import html
import re
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.settings import base
from pathfinder.accounts.tests.factories import TEST_PASSWORD, CaseworkerFactory, ParentFactory
from pathfinder.audit.models import AuditAction, AuditEvent

SIGN_IN = "/account/sign-in/"


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def post_sign_in(client, username, password, next_url=""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(SIGN_IN, data)


def test_argon2_is_the_first_password_hasher():
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
def test_sign_in_page_shows_the_form(client):
    response = client.get(SIGN_IN)
    assert response.status_code == 200
    assert b'autocomplete="current-password"' in response.content


@pytest.mark.django_db
def test_parent_signs_in_with_the_right_password(client):
    parent = ParentFactory()
    response = post_sign_in(client, parent.username, TEST_PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(parent.pk)
    assert AuditEvent.objects.filter(actor=parent, action=AuditAction.SIGN_IN).exists()


@pytest.mark.django_db
def test_wrong_password_is_refused_with_the_same_words_as_an_unknown_user(client):
    parent = ParentFactory()
    wrong_password = post_sign_in(client, parent.username, "not-the-password")
    unknown_user = post_sign_in(client, "nobody-by-this-name", "not-the-password")
    for response in (wrong_password, unknown_user):
        assert response.status_code == 200
        assert SESSION_KEY not in client.session
        assert "Enter a correct username and password" in response.content.decode()
        assert response.content.decode().count("There is a problem") == 1


@pytest.mark.django_db
def test_empty_form_shows_the_error_summary(client):
    response = client.post(SIGN_IN, {"username": "", "password": ""})
    html = response.content.decode()
    assert "<title>Error: Sign in" in html
    assert 'href="#id_username"' in html and "Enter your username" in html
    assert 'href="#id_password"' in html and "Enter your password" in html


@pytest.mark.django_db
def test_inactive_user_cannot_sign_in(client):
    parent = ParentFactory(is_active=False)
    post_sign_in(client, parent.username, TEST_PASSWORD)
    assert SESSION_KEY not in client.session


# Lockout (django-axes).
def test_lockout_is_configured_at_five_failures():
    assert base.AXES_FAILURE_LIMIT == 5
    assert base.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


@pytest.mark.django_db
def test_sixth_sign_in_is_refused_after_five_failures_even_with_the_right_password(client, settings):
    assert settings.AXES_ENABLED
    parent = ParentFactory()
    for _ in range(4):
        assert post_sign_in(client, parent.username, "wrong-password").status_code == 200
    fifth = post_sign_in(client, parent.username, "wrong-password")
    assert fifth.status_code == 429

    sixth = post_sign_in(client, parent.username, TEST_PASSWORD)
    assert sixth.status_code == 429
    assert "Your account is locked" in sixth.content.decode()
    assert "<title>Your account is locked" in sixth.content.decode()
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_lockout_is_per_username_so_others_can_still_sign_in(client):
    locked, other = ParentFactory(), ParentFactory()
    for _ in range(5):
        post_sign_in(client, locked.username, "wrong-password")
    response = post_sign_in(client, other.username, TEST_PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(other.pk)


@pytest.mark.django_db
def test_a_good_sign_in_before_the_limit_clears_the_failures(client):
    parent = ParentFactory()
    for _ in range(4):
        post_sign_in(client, parent.username, "wrong-password")
    assert post_sign_in(client, parent.username, TEST_PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert post_sign_in(client, parent.username, "wrong-password").status_code == 200
    assert post_sign_in(client, parent.username, TEST_PASSWORD).status_code == 302


# Where sign-in sends people.
@pytest.mark.django_db
def test_next_on_this_site_is_followed(client):
    parent = ParentFactory()
    response = post_sign_in(client, parent.username, TEST_PASSWORD, next_url="/privacy/")
    assert response["Location"] == "/privacy/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "http:evil.example",
        "https:/evil.example",
        "javascript:alert(1)",
        " //evil.example",
    ],
)
def test_next_cannot_send_people_off_site(client, target):
    parent = ParentFactory()
    response = post_sign_in(client, parent.username, TEST_PASSWORD, next_url=target)
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
@override_settings(PATHFINDER_REQUIRE_STAFF_MFA=True)
@pytest.mark.parametrize(
    ("target", "landing"),
    [
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        # A next that carries its own query string (even one naming another next) stays one local address.
        ("/privacy/?a=1&next=//evil.example/", "/privacy/?a=1&next=//evil.example/"),
    ],
)
def test_next_cannot_send_staff_off_site_through_the_security_code_step(client, target, landing):
    caseworker = CaseworkerFactory()
    response = post_sign_in(client, caseworker.username, TEST_PASSWORD, next_url=target)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/verify/?next=")
    device = TOTPDevice.objects.create(user=caseworker, name="Phone", confirmed=True)
    verify_page = client.get(response["Location"]).content.decode()
    next_field = html.unescape(re.search(r'name="next" value="([^"]*)"', verify_page).group(1))
    verified = client.post(response["Location"], {"code": current_code(device), "next": next_field})
    assert verified.status_code == 302
    assert verified["Location"] == landing


@pytest.mark.django_db
def test_next_is_kept_whole_through_the_security_code_step(client, settings):
    settings.PATHFINDER_REQUIRE_STAFF_MFA = True
    caseworker = CaseworkerFactory()
    TOTPDevice.objects.create(user=caseworker, name="Phone", confirmed=True)
    response = post_sign_in(client, caseworker.username, TEST_PASSWORD, next_url="/children/?q=smith&page=2")
    page = client.get(response["Location"])
    assert 'name="next" value="/children/?q=smith&amp;page=2"' in page.content.decode()


# Signing out.
@pytest.mark.django_db
def test_sign_out_is_post_only(client):
    parent = ParentFactory()
    client.force_login(parent)
    assert client.get("/account/sign-out/").status_code == 405
    assert client.session[SESSION_KEY] == str(parent.pk)


@pytest.mark.django_db
def test_sign_out_ends_the_session(client):
    client.force_login(ParentFactory())
    response = client.post("/account/sign-out/")
    assert response.status_code == 200
    assert "You have signed out" in response.content.decode()
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_sign_out_needs_the_csrf_token():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    parent = ParentFactory()
    client.force_login(parent)
    assert client.post("/account/sign-out/").status_code == 403
    assert client.session[SESSION_KEY] == str(parent.pk)


@pytest.mark.django_db
def test_signing_in_gives_a_new_session_key(client):
    """No session fixation: a key planted before sign-in is not the one that ends up signed in."""
    client.get(SIGN_IN)
    session = client.session
    session["planted"] = True
    session.save()
    planted_key = session.session_key
    parent = ParentFactory()
    post_sign_in(client, parent.username, TEST_PASSWORD)
    assert client.session.session_key != planted_key
    assert client.session[SESSION_KEY] == str(parent.pk)


@pytest.mark.django_db
def test_a_session_ends_after_eight_hours_however_active(client):
    from pathfinder.accounts.middleware import SIGNED_IN_AT
    from pathfinder.accounts.tests.helpers import sign_in

    parent = ParentFactory()
    sign_in(client, parent)
    assert client.get(reverse("family:home")).status_code == 200
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - 8 * 3600 - 60
    session.save()
    response = client.get(reverse("family:home"))
    assert response.status_code == 302 and reverse("accounts:sign-in") in response["Location"]
