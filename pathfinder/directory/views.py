"""Placeholder routes: the Local Offer build (issue 3) replaces these."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pathfinder.accounts.roles import Role
from pathfinder.core.access import for_roles, public


@public
def search(request: HttpRequest) -> HttpResponse:
    return render(request, "core/404.html", {"page_title": "Local Offer"}, status=404)


@for_roles(Role.PROVIDER)
def provider_home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/404.html", {"page_title": "Your services"}, status=404)


@for_roles(Role.LOCAL_OFFER_OFFICER)
def officer_home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/404.html", {"page_title": "Approvals"}, status=404)
