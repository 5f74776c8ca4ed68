import re

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from pathfinder.core.access import public
from pathfinder.core.navigation import home_page_for, section_items_for


@public
def home(request: HttpRequest) -> HttpResponse:
    """Signed-in people go to their own start page; everyone else sees the public start page."""
    start = home_page_for(request.user.role) if request.user.is_authenticated else None
    if start:
        return redirect(start)
    return render(request, "core/start.html", {"page_title": "Start"})


@public
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html", {"page_title": "Accessibility statement"})


@public
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html", {"page_title": "Privacy"})


_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@public
def branding_css(request: HttpRequest) -> HttpResponse:
    """The council's colour, from settings, as a stylesheet (inline styles are barred by the CSP)."""
    colour = settings.COUNCIL_BRAND_COLOUR if _HEX_COLOUR.match(settings.COUNCIL_BRAND_COLOUR) else "#1d70b8"
    css = (
        f".pf-council-header {{ background-color: {colour}; border-bottom: 10px solid {colour}; }}\n"
        f".govuk-footer {{ border-top-color: {colour}; }}\n"
    )
    response = HttpResponse(css, content_type="text/css")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@public
def nav_section(request: HttpRequest, section: str) -> HttpResponse:
    """One section of the service navigation: the links it holds for this person's role, each with a line on
    what it is for (the header shows the section as one link; core.navigation). Links only: no one's record."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    title, items = section_items_for(request.user.role, section)
    if not items:
        raise Http404("No such section for this role")
    links = [{"text": item.text, "href": reverse(item.url_name), "description": item.description} for item in items]
    return render(request, "core/nav_section.html", {"page_title": title, "links": links})


@public
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/403.html", {"page_title": "You cannot see this page"}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/404.html", {"page_title": "Page not found"}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "core/500.html", {"page_title": "Sorry, there is a problem with the service"}, status=500)
