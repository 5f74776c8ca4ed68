"""Deny by default: every view declares who may reach it, or nobody can.

A view is decorated with `@public` (anyone, signed in or not) or `@for_roles(...)` (signed-in users with
one of those roles). Object-level checks (which child) happen in selectors, never here. The middleware
refuses any view that declares nothing, and a test walks every URL to prove each one declares a policy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

ACCESS_ATTRIBUTE = "pathfinder_access"
PUBLIC = "public"


def public(view: Callable) -> Callable:
    """Anyone may use this view, signed in or not (the Local Offer, sign-in, accessibility statement)."""
    setattr(view, ACCESS_ATTRIBUTE, PUBLIC)
    return view


def for_roles(*roles: str) -> Callable[[Callable], Callable]:
    """Only signed-in users holding one of these roles (see accounts.roles.Role)."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            return view(request, *args, **kwargs)

        setattr(wrapped, ACCESS_ATTRIBUTE, frozenset(roles))
        return wrapped

    return decorate


def declared_policy(view_func: Callable) -> Any:
    """The policy a resolved view declared, looking through class-based and DRF views."""
    for candidate in (view_func, getattr(view_func, "view_class", None), getattr(view_func, "cls", None)):
        if candidate is not None and hasattr(candidate, ACCESS_ATTRIBUTE):
            return getattr(candidate, ACCESS_ATTRIBUTE)
    return None


def user_roles(user: Any) -> set[str]:
    return {user.role} if getattr(user, "is_authenticated", False) and getattr(user, "role", "") else set()


class AccessPolicyMiddleware:
    """Enforce each view's declared policy; refuse views that declare none."""

    ADMIN_PREFIX = "/admin/"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "pathfinder_private", False):
            # Pages for signed-in roles hold children's records: never keep them in a shared computer's cache
            # (the Back button after signing out) or in a proxy.
            add_never_cache_headers(response)
        return response

    def process_view(self, request: HttpRequest, view_func: Callable, view_args: Iterable, view_kwargs: dict):
        if request.path.startswith(self.ADMIN_PREFIX):
            return self._admin(request)
        policy = declared_policy(view_func)
        if policy is None:
            raise PermissionDenied("This page has no access policy, so nobody may use it.")
        if policy == PUBLIC:
            return None
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if self._needs_second_factor(request):
            return redirect("accounts:verify")
        if not user_roles(user) & set(policy):
            raise PermissionDenied("Your role does not allow this page.")
        request.pathfinder_private = True
        return None

    def _admin(self, request: HttpRequest):
        user = request.user
        if not user.is_authenticated:
            return None  # Django admin shows its own sign-in
        if getattr(user, "role", "") != "administrator" or not user.is_staff:
            raise PermissionDenied("Only administrators may use the admin site.")
        if self._needs_second_factor(request):
            return redirect("accounts:verify")
        request.pathfinder_private = True
        return None

    @staticmethod
    def _needs_second_factor(request: HttpRequest) -> bool:
        user = request.user
        if not settings.PATHFINDER_REQUIRE_STAFF_MFA or not getattr(user, "is_council_staff", False):
            return False
        return not user.is_verified()
