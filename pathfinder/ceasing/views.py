"""Pages to cease a plan (/children/<child>/plans/<plan>/cease/...) and the manager's list of plans ceased this year.

Thin: each page parses its form, calls one service from ceasing.workflow and shows a refusal on the form.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.assessments.letters import council_contacts, notice_recipients, period_text
from pathfinder.audit.services import audit_reads
from pathfinder.ceasing import forms, selectors, workflow
from pathfinder.ceasing.professionals import professional_recipients
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.forms import field_params, form_add_service_error
from pathfinder.people.access import child_view
from pathfinder.plans.selectors import plan_get


def _plan(child, plan_id: int):
    plan = plan_get(child, plan_id)
    if plan is None:
        raise Http404("No such plan for this child")
    return plan


def _cessation(plan, cessation_id: int):
    cessation = plan.cessations.filter(pk=cessation_id).first()
    if cessation is None:
        raise Http404("No such proposal to cease this plan")
    return cessation


def _page_url(plan) -> str:
    return reverse("ceasing:plan", kwargs={"child_id": plan.child_id, "plan_id": plan.pk})


def _refused(form, error: ServiceError, cessation=None) -> None:
    form_add_service_error(form, error, field_map={"appeal_decided_on": "appeal_decided_on",
                                                   "reviewed_does_not_wish_to_return": "reason"})
    if isinstance(error, StaleEdit) and cessation is not None:
        data = form.data.copy()
        data["version"] = str(type(cessation).objects.get(pk=cessation.pk).version)
        form.data = data


def _reason_params(form) -> dict:
    """The reasons as radios, each with its plain-English hint (what the law means by it)."""
    params = field_params(form["reason"])
    for item in params["items"]:
        reason = statutory.cease_reason(item["value"])
        item["hint"] = {"text": f"{reason.hint} The ground: {reason.citation}."}
    return params


@for_roles(*CASE_STAFF)
@child_view("ceasing the plan")
def plan_page(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    """Where ceasing stands for this plan: the open proposal with its next steps, and any earlier ones."""
    plan = _plan(child, plan_id)
    cessations = list(plan.cessations.all())
    current = next((c for c in cessations if c.is_open), None)
    return render(request, "ceasing/plan.html", {
        "child": child, "plan": plan, "current": current, "cessations": cessations,
        "moves": {m.action for m in workflow.WORKFLOW.allowed(current)} if current else set(),
        "page_title": f"Ceasing the EHC plan: {child.full_name}",
    })


def _form_page(request, *, child, plan, form, title: str, intro: list[str], template: str = "core/form_page.html",
               **extra) -> HttpResponse:
    return render(request, template, {
        "child": child, "plan": plan, "form": form, "page_title": title, "caption": child.full_name,
        "intro": intro, "back_url": _page_url(plan), **extra,
    })


@for_roles(*CASE_STAFF)
@child_view("ceasing the plan: propose")
def propose(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    plan = _plan(child, plan_id)
    form = forms.ProposeForm(request.POST or None, initial={"proposed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            workflow.cessation_propose(acting_user=request.user, plan=plan, **form.cleaned_data)
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, "Ceasing the plan is proposed. The family has been told. Now consult them "
                                      "and the school or college.")
            return redirect(_page_url(plan))
    return _form_page(
        request, child=child, plan=plan, form=form, title="Propose to cease the plan",
        template="ceasing/propose.html", reason_params=_reason_params(form),
        intro=["A council may cease a plan only if it is no longer responsible for the child or young person, or "
               "the plan is no longer necessary (Children and Families Act 2014, section 45). Before deciding, you "
               "must consult the family and the head or principal (SEND Regulations 2014, regulation 31)."],
    )


@for_roles(*CASE_STAFF)
@child_view("ceasing the plan: consultation")
def consultation(request: HttpRequest, child, plan_id: int, cessation_id: int) -> HttpResponse:
    plan = _plan(child, plan_id)
    cessation = _cessation(plan, cessation_id)
    form = forms.ConsultationForm(request.POST or None, initial={
        "version": cessation.version, "family_consulted_on": cessation.family_consulted_on,
        "head_consulted_on": cessation.head_consulted_on, "views_received": cessation.views_received})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            workflow.cessation_consultation_record(
                acting_user=request.user, cessation=cessation, expected_version=data["version"],
                family_consulted_on=data["family_consulted_on"], head_consulted_on=data["head_consulted_on"],
                views_received=data["views_received"])
        except ServiceError as error:
            _refused(form, error, cessation)
        else:
            messages.success(request, "Consultation recorded.")
            return redirect(_page_url(plan))
    school = plan.placement_name or "their school or college"
    return _form_page(request, child=child, plan=plan, form=form, title="Record the consultation", intro=[
        f"Tell the parent or young person, and the head or principal of {school}, that the council is thinking of "
        "ceasing the plan, and ask for their views (SEND Regulations 2014, regulation 31(1)).",
    ])


@for_roles(*CASE_STAFF)
@child_view("ceasing the plan: decide")
def decide(request: HttpRequest, child, plan_id: int, cessation_id: int) -> HttpResponse:
    plan = _plan(child, plan_id)
    cessation = _cessation(plan, cessation_id)
    today = timezone.localdate()
    form = forms.DecideForm(request.POST or None, initial={"version": cessation.version, "decided_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            workflow.cessation_decide(acting_user=request.user, cessation=cessation,
                                      expected_version=form.cleaned_data["version"],
                                      decided_on=form.cleaned_data["decided_on"])
        except ServiceError as error:
            _refused(form, error, cessation)
        else:
            messages.success(request, "Decision sent. The plan stays in force until the appeal period ends.")
            return redirect(_page_url(plan))
    sent = form.cleaned_data.get("decided_on") if form.is_bound and form.is_valid() else today
    return _form_page(
        request, child=child, plan=plan, form=form, title="Decide to cease the plan and send the notice",
        template="ceasing/decide.html", cessation=cessation, appeal=statutory.appeal_dates(sent),
        in_force_until=statutory.plan_in_force_until(sent), notice_to=notice_recipients(child, sent),
        professionals=professional_recipients(plan, sent),
        contacts=council_contacts(), submit_text="Send the decision", intro=[],
    )


@for_roles(*CASE_STAFF)
@child_view("ceasing the plan: appeal")
def appeal(request: HttpRequest, child, plan_id: int, cessation_id: int) -> HttpResponse:
    plan = _plan(child, plan_id)
    cessation = _cessation(plan, cessation_id)
    form = forms.AppealForm(request.POST or None, initial={
        "version": cessation.version, "lodged_on": cessation.appeal_lodged_on})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            workflow.cessation_appeal_record(
                acting_user=request.user, cessation=cessation, expected_version=data["version"],
                lodged_on=data["lodged_on"], decided_on=data["appeal_decided_on"], upheld=data["upheld"])
        except ServiceError as error:
            _refused(form, error, cessation)
        else:
            messages.success(request, "Appeal recorded.")
            return redirect(_page_url(plan))
    return _form_page(request, child=child, plan=plan, form=form, title="Record an appeal to the Tribunal", intro=[
        "While the appeal waits for the Tribunal, the plan and its provision stay in force. If the Tribunal "
        "dismisses the appeal, the plan ceases that day; if it upholds it, the plan continues.",
    ])


@for_roles(*CASE_STAFF)
@child_view("ceasing the plan: mediation certificate")
def mediation_certificate(request: HttpRequest, child, plan_id: int, cessation_id: int) -> HttpResponse:
    plan = _plan(child, plan_id)
    cessation = _cessation(plan, cessation_id)
    form = forms.MediationCertificateForm(request.POST or None, initial={
        "version": cessation.version, "certificate_on": cessation.mediation_certificate_on})
    if request.method == "POST" and form.is_valid():
        try:
            workflow.cessation_mediation_certificate_record(
                acting_user=request.user, cessation=cessation, expected_version=form.cleaned_data["version"],
                certificate_on=form.cleaned_data["certificate_on"])
        except ServiceError as error:
            _refused(form, error, cessation)
        else:
            messages.success(request, "Mediation certificate recorded.")
            return redirect(_page_url(plan))
    return _form_page(request, child=child, plan=plan, form=form, title="Record a mediation certificate", intro=[
        f"The family may appeal up to {period_text('appeal_after_certificate')} after the mediation certificate, if "
        "that is later than the usual last day (Tribunal Procedure (HESC) Rules 2008, rule 20(1)(c)). The plan stays "
        "in force until then.",
    ])


@for_roles(*CASE_STAFF)
@child_view("ceasing the plan: keep the plan")
def withdraw(request: HttpRequest, child, plan_id: int, cessation_id: int) -> HttpResponse:
    plan = _plan(child, plan_id)
    cessation = _cessation(plan, cessation_id)
    form = forms.WithdrawForm(request.POST or None, initial={"version": cessation.version,
                                                             "withdrawn_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            workflow.cessation_withdraw(acting_user=request.user, cessation=cessation,
                                        expected_version=data["version"], withdrawn_on=data["withdrawn_on"],
                                        reason=data["reason"])
        except ServiceError as error:
            _refused(form, error, cessation)
        else:
            messages.success(request, "The plan is kept. Tell the family.")
            return redirect(_page_url(plan))
    return _form_page(request, child=child, plan=plan, form=form, title="Keep the plan", intro=[
        "The council has decided not to cease the plan after all. The plan and its provision continue.",
    ], submit_text="Keep the plan")


@for_roles(Role.MANAGER)
def this_year(request: HttpRequest) -> HttpResponse:
    """Plans ceased this calendar year (the SEN2 return's year), by SEN2 CeaseReason, and those under way."""
    today = timezone.localdate()
    year = _year(request.GET.get("year"), today)
    summary = selectors.ceased_in_year(request.user, year)
    audit_reads(request, [c.plan.child for c in summary.rows], f"plans ceased in {year}")
    return render(request, "ceasing/this_year.html", {
        "summary": summary, "year": year, "today": today, "page_title": f"Plans ceased in {year}",
    })


def _year(value, today: date) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return today.year
    return year if 2014 <= year <= today.year else today.year
