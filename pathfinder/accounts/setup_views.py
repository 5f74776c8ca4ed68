"""First-time set-up of a staff member's authenticator, only through a single-use invitation link.

A password alone never reaches this page: whoever signs in first with a new account's password cannot enrol
their own phone. The link (from an administrator) and the account's password together set up the device,
and then sign the person in, so they arrive on their own start page.
"""

from __future__ import annotations

from django.contrib import auth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from pathfinder.accounts import mfa, services, sign_in_limit
from pathfinder.accounts.middleware import mark_signed_in
from pathfinder.accounts.setup_forms import SetUpForm
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.access import public
from pathfinder.core.client_address import client_address
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error


@public
@require_http_methods(["GET", "POST"])
def set_up(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.staff_invitation_get(token)
    if invitation is None:
        return render(request, "accounts/set_up_expired.html",
                      {"page_title": "This set-up link cannot be used"}, status=404)
    if not services.staff_invitation_is_open(invitation):
        return render(request, "accounts/set_up_waiting.html",
                      {"page_title": "This set-up link is waiting for approval"}, status=403)
    user = invitation.user
    device = mfa.pending_device(user)
    form = SetUpForm(request.POST or None)
    address = client_address(request)
    if request.method == "POST" and sign_in_limit.address_is_throttled(address):
        return render(request, "accounts/address_throttled.html", {
            "page_title": "Too many tries to sign in", "minutes": sign_in_limit.window_minutes(),
        }, status=429)
    if request.method == "POST" and form.is_valid():
        checked = auth.authenticate(request, username=user.username, password=form.cleaned_data["password"])
        if checked is None or checked.pk != user.pk:
            sign_in_limit.address_failure_record(address)
            form.add_error("password", "Enter the password your administrator gave you")
        elif wait := mfa.seconds_to_wait(user):
            form.add_error("code", f"You have entered a wrong code. Wait {wait} seconds, then enter the code your "
                                   "authenticator app shows now")
        elif not device.verify_token(form.cleaned_data["code"]):
            form.add_error("code", "Enter the security code shown in your authenticator app now")
        else:
            try:
                services.staff_invitation_use(invitation=invitation, device=device, request=request)
            except ServiceError as error:
                form_add_service_error(form, error)
            else:
                auth.login(request, checked)
                mark_signed_in(request)
                otp_login(request, device)
                audit_event_record(acting_user=checked, action=AuditAction.SIGN_IN, request=request,
                                   what="signed in after setting up an authenticator app")
                return redirect("core:home")
    return render(request, "accounts/set_up.html", {
        "form": form, "qr": mfa.qr_code_svg(device), "secret": device.bin_key.hex(), "invitee": user,
        "page_title": "Set up your authenticator app",
    })
