"""Pages for a family's subject access request (case staff, from the child's subject access pack page): record
it, extend it, record the answer (producing the pack with it). Thin: each calls one service."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.disclosure import forms
from pathfinder.disclosure.models import SubjectAccessRequest
from pathfinder.disclosure.pack_views import pack_response
from pathfinder.disclosure.subject_access import (
    sar_clock,
    subject_access_request_answer,
    subject_access_request_extend,
    subject_access_request_record,
)
from pathfinder.people.access import child_view


def _page_url(child) -> str:
    return reverse("disclosure:subject-access", kwargs={"child_id": child.pk})


def _request_of(child, sar_id: int) -> SubjectAccessRequest:
    sar = SubjectAccessRequest.objects.filter(child=child, pk=sar_id).first()
    if sar is None:
        raise Http404("No such request")
    return sar


def _form_page(request: HttpRequest, child, form, title: str, intro: list[str], submit: str) -> HttpResponse:
    return render(request, "core/form_page.html", {
        "form": form, "page_title": title, "caption": child.full_name, "intro": intro,
        "back_url": _page_url(child), "submit_text": submit,
    })


@for_roles(*CASE_STAFF)
@child_view("recording a subject access request")
def subject_access_request_new(request: HttpRequest, child) -> HttpResponse:
    form = forms.SubjectAccessRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sar = subject_access_request_record(acting_user=request.user, child=child, **form.cleaned_data)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, f"Request recorded. Answer it by {sar.due_on:%-d %B %Y}.")
            return redirect(_page_url(child))
    return _form_page(request, child, form, "Record a subject access request", [
        "A young person, or a parent for their child, has asked for the information the council holds. Record it "
        "here so the last day to answer is on your worklist."], "Record the request")


def _save(request: HttpRequest, sar, form, act, **values) -> SubjectAccessRequest | None:
    """Run one service with the version the page was drawn from; put a refusal (or a stale page) on the form."""
    try:
        return act(acting_user=request.user, sar=sar, expected_version=form.cleaned_data["version"], **values)
    except ServiceError as error:
        form_add_service_error(form, error)
        return None


@for_roles(*CASE_STAFF)
@child_view("extending a subject access request")
def subject_access_request_extend_page(request: HttpRequest, child, sar_id: int) -> HttpResponse:
    sar = _request_of(child, sar_id)
    form = forms.SubjectAccessExtendForm(request.POST or None,
                                         initial={"version": sar.version, "on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        saved = _save(request, sar, form, subject_access_request_extend, on=form.cleaned_data["on"],
                         reason=form.cleaned_data["reason"])
        if saved is not None:
            messages.success(request, f"Time extended. Answer the request by {saved.due_on:%-d %B %Y}.")
            return redirect(_page_url(child))
    clock = sar_clock(sar)
    more = statutory.rule_in_force("subject_access_extension", sar.received_on).duration_text
    return _form_page(request, child, form, "Extend the time to answer", [
        f"The request from {sar.requester_name} must be answered by {clock.due_on:%-d %B %Y}. If it is complex, or "
        f"they have made several, the council may take {more} more ({clock.citation}), but only if it tells "
        f"them, with the reasons, by {clock.extend_by:%-d %B %Y}."], "Extend the time")


@for_roles(*CASE_STAFF)
@child_view("answering a subject access request")
def subject_access_request_answer_page(request: HttpRequest, child, sar_id: int) -> HttpResponse:
    sar = _request_of(child, sar_id)
    form = forms.SubjectAccessAnswerForm(request.POST or None, initial={
        "version": sar.version, "on": timezone.localdate(), "with_pack": True})
    if request.method == "POST" and form.is_valid():
        with_pack = form.cleaned_data["with_pack"]
        saved = _save(request, sar, form, subject_access_request_answer, on=form.cleaned_data["on"],
                         with_pack=with_pack)
        if saved is not None:
            if with_pack:
                return pack_response(request, child, "pdf")
            messages.success(request, "Answer recorded.")
            return redirect(_page_url(child))
    return _form_page(request, child, form, "Record the answer", [
        f"The request from {sar.requester_name} arrived on {sar.received_on:%-d %B %Y} and must be answered by "
        f"{sar.due_on:%-d %B %Y}.",
        "With the box ticked, the pack downloads as a PDF when you record the answer. Check it for anything about "
        "other people before you send it."], "Record the answer")
