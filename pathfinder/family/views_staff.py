"""Caseworkers' pages for the family portal: invite a family member, check requests from the public site, and
record the young person's consent. Thin views: the rules are in invitations, account_requests, online_requests
and consent."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.family import account_requests, consent, invitations, online_requests
from pathfinder.family.forms import ConsentRecordForm, InviteForm, MatchForm, RefuseForm
from pathfinder.family.models import AccountRequest, OnlineRequest, RequestStatus
from pathfinder.people.access import child_view
from pathfinder.people.selectors import child_get_for


def _member(child, member_id: int | None):
    if member_id is None:
        return None
    member = child.family_members.filter(pk=member_id).first()
    if member is None:
        raise Http404("No such family member")
    return member


def _expires_text() -> str:
    until = timezone.localtime() + timedelta(days=settings.PATHFINDER_FAMILY_INVITATION_DAYS)
    return f"{until.day} {until:%B %Y}"


@for_roles(*CASE_STAFF)
@child_view("invite a family member to Pathfinder")
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, child, member_id: int | None = None) -> HttpResponse:
    member = _member(child, member_id)
    form = InviteForm(request.POST if request.method == "POST" else None)
    link = ""
    if request.method == "POST" and form.is_valid():
        try:
            token = invitations.family_invitation_create(acting_user=request.user, child=child, member=member)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            link = request.build_absolute_uri(invitations.invitation_path(token))
    return render(request, "family/invite.html", {
        "child": child, "member": member, "form": form, "link": link,
        "invitee": member.name if member else child.full_name, "expires_text": _expires_text(),
        "page_title": "Invitation link" if link else "Invite to Pathfinder",
    })


@for_roles(*CASE_STAFF)
def requests_list(request: HttpRequest) -> HttpResponse:
    return render(request, "family/requests.html", {
        "accounts": account_requests.account_requests_waiting(),
        "onlines": online_requests.online_requests_waiting(),
        "page_title": "Requests from families",
    })


@for_roles(*CASE_STAFF)
@require_http_methods(["GET", "POST"])
def account_request_check(request: HttpRequest, request_id: int) -> HttpResponse:
    account_request = get_object_or_404(AccountRequest, pk=request_id, status=RequestStatus.WAITING)
    today = timezone.localdate()
    children = account_requests.account_request_candidates(request.user, account_request, today=today)
    members = [m for c in children for m in c.family_members.all()]
    form = MatchForm(request.POST if request.method == "POST" else None, children=children, members=members,
                     initial={"version": account_request.version})
    link = ""
    if request.method == "POST" and form.is_valid():
        child = next(c for c in children if str(c.pk) == form.cleaned_data["child"])
        chosen = form.cleaned_data["member"]
        member = None if chosen == "new" else next(m for m in members if str(m.pk) == chosen)
        try:
            token = account_requests.account_request_verify(
                acting_user=request.user, account_request=account_request, child=child, member=member,
                expected_version=form.cleaned_data["version"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            link = request.build_absolute_uri(invitations.invitation_path(token))
    audit_reads(request, children, "checking a request for a family account")
    return render(request, "family/account_request_check.html", {
        "account_request": account_request, "children": children, "form": form, "link": link,
        "page_title": "Invitation link" if link else "Check a request for an account",
    })


@for_roles(*CASE_STAFF)
@require_http_methods(["GET", "POST"])
def online_request_check(request: HttpRequest, request_id: int) -> HttpResponse:
    online = get_object_or_404(OnlineRequest, pk=request_id, status=RequestStatus.WAITING)
    today = timezone.localdate()
    children = online_requests.online_request_candidates(request.user, online, today=today)
    form = MatchForm(request.POST if request.method == "POST" else None, children=children, allow_new=True,
                     initial={"version": online.version})
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["child"]
        child = None if chosen == "new" else child_get_for(request.user, int(chosen))
        try:
            assessment = online_requests.online_request_make_case(acting_user=request.user, online=online,
                                                                  child=child,
                                                                  expected_version=form.cleaned_data["version"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, f"The online request {online.reference} is now a case. Its clock started "
                                      f"on {assessment.received_on.day} {assessment.received_on:%B %Y}.")
            return redirect("assessments:case", child_id=assessment.child_id, assessment_id=assessment.pk)
    audit_reads(request, children, "checking an online request for an assessment")
    return render(request, "family/online_request_check.html", {
        "online": online, "children": children, "form": form,
        "explain": online_requests.online_request_explain(online),
        "page_title": f"Online request {online.reference}",
    })


@for_roles(*CASE_STAFF)
@require_http_methods(["GET", "POST"])
def request_refuse(request: HttpRequest, kind: str, request_id: int) -> HttpResponse:
    model = {"account": AccountRequest, "online": OnlineRequest}.get(kind)
    if model is None:
        raise Http404("No such kind of request")
    item = get_object_or_404(model, pk=request_id, status=RequestStatus.WAITING)
    form = RefuseForm(request.POST if request.method == "POST" else None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        try:
            if kind == "account":
                account_requests.account_request_refuse(acting_user=request.user, account_request=item,
                                                        reason=form.cleaned_data["reason"],
                                                        expected_version=form.cleaned_data["version"])
            else:
                online_requests.online_request_refuse(acting_user=request.user, online=item,
                                                      reason=form.cleaned_data["reason"],
                                                      expected_version=form.cleaned_data["version"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, "The request has been refused. The reason is kept with it.")
            return redirect("family:requests")
    return render(request, "family/request_refuse.html", {
        "item": item, "kind": kind, "form": form,
        "page_title": "Refuse the request for an account" if kind == "account" else "Set aside the online request",
    })


@for_roles(*CASE_STAFF)
@child_view("record the young person's consent for a parent")
@require_http_methods(["GET", "POST"])
def consent_record(request: HttpRequest, child, member_id: int) -> HttpResponse:
    member = _member(child, member_id)
    form = ConsentRecordForm(request.POST if request.method == "POST" else None, initial={"given_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            consent.parent_access_consent_give(acting_user=request.user, member=member,
                                               given_on=form.cleaned_data["given_on"], note=form.cleaned_data["note"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, f"Recorded: {member.name} can see the case.")
            return redirect("people:child", child_id=child.pk)
    return render(request, "family/consent_record.html", {
        "child": child, "member": member, "form": form, "page_title": "Record the young person's consent",
    })


@for_roles(*CASE_STAFF)
@child_view("withdraw the young person's consent for a parent")
@require_http_methods(["GET", "POST"])
def consent_withdraw_confirm(request: HttpRequest, child, member_id: int) -> HttpResponse:
    member = _member(child, member_id)
    current = consent.consent_current(member)
    if current is None:
        raise Http404("No consent to withdraw")
    if request.method == "POST":
        consent.parent_access_consent_withdraw(acting_user=request.user, consent=current)
        messages.success(request, f"Recorded: {member.name} can no longer see the case.")
        return redirect("people:child", child_id=child.pk)
    return render(request, "family/consent_withdraw.html", {
        "child": child, "member": member, "consent": current, "page_title": "Withdraw a parent's access",
    })
