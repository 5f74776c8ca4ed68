"""The service navigation each role sees. Links only to pages that role may use."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from pathfinder.accounts.roles import Role

_PUBLIC = [("Local Offer", "directory:search")]
_BY_ROLE: dict[str, list[tuple[str, str]]] = {
    Role.CASEWORKER: [("My cases", "insights:caseworker-home"), ("Find a child", "people:child-list"),
                      ("New request", "assessments:request-new")],
    Role.MANAGER: [("Timeliness", "insights:manager-home"), ("Find a child", "people:child-list"),
                   ("New request", "assessments:request-new")],
    Role.ADVISER: [("Advice requests", "assessments:adviser-home")],
    Role.PARENT: [("Your child", "people:family-home")],
    Role.YOUNG_PERSON: [("Your plan", "people:family-home")],
    Role.ADMINISTRATOR: [("Users", "accounts:user-list")],
    Role.PROVIDER: [("Your services", "directory:provider-home")],
    Role.LOCAL_OFFER_OFFICER: [("Approvals", "directory:officer-home")],
}


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
    entries = list(_BY_ROLE.get(getattr(user, "role", ""), [])) if user and user.is_authenticated else []
    entries += _PUBLIC
    items = [item for text, name in entries if (item := _link(text, name))]
    _mark_current(items, request.path)
    if not (user and user.is_authenticated):
        items.append({"href": reverse("accounts:sign-in"), "text": "Sign in"})
    # Signed-in people get a "Sign out" button instead (base.html): signing out is a POST, never a link.
    return items
