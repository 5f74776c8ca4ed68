"""The public Local Offer search page. Thin: the form checks what was typed, directory.search finds and orders."""

from __future__ import annotations

from datetime import time

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pathfinder.core.access import public
from pathfinder.directory import selectors
from pathfinder.directory.geo import PostcodeError
from pathfinder.directory.search import service_search
from pathfinder.directory.web import present
from pathfinder.directory.web.forms import KM_PER_MILE, SearchForm

PER_PAGE = 20
MAX_PAGE = 100_000  # far past any real result list; keeps the database's OFFSET in range


def _page_number(raw: str | None) -> int:
    """The page asked for; anything that is not a whole number means the first page."""
    try:
        return min(MAX_PAGE, max(1, int(raw or "1")))
    except ValueError:
        return 1


@public
def search(request: HttpRequest) -> HttpResponse:
    """Search the Local Offer: words and filters in a GET form, ordered as chosen, counted and paged; no JavaScript
    needed. Junk in the query string is shown as an error on the form, never a server error."""
    form = SearchForm(request.GET)
    result = None
    params = [(k, v) for k, values in request.GET.lists() for v in values if v != ""]
    if form.is_valid():
        data = form.cleaned_data
        distance = data.get("distance")
        try:
            result = service_search(
                text=data["q"], need_codes=data["need"], kinds=data["kind"], age=data["age"],
                free_only=data["cost"] == "free", day=data["day"] or None,
                open_at_time=time.fromisoformat(data["time"]) if data["time"] else None,
                delivery=data["delivery"], postcode=data["postcode"],
                within_km=float(distance) * KM_PER_MILE if distance else None, sort=data["sort"] or None,
                page=_page_number(request.GET.get("page")), per_page=PER_PAGE,
            )
        except PostcodeError as error:
            form.add_error("postcode", error.message)
            result = None
    if result is not None and form.data.get("sort") != result.sort:
        form.data = form.data.copy()
        form.data["sort"] = result.sort  # the select shows the order in use, e.g. nearest first with a postcode
    base = present.query_without(params, "page", "")
    base = base + ("&" if base != "?" else "")
    total_pages = result.total_pages if result else 1
    distance_labels = dict(form.fields["distance"].choices)
    return render(request, "directory/search.html", {
        "form": form if form.errors else None, "search_form": form, "result": result,
        "active": present.active_filters(params, distance_labels),
        "page_items": present.page_items(result.page, total_pages, base) if result and total_pages > 1 else [],
        "base": base, "total_pages": total_pages, "ages": present.ages_text,
        "information_pages": selectors.information_pages_published()[:8],
        "page_title": "Local Offer: find services and support",
    })
