"""Appeal pages (/children/<child>/appeals/...): thin, each parses its form, calls one service and shows a refusal
on the form (core.form_views.move_page for the workflow moves)."""

from __future__ import annotations

import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.form_views import form_refused, move_page
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.people.access import child_view
from pathfinder.tribunal import appeals, forms, selectors
from pathfinder.tribunal.appeals import WORKFLOW


def appeals_url(child) -> str:
    return reverse("tribunal:child", kwargs={"child_id": child.pk})


def appeal_url(appeal) -> str:
    return reverse("tribunal:appeal", kwargs={"child_id": appeal.child_id, "appeal_id": appeal.pk})


@for_roles(*CASE_STAFF)
@child_view("appeals and Tribunal orders")
def child_page(request: HttpRequest, child) -> HttpResponse:
    """The child's appeals and every set of duties (orders, appeals not opposed, mediation agreements)."""
    return render(request, "tribunal/child.html", {
        "child": child, "appeals": selectors.appeals_for_child(child), "orders": selectors.orders_for_child(child),
        "has_decisions": AppealableDecision.objects.filter(child=child).exists(),
        "page_title": f"Appeals and Tribunal orders: {child.full_name}",
    })


@for_roles(*CASE_STAFF)
@child_view("appeals: record an appeal")
def appeal_new(request: HttpRequest, child) -> HttpResponse:
    decisions = list(AppealableDecision.objects.filter(child=child).order_by("-decided_on", "-pk"))
    form = forms.AppealForm(request.POST or None, decisions=decisions)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        chosen = data.pop("decision")
        decision = next(d for d in decisions if str(d.pk) == chosen)
        try:
            appeal = appeals.appeal_record(acting_user=request.user, decision=decision, **data)
        except ServiceError as error:
            form_refused(form, error)
        else:
            messages.success(request, f"Appeal {appeal.reference} recorded. The council's response is due by "
                                      f"{appeal.response_due:%-d %B %Y}.")
            return redirect(appeal_url(appeal))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Record an appeal", "caption": child.full_name, "back_url": appeals_url(child),
        "child": child, "submit_text": "Record the appeal",
        "intro": ["Record an appeal when the First-tier Tribunal (SEND) sends it to the council."]
        if decisions else ["There is no appealable decision recorded for this child, so no appeal can be recorded."],
    })


@for_roles(*CASE_STAFF)
@child_view("an appeal")
def appeal_page(request: HttpRequest, child, appeal_id: int) -> HttpResponse:
    appeal = selectors.appeal_get(child, appeal_id)
    return render(request, "tribunal/appeal.html", {
        "child": child, "appeal": appeal, "moves": {m.action for m in WORKFLOW.allowed(appeal)},
        "orders": list(appeal.orders.prefetch_related("duties")), "recommendations": list(appeal.recommendations.all()),
        "page_title": f"Appeal {appeal.reference}: {child.full_name}",
    })


def _move(request, child, appeal_id: int, *, form_class, service, done: str, title: str, intro=()):
    appeal = selectors.appeal_get(child, appeal_id)

    def act(record, data):
        data = dict(data)
        version = data.pop("version")
        return service(acting_user=request.user, appeal=record, expected_version=version, **data)

    return move_page(request, record=appeal, form_class=form_class, act=act, done=done, next_url=appeal_url(appeal),
                     title=title, caption=f"{child.full_name}: appeal {appeal.reference}", intro=intro, child=child)


@for_roles(*CASE_STAFF)
@child_view("an appeal: the council's response")
def appeal_response(request: HttpRequest, child, appeal_id: int) -> HttpResponse:
    return _move(request, child, appeal_id, form_class=forms.ResponseForm, service=appeals.appeal_response_record,
                 done="The response is recorded.", title="Record the council's response")


@for_roles(*CASE_STAFF)
@child_view("an appeal: the hearing")
def appeal_hearing(request: HttpRequest, child, appeal_id: int) -> HttpResponse:
    return _move(request, child, appeal_id, form_class=forms.HearingForm, service=appeals.appeal_hearing_list,
                 done="The hearing date is recorded.", title="Record the hearing date")


@for_roles(*CASE_STAFF)
@child_view("an appeal: not opposing")
def appeal_not_oppose(request: HttpRequest, child, appeal_id: int) -> HttpResponse:
    return _move(request, child, appeal_id, form_class=forms.NotOpposeForm, service=appeals.appeal_not_oppose,
                 done="Not opposing is recorded. The council's duties are on the appeal's page and your worklist.",
                 title="Do not oppose the appeal",
                 intro=["If the council tells the Tribunal it will not oppose, the appeal is treated as conceded and "
                        "the council must do what the appeal asked within the times the law gives, counted from "
                        "the day it told the Tribunal (SEND Regulations 2014, regulation 45)."])


@for_roles(*CASE_STAFF)
@child_view("an appeal: the decision")
def appeal_decide(request: HttpRequest, child, appeal_id: int) -> HttpResponse:
    return _move(request, child, appeal_id, form_class=forms.DecideForm, service=appeals.appeal_decide,
                 done="The Tribunal's decision is recorded. Now record any orders it made.",
                 title="Record the Tribunal's decision")


@for_roles(*CASE_STAFF)
@child_view("an appeal: withdrawn")
def appeal_withdraw(request: HttpRequest, child, appeal_id: int) -> HttpResponse:
    return _move(request, child, appeal_id, form_class=forms.WithdrawForm, service=appeals.appeal_withdraw,
                 done="The withdrawal is recorded.", title="Record that the family withdrew the appeal")


@for_roles(*CASE_STAFF)
@child_view("an appeal: the evidence bundle")
def appeal_bundle(request: HttpRequest, child, appeal_id: int) -> HttpResponse:
    """The evidence bundle as a PDF, built now from the case's records (only for a user who may see the child)."""
    from pathfinder.tribunal.bundle import bundle_pdf_bytes

    appeal = selectors.appeal_get(child, appeal_id)
    response = HttpResponse(bundle_pdf_bytes(appeal, user=request.user), content_type="application/pdf")
    filename = re.sub(r"[^A-Za-z0-9]+", "-", appeal.reference).strip("-")
    response["Content-Disposition"] = f'inline; filename="evidence-bundle-{filename}.pdf"'
    return response
