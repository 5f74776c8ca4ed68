"""Order pages (/children/<child>/orders/...), recommendations on an appeal, and the manager's report. Thin: parse,
call one service, show a refusal on the form."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.form_views import form_page, form_refused, move_page
from pathfinder.people.access import child_view
from pathfinder.people.selectors import children_visible_to
from pathfinder.tribunal import forms, orders, recommendations, selectors
from pathfinder.tribunal.duties import order_deadlines
from pathfinder.tribunal.figures import appeal_figures
from pathfinder.tribunal.national import DFE_SOURCE, DFE_SOURCE_URL, MOJ_2023_24, MOJ_SOURCE_URL
from pathfinder.tribunal.views import appeal_url
from pathfinder.tribunal.worklist import overdue_duties
from statutory.deadlines import STATUS_TEXT
from statutory.exceptions import ORDER_EXCEPTIONS


def order_url(order) -> str:
    return reverse("tribunal:order", kwargs={"child_id": order.child_id, "order_id": order.pk})


@for_roles(*CASE_STAFF)
@child_view("an appeal: record an order")
def order_new(request: HttpRequest, child, appeal_id: int) -> HttpResponse:
    appeal = selectors.appeal_get(child, appeal_id)
    form = forms.OrderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            order = orders.tribunal_order_record(acting_user=request.user, appeal=appeal, **form.cleaned_data)
        except ServiceError as error:
            form_refused(form, error)
        else:
            messages.success(request, "The order is recorded. Its duties and their dates are below.")
            return redirect(order_url(order))
    return form_page(request, form=form, child=child, title="Record the Tribunal's order", back=appeal_url(appeal),
                 submit="Record the order",
                 intro=["Each order becomes duties with the dates the law gives (SEND Regulations 2014, "
                        "regulation 44). List each item of provision the order names so it is tracked until it is "
                        "delivered."])


@for_roles(*CASE_STAFF)
@child_view("a Tribunal order")
def order_page(request: HttpRequest, child, order_id: int) -> HttpResponse:
    order = selectors.order_get(child, order_id)
    today = timezone.localdate()
    deadlines = order_deadlines(order, today)
    return render(request, "tribunal/order.html", {
        "child": child, "order": order, "duties": [(d, deadlines.get(d.step)) for d in order.duties.all()],
        "exceptions": list(order.exceptions.all()), "provision": list(order.provision.all()), "today": today,
        "exception_text": statutory.exception_description, "status_text": STATUS_TEXT, "page_title": f"{order.get_kind_display()}: {child.full_name}",
    })


@for_roles(*CASE_STAFF)
@child_view("a Tribunal order: duty done")
def duty_done(request: HttpRequest, child, order_id: int, duty_id: int) -> HttpResponse:
    order = selectors.order_get(child, order_id)
    duty = selectors.duty_get(order, duty_id)
    return move_page(
        request, record=order, form_class=forms.DutyDoneForm, next_url=order_url(order), child=child,
        act=lambda record, data: orders.order_duty_done_record(acting_user=request.user, duty=duty,
                                                               expected_version=data["version"],
                                                               done_on=data["done_on"]),
        done=f"Recorded as done: {duty.label}.", title=f"Record as done: {duty.label}", caption=child.full_name,
        intro=[f"Due by {duty.due_on:%-d %B %Y} ({duty.citation})."])


@for_roles(*CASE_STAFF)
@child_view("a Tribunal order: the decision after the assessment")
def assessment_decision(request: HttpRequest, child, order_id: int) -> HttpResponse:
    order = selectors.order_get(child, order_id)
    return move_page(
        request, record=order, form_class=forms.AssessmentDecisionForm, next_url=order_url(order), child=child,
        act=lambda record, data: orders.order_assessment_decision_record(
            acting_user=request.user, order=record, expected_version=data["version"],
            decided_to_issue=data["decided_to_issue"]),
        done="The decision is recorded and the duties follow it.", title="Record the decision after the assessment",
        caption=child.full_name)


@for_roles(*CASE_STAFF)
@child_view("a Tribunal order: claim an exception")
def exception_new(request: HttpRequest, child, order_id: int) -> HttpResponse:
    order = selectors.order_get(child, order_id)
    form = forms.OrderExceptionForm(request.POST or None, initial={"version": order.version},
                                    codes=list(ORDER_EXCEPTIONS.items()),
                                    duties=[(d.step, d.label) for d in order.duties.all() if d.applies])
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            orders.order_exception_record(acting_user=request.user, order=order,
                                          expected_version=data.pop("version"), **data)
        except ServiceError as error:
            form_refused(form, error, order)
        else:
            messages.success(request, "The exception is recorded.")
            return redirect(order_url(order))
    return form_page(request, form=form, child=child, title="Claim an exception to the time limits", back=order_url(order),
                 intro=["An exception never moves a date. It excuses a late duty only if it happened during the "
                        "time allowed and you say how it made the time limit impractical (SEND Regulations 2014, "
                        "regulation 44(3))."])


@for_roles(*CASE_STAFF)
@child_view("a Tribunal order: provision delivered")
def provision_delivered(request: HttpRequest, child, order_id: int, item_id: int) -> HttpResponse:
    order = selectors.order_get(child, order_id)
    item = selectors.provision_get(order, item_id)
    return move_page(
        request, record=item, form_class=forms.DeliveredForm, next_url=order_url(order), child=child,
        act=lambda record, data: orders.ordered_provision_delivered_record(
            acting_user=request.user, item=record, expected_version=data["version"],
            delivered_on=data["delivered_on"], evidence=data["evidence"]),
        done="Delivery is recorded.", title=f"Record delivery: {item.description}", caption=child.full_name)


@for_roles(*CASE_STAFF)
@child_view("an appeal: record a recommendation")
def recommendation_new(request: HttpRequest, child, appeal_id: int) -> HttpResponse:
    appeal = selectors.appeal_get(child, appeal_id)
    form = forms.RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rec = recommendations.recommendation_record(acting_user=request.user, appeal=appeal, **form.cleaned_data)
        except ServiceError as error:
            form_refused(form, error)
        else:
            messages.success(request, f"The recommendation is recorded. The response is due by "
                                      f"{rec.response_due:%-d %B %Y}.")
            return redirect(appeal_url(appeal))
    return form_page(request, form=form, child=child, title="Record a health or social care recommendation",
                 back=appeal_url(appeal))


@for_roles(*CASE_STAFF)
@child_view("an appeal: respond to a recommendation")
def recommendation_response(request: HttpRequest, child, appeal_id: int, recommendation_id: int) -> HttpResponse:
    appeal = selectors.appeal_get(child, appeal_id)
    rec = selectors.recommendation_get(appeal, recommendation_id)
    return move_page(
        request, record=rec, form_class=forms.RecommendationResponseForm, next_url=appeal_url(appeal), child=child,
        act=lambda record, data: recommendations.recommendation_response_record(
            acting_user=request.user, recommendation=record, expected_version=data["version"],
            responded_on=data["responded_on"], will_follow=data["will_follow"], response=data["response"]),
        done="The response is recorded.", title="Record the response to the recommendation", caption=child.full_name,
        intro=[f"The recommendation: {rec.text}", f"Response due by {rec.response_due:%-d %B %Y}."])


def _year(value, today) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return today.year
    return year if 2014 <= year <= today.year else today.year


@for_roles(Role.MANAGER)
def report(request: HttpRequest) -> HttpResponse:
    """Appeals by decision type, section and outcome, orders done on time, overturn rate by team, England's figures
    beside them, and the duties overdue now (which name children, so they are audited)."""
    today = timezone.localdate()
    year = _year(request.GET.get("year"), today)
    children = children_visible_to(request.user, today=today)
    overdue = overdue_duties(children, today)
    audit_reads(request, [d.order.child for d in overdue], "overdue duties after appeals")
    return render(request, "tribunal/report.html", {
        "figures": appeal_figures(children, year, today), "year": year, "overdue": overdue, "today": today,
        "moj": MOJ_2023_24, "dfe_source": DFE_SOURCE, "dfe_source_url": DFE_SOURCE_URL,
        "moj_source_url": MOJ_SOURCE_URL, "page_title": f"Appeals and orders in {year}",
    })
