"""Who sees a different page for a child's record: a role whose work lives in a later domain registers it here.

An adviser, for example, sees only their advice requests for the child, which are the assessments' business:
`pathfinder.assessments` registers that page from its AppConfig.ready(), so `people` need not import it (layers).
"""

from __future__ import annotations

from collections.abc import Callable

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
