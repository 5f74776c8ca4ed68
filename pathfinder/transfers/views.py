"""Pages for moves between councils (case staff): record a move, send the plan and download its bundle, the
list of moves in and out, importing a bundle, and telling the family (reg 15). Thin: each calls one service."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.forms import form_add_service_error
from pathfinder.people.access import child_view
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.transfers import forms, selectors, services
from pathfinder.transfers.export import transfer_bundle_bytes
from pathfinder.transfers.importing import transfer_in_import
from statutory.deadlines import STATUS_TEXT


def _out_url(transfer) -> str:
    return reverse("transfers:out", kwargs={"child_id": transfer.child_id, "transfer_id": transfer.pk})


def _in_url(transfer) -> str:
    return reverse("transfers:in", kwargs={"child_id": transfer.child_id, "transfer_id": transfer.pk})


@for_roles(*CASE_STAFF)
@child_view("recording a move to another council")
def transfer_out_new(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    plan = Plan.objects.filter(child=child, pk=plan_id, status=PlanStatus.FINAL).first()
    if plan is None:
        raise Http404("No final plan")
    form = forms.TransferOutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            transfer = services.transfer_out_record(acting_user=request.user, plan=plan, **form.cleaned_data)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, f"Move recorded. Send the plan by {transfer.due_on:%-d %B %Y}.")
            return redirect(_out_url(transfer))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Record a move to another council", "caption": child.full_name,
        "intro": ["The old council must send the plan to the new council. We work out the last day to send it "
                  "from the day of the move and the day we learnt of it (SEND Regulations 2014, regulation 15(2))."],
        "back_url": reverse("people:child", kwargs={"child_id": child.pk}), "submit_text": "Record the move",
    })


@for_roles(*CASE_STAFF)
@child_view("a move to another council")
def transfer_out(request: HttpRequest, child, transfer_id: int) -> HttpResponse:
    transfer = selectors.transfer_out_get(child, transfer_id)
    if transfer is None:
        raise Http404("No such move")
    today = timezone.localdate()
    form = forms.TransferSendForm(request.POST or None,
                                  initial={"version": transfer.version, "on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.transfer_out_send(acting_user=request.user, transfer=transfer, on=form.cleaned_data["on"],
                                       expected_version=form.cleaned_data["version"])
        except ServiceError as error:
            form_add_service_error(form, error)
            if isinstance(error, StaleEdit):
                transfer.refresh_from_db()
        else:
            messages.success(request, "Plan sent. Download the bundle and send it to the new council securely.")
            return redirect(_out_url(transfer))
    return render(request, "transfers/out.html", {
        "child": child, "transfer": transfer, "deadline": selectors.out_deadline(transfer, today), "form": form,
        "due": statutory.transfer_out_due(transfer.move_on, transfer.aware_on), "status_text": STATUS_TEXT,
        "page_title": f"Move to {transfer.to_la_name}",
    })


@for_roles(*CASE_STAFF)
@child_view("withdrawing a move to another council")
def transfer_out_withdraw(request: HttpRequest, child, transfer_id: int) -> HttpResponse:
    transfer = selectors.transfer_out_get(child, transfer_id)
    if transfer is None or transfer.status != "to_send":
        raise Http404("No move to withdraw")
    form = forms.TransferWithdrawForm(request.POST or None, initial={"version": transfer.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.transfer_out_withdraw(acting_user=request.user, transfer=transfer,
                                           expected_version=form.cleaned_data["version"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, "Move withdrawn. The plan stays with us.")
            return redirect(reverse("people:child", kwargs={"child_id": child.pk}))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": f"The family is not moving to {transfer.to_la_name}", "caption": child.full_name,
        "intro": ["Withdraw the move if the family is not moving after all. The plan stays with us and is not sent. "
                  "You can record a new move later."],
        "back_url": _out_url(transfer), "submit_text": "Withdraw the move",
    })


@for_roles(*CASE_STAFF)
@child_view("the transfer bundle (plan sent to another council)")
def transfer_bundle(request: HttpRequest, child, transfer_id: int) -> HttpResponse:
    transfer = selectors.transfer_out_get(child, transfer_id)
    if transfer is None or not transfer.is_sent:
        raise Http404("No bundle yet")
    content = transfer_bundle_bytes(transfer, generated_on=transfer.sent_on)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="ehc-plan-transfer-{transfer.to_la_code}-{transfer.sent_on:%Y-%m-%d}.zip"')
    return response


@for_roles(*CASE_STAFF)
def transfer_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    outs = [(t, selectors.out_deadline(t, today)) for t in selectors.transfers_out_for(request.user)[:200]]
    ins = [(t, selectors.in_deadlines(t, today)) for t in selectors.transfers_in_for(request.user)[:200]]
    audit_reads(request, {t.child for t, _ in outs} | {t.child for t, _ in ins}, "moves between councils")
    return render(request, "transfers/list.html", {
        "outs": outs, "ins": ins, "today": today, "page_title": "Moves between councils",
    })


@for_roles(*CASE_STAFF)
def transfer_import(request: HttpRequest) -> HttpResponse:
    form = forms.TransferImportForm(request.POST or None, request.FILES or None,
                                    initial={"team": getattr(request.user, "team", None),
                                             "transferred_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            transfer = transfer_in_import(acting_user=request.user, **form.cleaned_data)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, f"Plan imported. Tell the family by {transfer.notice_due_on:%-d %B %Y}.")
            return redirect(_in_url(transfer))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Import a plan from another council", "multipart": True,
        "intro": ["Upload the transfer bundle the old council sent. We check that it is complete and unchanged, "
                  "and that we do not already have a record for the child, before anything is saved."],
        "back_url": reverse("transfers:list"), "submit_text": "Import the plan",
    })


@for_roles(*CASE_STAFF)
@child_view("a plan transferred from another council")
def transfer_in(request: HttpRequest, child, transfer_id: int) -> HttpResponse:
    transfer = selectors.transfer_in_get(child, transfer_id)
    if transfer is None:
        raise Http404("No such transfer")
    today = timezone.localdate()
    deadlines = selectors.in_deadlines(transfer, today)
    form = forms.TransferNoticeForm(request.POST or None, initial={
        "version": transfer.version, "on": today, "review_on": deadlines["transfer_in_review"].due})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.transfer_in_notice_send(
                acting_user=request.user, transfer=transfer, on=data["on"], will_assess=data["will_assess"] == "yes",
                review_on=data["review_on"], expected_version=data["version"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, "The family has been told.")
            return redirect(_in_url(transfer))
    return render(request, "transfers/in.html", {
        "child": child, "transfer": transfer, "deadlines": deadlines, "form": form, "status_text": STATUS_TEXT,
        "plan_url": reverse("plans:overview", kwargs={"child_id": child.pk, "plan_id": transfer.plan_id}),
        "page_title": f"Plan transferred from {transfer.from_la_name}",
    })


