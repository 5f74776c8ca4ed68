"""Open CORS for the Open Referral UK API: every response under /api/oruk (errors and redirects too, such as the
base URL's redirect to /api/oruk/) may be read by any site. First in MIDDLEWARE, so every response passes it."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/oruk"


class OrukCorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
        return response
