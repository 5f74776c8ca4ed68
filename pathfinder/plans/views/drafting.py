"""Writing the draft plan: its task list, starting it, the free-text sections, needs (B) and outcomes (E)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.assessments.facts import assessment_timeline_for
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.people.access import child_view
from pathfinder.people.selectors import can_change_case
from pathfinder.plans import child_views, forms, quality, selectors, services
from pathfinder.plans.models import PLAN_SECTIONS
from pathfinder.plans.section_j_source import section_j_source
from pathfinder.plans.views import amending
from pathfinder.plans.views.common import (
    PLAN_READERS,
    _context,
    _editable_or_redirect,
    _item_page,
    _kw,
    _overview_url,
    _plan,
    _removed,
    _saved,
    _show_error,
    _stale_form,
    _without,
)
from pathfinder.plans.views.issuing import _document

# -- overview (task list) ---------------------------------------------------------------------------------------


@for_roles(*PLAN_READERS)
@child_view("EHC plan")
def overview(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    """Staff: the draft plan as a task list (or the final plan). Family and advisers: the plan to read."""
    assessment, plan = _plan(child, plan_id)
    if not can_change_case(request.user):
        return _document(request, child, assessment, plan)
    if not plan.is_editable:
        return redirect("plans:document", **_kw(plan))
    if plan.is_amendment:
        return amending.amendment_overview(request, child, plan)
    today = timezone.localdate()
    problems = quality.draft_problems(selectors.plan_snapshot(plan, on=today))
    timeline = assessment_timeline_for(assessment, today=today) if assessment is not None else None
    return render(request, "plans/overview.html", _context(
        request, child, assessment, plan,
        tasks=selectors.plan_tasks(plan, problems), problems=problems, timeline=timeline,
        representations=plan.representations.all(), section_titles=list(PLAN_SECTIONS.items()),
        page_title=f"Draft EHC plan: {child.full_name}",
    ))


@for_roles(*PLAN_READERS)
@child_view("EHC plan")
def for_assessment(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    """The plan an assessment led to: its own pages once started; before that, staff can start it here."""
    assessment = selectors.assessment_for_plan(child, assessment_id)
    if assessment is None:
        raise Http404("No such assessment for this child")
    plan = selectors.plan_of_assessment(assessment)
    if plan is not None:
        return redirect(_overview_url(plan))
    if not can_change_case(request.user):
        raise Http404("No plan to show yet")
    return render(request, "plans/start.html", _context(
        request, child, assessment, None, can_start=selectors.plan_may_start(assessment),
        page_title=f"EHC plan: {child.full_name}",
    ))


@for_roles(*CASE_STAFF)
@child_view("EHC plan (start)")
@require_POST
def start(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment = selectors.assessment_for_plan(child, assessment_id)
    if assessment is None:
        raise Http404("No such assessment for this child")
    try:
        plan = services.plan_start(acting_user=request.user, assessment=assessment)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("plans:for-assessment", child_id=child.pk, assessment_id=assessment.pk)
    return redirect(_overview_url(plan))


# -- free-text sections A, C, D, J ------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("draft plan section")
def section(request: HttpRequest, child, plan_id: int, section: str) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    letter = section.upper()
    if letter not in forms.SECTION_TEXT or not _editable_or_redirect(plan):
        raise Http404("Not an editable section")
    field = services.TEXT_SECTIONS[letter]
    written = section_j_source(plan) if letter == "J" else None
    if written is not None:
        # Section J is written from the agreed personal budget (budgets): shown here, changed there.
        return render(request, "plans/section.html", _context(
            request, child, assessment, plan, form=None, letter=letter, written=written, flags=[], views=[],
            using=False, saved_by_someone_else=None, page_title=forms.SECTION_TEXT[letter][0]))
    views = child_views.views_of_child(child, request.user) if letter == "A" else {}
    text = getattr(plan, field)
    if (use := views.get(request.GET.get("use", ""))) is not None:
        # "Use these words": the family's answers are put after what is written, for the caseworker to edit.
        text = "\n\n".join(part for part in (text.strip(), child_views.as_section_a_text(use)) if part)
    form = forms.SectionTextForm(request.POST or None, section=letter, initial={"text": text, "version": plan.version})
    saved_by_someone_else = None
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_section_save(acting_user=request.user, plan=plan, section=letter,
                                       text=form.cleaned_data["text"], expected_version=form.cleaned_data["version"])
        except StaleEdit as error:
            _show_error(form, error)
            _stale_form(form, plan)
            plan.refresh_from_db()
            saved_by_someone_else = getattr(plan, field)
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, f"Section {letter} saved.")
            return redirect(_overview_url(plan))
    return render(request, "plans/section.html", _context(
        request, child, assessment, plan, form=form, letter=letter, saved_by_someone_else=saved_by_someone_else,
        flags=[],  # sections A, C and D are the family's and professionals' words, not provision
        views=[(record, child_views.questions(record.whose, child)) for record in views.values() if record.is_started],
        using=request.GET.get("use", "") in views,
        page_title=forms.SECTION_TEXT[letter][0],
    ))


# -- section B: needs -------------------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("draft plan section B")
def needs(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    form = forms.NeedForm(request.POST or None, initial={"version": plan.version})
    if request.method == "POST" and _editable_or_redirect(plan) and form.is_valid():
        data = form.cleaned_data
        if _saved(form, plan,
                  lambda: services.plan_need_add(acting_user=request.user, plan=plan, area=data["area"],
                                   description=data["description"], expected_version=data["version"])):
            messages.success(request, "Need added to section B.")
            return redirect("plans:needs", **_kw(plan))
    return _item_page(request, child, assessment, plan, form, template="plans/needs.html",
                      title="Section B: Special educational needs", items=selectors.labelled_items(plan))


@for_roles(*CASE_STAFF)
@child_view("draft plan section B")
def need_edit(request: HttpRequest, child, plan_id: int, need_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    need = get_object_or_404(plan.needs, pk=need_id)
    form = forms.NeedForm(request.POST or None,
                          initial={"area": need.area, "description": need.description, "version": plan.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _saved(form, plan,
                  lambda: services.plan_need_update(acting_user=request.user, need=need, area=data["area"],
                                      description=data["description"], expected_version=data["version"])):
            messages.success(request, "Need saved.")
            return redirect("plans:needs", **_kw(plan))
    return render(request, "plans/item_edit.html", _context(
        request, child, assessment, plan, form=form, back_url=reverse("plans:needs", kwargs=_kw(plan)),
        remove_url=reverse("plans:need-remove", kwargs={**_kw(plan), "need_id": need.pk}),
        page_title="Change a need in section B", remove_text="Remove this need",
    ))


@for_roles(*CASE_STAFF)
@child_view("draft plan section B")
@require_POST
def need_remove(request: HttpRequest, child, plan_id: int, need_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    need = get_object_or_404(plan.needs, pk=need_id)
    return _removed(
        request, lambda **version: services.plan_need_remove(acting_user=request.user, need=need, **version),
        done="Need removed.", back="plans:need-edit", back_kwargs={**_kw(plan), "need_id": need.pk},
        to="plans:needs", to_kwargs=_kw(plan),
    )


# -- section E: outcomes ----------------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("draft plan section E")
def outcomes(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    items = selectors.labelled_items(plan)
    form = forms.OutcomeForm(request.POST or None, needs=items["needs"], initial={"version": plan.version})
    if request.method == "POST" and _editable_or_redirect(plan) and form.is_valid():
        if _saved(form, plan,
                  lambda: services.plan_outcome_add(acting_user=request.user, plan=plan,
                                                    expected_version=form.cleaned_data["version"],
                                                    **_without(form.cleaned_data, "version"))):
            messages.success(request, "Outcome added to section E.")
            return redirect("plans:outcomes", **_kw(plan))
    return _item_page(request, child, assessment, plan, form, template="plans/outcomes.html",
                      title="Section E: Outcomes", items=items)


@for_roles(*CASE_STAFF)
@child_view("draft plan section E")
def outcome_edit(request: HttpRequest, child, plan_id: int, outcome_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    outcome = get_object_or_404(plan.outcomes, pk=outcome_id)
    items = selectors.labelled_items(plan)
    form = forms.OutcomeForm(request.POST or None, needs=items["needs"], initial={
        "description": outcome.description, "needs": [str(n.pk) for n in outcome.needs.all()],
        "preparing_for_adulthood": outcome.preparing_for_adulthood, "version": plan.version,
    })
    if request.method == "POST" and form.is_valid():
        if _saved(form, plan,
                  lambda: services.plan_outcome_update(acting_user=request.user, outcome=outcome,
                                         expected_version=form.cleaned_data["version"],
                                         **_without(form.cleaned_data, "version"))):
            messages.success(request, "Outcome saved.")
            return redirect("plans:outcomes", **_kw(plan))
    return render(request, "plans/item_edit.html", _context(
        request, child, assessment, plan, form=form, back_url=reverse("plans:outcomes", kwargs=_kw(plan)),
        remove_url=reverse("plans:outcome-remove", kwargs={**_kw(plan), "outcome_id": outcome.pk}),
        flags=quality.vague_wording(form["description"].value() or ""),
        page_title="Change an outcome in section E", remove_text="Remove this outcome",
    ))


@for_roles(*CASE_STAFF)
@child_view("draft plan section E")
@require_POST
def outcome_remove(request: HttpRequest, child, plan_id: int, outcome_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    outcome = get_object_or_404(plan.outcomes, pk=outcome_id)
    return _removed(
        request, lambda **version: services.plan_outcome_remove(acting_user=request.user, outcome=outcome, **version),
        done="Outcome removed.", back="plans:outcome-edit", back_kwargs={**_kw(plan), "outcome_id": outcome.pk},
        to="plans:outcomes", to_kwargs=_kw(plan),
    )
