"""The family's own personal budget pages, in plain English: ask for one (reg 4, with what it may pay for and who
can help, reg 3), see what was asked, the indicative amount once there, the agreed budget, the notice (reg 8), and
the direct payment agreement with its review dates."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import CASE_VIEWERS, FAMILY_ROLES, Role
from pathfinder.audit.services import audit_reads
from pathfinder.budgets import notices, request_forms, requests
from pathfinder.budgets.models import AskedBy, LineStatus, MadeThrough
from pathfinder.budgets.request_views import request_of
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.form_views import form_refused
from pathfinder.people.access import child_view
from pathfinder.people.selectors import children_visible_to
from pathfinder.plans.models import Plan
from statutory import personal_budgets as law


def _askable_plans(user) -> list[Plan]:
    """The family's plans a budget may be asked for on now (reg 4) and not already asked for."""
    plans = Plan.objects.filter(child__in=children_visible_to(user)).select_related("child").order_by("child", "-pk")
    return [p for p in plans if requests.request_stage_for(p) and requests.open_request(p) is None]


class FamilyAskForm(request_forms.FamilyRequestForm):
    """The family's form, with the plan to ask on when they have more than one child with a plan."""

    error_names = {**request_forms.FamilyRequestForm.error_names, "plan": "whose plan it is for"}

    plan = forms.ChoiceField(label="Whose plan is it for?", widget=forms.RadioSelect)

    def __init__(self, *args, plans=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = [(str(p.pk), p.child.full_name) for p in plans]


@for_roles(*FAMILY_ROLES)
def family_home(request: HttpRequest) -> HttpResponse:
    """Each child's personal budget requests, and whether they can ask now."""
    children = list(children_visible_to(request.user))
    audit_reads(request, children, "personal budget (family)")
    rows = [{"child": c, "requests": list(c.budget_requests.select_related("plan"))} for c in children]
    return render(
        request,
        "budgets/family_home.html",
        {
            "rows": rows,
            "can_ask": bool(_askable_plans(request.user)),
            "when": law.WHEN_YOU_CAN_ASK,
            "page_title": "Personal budget",
        },
    )


@for_roles(*FAMILY_ROLES)
def family_request_start(request: HttpRequest) -> HttpResponse:
    """Ask for a personal budget, online."""
    plans = _askable_plans(request.user)
    audit_reads(request, [p.child for p in plans], "personal budget: ask (family)")
    form = FamilyAskForm(
        request.POST or None, plans=plans, initial={"plan": str(plans[0].pk)} if len(plans) == 1 else {}
    )
    if request.method == "POST" and form.is_valid():
        plan = next(p for p in plans if str(p.pk) == form.cleaned_data["plan"])
        asked_by = AskedBy.YOUNG_PERSON if request.user.role == Role.YOUNG_PERSON else AskedBy.PARENT
        try:
            made = requests.budget_request_make(
                acting_user=request.user,
                plan=plan,
                asked_by=asked_by,
                made_through=MadeThrough.PORTAL,
                streams=form.cleaned_data["streams"],
                wishes=form.cleaned_data["wishes"],
            )
        except ServiceError as error:
            form_refused(form, error)
        else:
            messages.success(request, "You have asked for a personal budget.")
            return redirect(family_detail_url(made))
    return render(
        request,
        "budgets/family_ask.html",
        {
            "form": form,
            "plans": plans,
            "when": law.WHEN_YOU_CAN_ASK,
            "information": requests.information_blocks(),
            "page_title": "Ask for a personal budget",
        },
    )


def family_detail_url(budget_request) -> str:
    return reverse(
        "budgets:family_request_detail", kwargs={"child_id": budget_request.child_id, "request_id": budget_request.pk}
    )


@for_roles(*FAMILY_ROLES)
@child_view("personal budget (family)")
def family_request_detail(request: HttpRequest, child, request_id: int) -> HttpResponse:
    budget_request = request_of(child, request_id)
    dp = budget_request.direct_payments.exclude(status="refused").first() or budget_request.direct_payments.first()
    return render(
        request,
        "budgets/family_detail.html",
        {
            "child": child,
            "r": budget_request,
            "indicative": list(budget_request.indicative_budgets.all()),
            "lines": list(budget_request.lines.filter(status=LineStatus.AGREED)),
            "dp": dp,
            "information": requests.information_blocks(),
            "today": timezone.localdate(),
            "page_title": "Your personal budget"
            if request.user.role == Role.YOUNG_PERSON
            else f"{child.full_name}'s personal budget",
        },
    )


@for_roles(*CASE_VIEWERS)
@child_view("personal budget: notice of the agreed provision and amount")
def notice(request: HttpRequest, child, request_id: int) -> HttpResponse:
    """The reg 8 notice, printable. The family reads it once it is sent; staff see it before, to check it."""
    budget_request = request_of(child, request_id)
    family = request.user.role in FAMILY_ROLES
    if budget_request.agreed_on is None or (family and budget_request.notice_sent_on is None):
        raise Http404("There is no notice for this personal budget yet")
    back = (
        family_detail_url(budget_request)
        if family
        else reverse("budgets:request_detail", kwargs={"child_id": child.pk, "request_id": budget_request.pk})
    )
    return render(
        request,
        "budgets/notice.html",
        {
            "child": child,
            "r": budget_request,
            "notice": notices.notice_for(budget_request),
            "back_url": back,
            "page_title": "Notice of your agreed personal budget",
        },
    )
