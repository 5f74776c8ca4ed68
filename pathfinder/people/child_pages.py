"""Who sees a different page for a child's record: a role whose work lives in a later domain registers it here.

An adviser, for example, sees only their advice requests for the child, which are the assessments' business:
`pathfinder.assessments` registers that page from its AppConfig.ready(), so `people` need not import it (layers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

ChildPage = Callable[[HttpRequest, object], HttpResponse]
_PAGES: dict[str, ChildPage] = {}


def register_child_page(role: str, page: ChildPage) -> None:
    """`page(request, child)` renders the child's record for this role (the child is already permission-checked)."""
    existing = _PAGES.get(role)
    if existing is not None and existing is not page:
        raise ValueError(f"A child page for {role!r} is already registered")
    _PAGES[role] = page


def page_for(role: str) -> ChildPage | None:
    return _PAGES.get(role)


@dataclass(frozen=True)
class RecordLink:
    """A link a later domain adds to the child's record page: under one family member (``member_id``), or under
    the family as a whole (``member_id`` None). ``hint`` is one short line shown after it."""

    text: str
    url: str
    member_id: int | None = None
    hint: str = ""


RecordLinks = Callable[[HttpRequest, object], Iterable[RecordLink]]
_LINKS: list[RecordLinks] = []


def register_record_links(provider: RecordLinks) -> RecordLinks:
    """``provider(request, child)`` gives the links it adds to the record page for this user (the family
    portal's "Invite to Pathfinder", for example), so people shows them without importing that domain."""
    if provider not in _LINKS:
        _LINKS.append(provider)
    return provider


def record_links(request: HttpRequest, child) -> list[RecordLink]:
    return [link for provider in _LINKS for link in provider(request, child)]
