"""Staff need a second factor (a time-based code) before any staff page; families do not."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pathfinder.accounts.tests.factories import (
    TEST_PASSWORD,
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    ParentFactory,
)

VERIFY = "/account/verify/"
STAFF_PAGE = "/children/"  # people:child-list, for caseworkers and managers

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mfa_required")]


@pytest.fixture
def mfa_required():
    with override_settings(PATHFINDER_REQUIRE_STAFF_MFA=True):
        yield


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    """A code the device will not accept now (not the code of any step within its tolerance)."""
    near = {code_for(device, offset) for offset in range(-3, 4)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in near)


def password_step(client, user) -> object:
    return client.post("/account/sign-in/", {"username": user.username, "password": TEST_PASSWORD,
                                             "next": STAFF_PAGE})


def test_staff_with_the_right_password_are_asked_for_a_code(client):
    caseworker = CaseworkerFactory()
    TOTPDevice.objects.create(user=caseworker, name="Phone", confirmed=True)
    response = password_step(client, caseworker)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Enter your security code" in page.content.decode()
    assert "<svg" not in page.content.decode()  # a set-up device: no QR code again


@pytest.mark.parametrize("path", [STAFF_PAGE, "/insights/", "/assessments/new/"])
def test_staff_cannot_reach_staff_pages_before_the_code(client, path):
    caseworker = CaseworkerFactory()
    password_step(client, caseworker)
    assert client.session[SESSION_KEY] == str(caseworker.pk)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_wrong_code_shows_an_error_and_keeps_the_door_shut(client):
    caseworker = CaseworkerFactory()
    device = TOTPDevice.objects.create(user=caseworker, name="Phone", confirmed=True)
    password_step(client, caseworker)
    response = client.post(VERIFY, {"code": wrong_code_for(device), "next": STAFF_PAGE})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Enter the security code shown in your authenticator app now" in html
    assert "<title>Error: Enter your security code" in html
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get(STAFF_PAGE)["Location"].startswith(VERIFY)


def test_empty_code_shows_an_error(client):
    caseworker = CaseworkerFactory()
    TOTPDevice.objects.create(user=caseworker, name="Phone", confirmed=True)
    password_step(client, caseworker)
    response = client.post(VERIFY, {"code": "", "next": STAFF_PAGE})
    assert 'href="#id_code"' in response.content.decode()
    assert "Enter the security code" in response.content.decode()


def test_right_code_opens_staff_pages(client):
    caseworker = CaseworkerFactory()
    device = TOTPDevice.objects.create(user=caseworker, name="Phone", confirmed=True)
    password_step(client, caseworker)
    response = client.post(VERIFY, {"code": code_for(device), "next": STAFF_PAGE})
    assert response.status_code == 302
    assert response["Location"] == STAFF_PAGE
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(STAFF_PAGE).status_code == 200


def test_a_code_cannot_be_used_twice(client):
    caseworker = CaseworkerFactory()
    device = TOTPDevice.objects.create(user=caseworker, name="Phone", confirmed=True)
    code = code_for(device)
    password_step(client, caseworker)
    assert client.post(VERIFY, {"code": code, "next": STAFF_PAGE}).status_code == 302

    client.post("/account/sign-out/")
    password_step(client, caseworker)
    replay = client.post(VERIFY, {"code": code, "next": STAFF_PAGE})
    assert replay.status_code == 200
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_a_password_alone_never_reaches_the_set_up_of_an_authenticator(client):
    """Whoever signs in first with a new account's password must not enrol their own phone (set-up needs a link)."""
    adviser = AdviserFactory()
    password_step(client, adviser)
    page = client.get(VERIFY)
    html = page.content.decode()
    assert "Set up your authenticator app first" in html
    assert "<svg" not in html and "totp-secret" not in html
    assert not TOTPDevice.objects.filter(user=adviser).exists()
    # Nor can any code (there is no device to match) open a staff page.
    response = client.post(VERIFY, {"code": "123456", "next": "/"})
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert response.status_code == 200


def test_an_unconfirmed_device_cannot_be_confirmed_from_the_sign_in_code_step(client):
    adviser = AdviserFactory()
    pending = TOTPDevice.objects.create(user=adviser, name="Being set up", confirmed=False)
    password_step(client, adviser)
    client.post(VERIFY, {"code": code_for(pending), "next": "/"})
    pending.refresh_from_db()
    assert not pending.confirmed
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_verify_page_sends_signed_out_visitors_to_sign_in(client):
    response = client.get(VERIFY)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")
    assert not TOTPDevice.objects.exists()


def test_parents_do_not_need_a_second_factor(client):
    parent = ParentFactory()
    response = client.post("/account/sign-in/", {"username": parent.username, "password": TEST_PASSWORD,
                                                 "next": "/children/family/"})
    assert response["Location"] == "/children/family/"
    assert client.get("/children/family/").status_code == 200
    assert not TOTPDevice.objects.filter(user=parent).exists()


def test_parents_are_not_offered_an_authenticator_set_up(client):
    parent = ParentFactory()
    client.force_login(parent)
    response = client.get(VERIFY)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=parent).exists()


def test_admin_site_also_needs_the_code(client):
    admin = AdministratorFactory()
    client.post("/account/sign-in/", {"username": admin.username, "password": TEST_PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_without_the_setting_staff_sign_in_with_a_password_only(client):
    caseworker = CaseworkerFactory()
    with override_settings(PATHFINDER_REQUIRE_STAFF_MFA=False):
        response = password_step(client, caseworker)
        assert response["Location"] == STAFF_PAGE
        assert client.get(STAFF_PAGE).status_code == 200


# Production settings refuse to start unsafely.
REPO_ROOT = Path(__file__).resolve().parents[3]


def load_production_settings(**env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PATHFINDER_"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import config.settings.production as s; print('MFA', s.PATHFINDER_REQUIRE_STAFF_MFA)"],
        cwd=REPO_ROOT, env=environment, capture_output=True, text=True, timeout=60, check=False,
    )


def test_production_settings_load_with_a_secret_key_and_mfa():
    result = load_production_settings(DJANGO_SECRET_KEY="a-long-random-production-secret-key-for-this-test")
    assert result.returncode == 0, result.stderr
    assert "MFA True" in result.stdout


def test_production_settings_refuse_to_load_without_a_secret_key():
    result = load_production_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr


def test_production_settings_refuse_to_load_with_staff_mfa_off():
    result = load_production_settings(DJANGO_SECRET_KEY="a-long-random-secret", PATHFINDER_REQUIRE_STAFF_MFA="false")
    assert result.returncode != 0
    assert "multi-factor sign-in cannot be turned off" in result.stderr


def test_a_code_of_the_wrong_length_is_a_typing_slip_not_a_wrong_guess(client):
    caseworker = CaseworkerFactory()
    device = TOTPDevice.objects.create(user=caseworker, name="Phone", confirmed=True)
    password_step(client, caseworker)
    response = client.post(VERIFY, {"code": "12345", "next": STAFF_PAGE})
    assert "Enter the 6-digit security code from your authenticator app" in response.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 0
    # Spaces, as some apps show the code, are fine.
    spaced = f"{code_for(device)[:3]} {code_for(device)[3:]}"
    assert client.post(VERIFY, {"code": spaced, "next": STAFF_PAGE})["Location"] == STAFF_PAGE


def test_after_wrong_codes_the_user_is_told_to_wait_not_that_a_right_code_is_wrong(client):
    from django.utils import timezone

    caseworker = CaseworkerFactory()
    device = TOTPDevice.objects.create(
        user=caseworker, name="Phone", confirmed=True,
        throttling_failure_count=5, throttling_failure_timestamp=timezone.now(),  # 16 seconds' wait
    )
    password_step(client, caseworker)
    response = client.post(VERIFY, {"code": code_for(device), "next": STAFF_PAGE})
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"You have entered a wrong code\. Wait 1[0-6] seconds", html)
    assert DEVICE_ID_SESSION_KEY not in client.session
