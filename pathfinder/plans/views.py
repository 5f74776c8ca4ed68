"""EHC plan pages: the draft as a task list, section editors, checks, sending, placements and the final plan.

Thin views: parse the form, fetch through selectors (the child is permission-checked by child_view), call one
service, render. A refused change (ServiceError) goes back to the same page with the user's input kept.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pathfinder.accounts.roles import CASE_PARTICIPANTS as PLAN_READERS
from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.facts import assessment_timeline_for
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.people.access import child_view
from pathfinder.people.selectors import can_change_case
from pathfinder.plans import family, forms, placement_requests, quality, selectors, services
from pathfinder.plans.final_notice import final_notice_context, period_text
from pathfinder.plans.models import S38_REQUESTABLE_TYPES, PlanStatus, ProvisionSection

PROVISION_TITLES = {
    "F": "Section F: Special educational provision",
    "G": "Section G: Health provision",
    "H1": "Section H1: Social care provision (Chronically Sick and Disabled Persons Act 1970, section 2)",
    "H2": "Section H2: Other social care provision",
}


# -- helpers ----------------------------------------------------------------------------------------------------


def _kw(assessment) -> dict:
    return {"child_id": assessment.child_id, "assessment_id": assessment.pk}


def _overview_url(assessment) -> str:
    return reverse("plans:overview", kwargs=_kw(assessment))


def _assessment(child, assessment_id: int):
    assessment = selectors.assessment_for_plan(child, assessment_id)
    if assessment is None:
        raise Http404("No such assessment for this child")
    return assessment


def _plan(child, assessment_id: int):
    assessment = _assessment(child, assessment_id)
    plan = selectors.plan_get(assessment)
    if plan is None:
        raise Http404("No plan has been started for this assessment")
    return assessment, plan


def _show_error(form, error: ServiceError, *, date_field: str | None = None) -> None:
    field = error.field if error.field in form.fields else None
    if error.field == "on" and date_field:
        field = date_field
    form.add_error(field, error.message)


def _stale_form(form, plan) -> None:
    """After a stale save the user's text stays in the form; the hidden version moves on so that saving again is a
    deliberate choice made after reading the message."""
    data = form.data.copy()
    data["version"] = str(type(plan).objects.get(pk=plan.pk).version)
    form.data = data


def _saved(form, plan, call) -> bool:
    """Run one change to the plan. If it is refused, the message goes on the form and, after a stale save, the
    form shows the user's text against what is saved now; the caller then shows the form again."""
    try:
        call()
    except ServiceError as error:
        _show_error(form, error)
        if isinstance(error, StaleEdit):
            _stale_form(form, plan)
        return False
    return True


def _context(request, child, assessment, plan=None, **extra) -> dict:
    return {"child": child, "assessment": assessment, "plan": plan, "overview_url": _overview_url(assessment),
            "case_url": reverse("assessments:case", kwargs=_kw(assessment)),
            "highlight": quality.highlight_parts, "vague": quality.vague_wording, **extra}


def _editable_or_redirect(plan):
    return plan.status == PlanStatus.DRAFT


# -- overview (task list) ---------------------------------------------------------------------------------------


@for_roles(*PLAN_READERS)
@child_view("EHC plan")
def overview(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    """Staff: the draft plan as a task list (or the final plan). Family and advisers: the plan to read."""
    assessment = _assessment(child, assessment_id)
    plan = selectors.plan_get(assessment)
    if not can_change_case(request.user):
        return _document(request, child, assessment, plan)
    if plan is None:
        return render(request, "plans/start.html", _context(
            request, child, assessment, can_start=assessment.status == AssessmentStatus.DRAFTING,
            page_title=f"EHC plan: {child.full_name}",
        ))
    if plan.status == PlanStatus.FINAL:
        return redirect("plans:document", **_kw(assessment))
    today = timezone.localdate()
    problems = quality.draft_problems(selectors.plan_snapshot(plan, on=today))
    timeline = assessment_timeline_for(assessment, today=today)
    return render(request, "plans/overview.html", _context(
        request, child, assessment, plan,
        tasks=selectors.plan_tasks(plan, problems), problems=problems, timeline=timeline,
        representations=plan.representations.all(),
        page_title=f"Draft EHC plan: {child.full_name}",
    ))


@for_roles(*CASE_STAFF)
@child_view("EHC plan (start)")
@require_POST
def start(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment = _assessment(child, assessment_id)
    try:
        services.plan_start(acting_user=request.user, assessment=assessment)
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(_overview_url(assessment))


# -- free-text sections A, C, D, J ------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("draft plan section")
def section(request: HttpRequest, child, assessment_id: int, section: str) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    letter = section.upper()
    if letter not in forms.SECTION_TEXT or not _editable_or_redirect(plan):
        raise Http404("Not an editable section")
    field = services.TEXT_SECTIONS[letter]
    form = forms.SectionTextForm(request.POST or None, section=letter,
                                 initial={"text": getattr(plan, field), "version": plan.version})
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
            return redirect(_overview_url(assessment))
    return render(request, "plans/section.html", _context(
        request, child, assessment, plan, form=form, letter=letter, saved_by_someone_else=saved_by_someone_else,
        flags=[],  # sections A, C and D are the family's and professionals' words, not provision
        page_title=forms.SECTION_TEXT[letter][0],
    ))


# -- section B: needs -------------------------------------------------------------------------------------------


def _item_page(request, child, assessment, plan, form, *, template, title, items, **extra):
    return render(request, template, _context(request, child, assessment, plan, form=form, items=items,
                                              page_title=title, **extra))


@for_roles(*CASE_STAFF)
@child_view("draft plan section B")
def needs(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    form = forms.NeedForm(request.POST or None, initial={"version": plan.version})
    if request.method == "POST" and _editable_or_redirect(plan) and form.is_valid():
        data = form.cleaned_data
        if _saved(form, plan,
                  lambda: services.plan_need_add(acting_user=request.user, plan=plan, area=data["area"],
                                   description=data["description"], expected_version=data["version"])):
            messages.success(request, "Need added to section B.")
            return redirect("plans:needs", **_kw(assessment))
    return _item_page(request, child, assessment, plan, form, template="plans/needs.html",
                      title="Section B: Special educational needs", items=selectors.labelled_items(plan))


@for_roles(*CASE_STAFF)
@child_view("draft plan section B")
def need_edit(request: HttpRequest, child, assessment_id: int, need_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    need = get_object_or_404(plan.needs, pk=need_id)
    form = forms.NeedForm(request.POST or None,
                          initial={"area": need.area, "description": need.description, "version": plan.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _saved(form, plan,
                  lambda: services.plan_need_update(acting_user=request.user, need=need, area=data["area"],
                                      description=data["description"], expected_version=data["version"])):
            messages.success(request, "Need saved.")
            return redirect("plans:needs", **_kw(assessment))
    return render(request, "plans/item_edit.html", _context(
        request, child, assessment, plan, form=form, back_url=reverse("plans:needs", kwargs=_kw(assessment)),
        remove_url=reverse("plans:need-remove", kwargs={**_kw(assessment), "need_id": need.pk}),
        page_title="Change a need in section B", remove_text="Remove this need",
    ))


@for_roles(*CASE_STAFF)
@child_view("draft plan section B")
@require_POST
def need_remove(request: HttpRequest, child, assessment_id: int, need_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    need = get_object_or_404(plan.needs, pk=need_id)
    return _removed(
        request, lambda **version: services.plan_need_remove(acting_user=request.user, need=need, **version),
        done="Need removed.", back="plans:need-edit", back_kwargs={**_kw(assessment), "need_id": need.pk},
        to="plans:needs", to_kwargs=_kw(assessment),
    )


def _removed(request, call, *, done: str, back: str, back_kwargs: dict, to: str, to_kwargs: dict) -> HttpResponse:
    """Remove one item from the plan; if refused (say, a stale version), say why on the item's page."""
    try:
        call(expected_version=_int(request.POST.get("version")))
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(back, **back_kwargs)
    messages.success(request, done)
    return redirect(to, **to_kwargs)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


# -- section E: outcomes ----------------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("draft plan section E")
def outcomes(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    items = selectors.labelled_items(plan)
    form = forms.OutcomeForm(request.POST or None, needs=items["needs"], initial={"version": plan.version})
    if request.method == "POST" and _editable_or_redirect(plan) and form.is_valid():
        if _saved(form, plan,
                  lambda: services.plan_outcome_add(acting_user=request.user, plan=plan,
                                                    expected_version=form.cleaned_data["version"],
                                                    **_without(form.cleaned_data, "version"))):
            messages.success(request, "Outcome added to section E.")
            return redirect("plans:outcomes", **_kw(assessment))
    return _item_page(request, child, assessment, plan, form, template="plans/outcomes.html",
                      title="Section E: Outcomes", items=items)


def _without(data: dict, *names: str) -> dict:
    return {k: v for k, v in data.items() if k not in names}


@for_roles(*CASE_STAFF)
@child_view("draft plan section E")
def outcome_edit(request: HttpRequest, child, assessment_id: int, outcome_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
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
            return redirect("plans:outcomes", **_kw(assessment))
    return render(request, "plans/item_edit.html", _context(
        request, child, assessment, plan, form=form, back_url=reverse("plans:outcomes", kwargs=_kw(assessment)),
        remove_url=reverse("plans:outcome-remove", kwargs={**_kw(assessment), "outcome_id": outcome.pk}),
        flags=quality.vague_wording(form["description"].value() or ""),
        page_title="Change an outcome in section E", remove_text="Remove this outcome",
    ))


@for_roles(*CASE_STAFF)
@child_view("draft plan section E")
@require_POST
def outcome_remove(request: HttpRequest, child, assessment_id: int, outcome_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    outcome = get_object_or_404(plan.outcomes, pk=outcome_id)
    return _removed(
        request, lambda **version: services.plan_outcome_remove(acting_user=request.user, outcome=outcome, **version),
        done="Outcome removed.", back="plans:outcome-edit", back_kwargs={**_kw(assessment), "outcome_id": outcome.pk},
        to="plans:outcomes", to_kwargs=_kw(assessment),
    )


# -- sections F, G, H1, H2: provision ---------------------------------------------------------------------------


def _provision_section(section: str) -> str:
    if section not in ProvisionSection.values:
        raise Http404("No such section")
    return section


@for_roles(*CASE_STAFF)
@child_view("draft plan provision")
def provision(request: HttpRequest, child, assessment_id: int, section: str) -> HttpResponse:
    section = _provision_section(section)
    assessment, plan = _plan(child, assessment_id)
    items = selectors.labelled_items(plan)
    form = forms.ProvisionForm(request.POST or None, section=section, needs=items["needs"], outcomes=items["outcomes"],
                               initial={"version": plan.version})
    if request.method == "POST" and _editable_or_redirect(plan) and form.is_valid():
        if _saved(form, plan,
                  lambda: services.plan_provision_add(acting_user=request.user, plan=plan, section=section,
                                        expected_version=form.cleaned_data["version"],
                                        **_without(form.cleaned_data, "version"))):
            messages.success(request, f"Provision added to section {section}.")
            return redirect("plans:provision", **_kw(assessment), section=section)
    problems = quality.draft_problems(selectors.plan_snapshot(plan, on=timezone.localdate()))
    sections = ("H1", "H2") if section in ("H1", "H2") else (section,)
    return _item_page(request, child, assessment, plan, form, template="plans/provision.html",
                      title=PROVISION_TITLES[section], items=items, section=section, sections=sections,
                      problems_by_item=_by_item(problems), section_titles=PROVISION_TITLES)


def _by_item(problems: list[quality.Problem]) -> dict[str, list[quality.Problem]]:
    grouped: dict[str, list[quality.Problem]] = {}
    for problem in problems:
        if problem.item_key:
            grouped.setdefault(problem.item_key, []).append(problem)
    return grouped


@for_roles(*CASE_STAFF)
@child_view("draft plan provision")
def provision_edit(request: HttpRequest, child, assessment_id: int, section: str, provision_id: int) -> HttpResponse:
    section = _provision_section(section)
    assessment, plan = _plan(child, assessment_id)
    item = get_object_or_404(plan.provisions, pk=provision_id, section=section)
    items = selectors.labelled_items(plan)
    form = forms.ProvisionForm(request.POST or None, section=section, needs=items["needs"], outcomes=items["outcomes"],
                               initial={
                                   "description": item.description, "amount": item.amount,
                                   "frequency": item.frequency, "provided_by": item.provided_by,
                                   "needs": [str(n.pk) for n in item.needs.all()],
                                   "outcomes": [str(o.pk) for o in item.outcomes.all()],
                                   "preparing_for_adulthood": item.preparing_for_adulthood,
                                   "health_commissioner_agreed": item.health_commissioner_agreed,
                                   "health_commissioner_agreed_by": item.health_commissioner_agreed_by,
                                   "version": plan.version,
                               })
    if request.method == "POST" and form.is_valid():
        if _saved(form, plan,
                  lambda: services.plan_provision_update(acting_user=request.user, provision=item,
                                           expected_version=form.cleaned_data["version"],
                                           **_without(form.cleaned_data, "version"))):
            messages.success(request, f"Provision saved in section {section}.")
            return redirect("plans:provision", **_kw(assessment), section=section)
    text = " ".join(str(form[name].value() or "") for name in ("description", "amount", "frequency"))
    return render(request, "plans/item_edit.html", _context(
        request, child, assessment, plan, form=form,
        back_url=reverse("plans:provision", kwargs={**_kw(assessment), "section": section}),
        remove_url=reverse("plans:provision-remove", kwargs={**_kw(assessment), "section": section,
                                                             "provision_id": item.pk}),
        flags=quality.vague_wording(text), page_title=f"Change provision in section {section}",
        remove_text="Remove this provision",
    ))


@for_roles(*CASE_STAFF)
@child_view("draft plan provision")
@require_POST
def provision_remove(request: HttpRequest, child, assessment_id: int, section: str, provision_id: int) -> HttpResponse:
    section = _provision_section(section)
    assessment, plan = _plan(child, assessment_id)
    item = get_object_or_404(plan.provisions, pk=provision_id, section=section)
    return _removed(
        request, lambda **version: services.plan_provision_remove(acting_user=request.user, provision=item, **version),
        done="Provision removed.", back="plans:provision-edit",
        back_kwargs={**_kw(assessment), "section": section, "provision_id": item.pk},
        to="plans:provision", to_kwargs={**_kw(assessment), "section": section},
    )


# -- check and send ---------------------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("draft plan check before sending")
def check(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    form = forms.SendDraftForm(request.POST or None,
                               initial={"version": plan.version, "served_on": timezone.localdate()})
    problems = quality.draft_problems(selectors.plan_snapshot(plan, on=timezone.localdate()))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_draft_send(acting_user=request.user, plan=plan, on=form.cleaned_data["served_on"],
                                     expected_version=form.cleaned_data["version"])
        except services.PlanProblems as error:
            problems = error.problems
            form.add_error(None, error.message)
        except ServiceError as error:
            _show_error(form, error, date_field="served_on")
        else:
            messages.success(request, f"Draft plan sent. The family has {period_text('representations_close')} to "
                                      "comment and ask for a school.")
            return redirect(_overview_url(assessment))
    sendable = assessment.status == AssessmentStatus.DRAFTING and plan.status == PlanStatus.DRAFT
    return render(request, "plans/check.html", _context(
        request, child, assessment, plan, form=form, problems=problems, sendable=sendable,
        items=selectors.labelled_items(plan), page_title="Check the draft plan before sending",
    ))


# -- placements and consultations -------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("placement requests and consultations")
def placements(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    today = timezone.localdate()
    timeline = assessment_timeline_for(assessment, today=today)
    consultations = [(c, timeline.get(f"consultation:{c.pk}")) for c in plan.consultations.all()]
    return render(request, "plans/placements.html", _context(
        request, child, assessment, plan, requests=plan.placement_requests.all(), consultations=consultations,
        requestable=S38_REQUESTABLE_TYPES, timeline=timeline, today=today,
        page_title="School requests and consultations",
    ))


def _placement_form(request, child, assessment_id, form_class, service, *, title, intro, success, **form_kwargs):
    assessment, plan = _plan(child, assessment_id)
    form = form_class(request.POST or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            service(form.cleaned_data, plan)
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, success)
            return redirect("plans:placements", **_kw(assessment))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": title, "caption": child.full_name, "intro": intro,
        "back_url": reverse("plans:placements", kwargs=_kw(assessment)),
    })


@for_roles(*CASE_STAFF)
@child_view("placement request")
def placement_request_new(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    return _placement_form(
        request, child, assessment_id, forms.PlacementRequestForm,
        lambda data, plan: placement_requests.placement_request_record(acting_user=request.user, plan=plan, **data),
        title="Record the school or college the family asked for",
        intro=["The family may ask for a maintained school or nursery, an academy, a further education college, a "
               "non-maintained special school or a section 41 approved independent school or college (Children and "
               "Families Act 2014, section 38(3)). The council must consult it and name it unless it is unsuitable "
               "or would be incompatible with others' education or the efficient use of resources (section 39)."],
        success="Request recorded.",
    )


@for_roles(*CASE_STAFF)
@child_view("consultation")
def consultation_new(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    return _placement_form(
        request, child, assessment_id, forms.ConsultationForm,
        lambda data, plan: services.consultation_send(acting_user=request.user, plan=plan, **data),
        title="Record a consultation with a school or college",
        intro=[f"Send the school or college the draft plan. It should reply within {period_text('consultation')}."],
        success="Consultation recorded. Its reply date is shown below.",
    )


@for_roles(*CASE_STAFF)
@child_view("consultation reply")
def consultation_reply(request: HttpRequest, child, assessment_id: int, consultation_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    consultation = get_object_or_404(plan.consultations, pk=consultation_id)
    return _placement_form(
        request, child, assessment_id, forms.ConsultationReplyForm,
        lambda data, plan: services.consultation_response_record(acting_user=request.user, consultation=consultation,
                                                                 **data),
        title=f"Record the reply from {consultation.institution_name}", intro=[], success="Reply recorded.",
    )


# -- the final plan ---------------------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("final plan: issue")
def final_issue(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    today = timezone.localdate()
    timeline = assessment_timeline_for(assessment, today=today)
    form = forms.FinalIssueForm(request.POST or None, initial={"version": plan.version, "issued_on": today})
    problems: list[quality.Problem] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_final_issue(acting_user=request.user, plan=plan, on=form.cleaned_data["issued_on"],
                                      expected_version=form.cleaned_data["version"],
                                      **_without(form.cleaned_data, "version", "issued_on"))
        except services.PlanProblems as error:
            problems = error.problems
            form.add_error(None, error.message)
        except ServiceError as error:
            _show_error(form, error, date_field="issued_on")
        else:
            messages.success(request, "Final plan issued. The PDF is being made.")
            return redirect("plans:document", **_kw(assessment))
    return render(request, "plans/final_issue.html", _context(
        request, child, assessment, plan, form=form, problems=problems, timeline=timeline,
        requests=plan.placement_requests.all(), consultations=plan.consultations.all(),
        page_title="Issue the final plan",
    ))


def _document(request, child, assessment, plan) -> HttpResponse:
    if plan is None or not selectors.plan_visible_to(request.user, plan):
        raise Http404("No plan to show yet")
    today = timezone.localdate()
    return render(request, "plans/document.html", _context(
        request, child, assessment, plan, items=selectors.labelled_items(plan),
        advice=[a for a in assessment.advice_requests.all() if a.received_on],
        can_change=can_change_case(request.user), may_comment=selectors.may_comment(request.user, plan, child, today),
        **final_notice_context(assessment),
        window=family.comment_window(assessment, today), contact=family.caseworker_contact(assessment),
        contacts=getattr(settings, "COUNCIL_CONTACTS", {}),
        page_title=("EHC plan" if plan.status == PlanStatus.FINAL else "Draft EHC plan") + f": {child.full_name}",
    ))


@for_roles(*PLAN_READERS)
@child_view("EHC plan document")
def document(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment = _assessment(child, assessment_id)
    return _document(request, child, assessment, selectors.plan_get(assessment))


@for_roles(*PLAN_READERS)
@child_view("EHC plan PDF")
def pdf(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    if plan.status != PlanStatus.FINAL or not plan.final_pdf or not selectors.plan_visible_to(request.user, plan):
        raise Http404("No PDF yet")
    audit_event_record(acting_user=request.user, action=AuditAction.DOWNLOAD, child=child, obj=plan,
                       what="downloaded the final EHC plan (PDF)", request=request)
    name = f"EHC plan - {child.full_name} - {assessment.final_issued_on:%Y-%m-%d}.pdf"
    return FileResponse(plan.final_pdf.open("rb"), as_attachment=True, filename=name,
                        content_type="application/pdf")


@for_roles(*CASE_STAFF)
@child_view("EHC plan PDF (make again)")
@require_POST
def pdf_again(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment, plan = _plan(child, assessment_id)
    try:
        services.plan_pdf_request(acting_user=request.user, plan=plan)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The PDF is being made again.")
    return redirect("plans:document", **_kw(assessment))
