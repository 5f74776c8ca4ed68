from __future__ import annotations

from django.contrib import messages
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_STAFF, CASE_VIEWERS, Role
from pathfinder.assessments import forms, services
from pathfinder.assessments.advice_views import advice_given
from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.facts import assessment_timeline_for
from pathfinder.assessments.letters import (
    council_contacts,
    exception_labels,
    notice_recipients,
    period_text,
    periods,
    receipt_message,
)
from pathfinder.assessments.reassessment_views import decide_reassess
from pathfinder.assessments.selectors import advice_requests_for_adviser, assessment_get_for_child
from pathfinder.assessments.structured_forms import StructuredAdvice
from pathfinder.assessments.transitions import allowed_moves, assessment_transition
from pathfinder.audit.services import audit_read, audit_reads
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.documents.uploads import upload_refusals
from pathfinder.organisations.selectors import organisations_of
from pathfinder.people.access import child_view
from pathfinder.people.selectors import can_change_case, child_get_for


def _assessment_or_404(child, assessment_id: int):
    assessment = assessment_get_for_child(child, assessment_id)
    if assessment is None:
        raise Http404("No such assessment for this child")
    return assessment


def _case_url(assessment) -> str:
    return reverse("assessments:case", kwargs={"child_id": assessment.child_id, "assessment_id": assessment.pk})


_DATE_FIELDS = ("decided_on", "withdrawn_on", "received_on", "requested_on")


def _show_service_error(form, error: ServiceError) -> None:
    """Put the service's message on the field it is about, so the error summary links to it (a move's date,
    "on" to the service, is whichever date field the form has)."""
    form_add_service_error(form, error, field_map={"on": next((n for n in _DATE_FIELDS if n in form.fields), None)})


@for_roles(*CASE_STAFF)
def request_new(request: HttpRequest) -> HttpResponse:
    """Record a request for an EHC needs assessment for a child already on the system."""
    child_id = request.GET.get("child") or request.POST.get("child")
    child = child_get_for(request.user, int(child_id)) if child_id and str(child_id).isdigit() else None
    if child is None:
        return render(request, "assessments/request_choose_child.html", {"page_title": "Record a request"})
    if request.method == "GET":
        audit_read(request, child, "new request form (child's name shown)")
    form = forms.RequestForm(request.POST or None, team=child.team,
                             initial={"caseworker": request.user.pk if request.user.role == Role.CASEWORKER else None})
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_request_create(acting_user=request.user, child=child, **form.cleaned_data)
        except ServiceError as error:
            _show_service_error(form, error)
        else:
            messages.success(request, f"Request recorded. {receipt_message(assessment)}".strip())
            return redirect(_case_url(assessment))
    return render(request, "assessments/request_new.html", {
        "form": form, "child": child, "page_title": "Record a request for an EHC needs assessment", "periods": periods(),
    })


def _with_corrections(assessment) -> list:
    """The advice requests already loaded with the assessment, with their corrections (one query, not two)."""
    advice = list(assessment.advice_requests.all())
    prefetch_related_objects(advice, "document", "corrections", "corrections__document")
    return advice


@for_roles(*CASE_VIEWERS)
@child_view("EHC needs assessment case")
def case(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment = _assessment_or_404(child, assessment_id)
    today = timezone.localdate()
    timeline = assessment_timeline_for(assessment, today=today)
    is_staff = can_change_case(request.user)
    return render(request, "assessments/case.html", {
        "child": child,
        "assessment": assessment,
        "timeline": timeline,
        "today": today,
        "moves": [m.action for m in allowed_moves(assessment)] if is_staff else [],
        "can_change": is_staff,
        "advice_requests": _with_corrections(assessment),
        "exception_labels": exception_labels(),
        "exceptions": assessment.exceptions.all(),
        "decision_maker": child.decision_maker(today),
        "plan": getattr(assessment, "plan", None),
        "page_title": f"{assessment.get_kind_display()}: {child.full_name}",
    })


def _decision(request, child, assessment_id: int, *, question: str, yes: str, no: str, title: str,
              template_intro: list[str]) -> HttpResponse:
    assessment = _assessment_or_404(child, assessment_id)
    form = forms.DecisionForm(request.POST or None, question=question, initial={"version": assessment.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = yes if data["decision"] == "yes" else no
        try:
            assessment_transition(assessment=assessment, action=action, acting_user=request.user,
                                  on=data["decided_on"], expected_version=data["version"], reasons=data["reasons"])
        except ServiceError as error:
            _show_service_error(form, error)
        else:
            if action in ("refuse", "decide_not_to_issue"):
                return redirect("assessments:notice", child_id=child.pk, assessment_id=assessment.pk)
            messages.success(request, "Decision recorded.")
            return redirect(_case_url(assessment))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": title, "caption": child.full_name, "intro": template_intro,
        "back_url": _case_url(assessment), "submit_text": "Record the decision",
    })


@for_roles(*CASE_STAFF)
@child_view("decision whether to assess")
def decide_assess(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment = _assessment_or_404(child, assessment_id)
    if assessment.kind == "reassessment":
        return decide_reassess(request, child, assessment)
    return _decision(
        request, child, assessment_id, question="Will the council carry out an EHC needs assessment?",
        yes="decide_to_assess", no="refuse", title="Decide whether to assess",
        template_intro=[
            "Assess if the child or young person has or may have special educational needs and it may be "
            "necessary for provision to be made through an EHC plan (Children and Families Act 2014, s.36(8)).",
            f"The decision must be sent within {period_text('decision_to_assess')} of the request "
            f"({statutory.rule_in_force('decision_to_assess', timezone.localdate()).citation}).",
        ],
    )


@for_roles(*CASE_STAFF)
@child_view("decision whether to issue a plan")
def decide_issue(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    return _decision(
        request, child, assessment_id, question="Will the council issue an EHC plan?",
        yes="decide_to_issue", no="decide_not_to_issue", title="Decide whether to issue a plan",
        template_intro=[
            "Issue a plan if, in the light of the assessment, it is necessary for special educational provision "
            "to be made through an EHC plan (s.37(1)).",
            f"A decision not to issue must be sent within {period_text('decision_not_to_issue')} of the request "
            f"({statutory.rule_in_force('decision_not_to_issue', timezone.localdate()).citation}).",
        ],
    )


@for_roles(*CASE_STAFF)
@child_view("withdrawal of a request")
def withdraw(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment = _assessment_or_404(child, assessment_id)
    form = forms.WithdrawForm(request.POST or None, initial={"version": assessment.version})
    return _form_step(
        request, child, assessment, form, title="Record that the request was withdrawn", submit_text="Record withdrawal",
        success="The request is recorded as withdrawn.",
        run=lambda data: assessment_transition(assessment=assessment, action="withdraw", acting_user=request.user,
                                               on=data["withdrawn_on"], expected_version=data["version"]),
    )


@for_roles(*CASE_VIEWERS)
@child_view("decision notice")
def notice(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    """The notice of a refusal to assess (reg 5(3)) or of a decision not to issue (reg 10), with appeal rights."""
    assessment = _assessment_or_404(child, assessment_id)
    if assessment.status == AssessmentStatus.REFUSED:
        kind, decided_on, reasons = "refusal", assessment.decision_to_assess_on, assessment.refusal_reasons
    elif assessment.status == AssessmentStatus.NOT_ISSUING:
        kind, decided_on, reasons = "not_issue", assessment.decision_to_issue_on, assessment.not_issue_reasons
    else:
        raise Http404("There is no decision notice for this case")
    addressees = notice_recipients(child, decided_on)
    recipients, maker = list(addressees.names), addressees.decision_maker
    return render(request, "assessments/notice.html", {
        "child": child, "assessment": assessment, "kind": kind, "decided_on": decided_on, "reasons": reasons,
        "recipients": recipients, "decision_maker": maker, "appeal": statutory.appeal_dates(decided_on),
        "contacts": council_contacts(),
        "page_title": ("Notice of decision not to re-assess" if assessment.kind == "reassessment"
                       else "Notice of decision not to assess") if kind == "refusal" else "Notice of decision not to issue a plan",
    })


def _form_step(request, child, assessment, form, *, run, title: str, success: str = "", intro=(),
               multipart: bool = False, submit_text: str = "Save") -> HttpResponse:
    """One form on a case: on a valid POST call the service, then back to the case; otherwise show the form.

    A service's refusal is shown on the form in the GOV.UK error pattern, with what the user typed kept.
    """
    if request.method == "POST" and form.is_valid():
        try:
            run(form.cleaned_data)
        except ServiceError as error:
            _show_service_error(form, error)
        else:
            if success:
                messages.success(request, success)
            return redirect(_case_url(assessment))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": title, "caption": child.full_name, "back_url": _case_url(assessment),
        "multipart": multipart, "intro": list(intro), "submit_text": submit_text,
    })


@for_roles(*CASE_STAFF)
@child_view("advice requests")
def advice_new(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment = _assessment_or_404(child, assessment_id)
    form = forms.AdviceRequestForm(request.POST or None, kinds=services.advice_kinds_for(assessment, timezone.localdate()))
    return _form_step(
        request, child, assessment, form, title="Ask for advice", submit_text="Ask for advice",
        success=f"Advice requested. The adviser has {period_text('advice')} (reg 8(1)).",
        run=lambda data: services.advice_request_create(acting_user=request.user, assessment=assessment, **data),
        intro=[
            f"Each adviser has {period_text('advice')} from receiving the request to give their advice "
            "(SEND Regulations 2014, reg 8(1)).",
            "Preparing for adulthood advice is offered only for young people in Year 9 or above.",
        ],
    )


@for_roles(*CASE_STAFF)
@child_view("advice requests (reuse)")
def advice_reuse(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment = _assessment_or_404(child, assessment_id)
    form = forms.AdviceReuseForm(request.POST or None, kinds=services.advice_kinds_for(assessment, timezone.localdate()))
    return _form_step(
        request, child, assessment, form, title="Reuse existing advice", success="Existing advice recorded as reused.",
        run=lambda data: services.advice_reuse_record(acting_user=request.user, assessment=assessment, **data),
        intro=[
            "Existing advice is not sought again when the adviser, the council and the parent or young person all "
            "agree it is enough (SEND Regulations 2014, reg 6(4)).",
        ],
    )


def _advice_for(child, assessment, advice_id: int):
    return get_object_or_404(assessment.advice_requests, pk=advice_id)


@for_roles(*CASE_STAFF)
@child_view("advice received")
def advice_received(request: HttpRequest, child, assessment_id: int, advice_id: int) -> HttpResponse:
    assessment = _assessment_or_404(child, assessment_id)
    advice = _advice_for(child, assessment, advice_id)
    form = forms.AdviceReceivedForm(request.POST or None, request.FILES or None, **upload_refusals(request))
    return _form_step(
        request, child, assessment, form, title=f"Record advice from {advice.adviser_name}", multipart=True,
        success="Advice recorded.",
        run=lambda data: services.advice_received_record(acting_user=request.user, advice=advice, **data),
    )


@for_roles(*CASE_STAFF)
@child_view("adviser exception")
def advice_exception(request: HttpRequest, child, assessment_id: int, advice_id: int) -> HttpResponse:
    assessment = _assessment_or_404(child, assessment_id)
    advice = _advice_for(child, assessment, advice_id)
    form = forms.AdviceExceptionForm(request.POST or None)
    return _form_step(
        request, child, assessment, form, title="Record an exception for the adviser",
        run=lambda data: services.advice_exception_record(acting_user=request.user, advice=advice, **data),
        intro=["SEND Regulations 2014, reg 8(2). It does not move the adviser's deadline."],
    )


@for_roles(*CASE_STAFF)
@child_view("advice document")
def advice_document(request: HttpRequest, child, assessment_id: int, advice_id: int) -> HttpResponse:
    """The old address of an advice document: sends the caseworker on to the document itself (documents)."""
    assessment = _assessment_or_404(child, assessment_id)
    advice = _advice_for(child, assessment, advice_id)
    if advice.document is None:
        raise Http404("No document")
    return redirect("documents:download", public_id=advice.document.public_id)


@for_roles(*CASE_STAFF)
@child_view("exceptions to time limits")
def exception_new(request: HttpRequest, child, assessment_id: int) -> HttpResponse:
    assessment = _assessment_or_404(child, assessment_id)
    form = forms.ExceptionForm(request.POST or None)
    return _form_step(
        request, child, assessment, form, title="Record an exception to the time limits",
        success="Exception recorded. Deadlines stay the same.",
        run=lambda data: services.assessment_exception_record(acting_user=request.user, assessment=assessment,
                                                              **data),
        intro=[
            "SEND Regulations 2014, regulation 10(4). The council need not meet a time limit if it is impractical "
            "because of one of these exceptions. The deadline itself never moves, and every later step keeps its "
            "own deadline (Code of Practice 9.42). Tell the family that an exception applies.",
        ],
    )


@for_roles(Role.ADVISER)
def adviser_home(request: HttpRequest) -> HttpResponse:
    """An adviser sees only the advice they have been asked for, or that their organisation gave them; their
    organisations' queues are linked from here."""
    today = timezone.localdate()
    rows = []
    for advice in advice_requests_for_adviser(request.user):
        due = services.advice_due_on(advice)
        rows.append({"advice": advice, "due": due, "overdue": advice.received_on is None and due and due < today})
    audit_reads(request, [row["advice"].assessment.child for row in rows], "advice requests list")
    return render(request, "assessments/adviser_home.html", {"rows": rows, "page_title": "Advice requests",
                                                             "periods": periods(),
                                                             "organisations": organisations_of(request.user)})


@for_roles(Role.ADVISER)
def advice_give(request: HttpRequest, advice_id: int) -> HttpResponse:
    """The adviser gives their advice in Pathfinder: a summary, the needs, outcomes and provision as rows (with
    "Add another" posting back), and their report."""
    advice = get_object_or_404(advice_requests_for_adviser(request.user), pk=advice_id)
    child = advice.assessment.child
    if advice.received_on is not None:
        return advice_given(request, advice)  # received advice is closed: the page offers a correction
    form = forms.AdviceReceivedForm(request.POST or None, request.FILES or None,
                                    initial={"received_on": timezone.localdate()}, **upload_refusals(request))
    rows = StructuredAdvice(request.POST if request.method == "POST" else None)
    if rows.adding:
        rows.quiet(form)  # "Add another": the page comes back with one more row, nothing checked or sent
    elif request.method == "POST" and form.is_valid() & rows.is_valid(form):
        try:
            services.advice_received_record(acting_user=request.user, advice=advice, **form.cleaned_data,
                                            **rows.cleaned())
        except ServiceError as error:
            _show_service_error(form, error)
        else:
            messages.success(request, "Thank you. Your advice has been sent to the council.")
            return redirect("assessments:adviser-home")
    # Audited whenever the page is shown, including a form shown again after an error.
    audit_read(request, child, f"advice request {advice.get_kind_display()[:3]}", advice)
    return render(request, "assessments/advice_give.html", {
        "form": form, "rows": rows, "advice": advice, "child": child, "due": services.advice_due_on(advice),
        "page_title": f"Give your advice about {child.full_name}",
    })
