"""Pages anyone may open: use an invitation link, ask for an account, ask for an EHC needs assessment.

Guessing links: a wrong, used or expired link gets the same plain page (so it says nothing about whether a
link existed), and each wrong try counts against the address in the sign-in throttle (accounts.sign_in_limit),
so tokens cannot be guessed at speed. The public forms have a honeypot and a limit per address (family.limits).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import auth
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from pathfinder.accounts import sign_in_limit
from pathfinder.accounts.middleware import mark_signed_in
from pathfinder.accounts.roles import FAMILY_ROLES
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record, audit_read
from pathfinder.core.access import public
from pathfinder.core.client_address import client_address
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.family import account_requests, invitations, limits, online_requests
from pathfinder.family.forms import AcceptInvitationForm, AccountRequestForm, OnlineRequestForm
from pathfinder.family.models import OnlineRequest
from pathfinder.people.selectors import children_visible_to

ACK_SESSION_KEY = "family_online_request"


def _throttled(request: HttpRequest) -> HttpResponse:
    return render(request, "family/throttled.html", {"page_title": "Too many tries",
                  "minutes": sign_in_limit.window_minutes()}, status=429)


@public
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    address = client_address(request)
    if sign_in_limit.address_is_throttled(address):
        return _throttled(request)
    invitation = invitations.family_invitation_get(token)
    if invitation is None:
        sign_in_limit.address_failure_record(address)
        return render(request, "family/link_expired.html", {
            "page_title": "This link cannot be used", "contacts": getattr(settings, "COUNCIL_CONTACTS", {})},
            status=404)
    form = AcceptInvitationForm(request.POST if request.method == "POST" else None, initial={
        "email": invitation.family_member.email if invitation.family_member_id else ""})
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.family_account_create(
                invitation=invitation, username=form.cleaned_data["username"], email=form.cleaned_data["email"],
                password=form.cleaned_data["password"], request=request)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            mark_signed_in(request)
            audit_event_record(acting_user=user, action=AuditAction.SIGN_IN, request=request,
                               what="signed in after making a Pathfinder account")
            return redirect("family:home")
    return render(request, "family/accept.html", {
        "form": form, "invitation": invitation, "page_title": "Make your Pathfinder account",
    })


@public
@require_http_methods(["GET", "POST"])
def account_request(request: HttpRequest) -> HttpResponse:
    form = AccountRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            account_requests.account_request_submit(
                data=form.cleaned_data, ip_address=client_address(request),
                honeypot=request.POST.get(limits.HONEYPOT_FIELD, ""))
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            return redirect("family:account-request-sent")
    return render(request, "family/account_request.html", {
        "form": form, "honeypot": limits.HONEYPOT_FIELD, "page_title": "Ask for an account",
    })


@public
def account_request_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "family/account_request_sent.html", {"page_title": "We have your request"})


def _prefill(request: HttpRequest) -> dict:
    """For a signed-in parent or young person: what we know already (their name, and their child if one; that
    shows the child's record, so it is audited as a read)."""
    user = request.user
    if not user.is_authenticated or user.role not in FAMILY_ROLES:
        return {}
    initial = {"requester_name": user.display_name, "email": user.email,
               "requester_kind": "young_person" if user.role == "young_person" else "parent"}
    children = list(children_visible_to(user))
    if len(children) == 1:
        child = children[0]
        initial.update(child_first_name=child.legal_first_name, child_last_name=child.legal_last_name,
                       child_date_of_birth=child.date_of_birth, setting_name=child.setting_name)
        audit_read(request, child, "ask for an assessment (filled in from the record)")
        member = child.family_members.filter(user=user).first()
        if member is not None:
            initial.update(relationship=member.relationship, phone=member.phone, address=member.address,
                           postcode=member.postcode)
    return initial


@public
@require_http_methods(["GET", "POST"])
def online_request(request: HttpRequest) -> HttpResponse:
    form = OnlineRequestForm(request.POST if request.method == "POST" else None, initial=_prefill(request))
    signed_in = request.user.is_authenticated and request.user.role in FAMILY_ROLES
    if request.method == "POST" and form.is_valid():
        try:
            online = online_requests.online_request_submit(
                data=form.cleaned_data, ip_address=client_address(request),
                user=request.user if signed_in else None, honeypot=request.POST.get(limits.HONEYPOT_FIELD, ""))
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            request.session[ACK_SESSION_KEY] = online.reference if online else ""
            return redirect("family:online-request-sent")
    return render(request, "family/online_request.html", {
        "form": form, "honeypot": limits.HONEYPOT_FIELD, "signed_in": signed_in,
        "page_title": "Ask for an EHC needs assessment",
    })


@public
def online_request_sent(request: HttpRequest) -> HttpResponse:
    """The acknowledgement: shown only in the session that sent it (the reference is not a key to the request)."""
    reference = request.session.get(ACK_SESSION_KEY)
    if reference is None:
        raise Http404("Nothing sent from here")
    online = OnlineRequest.objects.filter(reference=reference).first() if reference else None
    return render(request, "family/online_request_sent.html", {
        "online": online, "explain": online_requests.online_request_explain(online) if online else "",
        "page_title": "We have your request",
    })
