"""The family's own page about the draft plan: sending comments, with the deadline and whom to contact.

Apart from the council's plan pages (plans.views). The page says plainly whether the time to comment is still open; once it
has ended it says so, and what the family can still do, rather than showing a past date as if it were ahead.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import FAMILY_ROLES
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.people.access import child_view
from pathfinder.plans import family, forms, placement_requests, selectors
from pathfinder.plans.models import PLAN_SECTIONS, CommentKind


@for_roles(*FAMILY_ROLES)
@child_view("comments on the draft plan")
def comment(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    plan = selectors.plan_get(child, plan_id)
    today = timezone.localdate()
    if plan is None or not selectors.may_comment(request.user, plan, child, today):
        raise Http404("Comments are not open for this plan")
    assessment = plan.assessment
    kwargs = {"child_id": child.pk, "plan_id": plan.pk}
    window = family.plan_comment_window(plan, today)
    contact = family.plan_contact(plan)
    form = forms.RepresentationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            comment = family.representation_add(acting_user=request.user, plan=plan, text=form.cleaned_data["text"],
                                                today=today)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            sent_to = f"your caseworker, {contact.name}" if contact.is_caseworker else contact.name
            if comment.after_window_closed:
                messages.success(request, f"Your comments have been sent to {sent_to}. The time to comment had "
                                 f"ended, so the {_next_plan(plan)} may be issued without waiting for them.")
            else:
                messages.success(request, f"Thank you. Your comments have been sent to {sent_to}.")
            return redirect("plans:document", **kwargs)
    return render(request, "plans/comment.html", {
        "form": form, "child": child, "plan": plan, "assessment": assessment, "window": window, "contact": contact,
        "contacts": getattr(settings, "COUNCIL_CONTACTS", {}),
        "back_url": reverse("plans:document", kwargs=kwargs),
        "page_title": f"Comment on the {plan.draft_name}" if window is None or window.is_open
        else f"The time to comment on the {plan.draft_name} has ended",
    })


def _family_plan(request, child, plan_id: int):
    """The draft the family may comment on now, or 404 (the same answer whether or not the plan exists)."""
    plan = selectors.plan_get(child, plan_id)
    today = timezone.localdate()
    if plan is None or not selectors.may_comment(request.user, plan, child, today):
        raise Http404("Comments are not open for this plan")
    return plan, today


def _family_form_page(request, child, plan, today, form, *, template: str, title: str, **extra) -> HttpResponse:
    kwargs = {"child_id": child.pk, "plan_id": plan.pk}
    return render(request, template, {
        "form": form, "child": child, "plan": plan, "window": family.plan_comment_window(plan, today),
        "contact": family.plan_contact(plan), "back_url": reverse("plans:document", kwargs=kwargs), "page_title": title,
        **extra,
    })


def _next_plan(plan) -> str:
    return "amended plan" if plan.is_amendment else "final plan"


def _sent(request, plan, comment, what: str) -> HttpResponse:
    late = f" The time to comment had ended, so the {_next_plan(plan)} may be issued without waiting for it." \
        if comment.after_window_closed else ""
    messages.success(request, f"Thank you. {what}{late}")
    return redirect(reverse("plans:document", kwargs={"child_id": plan.child_id, "plan_id": plan.pk})
                    + (f"#section-{comment.section.lower()}" if comment.section else ""))


@for_roles(*FAMILY_ROLES)
@child_view("comment on a section of the draft plan")
def section_comment(request: HttpRequest, child, plan_id: int, section: str) -> HttpResponse:
    plan, today = _family_plan(request, child, plan_id)
    letter = section.upper()
    if letter not in PLAN_SECTIONS:
        raise Http404("No such section")
    form = forms.SectionCommentForm(request.POST or None, section_title=PLAN_SECTIONS[letter])
    if request.method == "POST" and form.is_valid():
        try:
            comment = family.representation_add(acting_user=request.user, plan=plan, text=form.cleaned_data["text"],
                                                today=today, section=letter, kind=CommentKind.SECTION)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            return _sent(request, plan, comment, f"Your comments on section {letter} have been sent.")
    return _family_form_page(request, child, plan, today, form, template="plans/family_form.html",
                             title=f"Comment on section {PLAN_SECTIONS[letter]}", submit="Send your comments",
                             earlier=[c for c in plan.representations.all() if c.section == letter])


@for_roles(*FAMILY_ROLES)
@child_view("meeting request about the draft plan")
def meeting_request(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    plan, today = _family_plan(request, child, plan_id)
    form = forms.MeetingRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            comment = family.representation_add(acting_user=request.user, plan=plan, text=form.cleaned_data["text"],
                                                meeting_times=form.cleaned_data["meeting_times"], today=today,
                                                kind=CommentKind.MEETING)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            return _sent(request, plan, comment, "We have your request for a meeting. Your caseworker will contact "
                         "you to agree a time.")
    return _family_form_page(request, child, plan, today, form, template="plans/family_form.html",
                             title="Ask for a meeting about the draft plan", submit="Ask for a meeting",
                             intro="You can meet someone from the council to talk about the draft plan.")


@for_roles(*FAMILY_ROLES)
@child_view("request for a school or college")
def school_request(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    plan, today = _family_plan(request, child, plan_id)
    form = forms.FamilySchoolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            placement_requests.placement_request_record(acting_user=request.user, plan=plan, requested_on=today,
                                                        **form.cleaned_data)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, f"Thank you. We have your request for {form.cleaned_data['institution_name']}. "
                             "We will ask the school or college and tell you what happens.")
            return redirect("plans:document", child_id=child.pk, plan_id=plan.pk)
    return _family_form_page(request, child, plan, today, form, template="plans/family_form.html",
                             title="Ask for a school or college", submit="Send your request",
                             intro="Tell us which school or college you would like named in the plan.",
                             earlier_schools=list(plan.placement_requests.all()))
