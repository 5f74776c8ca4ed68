"""The admin site: every page answers without a server error, and no page shows an authenticator's secret."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pathfinder.accounts.tests.factories import AdministratorFactory, CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in

pytestmark = pytest.mark.django_db

MISSING_PK = 987654


def admin_url_patterns(resolver=None, prefix: str = "/admin/"):
    """Every route of the admin site as (route with <converters>, pattern), custom pages included."""
    patterns = resolver.url_patterns if resolver is not None else admin.site.urls[0]
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from admin_url_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def fill(route: str, pk) -> str | None:
    """The route with its parameters filled in, or None for routes that need something other than a pk."""
    route = route.replace("^", "").replace("$", "")
    if "<app_label>" in route or "content_type_id" in route:
        return None
    return re.sub(r"<(?:int:|path:)?[a-z_]+>", str(pk), route)


@pytest.fixture
def admin_client(client):
    administrator = AdministratorFactory(is_superuser=True)
    caseworker = CaseworkerFactory()
    client.device = TOTPDevice.objects.create(user=caseworker, name="Phone", confirmed=True)
    StaticToken.objects.create(device=StaticDevice.objects.create(user=caseworker, name="Backup"), token="abc12345")
    sign_in(client, administrator)
    return client


def model_pages(model) -> list[str]:
    info = (model._meta.app_label, model._meta.model_name)
    pages = [reverse(f"admin:{info[0]}_{info[1]}_changelist"), reverse(f"admin:{info[0]}_{info[1]}_add")]
    obj = model._default_manager.order_by("pk").last()
    if obj is not None:
        for view in ("change", "history", "delete"):
            pages.append(reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[obj.pk]))
    return pages


def test_every_list_add_and_change_page_of_every_registered_model_answers_without_a_server_error(admin_client):
    walked = []
    for model in admin.site._registry:
        for url in model_pages(model):
            response = admin_client.get(url)
            assert response.status_code < 500, f"{url} answered {response.status_code}"
            walked.append(url)
    assert "/admin/accounts/user/" in walked and "/admin/otp_totp/totpdevice/" in walked


def test_every_admin_route_answers_without_a_server_error_for_a_real_and_a_missing_record(admin_client):
    device = admin_client.device
    checked = 0
    for route, _pattern in admin_url_patterns():
        for pk in (device.pk, MISSING_PK):
            url = fill(route, pk)
            if url is None or "logout" in url:
                continue
            admin_client.raise_request_exception = False
            response = admin_client.get(url)
            assert response.status_code < 500, f"{url} answered {response.status_code}"
            checked += 1
    assert checked > 50


@pytest.mark.parametrize("model", [TOTPDevice, StaticDevice])
def test_no_admin_page_shows_a_device_secret_or_qr_code(admin_client, model):
    secrets = [admin_client.device.key, "abc12345"]
    for url in model_pages(model):
        html = admin_client.get(url).content.decode()
        for secret in secrets:
            assert secret not in html, f"{url} shows a secret"
        assert "qrcode" not in html.lower()
    for page in ("config", "qrcode"):
        assert admin_client.get(f"/admin/otp_totp/totpdevice/{admin_client.device.pk}/{page}/").status_code != 200


def test_devices_cannot_be_added_or_changed_in_the_admin_but_a_lost_one_can_be_deleted(admin_client):
    device = admin_client.device
    assert admin_client.get("/admin/otp_totp/totpdevice/add/").status_code == 403
    response = admin_client.post(f"/admin/otp_totp/totpdevice/{device.pk}/change/", {"name": "Mine now"})
    device.refresh_from_db()
    assert device.name == "Phone"
    assert response.status_code == 403
    admin_client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
