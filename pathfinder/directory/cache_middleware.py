"""The Local Offer's public pages and API answered from the shared cache, with ETag, Last-Modified, Cache-Control.

Why a middleware that names the URLs it caches, not decorators on the views: it sits before sessions, CSRF,
sign-in and CSP, so a cached answer costs two cache reads and none of that work, and the views (which other work
changes) stay as they are.

Who gets a cached answer: only a GET or HEAD without a session or messages cookie, so a signed-in person (who
always has a session cookie) is never given a page rendered for someone else, and never has theirs stored. What is
stored: only a 200 rendered for an anonymous visitor that set no cookie, used no CSRF token, carries no CSP nonce and
was not marked private. What it depends on, and how changes reach it, is directory.public_cache.

Browsers and a CDN may keep the answer for PATHFINDER_PUBLIC_MAX_AGE seconds and serve it stale while they check
again; a conditional request (If-None-Match / If-Modified-Since) that still matches is answered 304. HTML pages vary
on Cookie, so a shared cache gives them to visitors without cookies only. The API's anonymous throttle counts the
requests that reach the view; answers from the cache cost next to nothing and are not counted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from pathfinder.directory.cache_fill import drawing, wait_for
from pathfinder.directory.cache_query import ORDER_ONLY, QueryMeaning, canonical_query
from pathfinder.directory.public_cache import (
    DIRECTORY,
    FEEDBACK,
    PAGES,
    content_modified,
    page_key,
    public_cache,
    service_scope,
)

PREFIXES = ("/local-offer/", "/api/oruk/")
# view name -> the scopes its answer shows (besides ALL), from the URL's own arguments
RULES: dict[str, Callable[[dict], tuple[str, ...]]] = {
    "directory:search": lambda kw: (DIRECTORY, PAGES),
    "directory:service": lambda kw: (service_scope(kw["service_id"]),),
    "directory:information": lambda kw: (PAGES,),
    "directory:information-page": lambda kw: (PAGES,),
    "feedback:you-said-we-did": lambda kw: (FEEDBACK,),
    "oruk:api-details": lambda kw: (),
    "oruk:openapi": lambda kw: (),
    "oruk:services": lambda kw: (DIRECTORY,),
    "oruk:service": lambda kw: (service_scope(kw["pk"]),),
    "oruk:taxonomies": lambda kw: (),
    "oruk:taxonomy": lambda kw: (),
    "oruk:taxonomy-terms": lambda kw: (),
    "oruk:taxonomy-term": lambda kw: (),
    "oruk:service-at-locations": lambda kw: (DIRECTORY,),
    "oruk:service-at-location": lambda kw: (DIRECTORY,),
}
# How the search page reads its query (web.forms.SearchForm and web.search_views): see directory.cache_query.
SEARCH_PAGE = QueryMeaning(
    single=frozenset({"q", "age", "cost", "day", "time", "postcode", "distance", "sort", "page"}),
    blank_is_absent=None, text={"q": 200, "postcode": 10}, upper=frozenset({"postcode"}),
    multi=frozenset({"need", "kind", "delivery"}),
)


def query_meaning(match) -> QueryMeaning:
    """What this view reads the same in a query: the search page's rules; an ORUK endpoint's own parameters (each
    read once, stripped, by api.params; `day` and `top_only` without regard to case); else only the order."""
    if match.view_name == "directory:search":
        return SEARCH_PAGE
    parameters = getattr(getattr(match.func, "cls", None), "parameters", None)
    if match.view_name.startswith("oruk:") and parameters is not None:
        return QueryMeaning(single=frozenset(parameters), blank_is_absent=frozenset(parameters),
                            spaces_are_blank=True, lower=frozenset({"day", "top_only"}) & parameters)
    return ORDER_ONLY


# Headers worth keeping with a stored answer (the security headers the inner middleware added, among them).
KEEP = ("content-type", "content-security-policy", "x-frame-options", "cross-origin-opener-policy", "vary",
        "content-language")
STATUS = "X-Local-Offer-Cache"


def cacheable_request(request: HttpRequest) -> bool:
    """A GET or HEAD to a public Local Offer address from someone without a session (so not signed in)."""
    if not getattr(settings, "PATHFINDER_PUBLIC_CACHE_ENABLED", True) or request.method not in ("GET", "HEAD"):
        return False
    if not request.path.startswith(PREFIXES):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and getattr(settings, "MESSAGES_COOKIE_NAME", "messages") \
        not in cookies


def storable(request: HttpRequest, response: HttpResponse) -> bool:
    """Nothing personal in it: an anonymous 200 with no cookie set, no CSRF token, no nonce, not marked private."""
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "pathfinder_private", False)
        and "'nonce-" not in response.get("Content-Security-Policy", "")
        and "private" not in cache_control and "no-store" not in cache_control
    )


def cache_headers(response: HttpResponse, *, etag: str, modified: float, html: bool) -> None:
    """What lets a browser or CDN reuse the answer: validators and a short public lifetime."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = (f"public, max-age={settings.PATHFINDER_PUBLIC_MAX_AGE}, "
                                 f"stale-while-revalidate={settings.PATHFINDER_PUBLIC_STALE_SECONDS}")
    if html:
        patch_vary_headers(response, ["Cookie"])


class PublicCacheMiddleware:
    """Serve and keep anonymous Local Offer answers in the shared cache (see the module's docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        found = self._scopes(request) if cacheable_request(request) else None
        if found is None:
            return self.get_response(request)
        scopes, meaning = found
        asked = request.META.get("QUERY_STRING", "")
        canonical = canonical_query(asked, meaning)
        if canonical != asked:  # the view reads the query written the one way, so hits and misses are the same page
            request.META["QUERY_STRING"] = canonical
            request.__dict__.pop("GET", None)
        key = page_key(scopes=scopes, scheme=request.scheme, host=request.get_host(),
                       full_path=request.get_full_path())
        entry = public_cache().get(key)
        if entry is not None:
            return self._answer(request, entry, "hit")
        with drawing(key) as first:
            entry = None if first else wait_for(key)
            if entry is not None:  # another request drew it meanwhile (cache_fill: one draws, the others wait)
                return self._answer(request, entry, "hit")
            return self._draw(request, key, scopes)

    def _draw(self, request: HttpRequest, key: str, scopes: tuple[str, ...]) -> HttpResponse:
        """Render the page and keep it if nothing personal is in it."""
        response = self.get_response(request)
        if not storable(request, response):
            return response
        entry = {
            "status": response.status_code, "content": response.content,
            "headers": [(k, v) for k, v in response.items() if k.lower() in KEEP],
            "etag": '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"', "modified": content_modified(scopes),
            "html": response.get("Content-Type", "").startswith("text/html"),
        }
        public_cache().set(key, entry, timeout=settings.PATHFINDER_PUBLIC_CACHE_SECONDS)
        return self._answer(request, entry, "miss")

    @staticmethod
    def _scopes(request: HttpRequest) -> tuple[tuple[str, ...], QueryMeaning] | None:
        """The scopes the page shows, and what its view reads the same in a query (None: not a cached page)."""
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        rule = RULES.get(match.view_name)
        return (rule(match.kwargs), query_meaning(match)) if rule else None

    @staticmethod
    def _answer(request: HttpRequest, entry: dict, how: str) -> HttpResponse:
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        cache_headers(response, etag=entry["etag"], modified=entry["modified"], html=entry["html"])
        response[STATUS] = how
        not_modified = get_conditional_response(request, etag=entry["etag"], last_modified=int(entry["modified"]),
                                                response=response)
        if not_modified is not response:
            not_modified[STATUS] = how
        return not_modified
