"""Administrators cannot give anyone, themselves included, a case role alone; every change of role is audited."""

from __future__ import annotations

import pytest

from pathfinder.accounts import services
from pathfinder.accounts.models import RoleChangeRequest, RoleChangeStatus, User
from pathfinder.accounts.roles import Role
from pathfinder.accounts.tests.factories import (
    TEST_PASSWORD,
    AdministratorFactory,
    CaseworkerFactory,
    ManagerFactory,
    ProviderFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError

pytestmark = pytest.mark.django_db


class TestRoleChangeService:
    def test_an_administrator_cannot_make_themselves_a_manager(self):
        administrator = AdministratorFactory()
        change = services.user_role_change(acting_user=administrator, user=administrator, role=Role.MANAGER)
        administrator.refresh_from_db()
        assert administrator.role == Role.ADMINISTRATOR
        assert change.status == RoleChangeStatus.PENDING
        with pytest.raises(ServiceError, match="someone else must approve"):
            services.role_change_decide(acting_user=administrator, change=change, approve=True)

    def test_a_second_administrator_approves_a_case_role_and_the_trail_says_who(self):
        asker, approver = AdministratorFactory(), AdministratorFactory()
        provider = ProviderFactory()
        change = services.user_role_change(acting_user=asker, user=provider, role=Role.CASEWORKER)
        services.role_change_decide(acting_user=approver, change=change, approve=True)
        provider.refresh_from_db()
        assert provider.role == Role.CASEWORKER
        event = AuditEvent.objects.get(what__startswith="changed the role of")
        assert event.actor == approver
        assert asker.username in event.what and provider.username in event.what
        assert AuditEvent.objects.filter(actor=asker, what__startswith="asked for").exists()

    def test_a_manager_may_approve(self):
        provider = ProviderFactory()
        change = services.user_role_change(acting_user=AdministratorFactory(), user=provider, role=Role.MANAGER)
        services.role_change_decide(acting_user=ManagerFactory(), change=change, approve=True)
        provider.refresh_from_db()
        assert provider.role == Role.MANAGER

    def test_nobody_approves_a_change_to_their_own_role(self):
        other_admin = AdministratorFactory()
        change = services.user_role_change(acting_user=AdministratorFactory(), user=other_admin, role=Role.MANAGER)
        with pytest.raises(ServiceError, match="your own role"):
            services.role_change_decide(acting_user=other_admin, change=change, approve=True)

    @pytest.mark.parametrize("factory", [CaseworkerFactory, ProviderFactory])
    def test_other_roles_cannot_approve(self, factory):
        change = services.user_role_change(acting_user=AdministratorFactory(), user=ProviderFactory(),
                                           role=Role.CASEWORKER)
        with pytest.raises(ServiceError):
            services.role_change_decide(acting_user=factory(), change=change, approve=True)

    def test_only_administrators_ask_for_changes(self):
        with pytest.raises(ServiceError):
            services.user_role_change(acting_user=ManagerFactory(), user=ProviderFactory(), role=Role.MANAGER)

    def test_a_role_that_opens_no_records_changes_at_once_and_is_audited(self):
        administrator, caseworker = AdministratorFactory(), CaseworkerFactory()
        services.user_role_change(acting_user=administrator, user=caseworker, role=Role.PROVIDER)
        caseworker.refresh_from_db()
        assert caseworker.role == Role.PROVIDER
        event = AuditEvent.objects.get(what__startswith="changed the role of")
        assert event.actor == administrator and "SEND caseworker" in event.what

    def test_a_refused_change_leaves_the_role_and_is_audited(self):
        provider = ProviderFactory()
        change = services.user_role_change(acting_user=AdministratorFactory(), user=provider, role=Role.MANAGER)
        services.role_change_decide(acting_user=ManagerFactory(), change=change, approve=False)
        provider.refresh_from_db()
        assert provider.role == Role.PROVIDER
        assert AuditEvent.objects.filter(what__startswith="refused the role").exists()
        with pytest.raises(ServiceError, match="already been decided"):
            services.role_change_decide(acting_user=ManagerFactory(), change=change, approve=True)

    def test_one_waiting_change_at_a_time(self):
        administrator, provider = AdministratorFactory(), ProviderFactory()
        services.user_role_change(acting_user=administrator, user=provider, role=Role.MANAGER)
        with pytest.raises(ServiceError, match="already waiting"):
            services.user_role_change(acting_user=administrator, user=provider, role=Role.CASEWORKER)


class TestAdminSite:
    @pytest.fixture
    def admin_client(self, client):
        administrator = AdministratorFactory(is_superuser=True)
        sign_in(client, administrator)
        client.administrator = administrator
        return client

    def test_the_user_change_page_cannot_set_a_role(self, admin_client):
        administrator = admin_client.administrator
        page = admin_client.get(f"/admin/accounts/user/{administrator.pk}/change/").content.decode()
        assert 'name="role"' not in page
        admin_client.post(f"/admin/accounts/user/{administrator.pk}/change/", {
            "username": administrator.username, "role": Role.MANAGER, "is_active": "on", "is_staff": "on",
            "date_joined_0": "2026-01-01", "date_joined_1": "09:00:00",
        })
        administrator.refresh_from_db()
        assert administrator.role == Role.ADMINISTRATOR

    def test_a_new_password_set_in_the_admin_is_audited(self, admin_client):
        manager = ManagerFactory()
        new_password = "another-long-password-2026"
        response = admin_client.post(f"/admin/accounts/user/{manager.pk}/password/", {
            "password1": new_password, "password2": new_password, "usable_password": "true",
        })
        assert response.status_code == 302
        event = AuditEvent.objects.get(what__startswith=f"changed the account {manager.username}")
        assert event.actor == admin_client.administrator
        assert "password" in event.what.lower()

    def test_a_new_account_with_a_case_role_has_no_role_until_approved(self, admin_client):
        admin_client.post("/admin/accounts/user/add/", {
            "username": "new.caseworker", "password1": TEST_PASSWORD, "password2": TEST_PASSWORD,
            "usable_password": "true", "role": Role.CASEWORKER,
        })
        user = User.objects.get(username="new.caseworker")
        assert user.role == ""
        assert RoleChangeRequest.objects.get(user=user).status == RoleChangeStatus.PENDING
        assert AuditEvent.objects.filter(actor=admin_client.administrator, what="made the account new.caseworker")

    def test_asking_for_a_change_in_the_admin_waits_for_approval(self, admin_client):
        provider = ProviderFactory()
        response = admin_client.post("/admin/accounts/rolechangerequest/add/",
                                     {"user": provider.pk, "to_role": Role.MANAGER}, follow=True)
        assert response.status_code == 200
        provider.refresh_from_db()
        assert provider.role == Role.PROVIDER
        change = RoleChangeRequest.objects.get(user=provider)
        assert change.requested_by == admin_client.administrator
        assert admin_client.get(f"/admin/accounts/rolechangerequest/{change.pk}/change/").status_code == 200

    def test_the_admin_form_says_why_a_change_cannot_be_asked_for(self, admin_client):
        provider = ProviderFactory()
        response = admin_client.post("/admin/accounts/rolechangerequest/add/",
                                     {"user": provider.pk, "to_role": Role.PROVIDER})
        assert "already has this role" in response.content.decode()
        assert not RoleChangeRequest.objects.exists()


class TestDecisionPage:
    def test_a_manager_approves_on_the_changes_of_role_page(self, client):
        provider = ProviderFactory(first_name="Robin", last_name="Ash")
        change = services.user_role_change(acting_user=AdministratorFactory(), user=provider, role=Role.CASEWORKER)
        sign_in(client, ManagerFactory())
        page = client.get("/account/role-changes/").content.decode()
        assert "Robin Ash" in page and "Approve" in page
        response = client.post(f"/account/role-changes/{change.pk}/decide/", {"decision": "approve"})
        assert response.status_code == 302
        provider.refresh_from_db()
        assert provider.role == Role.CASEWORKER

    def test_an_administrator_cannot_approve_their_own_request_on_the_page(self, client):
        administrator = AdministratorFactory()
        change = services.user_role_change(acting_user=administrator, user=ProviderFactory(), role=Role.MANAGER)
        sign_in(client, administrator)
        response = client.post(f"/account/role-changes/{change.pk}/decide/", {"decision": "approve"})
        html = response.content.decode()
        assert response.status_code == 400
        assert "There is a problem" in html and "someone else must approve it" in html
        assert "<title>Error: Changes of role" in html
        change.refresh_from_db()
        assert change.status == RoleChangeStatus.PENDING

    def test_a_decision_must_be_chosen(self, client):
        change = services.user_role_change(acting_user=AdministratorFactory(), user=ProviderFactory(),
                                           role=Role.MANAGER)
        sign_in(client, ManagerFactory())
        response = client.post(f"/account/role-changes/{change.pk}/decide/", {})
        assert "Select whether to approve or refuse the change" in response.content.decode()

    def test_caseworkers_cannot_see_the_page(self, client):
        sign_in(client, CaseworkerFactory())
        assert client.get("/account/role-changes/").status_code == 403


class TestUserList:
    def test_the_list_is_paged_and_links_to_the_admin(self, client):
        from pathfinder.accounts.views import USERS_PER_PAGE

        ProviderFactory.create_batch(USERS_PER_PAGE + 5)
        sign_in(client, AdministratorFactory())
        first = client.get("/account/users/").content.decode()
        assert first.count('<tr class="govuk-table__row"><td') == USERS_PER_PAGE
        assert 'href="/admin/"' in first and "?page=2" in first
        second = client.get("/account/users/?page=2").content.decode()
        assert second.count('<tr class="govuk-table__row"><td') == 6
