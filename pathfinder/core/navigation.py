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

Sections keep the header short. An item registered with ``section="Reports"`` is not a header link of its own:
the header shows one "Reports" link (where the section's first item would be) to a page listing the section's
links for that role, each with its ``description``; the link is marked current on any of those pages. A role
with only one link in a section sees that link itself, so a section never hides a lone page one click away.
Any app may add to a section by naming it; the section belongs to no app.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify


@dataclass(frozen=True)
class NavItem:
    """One link in the service navigation, for the roles that see it (role values, e.g. "caseworker")."""

    text: str
    url_name: str
    roles: frozenset[str]
    order: int
    section: str = ""  # shown on the section's page instead of in the header (see the module's docstring)
    description: str = ""  # one line under the link on the section's page


_ITEMS: list[NavItem] = []
_HOME_PAGES: dict[str, str] = {}
_PUBLIC = [("Local Offer", "directory:search")]


def register_nav_item(
    text: str, url_name: str, *, roles: Iterable[str], order: int, section: str = "", description: str = ""
) -> NavItem:
    """Show a link to ``url_name`` (a URL name such as "people:child-list") to people holding one of ``roles``,
    in the header or, with ``section``, on that section's page."""
    item = NavItem(text=text, url_name=url_name, roles=frozenset(str(role) for role in roles), order=order,
                   section=section, description=description)
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


def section_slug(section: str) -> str:
    return slugify(section)


def section_items_for(role: str, slug: str) -> tuple[str, list[NavItem]]:
    """A section's name and the links one role sees in it, in order (no links: not a section for this role)."""
    items = [item for item in nav_items_for(role) if item.section and section_slug(item.section) == slug]
    return (items[0].section if items else ""), items


def header_entries_for(role: str) -> list[tuple[str, str, list[str]]]:
    """The header for one role as (text, URL, URLs it stands for): its own links, and one link per section
    where the section's first item is (or the item itself when the role has only that one in the section)."""
    items = nav_items_for(role)
    entries: list[tuple[str, str, list[str]]] = []
    seen: set[str] = set()
    for item in items:
        if not item.section:
            if (href := _reverse(item.url_name)) is not None:
                entries.append((item.text, href, [href]))
            continue
        if item.section in seen:
            continue
        seen.add(item.section)
        members = [href for i in items if i.section == item.section and (href := _reverse(i.url_name))]
        if len(members) == 1:
            entries.append((item.text, members[0], members))
        elif members:
            entries.append((item.section, reverse("core:nav-section", args=[section_slug(item.section)]), members))
    return entries


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


def _reverse(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _mark_current(items: list[dict], stands_for: list[list[str]], current: str) -> None:
    """Mark the one item the page is under: the one with the longest link (its own, or for a section one of its
    pages') that the path starts with.

    A provider's pages (/local-offer/provider/) sit under the Local Offer's (/local-offer/); marking both would
    tell a screen reader user they are in two places at once.
    """
    best, best_length = None, -1
    for item, hrefs in zip(items, stands_for, strict=True):
        for href in [item["href"], *hrefs]:
            if (current == href or (href != "/" and current.startswith(href))) and len(href) > best_length:
                best, best_length = item, len(href)
    if best is not None:
        best["active"] = True


def navigation_items(request: HttpRequest) -> list[dict]:
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    entries = header_entries_for(getattr(user, "role", "")) if signed_in else []
    entries += [(text, href, [href]) for text, name in _PUBLIC if (href := _reverse(name)) is not None]
    items = [{"href": href, "text": text, "active": False} for text, href, _ in entries]
    _mark_current(items, [hrefs for _, _, hrefs in entries], request.path)
    if not signed_in:
        items.append({"href": reverse("accounts:sign-in"), "text": "Sign in"})
    # Signed-in people get a "Sign out" button instead (base.html): signing out is a POST, never a link.
    return items
