"""Deny by default: every URL declares who may use it, and a view that declares nothing refuses everyone."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, path

from pathfinder.accounts.roles import Role
from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    LocalOfferOfficerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
    YoungPersonFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.core.access import PUBLIC, declared_policy, for_roles, public


def _walk(patterns, prefix: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def test_the_walk_finds_the_apps_urls():
    routes = {route for route, _ in _walk(get_resolver().url_patterns)}
    assert "account/sign-in/" in routes
    assert "accessibility/" in routes
    assert len(routes) > 20


def test_every_url_declares_a_policy():
    offenders = sorted(
        f"/{route}  ->  {entry.lookup_str}"
        for route, entry in _walk(get_resolver().url_patterns)
        if not route.startswith("admin/") and declared_policy(entry.callback) is None
    )
    assert not offenders, "These URLs have no @public or @for_roles policy, so nobody can use them:\n" + "\n".join(
        offenders
    )


def test_declared_policies_name_real_roles():
    known = set(Role.values)
    bad = sorted(
        f"/{route}: {sorted(policy - known)}"
        for route, entry in _walk(get_resolver().url_patterns)
        if not route.startswith("admin/")
        and (policy := declared_policy(entry.callback)) not in (None, PUBLIC)
        and not policy <= known
    )
    assert not bad, "Policies name roles that do not exist:\n" + "\n".join(bad)


# A tiny URLconf for the middleware itself.
def undeclared(request):
    return HttpResponse("should never be seen")


@public
def open_to_all(request):
    return HttpResponse("public")


@for_roles(Role.MANAGER)
def managers_only(request):
    return HttpResponse("managers")


urlpatterns = [
    path("undeclared/", undeclared),
    path("open/", open_to_all),
    path("managers/", managers_only),
    path("account/verify/", open_to_all, name="verify"),
]

TINY = override_settings(ROOT_URLCONF=__name__, LOGIN_URL="/account/sign-in/")


@TINY
@pytest.mark.django_db
@pytest.mark.parametrize("who", [None, ManagerFactory, AdministratorFactory])
def test_a_view_without_a_policy_refuses_everyone(client, who):
    if who is not None:
        sign_in(client, who())
    response = client.get("/undeclared/")
    assert response.status_code == 403
    assert b"should never be seen" not in response.content


@TINY
@pytest.mark.django_db
def test_a_public_view_is_open_to_everyone(client):
    assert client.get("/open/").status_code == 200


@TINY
@pytest.mark.django_db
def test_a_role_view_sends_strangers_to_sign_in(client):
    response = client.get("/managers/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/?next=/managers/")


@TINY
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "allowed"),
    [
        (ManagerFactory, True),
        (CaseworkerFactory, False),
        (AdviserFactory, False),
        (ParentFactory, False),
        (YoungPersonFactory, False),
        (AdministratorFactory, False),
        (ProviderFactory, False),
        (LocalOfferOfficerFactory, False),
    ],
)
def test_a_role_view_admits_only_its_roles(client, factory, allowed):
    sign_in(client, factory())
    assert client.get("/managers/").status_code == (200 if allowed else 403)


# The admin site: administrators with is_staff only.
@pytest.mark.django_db
def test_administrator_may_use_the_admin_site(client):
    sign_in(client, AdministratorFactory())
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory",
    [CaseworkerFactory, ManagerFactory, AdviserFactory, ParentFactory, YoungPersonFactory, ProviderFactory,
     LocalOfferOfficerFactory],
)
def test_other_roles_are_refused_the_admin_site_even_with_is_staff(client, factory):
    sign_in(client, factory(is_staff=True, is_superuser=True))
    assert client.get("/admin/").status_code == 403
    assert client.get("/admin/accounts/user/").status_code == 403


@pytest.mark.django_db
def test_administrator_without_is_staff_is_refused_the_admin_site(client):
    sign_in(client, AdministratorFactory(is_staff=False))
    assert client.get("/admin/").status_code == 403


@pytest.mark.django_db
def test_signed_out_visitor_gets_the_admin_sign_in_not_the_admin(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
