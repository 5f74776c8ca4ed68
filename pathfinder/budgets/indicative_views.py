"""A child's indicative budget pages: answer the stream's RAS questionnaire, the reasons letter (which the family
can read too), and the plan's costing with pricing a provision. Thin: parse, call one service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF, CASE_VIEWERS
from pathfinder.assessments.letters import council_contacts
from pathfinder.budgets import costing, indicative, ras_forms
from pathfinder.budgets.models import BudgetRequest
from pathfinder.budgets.models_ras import RateCardItem, Stream
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.form_views import form_refused
from pathfinder.core.forms import form_add_service_error
from pathfinder.directory.models import CostOption
from pathfinder.people.access import child_view
from pathfinder.plans.selectors import plan_get


def _request(child, request_id: int) -> BudgetRequest:
    found = BudgetRequest.objects.filter(child=child, pk=request_id).select_related("plan").first()
    if found is None:
        raise Http404("No such request for a personal budget for this child")
    return found


def _letter_url(budget_request: BudgetRequest) -> str:
    return reverse("budgets:reasons_letter", args=[budget_request.child_id, budget_request.pk])


@for_roles(*CASE_STAFF)
@child_view("personal budget: indicative budget")
def indicative_answer(request: HttpRequest, child, request_id: int, stream: str) -> HttpResponse:
    budget_request = _request(child, request_id)
    if stream not in indicative.asked_streams(budget_request):
        raise Http404("No such funding stream, or the family did not ask about it")
    system = indicative.indicative_questionnaire(stream)
    earlier = budget_request.indicative_budgets.filter(stream=stream).first()
    if system is None:
        return render(
            request,
            "budgets/indicative/no_ras.html",
            {
                "child": child,
                "stream": Stream(stream).label,
                "back_url": _letter_url(budget_request),
                "page_title": f"No {Stream(stream).label.lower()} questionnaire yet",
            },
        )
    questions = [
        (str(q.pk), q.text, q.help_text, [(str(o.pk), f"{o.label} ({o.points} points)") for o in q.options.all()])
        for q in system.questions.all()
    ]
    initial = {"version": budget_request.version, "system_id": system.pk}
    if earlier is not None and earlier.system_id == system.pk:
        initial |= {f"q_{qid}": oid for qid, oid in earlier.answers.items()}
        if earlier.reasons:
            initial |= {"amount": earlier.yearly_amount, "reasons": earlier.reasons}
    form = ras_forms.IndicativeForm(request.POST or None, initial=initial, questions=questions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            indicative.indicative_budget_work_out(
                budget_request,
                stream,
                form.answers(),
                request.user,
                data["version"],
                system_id=data["system_id"],
                amount=data["amount"],
                reasons=data["reasons"],
            )
        except ServiceError as error:
            form_refused(form, error, budget_request)
        else:
            messages.success(request, f"{Stream(stream).label} indicative budget worked out.")
            return redirect(_letter_url(budget_request))
    return render(
        request,
        "budgets/indicative/answer.html",
        {
            "child": child,
            "form": form,
            "system": system,
            "stream": Stream(stream).label,
            "back_url": _letter_url(budget_request),
            "caption": child.full_name,
            "page_title": f"Work out the {Stream(stream).label.lower()} indicative budget",
        },
    )


@for_roles(*CASE_VIEWERS)
@child_view("personal budget: reasons letter")
def reasons_letter(request: HttpRequest, child, request_id: int) -> HttpResponse:
    budget_request = _request(child, request_id)
    budgets = indicative.letter_budgets(budget_request)
    is_staff = request.user.role in CASE_STAFF
    if not budgets and not is_staff:
        raise Http404("No indicative budget has been worked out yet")
    return render(
        request,
        "budgets/indicative/letter.html",
        {
            "child": child,
            "budget_request": budget_request,
            "budgets": budgets,
            "is_staff": is_staff,
            "streams": [(s, Stream(s).label) for s in indicative.asked_streams(budget_request)],
            "contacts": council_contacts(),
            "today": timezone.localdate(),
            "page_title": "Your personal budget: how the amount was worked out",
        },
    )


def _plan(child, plan_id: int):
    plan = plan_get(child, plan_id)
    if plan is None:
        raise Http404("No such plan for this child")
    return plan


@for_roles(*CASE_STAFF)
@child_view("personal budget: costing the plan")
def plan_costing(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    plan = _plan(child, plan_id)
    result = costing.plan_costing(plan)
    return render(
        request,
        "budgets/indicative/costing.html",
        {
            "child": child,
            "plan": plan,
            "costing": result,
            "pounds": indicative.pounds,
            "can_price": bool(result.request and result.request.is_open),
            "page_title": "Costing the plan",
        },
    )


def _price_choices(query: str, today) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    options = (
        [
            (str(o.pk), f"{o.service.name}: {o.option or 'price'} {indicative.pounds(o.amount)}")
            for o in costing.local_offer_prices(query)
        ]
        if query
        else []
    )
    rates = [
        (str(r.pk), f"{r.name}: {indicative.pounds(r.price)} {r.get_unit_display()} ({Stream(r.stream).label})")
        for r in costing.rate_card_current(today)
    ]
    return options, rates


@for_roles(*CASE_STAFF)
@child_view("personal budget: pricing provision")
def provision_price(request: HttpRequest, child, plan_id: int, provision_id: int) -> HttpResponse:
    plan = _plan(child, plan_id)
    provision = plan.provisions.filter(pk=provision_id).first()
    if provision is None:
        raise Http404("No such provision in this plan")
    today = timezone.localdate()
    query = (request.POST.get("q") or request.GET.get("q") or "").strip()[:100]
    cost_options, rates = _price_choices(query, today)
    line = provision.budget_lines.filter(request__plan=plan).order_by("-pk").first()
    initial = {"stream": line.stream if line else costing.SECTION_STREAM.get(provision.section, "")}
    if line is not None:
        initial |= {
            "source": line.price_source,
            "units_per_year": line.units_per_year,
            "unit_price": line.unit_price,
            "rate": str(line.rate_id or ""),
            "cost_option": str(line.cost_option_id or ""),
        }
        if line.cost_option_id and not any(v == str(line.cost_option_id) for v, _ in cost_options):
            cost_options.append(
                (
                    str(line.cost_option_id),
                    f"{line.cost_option.service.name}: "
                    f"{line.cost_option.option or 'price'} {indicative.pounds(line.cost_option.amount)}",
                )
            )
    form = ras_forms.ProvisionPriceForm(request.POST or None, initial=initial, cost_options=cost_options, rates=rates)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            costing.provision_price(
                acting_user=request.user,
                provision=provision,
                source=data["source"],
                stream=data["stream"],
                units_per_year=data["units_per_year"],
                today=today,
                unit_price=data["unit_price"],
                cost_option=CostOption.objects.filter(pk=data["cost_option"]).first() if data["cost_option"] else None,
                rate=RateCardItem.objects.filter(pk=data["rate"]).first() if data["rate"] else None,
            )
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, "Provision priced.")
            return redirect("budgets:plan_costing", child.pk, plan.pk)
    return render(
        request,
        "budgets/indicative/price.html",
        {
            "child": child,
            "plan": plan,
            "provision": provision,
            "form": form,
            "query": query,
            "back_url": reverse("budgets:plan_costing", args=[child.pk, plan.pk]),
            "caption": child.full_name,
            "page_title": f"Price provision {provision.section}{provision.order}",
        },
    )
