"""Placements and consultations, the final plan, and the plan as a document and PDF."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

import statutory
from pathfinder.accounts.roles import CASE_STAFF, FAMILY_ROLES
from pathfinder.assessments.facts import assessment_timeline_for
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.people.access import child_view
from pathfinder.people.decisions import appealable_decision_lines
from pathfinder.people.selectors import can_change_case
from pathfinder.plans import (
    amendments,
    changes,
    family,
    forms,
    placement_requests,
    quality,
    representations,
    selectors,
    services,
    workflow,
)
from pathfinder.plans.final_notice import final_notice_context, period_text
from pathfinder.plans.models import DRAFT_STATUSES, PLAN_SECTIONS, S38_REQUESTABLE_TYPES, Plan
from pathfinder.plans.plan_notes import plan_notes
from pathfinder.plans.views.common import (
    PLAN_READERS,
    _context,
    _kw,
    _plan,
    _show_error,
    _without,
)

# -- placements and consultations -------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("placement requests and consultations")
def placements(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    today = timezone.localdate()
    timeline = assessment_timeline_for(assessment, today=today) if assessment is not None else None
    consultations = [(c, timeline.get(f"consultation:{c.pk}") if timeline else None) for c in plan.consultations.all()]
    return render(request, "plans/placements.html", _context(
        request, child, assessment, plan, requests=plan.placement_requests.all(), consultations=consultations,
        requestable=S38_REQUESTABLE_TYPES, timeline=timeline, today=today,
        page_title="School requests and consultations",
    ))


def _placement_form(request, child, plan_id, form_class, service, *, title, intro, success, **form_kwargs):
    assessment, plan = _plan(child, plan_id)
    form = form_class(request.POST or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            service(form.cleaned_data, plan)
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, success)
            return redirect("plans:placements", **_kw(plan))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": title, "caption": child.full_name, "intro": intro,
        "back_url": reverse("plans:placements", kwargs=_kw(plan)),
    })


@for_roles(*CASE_STAFF)
@child_view("placement request")
def placement_request_new(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    return _placement_form(
        request, child, plan_id, forms.PlacementRequestForm,
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
def consultation_new(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    return _placement_form(
        request, child, plan_id, forms.ConsultationForm,
        lambda data, plan: services.consultation_send(acting_user=request.user, plan=plan, **data),
        title="Record a consultation with a school or college",
        intro=[f"Send the school or college the draft plan. It should reply within {period_text('consultation')}."],
        success="Consultation recorded. Its reply date is shown below.",
    )


@for_roles(*CASE_STAFF)
@child_view("consultation reply")
def consultation_reply(request: HttpRequest, child, plan_id: int, consultation_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    consultation = get_object_or_404(plan.consultations, pk=consultation_id)
    return _placement_form(
        request, child, plan_id, forms.ConsultationReplyForm,
        lambda data, plan: services.consultation_response_record(acting_user=request.user, consultation=consultation,
                                                                 **data),
        title=f"Record the reply from {consultation.institution_name}", intro=[], success="Reply recorded.",
    )


# -- the final plan ---------------------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("final plan: issue")
def final_issue(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    today = timezone.localdate()
    initial = {"version": plan.version, "issued_on": today}
    issue, earliest = workflow.plan_final_issue, None
    if plan.is_amendment:
        # The amended plan keeps the school already named unless the amendments change it.
        initial.update(placement_type=plan.placement_type, placement_name=plan.placement_name,
                       placement_urn=plan.placement_urn)
        timeline = amendments.amendment_timeline_for(plan, today=today)
        earliest = statutory.amendment_earliest_final(plan.draft_sent_on) if plan.draft_sent_on else None
        issue = _amendment_issue
    else:
        timeline = assessment_timeline_for(assessment, today=today)
    form = forms.FinalIssueForm(request.POST or None, initial=initial)
    if plan.is_amendment:
        form.fields["issued_on"].label = "Date the amended plan is issued"
    problems: list[quality.Problem] = []
    if request.method == "POST" and form.is_valid():
        try:
            issue(acting_user=request.user, plan=plan, on=form.cleaned_data["issued_on"],
                  expected_version=form.cleaned_data["version"],
                  **_without(form.cleaned_data, "version", "issued_on"))
        except workflow.PlanProblems as error:
            problems = error.problems
            form.add_error(None, error.message)
        except ServiceError as error:
            _show_error(form, error, date_field="issued_on")
        else:
            messages.success(request, ("Amended plan issued. It replaces the plan before it." if plan.is_amendment
                                       else "Final plan issued.") + " The PDF is being made.")
            return redirect("plans:document", **_kw(plan))
    return render(request, "plans/final_issue.html", _context(
        request, child, assessment, plan, form=form, problems=problems, timeline=timeline,
        requests=plan.placement_requests.all(), consultations=plan.consultations.all(),
        since=changes.changes_since_draft(plan) if plan.draft_sent_on else None, earliest=earliest,
        open_comments=representations.open_count(plan.representations.all()),
        page_title="Issue the amended plan" if plan.is_amendment else "Issue the final plan",
    ))


def _document(request, child, assessment, plan) -> HttpResponse:
    if not selectors.plan_visible_to(request.user, plan):
        raise Http404("No plan to show yet")
    today = timezone.localdate()
    origin = selectors.origin_assessment(plan)
    being_written = Plan.objects.filter(child=child, status__in=DRAFT_STATUSES).first() if plan.is_final else None
    # The family's comments and the answers: for the council and the family, not for advisers.
    comments = plan.representations.all() if request.user.role in (*CASE_STAFF, *FAMILY_ROLES) else []
    return render(request, "plans/document.html", _context(
        request, child, assessment, plan, items=selectors.labelled_items(plan),
        advice=[a for a in origin.advice_requests.all() if a.received_on] if origin is not None else [],
        can_change=can_change_case(request.user), may_comment=selectors.may_comment(request.user, plan, child, today),
        **final_notice_context(plan),
        window=family.plan_comment_window(plan, today), contact=family.plan_contact(plan),
        may_amend=plan.is_final and request.user.role in CASE_STAFF and being_written is None,
        may_reassess=plan.is_final and request.user.role in CASE_STAFF,
        being_written=being_written if plan.is_final and request.user.role in CASE_STAFF else None,
        not_amended_appeal=statutory.appeal_dates(plan.not_amended_on)
        if plan.not_amended_on and plan.draft_sent_on else None,
        not_amended_lines=appealable_decision_lines(source_type="plans.plan", source_id=plan.pk, kind="not_to_amend",
                                                    today=today) if plan.not_amended_on else None,
        contacts=getattr(settings, "COUNCIL_CONTACTS", {}),
        comments=representations.comments_by_section(comments), section_titles=PLAN_SECTIONS,
        since=changes.changes_since_draft(plan) if plan.is_final else None, plan_notes=plan_notes(request, plan),
        page_title=("EHC plan" if plan.is_final else plan.draft_title) + f": {child.full_name}",
    ))


@for_roles(*PLAN_READERS)
@child_view("EHC plan document")
def document(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    return _document(request, child, assessment, plan)


@for_roles(*PLAN_READERS)
@child_view("EHC plan PDF")
def pdf(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    """The plan's PDF address: on to the document itself, where documents checks access and audits the download."""
    assessment, plan = _plan(child, plan_id)
    if not plan.is_final or plan.final_pdf is None or not selectors.plan_visible_to(request.user, plan):
        raise Http404("No PDF yet")
    return redirect("documents:download", public_id=plan.final_pdf.public_id)


@for_roles(*CASE_STAFF)
@child_view("EHC plan PDF (make again)")
@require_POST
def pdf_again(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    try:
        workflow.plan_pdf_request(acting_user=request.user, plan=plan)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The PDF is being made again.")
    return redirect("plans:document", **_kw(plan))


def _amendment_issue(*, acting_user, plan, on, expected_version, **placement):
    return amendments.amendment_issue(acting_user=acting_user, amendment=plan, on=on,
                                      expected_version=expected_version, **placement)
