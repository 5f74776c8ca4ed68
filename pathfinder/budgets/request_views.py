"""Case staff's pages for a personal budget request: record it, see it (the child's personal budget page), refuse,
reconsider, withdraw, send the reg 8 notice, and the list of requests by status. Thin: each parses its form, calls
one service and shows a refusal on the form.

URL parameters are named ``<record>_id`` as in the rest of the project (``child_id``, ``request_id``,
``direct_payment_id``, ``line_id``), so people.access.child_view loads and audits the child directly.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.audit.services import audit_reads
from pathfinder.budgets import direct_payments, lines, notices, request_forms, requests, section_j
from pathfinder.budgets.models import BudgetRequest, MadeThrough, RequestStatus
from pathfinder.budgets.models_ras import Stream
from pathfinder.budgets.workflow import REQUEST_WORKFLOW
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.form_views import form_page, form_refused, move_page
from pathfinder.people.access import child_view
from pathfinder.people.selectors import children_visible_to
from statutory import personal_budgets as law


def request_of(child, request_id: int) -> BudgetRequest:
    found = BudgetRequest.objects.filter(child=child, pk=request_id).select_related("plan", "child").first()
    if found is None:
        raise Http404("No such personal budget request for this child")
    return found


def detail_url(budget_request: BudgetRequest) -> str:
    return reverse(
        "budgets:request_detail", kwargs={"child_id": budget_request.child_id, "request_id": budget_request.pk}
    )


@for_roles(*CASE_STAFF)
@child_view("personal budget: record a request")
def request_start(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    """The caseworker records a request the family made by letter, phone, email or at a meeting."""
    plan = child.plans.filter(pk=plan_id).first()
    if plan is None:
        raise Http404("No such plan for this child")
    form = request_forms.CaseworkerRequestForm(
        request.POST or None, initial={"requested_on": timezone.localdate(), "made_through": MadeThrough.CASEWORKER}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = requests.budget_request_make(
                acting_user=request.user,
                plan=plan,
                asked_by=data["asked_by"],
                made_through=data["made_through"],
                streams=data["streams"],
                wishes=data["wishes"],
                requested_on=data["requested_on"],
            )
        except ServiceError as error:
            form_refused(form, error)
        else:
            messages.success(
                request,
                "Request recorded. The family has been sent what a personal budget can pay for and who can help.",
            )
            return redirect(detail_url(made))
    stage = requests.request_stage_for(plan)
    intro = [
        f"The family can ask for a personal budget now ({law.citation(4)})."
        if stage
        else f"A personal budget cannot be asked for on this plan now. {law.WHEN_YOU_CAN_ASK}"
    ]
    return form_page(
        request,
        child=child,
        form=form,
        title="Record a request for a personal budget",
        back=reverse("people:child", kwargs={"child_id": child.pk}),
        intro=intro,
        submit="Record the request",
    )


def _steps(budget_request: BudgetRequest) -> list[dict]:
    """Each step with its date and the rule behind it, for the child's personal budget page."""
    r = budget_request
    rows = [
        {
            "step": f"Asked for ({r.get_stage_display().lower()})",
            "on": r.requested_on,
            "rule": law.citation(4),
            "url": law.citation_url(4),
        },
        {
            "step": "Information sent on what a budget can pay for and who can help",
            "on": r.information_sent_on,
            "rule": law.citation(3),
            "url": law.citation_url(3),
        },
    ]
    if r.refused_on:
        rows.append(
            {
                "step": "Refused, with written reasons",
                "on": r.refused_on,
                "rule": law.citation(7),
                "url": law.citation_url(7),
            }
        )
    if r.reconsideration_asked_on:
        rows.append(
            {
                "step": "The family asked for the refusal to be looked at again",
                "on": r.reconsideration_asked_on,
                "rule": law.citation(7),
                "url": law.citation_url(7),
            }
        )
    if r.agreed_on:
        rows.append(
            {"step": "Budget agreed, section J written", "on": r.agreed_on, "rule": law.CFA_49, "url": law.CFA_49_URL}
        )
    if r.notice_sent_on:
        rows.append(
            {
                "step": "Notice of the agreed provision and amount sent",
                "on": r.notice_sent_on,
                "rule": law.citation(8),
                "url": law.citation_url(8),
            }
        )
    if r.withdrawn_on:
        rows.append({"step": "Withdrawn by the family", "on": r.withdrawn_on, "rule": "", "url": ""})
    return rows


@for_roles(*CASE_STAFF)
@child_view("personal budget")
def request_detail(request: HttpRequest, child, request_id: int) -> HttpResponse:
    """The child's personal budget: the request, its steps, the lines and shares, the direct payment."""
    budget_request = request_of(child, request_id)
    budget_lines = list(budget_request.lines.prefetch_related("shares").select_related("provision"))
    return render(
        request,
        "budgets/request_detail.html",
        {
            "child": child,
            "r": budget_request,
            "streams": ", ".join(str(dict(Stream.choices).get(s, s)) for s in budget_request.streams),
            "steps": _steps(budget_request),
            "lines": budget_lines,
            "line_problems": {line.pk: law.line_problems(lines.line_facts(line)) for line in budget_lines},
            "moves": {m.action for m in REQUEST_WORKFLOW.allowed(budget_request)},
            "editable": budget_request.status in lines.EDITABLE_STATUSES,
            "indicative": list(budget_request.indicative_budgets.all()),
            "section_j": section_j.section_j_text(budget_request)
            if budget_request.status == RequestStatus.AGREED
            else "",
            "section_j_place": section_j.section_j_place(budget_request)
            if budget_request.status == RequestStatus.AGREED
            else None,
            "direct_payments": list(budget_request.direct_payments.all()),
            "review_rule": direct_payments.review_rule(),
            "work_out": _work_out_links(budget_request),
            "page_title": f"Personal budget: {child.full_name}",
        },
    )


def _work_out_links(budget_request: BudgetRequest) -> dict[str, object]:
    """Where the caseworker works out each stream's indicative budget, reads the reasons letter and prices the
    plan's provision (the RAS pages), so the request page leads to every step of the chain."""
    ids = (budget_request.child_id, budget_request.pk)
    open_request = budget_request.status in (RequestStatus.REQUESTED, RequestStatus.INDICATIVE)
    return {
        "streams": [
            (str(dict(Stream.choices).get(stream, stream)), reverse("budgets:indicative_answer", args=[*ids, stream]))
            for stream in budget_request.streams
        ]
        if open_request
        else [],
        "letter": reverse("budgets:reasons_letter", args=ids) if budget_request.indicative_budgets.exists() else "",
        "costing": reverse("budgets:plan_costing", args=[budget_request.child_id, budget_request.plan_id]),
    }


@for_roles(*CASE_STAFF)
@child_view("personal budget: refuse")
def request_refuse(request: HttpRequest, child, request_id: int) -> HttpResponse:
    budget_request = request_of(child, request_id)
    return move_page(
        request,
        record=budget_request,
        form_class=request_forms.RefuseForm,
        act=lambda r, d: requests.budget_request_refuse(
            acting_user=request.user, budget_request=r, expected_version=d["version"], reasons=d["reasons"]
        ),
        done="Refusal recorded. The family has been told.",
        next_url=detail_url(budget_request),
        title="Refuse the personal budget",
        caption=child.full_name,
        child=child,
        intro=[
            f"The family is told in writing why, and that they can ask for the decision to be looked at again "
            f"({law.citation(7)}). If only some provision cannot be separated from a service the council buys for "
            f"many children, mark that line instead of refusing the whole budget ({law.citation(4)})."
        ],
        submit="Refuse and tell the family",
    )


@for_roles(*CASE_STAFF)
@child_view("personal budget: reconsider")
def request_reconsider(request: HttpRequest, child, request_id: int) -> HttpResponse:
    budget_request = request_of(child, request_id)
    return move_page(
        request,
        record=budget_request,
        form_class=request_forms.ReconsiderForm,
        act=lambda r, d: requests.budget_request_reconsider(
            acting_user=request.user,
            budget_request=r,
            expected_version=d["version"],
            asked_on=d["asked_on"],
            outcome=d["outcome"],
            change_decision=d["change_decision"],
        ),
        done="Reconsideration recorded.",
        next_url=detail_url(budget_request),
        title="Reconsider the refusal",
        caption=child.full_name,
        child=child,
        intro=[f"The family asked for the refusal to be looked at again ({law.citation(7)})."],
        submit="Save the outcome",
    )


@for_roles(*CASE_STAFF)
@child_view("personal budget: withdraw")
def request_withdraw(request: HttpRequest, child, request_id: int) -> HttpResponse:
    budget_request = request_of(child, request_id)
    return move_page(
        request,
        record=budget_request,
        form_class=request_forms.WithdrawForm,
        act=lambda r, d: requests.budget_request_withdraw(
            acting_user=request.user, budget_request=r, expected_version=d["version"], withdrawn_on=d["withdrawn_on"]
        ),
        done="Request withdrawn.",
        next_url=detail_url(budget_request),
        title="The family no longer wants a personal budget",
        caption=child.full_name,
        child=child,
        submit="Withdraw the request",
        initial={"withdrawn_on": timezone.localdate()},
    )


@for_roles(*CASE_STAFF)
@child_view("personal budget: notice")
def notice_send(request: HttpRequest, child, request_id: int) -> HttpResponse:
    budget_request = request_of(child, request_id)
    return move_page(
        request,
        record=budget_request,
        form_class=request_forms.NoticeForm,
        act=lambda r, d: notices.notice_send(
            acting_user=request.user, budget_request=r, expected_version=d["version"], sent_on=d["sent_on"]
        ),
        done="Notice sent. The family can read it.",
        next_url=detail_url(budget_request),
        title="Send the notice of the agreed budget",
        caption=child.full_name,
        child=child,
        intro=[f"The family reads the notice of the agreed provision and amount in Pathfinder ({law.citation(8)})."],
        submit="Send the notice",
        initial={"sent_on": timezone.localdate()},
    )


@for_roles(*CASE_STAFF)
def request_list(request: HttpRequest) -> HttpResponse:
    """Personal budget requests on the cases this person may see, by status."""
    status = request.GET.get("status", "")
    rows = (
        BudgetRequest.objects.filter(child__in=children_visible_to(request.user))
        .select_related("child", "plan")
        .order_by("-requested_on", "-pk")
    )
    if status in RequestStatus.values:
        rows = rows.filter(status=status)
    rows = list(rows[:200])
    audit_reads(request, [row.child for row in rows], "personal budget requests (list)")
    return render(
        request,
        "budgets/request_list.html",
        {
            "rows": rows,
            "status": status,
            "statuses": RequestStatus.choices,
            "page_title": "Personal budgets",
        },
    )
