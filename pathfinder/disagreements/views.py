"""The caseworker's pages: a child's decisions they may appeal, one decision with its mediation and clocks, and the
pages to start mediation and record its steps (/children/<child>/disagreements/...).

Thin: each page parses its form, calls one service and shows a refusal on the form (GOV.UK error summary).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.assessments.letters import council_contacts
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.forms import form_add_service_error
from pathfinder.disagreements import forms, mediation
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.disagreements.models_mediation import MediationCase
from pathfinder.disagreements.selectors import decision_rights, decisions_for_child
from pathfinder.people.access import child_view

#: Which form each step needs and how its date is named.
STEP_FORMS = {
    "adviser_certificate": (forms.MediationStepForm, "Date the adviser issued the certificate"),
    "council_informed": (forms.MediationInformedForm, "Date the family told the council they want mediation"),
    "notify_health": (forms.MediationStepForm, "Date the health commissioners were told"),
    "arrange": (forms.MediationArrangeForm, "Date mediation is arranged for"),
    "cannot_arrange": (forms.MediationStepForm, "Date the council told the adviser it cannot arrange mediation"),
    "deemed_certificate": (forms.MediationStepForm, "Date the adviser issued the certificate"),
    "held": (forms.MediationStepForm, "Date mediation ended"),
    "agreement": (forms.MediationAgreementForm, "Date of the agreement"),
    "mediator_certificate": (forms.MediationStepForm, "Date the mediator issued the certificate"),
    "council_told": (forms.MediationStepForm, "Date the health commissioner told the council"),
    "agreement_done": (forms.MediationStepForm, "Date what was agreed was done"),
}


def _decision(child, decision_id: int) -> AppealableDecision:
    decision = AppealableDecision.objects.filter(child=child, pk=decision_id).first()
    if decision is None:
        raise Http404("No such decision for this child")
    return decision


def _case_of(decision: AppealableDecision) -> MediationCase | None:
    return MediationCase.objects.filter(decision=decision).select_related("mediation_service").first()


def decision_url(decision: AppealableDecision) -> str:
    return reverse("disagreements:decision", kwargs={"child_id": decision.child_id, "decision_id": decision.pk})


def _refused(form, error: ServiceError, record=None) -> None:
    form_add_service_error(form, error)
    if isinstance(error, StaleEdit) and record is not None and "version" in form.fields:
        data = form.data.copy()
        data["version"] = str(type(record).objects.get(pk=record.pk).version)
        form.data = data


@for_roles(*CASE_STAFF)
@child_view("decisions the family may appeal")
def child_page(request: HttpRequest, child) -> HttpResponse:
    from pathfinder.disagreements.models_complaints import OmbudsmanComplaint

    decisions = [decision_rights(d) for d in decisions_for_child(child)]
    return render(request, "disagreements/child.html", {
        "child": child, "decisions": decisions, "today": timezone.localdate(),
        "complaints": OmbudsmanComplaint.objects.filter(child=child).prefetch_related("remedies"),
        "page_title": "Disagreements",
    })


@for_roles(*CASE_STAFF)
@child_view("an appealable decision and its mediation")
def decision_page(request: HttpRequest, child, decision_id: int) -> HttpResponse:
    decision = _decision(child, decision_id)
    case = _case_of(decision)
    today = timezone.localdate()
    return render(request, "disagreements/decision.html", {
        "child": child, "decision": decision, "rights": decision_rights(decision), "case": case,
        "timeline": mediation.mediation_timeline(case, today) if case else None, "today": today,
        "steps": mediation.allowed_steps(case) if case else [], "contacts": council_contacts(),
        "page_title": decision.get_kind_display(),
    })


@for_roles(*CASE_STAFF)
@child_view("starting mediation")
def mediation_start(request: HttpRequest, child, decision_id: int) -> HttpResponse:
    decision = _decision(child, decision_id)
    form = forms.MediationStartForm(request.POST or None, initial={"adviser_contacted": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            mediation.mediation_start(acting_user=request.user, decision=decision, **form.cleaned_data)
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, "Mediation recorded: the family contacted the mediation adviser.")
            return redirect(decision_url(decision))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Record that the family contacted the mediation adviser",
        "caption": child.full_name, "back_url": decision_url(decision), "submit_text": "Save",
        "intro": ["The family must contact the mediation adviser before they can appeal, unless the appeal is only "
                  "about the school or college named (Children and Families Act 2014, section 55)."],
    })


def step_form(action: str, data, case: MediationCase):
    form_class, label = STEP_FORMS[action]
    return form_class(data, on_label=label, initial={"version": case.version, "on": timezone.localdate()})


def step_save(request: HttpRequest, case: MediationCase, action: str, form, *, by_mediation_service: bool) -> bool:
    """Record the step from a valid form; False (with the refusal on the form) if the service refused it."""
    data = dict(form.cleaned_data)
    version, on = data.pop("version"), data.pop("on")
    service = data.pop("mediation_service", None)
    try:
        mediation.mediation_step_record(acting_user=request.user, case=case, action=action, on=on,
                                        expected_version=version, by_mediation_service=by_mediation_service,
                                        mediation_service=service, **data)
    except ServiceError as error:
        _refused(form, error, case)
        return False
    messages.success(request, f"{mediation.WORKFLOW[action].label.replace('Record ', '').capitalize()}: saved.")
    return True


@for_roles(*CASE_STAFF)
@child_view("recording a mediation step")
def mediation_step(request: HttpRequest, child, decision_id: int, action: str) -> HttpResponse:
    decision = _decision(child, decision_id)
    case = _case_of(decision)
    if case is None or action not in STEP_FORMS:
        raise Http404("No such step")
    form = step_form(action, request.POST or None, case)
    if request.method == "POST" and form.is_valid() and step_save(request, case, action, form,
                                                                  by_mediation_service=False):
        return redirect(decision_url(decision))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": mediation.WORKFLOW[action].label, "caption": child.full_name,
        "back_url": decision_url(decision), "submit_text": "Save",
    })
