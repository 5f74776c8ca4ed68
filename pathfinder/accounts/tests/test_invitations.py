"""New staff set up their authenticator only through a single-use, expiring invitation link (with their password)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import override_settings
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pathfinder.accounts import services
from pathfinder.accounts.models import StaffInvitation
from pathfinder.accounts.tests.factories import (
    TEST_PASSWORD,
    AdministratorFactory,
    CaseworkerFactory,
    LocalOfferOfficerFactory,
    ManagerFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent

pytestmark = [pytest.mark.django_db]


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def invited():
    administrator = AdministratorFactory()
    caseworker = CaseworkerFactory()
    token = services.staff_invitation_create(acting_user=administrator, user=caseworker)
    # A caseworker already holds a case role, so a second person approves the link.
    services.staff_invitation_approve(acting_user=ManagerFactory(), invitation=StaffInvitation.objects.get(user=caseworker))
    return administrator, caseworker, token


def set_up_url(token: str) -> str:
    return f"/account/set-up/{token}/"


def complete(client, token, caseworker, password=TEST_PASSWORD):
    client.get(set_up_url(token))
    device = TOTPDevice.objects.get(user=caseworker, confirmed=False)
    return client.post(set_up_url(token), {"password": password, "code": code_for(device)}), device


class TestInvitation:
    def test_only_a_hash_of_the_token_is_kept(self, invited):
        _, caseworker, token = invited
        invitation = StaffInvitation.objects.get(user=caseworker)
        assert token not in invitation.token_hash
        assert invitation.token_hash == services.invitation_token_hash(token)
        assert len(token) >= 40

    def test_the_link_shows_the_qr_code_and_sets_up_the_device_and_signs_in(self, client, invited):
        _, caseworker, token = invited
        page = client.get(set_up_url(token)).content.decode()
        assert "<svg" in page and "Set up your authenticator app" in page
        response, device = complete(client, token, caseworker)
        assert response.status_code == 302
        device.refresh_from_db()
        assert device.confirmed
        assert client.session[SESSION_KEY] == str(caseworker.pk)
        assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
        assert client.get("/children/").status_code == 200

    def test_the_link_works_once(self, client, invited):
        _, caseworker, token = invited
        complete(client, token, caseworker)
        client.post("/account/sign-out/")
        again = client.get(set_up_url(token))
        assert again.status_code == 404
        assert "This set-up link cannot be used" in again.content.decode()
        assert "<svg" not in again.content.decode()

    def test_an_expired_link_does_not_work(self, client, invited, settings):
        _, caseworker, token = invited
        StaffInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
        assert client.get(set_up_url(token)).status_code == 404
        assert not TOTPDevice.objects.filter(user=caseworker).exists()

    @override_settings(PATHFINDER_INVITATION_HOURS=2)
    def test_the_expiry_comes_from_the_setting(self):
        caseworker = CaseworkerFactory()
        services.staff_invitation_create(acting_user=AdministratorFactory(), user=caseworker)
        lifetime = StaffInvitation.objects.get(user=caseworker).expires_at - timezone.now()
        assert timedelta(hours=1, minutes=59) < lifetime <= timedelta(hours=2)

    def test_a_made_up_token_does_not_work(self, client, invited):
        assert client.get(set_up_url("x" * 43)).status_code == 404

    def test_the_link_alone_is_not_enough_without_the_password(self, client, invited):
        _, caseworker, token = invited
        response, device = complete(client, token, caseworker, password="not-the-password")
        assert response.status_code == 200
        assert "Enter the password your administrator gave you" in response.content.decode()
        device.refresh_from_db()
        assert not device.confirmed
        assert SESSION_KEY not in client.session
        assert StaffInvitation.objects.get(user=caseworker).used_at is None

    def test_a_wrong_code_keeps_the_link_usable(self, client, invited):
        _, caseworker, token = invited
        client.get(set_up_url(token))
        device = TOTPDevice.objects.get(user=caseworker)
        near = {f"{totp(device.bin_key, device.step, device.t0, 6, drift):06d}" for drift in range(-3, 4)}
        wrong = next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in near)
        response = client.post(set_up_url(token), {"password": TEST_PASSWORD, "code": wrong})
        assert "Enter the security code shown in your authenticator app now" in response.content.decode()
        assert StaffInvitation.objects.get(user=caseworker).used_at is None
        assert SESSION_KEY not in client.session

    def test_a_new_link_replaces_the_old_one(self, client, invited):
        administrator, caseworker, token = invited
        newer = services.staff_invitation_create(acting_user=administrator, user=caseworker)
        services.staff_invitation_approve(acting_user=ManagerFactory(),
                                          invitation=StaffInvitation.objects.get(user=caseworker, used_at=None,
                                                                                 approved_by=None))
        assert client.get(set_up_url(token)).status_code == 404
        assert client.get(set_up_url(newer)).status_code == 200

    def test_a_new_phone_replaces_the_old_device(self, client, invited):
        administrator, caseworker, token = invited
        old = TOTPDevice.objects.create(user=caseworker, name="Old phone", confirmed=True)
        complete(client, token, caseworker)
        assert not TOTPDevice.objects.filter(pk=old.pk).exists()
        assert TOTPDevice.objects.filter(user=caseworker, confirmed=True).count() == 1

    def test_making_and_using_a_link_are_audited(self, client, invited):
        administrator, caseworker, token = invited
        made = AuditEvent.objects.get(what__startswith="made an authenticator set-up link")
        assert made.actor == administrator and caseworker.username in made.what
        complete(client, token, caseworker)
        used = AuditEvent.objects.get(what__startswith="set up an authenticator app")
        assert used.actor == caseworker

    def test_only_an_administrator_can_make_a_link(self):
        from pathfinder.core.errors import ServiceError

        with pytest.raises(ServiceError):
            services.staff_invitation_create(acting_user=CaseworkerFactory(), user=CaseworkerFactory())


class TestAdminGivesTheLink:
    def test_adding_a_member_of_staff_in_the_admin_gives_a_set_up_link(self, client):
        administrator = AdministratorFactory(is_superuser=True)
        sign_in(client, administrator)
        response = client.post("/admin/accounts/user/add/", {
            "username": "new.officer", "password1": TEST_PASSWORD, "password2": TEST_PASSWORD,
            "usable_password": "true", "role": "local_offer_officer",
        }, follow=True)
        assert response.status_code == 200
        link = re.search(r"http://testserver(/account/set-up/[\w-]+/)", response.content.decode())
        assert link, "the admin should show the set-up link once"
        client.post("/account/sign-out/")
        assert "Set up your authenticator app" in client.get(link.group(1)).content.decode()

    def test_the_admin_action_makes_a_fresh_link(self, client):
        administrator = AdministratorFactory(is_superuser=True)
        caseworker = CaseworkerFactory()
        sign_in(client, administrator)
        response = client.post("/admin/accounts/user/", {
            "action": "make_set_up_link", "_selected_action": [caseworker.pk],
        }, follow=True)
        assert re.search(r"/account/set-up/[\w-]+/", response.content.decode())
        assert StaffInvitation.objects.filter(user=caseworker, used_at__isnull=True).count() == 1


class TestApprovalForCaseRoleAccounts:
    """An administrator who resets a manager's password must not be able to set up their own phone on it."""

    def test_a_link_for_a_case_role_account_waits_for_a_second_person(self, client):
        administrator, manager = AdministratorFactory(), ManagerFactory()
        token = services.staff_invitation_create(acting_user=administrator, user=manager)
        response = client.get(set_up_url(token))
        assert response.status_code == 403
        assert "waiting for approval" in response.content.decode()
        assert not TOTPDevice.objects.filter(user=manager).exists()
        services.staff_invitation_approve(acting_user=ManagerFactory(), invitation=StaffInvitation.objects.get())
        assert client.get(set_up_url(token)).status_code == 200

    def test_the_maker_and_the_account_owner_cannot_approve(self):
        from pathfinder.core.errors import ServiceError

        administrator, manager = AdministratorFactory(), ManagerFactory()
        services.staff_invitation_create(acting_user=administrator, user=manager)
        invitation = StaffInvitation.objects.get()
        for who in (administrator, manager, CaseworkerFactory()):
            with pytest.raises(ServiceError):
                services.staff_invitation_approve(acting_user=who, invitation=invitation)
        services.staff_invitation_approve(acting_user=AdministratorFactory(), invitation=invitation)
        assert AuditEvent.objects.filter(what__startswith="approved an authenticator set-up link").exists()

    def test_a_link_for_a_role_without_children_records_needs_no_approval(self, client):
        officer = LocalOfferOfficerFactory()
        token = services.staff_invitation_create(acting_user=AdministratorFactory(), user=officer)
        assert client.get(set_up_url(token)).status_code == 200

    def test_a_manager_approves_on_the_changes_of_role_page(self, client):
        caseworker = CaseworkerFactory(first_name="Priya", last_name="Shah")
        services.staff_invitation_create(acting_user=AdministratorFactory(), user=caseworker)
        invitation = StaffInvitation.objects.get()
        sign_in(client, ManagerFactory())
        assert "Priya Shah" in client.get("/account/role-changes/").content.decode()
        assert client.post(f"/account/set-up-links/{invitation.pk}/approve/").status_code == 302
        invitation.refresh_from_db()
        assert invitation.approved_by is not None
