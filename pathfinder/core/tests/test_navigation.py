"""The service navigation marks exactly the one section a page is in."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from pathfinder.accounts.tests.factories import ProviderFactory
from pathfinder.core.navigation import navigation_items


@pytest.mark.django_db
def test_a_providers_page_marks_your_services_only_not_the_local_offer_as_well():
    request = RequestFactory().get(reverse("directory:provider-home"))
    request.user = ProviderFactory()
    active = [item["text"] for item in navigation_items(request) if item.get("active")]
    assert active == ["Your services"]


@pytest.mark.django_db
def test_the_public_search_marks_the_local_offer():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(reverse("directory:search"))
    request.user = AnonymousUser()
    assert [item["text"] for item in navigation_items(request) if item.get("active")] == ["Local Offer"]


@pytest.fixture
def help_section():
    """A section any app could add to: two links for caseworkers, one of them for managers too."""
    from pathfinder.core.navigation import register_nav_item, unregister_nav_item

    items = [
        register_nav_item("Accessibility", "core:accessibility", roles=["caseworker", "manager"], order=21,
                          section="Help pages", description="How the service works with assistive technology."),
        register_nav_item("Privacy", "core:privacy", roles=["caseworker"], order=22, section="Help pages"),
    ]
    yield
    for item in items:
        unregister_nav_item(item)


def _header(user, path: str = "/nowhere/") -> list[tuple[str, str, bool]]:
    request = RequestFactory().get(path)
    request.user = user
    return [(item["text"], item["href"], item["active"]) for item in navigation_items(request)]


@pytest.mark.django_db
def test_a_section_is_one_header_link_where_its_first_item_would_be(help_section):
    from pathfinder.accounts.tests.factories import CaseworkerFactory

    header = _header(CaseworkerFactory())
    texts = [text for text, _, _ in header]
    assert texts[:3] == ["My cases", "Find a child", "Help pages"]
    assert "Accessibility" not in texts and "Privacy" not in texts
    assert ("Help pages", "/menu/help-pages/", False) in header


@pytest.mark.django_db
def test_a_role_with_one_link_in_a_section_sees_that_link_itself(help_section):
    from pathfinder.accounts.tests.factories import ManagerFactory

    texts = [text for text, _, _ in _header(ManagerFactory())]
    assert "Accessibility" in texts and "Help pages" not in texts


@pytest.mark.django_db
def test_the_section_is_marked_current_on_its_own_page_and_on_each_of_its_pages(help_section):
    from pathfinder.accounts.tests.factories import CaseworkerFactory

    user = CaseworkerFactory()
    for path in ("/menu/help-pages/", reverse("core:privacy"), reverse("core:accessibility")):
        assert [text for text, _, active in _header(user, path) if active] == ["Help pages"], path


@pytest.mark.django_db
def test_the_section_page_lists_the_roles_links_with_what_each_is_for(client, help_section):
    from pathfinder.accounts.tests.factories import CaseworkerFactory, ProviderFactory
    from pathfinder.accounts.tests.helpers import sign_in

    assert client.get("/menu/help-pages/").status_code == 302  # signed out: sign in first
    sign_in(client, CaseworkerFactory())
    page = client.get("/menu/help-pages/").content.decode()
    assert '<h1 class="govuk-heading-l">Help pages</h1>' in page
    assert f'href="{reverse("core:accessibility")}">Accessibility</a>' in page
    assert "How the service works with assistive technology." in page
    assert f'href="{reverse("core:privacy")}">Privacy</a>' in page
    client.logout()
    sign_in(client, ProviderFactory())
    assert client.get("/menu/help-pages/").status_code == 404  # no links for this role: no such section
    assert client.get("/menu/no-such-section/").status_code == 404
