"""The service navigation: a registry the apps fill in, and its rendering. Core names no app and no role.

Each app that has pages for a role declares, in its own ``<app>/navigation.py``, the links that role sees and
the page the role starts on::

    from pathfinder.core.navigation import register_home_page, register_nav_item

    register_nav_item("Reviews", "reviews:home", roles=REVIEWER_ROLES, order=40)  # roles: role values
    register_home_page(REVIEWER, "reviews:home")

Discovery: ``CoreConfig.ready()`` calls ``django.utils.module_loading.autodiscover_modules("navigation")``,
which imports ``navigation`` from every installed app once, at start-up, the way ``admin.py`` is found. We
chose this over packaging entry points because every app here is a Django app in INSTALLED_APPS already:
installing an app is what plugs it in, there is no second list to keep in step, and an app taken out of
INSTALLED_APPS takes its links with it. A role's links are shown in ascending ``order`` (then in the order they
were registered), then the public Local Offer link, which every visitor sees; signed-out visitors also get
"Sign in". Links only to pages the role may use: a URL name that does not resolve is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    """One link in the service navigation, for the roles that see it (role values, e.g. "caseworker")."""

    text: str
    url_name: str
    roles: frozenset[str]
    order: int


_ITEMS: list[NavItem] = []
_HOME_PAGES: dict[str, str] = {}
_PUBLIC = [("Local Offer", "directory:search")]


def register_nav_item(text: str, url_name: str, *, roles: Iterable[str], order: int) -> NavItem:
    """Show a link to ``url_name`` (a URL name such as "people:child-list") to people holding one of ``roles``."""
    item = NavItem(text=text, url_name=url_name, roles=frozenset(str(role) for role in roles), order=order)
    if not item.roles:
        raise ImproperlyConfigured(f"The navigation item {text!r} names no role.")
    _ITEMS.append(item)
    return item


def unregister_nav_item(item: NavItem) -> None:
    """Take a registered link out again (tests use this to clean up)."""
    _ITEMS.remove(item)


def nav_items_for(role: str) -> list[NavItem]:
    """The links one role sees, in order (the public Local Offer link is added when rendering)."""
    return sorted((item for item in _ITEMS if role in item.roles), key=lambda item: item.order)


def register_home_page(role: str, url_name: str) -> None:
    """The page someone holding ``role`` is sent to from the start page. One per role."""
    role = str(role)
    if _HOME_PAGES.get(role, url_name) != url_name:
        raise ImproperlyConfigured(f"Role {role!r} already starts on {_HOME_PAGES[role]!r}, not {url_name!r}.")
    _HOME_PAGES[role] = url_name


def unregister_home_page(role: str) -> None:
    _HOME_PAGES.pop(str(role), None)


def home_page_for(role: str) -> str | None:
    """The URL name of the role's own start page, or None if no app declares one."""
    return _HOME_PAGES.get(role)


def _link(text: str, name: str) -> dict | None:
    try:
        return {"href": reverse(name), "text": text, "active": False}
    except NoReverseMatch:
        return None


def _mark_current(items: list[dict], current: str) -> None:
    """Mark the one item the page is under: the longest link that the path starts with.

    A provider's pages (/local-offer/provider/) sit under the Local Offer's (/local-offer/); marking both would
    tell a screen reader user they are in two places at once.
    """
    under = [item for item in items if current == item["href"] or (item["href"] != "/" and
                                                                     current.startswith(item["href"]))]
    if under:
        max(under, key=lambda item: len(item["href"]))["active"] = True


def navigation_items(request: HttpRequest) -> list[dict]:
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    entries = [(item.text, item.url_name) for item in nav_items_for(getattr(user, "role", ""))] if signed_in else []
    entries += _PUBLIC
    items = [item for text, name in entries if (item := _link(text, name))]
    _mark_current(items, request.path)
    if not signed_in:
        items.append({"href": reverse("accounts:sign-in"), "text": "Sign in"})
    # Signed-in people get a "Sign out" button instead (base.html): signing out is a POST, never a link.
    return items
