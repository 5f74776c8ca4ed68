"""The manager's pages for the resource allocation system (/budgets/allocation/...): versions by stream, a draft's
questions, points and bands, publishing, the "what if" of a draft, and the rate card. Thin: each page parses its
form, calls one service (budgets.ras, budgets.costing) and shows a refusal on the form."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from pathfinder.accounts.roles import Role
from pathfinder.audit.services import audit_reads
from pathfinder.budgets import ras, ras_forms
from pathfinder.budgets.costing import rate_card_coming, rate_card_current, rate_card_price_set
from pathfinder.budgets.indicative import pounds
from pathfinder.budgets.models_ras import RasStatus, Stream
from pathfinder.budgets.what_if import what_if
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.form_views import form_refused, move_page
from pathfinder.core.forms import form_add_service_error


def _system(system_id: int):
    system = ras.ras_get(system_id)
    if system is None:
        raise Http404("No such version")
    return system


def _detail_url(system) -> str:
    return reverse("budgets:ras_detail", args=[system.pk])


def _form_page(request, *, system, form, title: str, intro: list[str], **extra) -> HttpResponse:
    return render(
        request,
        extra.pop("template", "core/form_page.html"),
        {
            "form": form,
            "page_title": title,
            "caption": str(system),
            "intro": intro,
            "back_url": _detail_url(system),
            "system": system,
            **extra,
        },
    )


@for_roles(Role.MANAGER)
def ras_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "budgets/ras/list.html",
        {
            "streams": ras.ras_versions_by_stream(today),
            "today": today,
            "page_title": "Resource allocation system",
        },
    )


@for_roles(Role.MANAGER)
@require_http_methods(["POST"])
def ras_start(request: HttpRequest, stream: str) -> HttpResponse:
    try:
        draft = ras.ras_draft_start(acting_user=request.user, stream=stream)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("budgets:ras_list")
    messages.success(request, f"Draft version {draft.number} started. Make your changes, then publish it.")
    return redirect(_detail_url(draft))


@for_roles(Role.MANAGER)
def ras_detail(request: HttpRequest, system_id: int) -> HttpResponse:
    system = _system(system_id)
    today = timezone.localdate()
    is_draft = system.status == RasStatus.DRAFT
    problems = ras.ras_publish_problems(system, today=today, earlier_reason="-") if is_draft else []
    bands = [
        {
            "band": b,
            "range": f"{b.min_points} or more" if b.max_points is None else f"{b.min_points} to {b.max_points}",
            "price": pounds(b.yearly_amount) or "No price yet",
        }
        for b in system.bands.all()
    ]
    return render(
        request,
        "budgets/ras/detail.html",
        {
            "system": system,
            "is_draft": is_draft,
            "problems": problems,
            "bands": bands,
            "used_by": system.indicative_budgets.count(),
            "page_title": str(system),
        },
    )


@for_roles(Role.MANAGER)
def ras_details(request: HttpRequest, system_id: int) -> HttpResponse:
    system = _system(system_id)
    form = ras_forms.RasDetailsForm(
        request.POST or None,
        initial={
            "version": system.version,
            "title": system.title,
            "what_changed": system.what_changed,
            "agreed_with": system.agreed_with,
            "effective_from": system.effective_from,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ras.ras_details_save(
                acting_user=request.user,
                system=system,
                expected_version=data["version"],
                title=data["title"],
                what_changed=data["what_changed"],
                agreed_with=data["agreed_with"],
                effective_from=data["effective_from"],
            )
        except ServiceError as error:
            form_refused(form, error, system)
        else:
            messages.success(request, "Details saved.")
            return redirect(_detail_url(system))
    return _form_page(request, system=system, form=form, title="Change the details of this version", intro=[])


@for_roles(Role.MANAGER)
def ras_question(request: HttpRequest, system_id: int, question_id: int | None = None) -> HttpResponse:
    system = _system(system_id)
    question = None
    initial = {"version": system.version}
    if question_id is not None:
        question = next((q for q in system.questions.all() if q.pk == question_id), None)
        if question is None:
            raise Http404("No such question in this version")
        initial |= {"text": question.text, "help_text": question.help_text}
        for n, option in enumerate(question.options.all(), start=1):
            initial |= {f"option_{n}_label": option.label, f"option_{n}_points": option.points}
    form = ras_forms.RasQuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and "remove" in request.POST and question is not None:
        try:
            ras.ras_question_remove(
                acting_user=request.user,
                system=system,
                expected_version=request.POST.get("version", -1),
                question=question,
            )
        except (ServiceError, ValueError) as error:
            messages.error(request, getattr(error, "message", "Something on this page changed. Try again."))
        else:
            messages.success(request, "Question removed.")
        return redirect(_detail_url(system))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ras.ras_question_save(
                acting_user=request.user,
                system=system,
                expected_version=data["version"],
                question=question,
                text=data["text"],
                help_text=data["help_text"],
                options=data["options"],
            )
        except ServiceError as error:
            form_refused(form, error, system)
        else:
            messages.success(request, "Question saved.")
            return redirect(_detail_url(system))
    return _form_page(
        request,
        system=system,
        form=form,
        template="budgets/ras/question.html",
        question=question,
        title="Change a question" if question else "Add a question",
        intro=["Give each answer its points: more need, more points. Leave the answers you do not need empty."],
    )


@for_roles(Role.MANAGER)
def ras_bands(request: HttpRequest, system_id: int) -> HttpResponse:
    system = _system(system_id)
    initial = {"version": system.version}
    for n, band in enumerate(system.bands.all(), start=1):
        initial |= {
            f"band_{n}_name": band.name,
            f"band_{n}_min": band.min_points,
            f"band_{n}_max": band.max_points,
            f"band_{n}_price": band.yearly_amount,
        }
    form = ras_forms.RasBandsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            ras.ras_bands_save(
                acting_user=request.user,
                system=system,
                expected_version=form.cleaned_data["version"],
                bands=form.cleaned_data["bands"],
            )
        except ServiceError as error:
            form_refused(form, error, system)
        else:
            messages.success(request, "Bands and prices saved.")
            return redirect(_detail_url(system))
    return _form_page(
        request,
        system=system,
        form=form,
        title="Change the bands and prices",
        intro=[
            "Each total of points must fall in exactly one band: start the first band at 0, start each band one point "
            "after the last one ends, and leave the top band's highest points empty. A band must not pay less than "
            "the band below it. Leave the bands you do not need empty.",
        ],
    )


@for_roles(Role.MANAGER)
def ras_publish(request: HttpRequest, system_id: int) -> HttpResponse:
    system = _system(system_id)
    today = timezone.localdate()
    intro = (
        [
            f"Publishing makes this version the one caseworkers answer from {system.effective_from:%-d %B %Y}. The "
            "version it replaces stops being used that day; budgets already worked out keep the version they "
            "were made with."
        ]
        if system.effective_from
        else []
    )
    return move_page(
        request,
        record=system,
        form_class=ras_forms.RasPublishForm,
        act=lambda current, d: ras.ras_publish(
            acting_user=request.user,
            system=current,
            expected_version=d["version"],
            today=today,
            earlier_reason=d["earlier_reason"],
        ),
        done=f"Version {system.number} is published. Indicative budgets worked out from "
        f"{system.effective_from:%-d %B %Y} use it."
        if system.effective_from
        else f"Version {system.number} is published.",
        next_url=_detail_url(system),
        title="Publish this version",
        caption=str(system),
        intro=intro,
        submit="Publish",
        template="budgets/ras/publish.html",
        system=system,
        problems=ras.ras_publish_problems(system, today=today, earlier_reason="-"),
    )


@for_roles(Role.MANAGER)
def what_if_page(request: HttpRequest, system_id: int) -> HttpResponse:
    system = _system(system_id)
    result = what_if(system)
    audit_reads(request, [row.budget.request.child for row in result.rows], f"what if: {system}")
    return render(
        request,
        "budgets/ras/what_if.html",
        {
            "system": system,
            "result": result,
            "pounds": pounds,
            "page_title": f"What if {system} were used",
        },
    )


@for_roles(Role.MANAGER)
def rate_card(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    initial = {key: request.GET[key] for key in ("stream", "name", "unit") if key in request.GET}
    form = ras_forms.RateCardForm(request.POST or None, initial={"effective_from": today, **initial})
    if request.method == "POST" and form.is_valid():
        try:
            rate_card_price_set(acting_user=request.user, **form.cleaned_data)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, f"Price for {form.cleaned_data['name']} saved.")
            return redirect("budgets:rate_card")
    items = [{"item": i, "price": pounds(i.price), "stream": Stream(i.stream).label} for i in rate_card_current(today)]
    coming = [{"item": i, "price": pounds(i.price), "stream": Stream(i.stream).label} for i in rate_card_coming(today)]
    return render(
        request,
        "budgets/ras/rate_card.html",
        {
            "form": form,
            "items": items,
            "coming": coming,
            "page_title": "Rate card",
        },
    )
