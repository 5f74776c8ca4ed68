from __future__ import annotations

from django.conf import settings
from django.contrib import auth
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_http_methods, require_POST

from pathfinder.accounts import mfa, sign_in_limit
from pathfinder.accounts.forms import SignInForm, VerifyForm
from pathfinder.accounts.middleware import mark_signed_in
from pathfinder.accounts.models import RoleChangeRequest, RoleChangeStatus, User
from pathfinder.accounts.roles import STAFF_ROLES, Role
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record, audit_reads
from pathfinder.core.access import for_roles, public
from pathfinder.core.client_address import client_address

USERS_PER_PAGE = 50


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


@public
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request, data=request.POST or None)
    address = client_address(request)
    if request.method == "POST" and sign_in_limit.address_is_throttled(address):
        # Refused before any password is checked, so the accounts tried from here are not locked.
        return render(request, "accounts/address_throttled.html", {
            "page_title": "Too many tries to sign in", "minutes": sign_in_limit.window_minutes(),
        }, status=429)
    if request.method == "POST":
        if form.is_valid():
            auth.login(request, form.user)
            mark_signed_in(request)
            audit_event_record(acting_user=form.user, action=AuditAction.SIGN_IN, what="signed in", request=request)
            if settings.PATHFINDER_REQUIRE_STAFF_MFA and form.user.role in STAFF_ROLES:
                # Encoded, so a `next` holding its own query string arrives whole (and cannot smuggle a second next).
                return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': _next_url(request)})}")
            return redirect(_next_url(request))
        if request.POST.get("username") and request.POST.get("password"):
            sign_in_limit.address_failure_record(address)
        audit_event_record(
            acting_user=None, action=AuditAction.SIGN_IN_FAILED,
            what=f"failed sign-in for {request.POST.get('username', '')[:60]}", request=request,
        )
    return render(request, "accounts/sign_in.html", {"form": form, "page_title": "Sign in", "next": _next_url(request)})


@public
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    auth.logout(request)
    return render(request, "accounts/signed_out.html", {"page_title": "You have signed out"})


@public
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of sign-in for staff: a code from the authenticator app they set up with an invitation."""
    if not request.user.is_authenticated:
        return redirect("accounts:sign-in")
    if not (settings.PATHFINDER_REQUIRE_STAFF_MFA and request.user.role in STAFF_ROLES):
        return redirect(_next_url(request))  # families and young people have no second step: make no device
    if mfa.confirmed_device(request.user) is None:
        # A password alone never sets up a device: that takes the single-use link from an administrator.
        return render(request, "accounts/no_device.html", {"page_title": "Set up your authenticator app first"})
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if wait := mfa.seconds_to_wait(request.user):
            # Throttled after wrong codes: say so, rather than calling a right code wrong.
            form.add_error("code", f"You have entered a wrong code. Wait {wait} seconds, then enter the code your "
                                   "authenticator app shows now")
        elif mfa.verify_code(request, form.cleaned_data["code"]):
            return redirect(_next_url(request))
        else:
            form.add_error("code", "Enter the security code shown in your authenticator app now")
    return render(
        request, "accounts/verify.html",
        {"form": form, "page_title": "Enter your security code", "next": _next_url(request)},
    )


def locked_out(request: HttpRequest, original_response=None, credentials: dict | None = None, *args, **kwargs):
    """django-axes calls this as (request, original_response, credentials) once the failure limit is reached."""
    return render(request, "accounts/locked_out.html", {"page_title": "Your account is locked"}, status=429)


def _own_record(user: User):
    """The child's record a young person's account belongs to, or None (the reverse link may be absent)."""
    try:
        return user.own_record
    except ObjectDoesNotExist:
        return None


@for_roles(Role.ADMINISTRATOR)
def user_list(request: HttpRequest) -> HttpResponse:
    """Everyone who signs in, a page at a time (a county has thousands of family accounts)."""
    users = User.objects.select_related("team", "own_record").order_by("role", "last_name", "first_name", "pk")
    page = Paginator(users, USERS_PER_PAGE).get_page(request.GET.get("page"))
    # A young person's account name is their name: the list is a read of their record like any other.
    audit_reads(request, [_own_record(user) for user in page], "Users (the young person's account)")
    return render(request, "accounts/user_list.html", {
        "page": page, "pending_role_changes": RoleChangeRequest.objects.filter(status=RoleChangeStatus.PENDING).count(),
        "page_title": "Users",
    })
