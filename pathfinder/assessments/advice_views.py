"""Advice already received: the adviser sees it closed and may send a correction; the caseworker downloads
each version's document.

Kept apart from views.py so that module does not grow past the size the guide allows.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.assessments import forms
from pathfinder.assessments.advice_corrections import advice_correction_send
from pathfinder.assessments.selectors import advice_requests_for_adviser, assessment_get_for_child
from pathfinder.audit.services import audit_read
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.documents.uploads import upload_refusals
from pathfinder.people.access import child_view


def _correction_form(request: HttpRequest):
    return forms.AdviceCorrectionForm(request.POST or None, request.FILES or None, **upload_refusals(request))


def advice_given(request: HttpRequest, advice) -> HttpResponse:
    """The give-advice page once the council has received the advice: it is shown, closed, with a form to send
    a correction. Called by views.advice_give after it has checked the adviser was asked for this advice."""
    child = advice.assessment.child
    form = _correction_form(request)
    if request.method == "POST":
        if "reason" not in request.POST:
            # A second "send your advice" (an old tab, a resubmitted form): refused, and what was typed is kept
            # in the correction form so it can be sent as a correction instead.
            form.is_valid()
            form.add_error(None, f"The council has already received this advice, on {advice.received_on:%-d %B %Y}, "
                                 "so it cannot be sent again. To change it, say what needs correcting and send a "
                                 "correction.")
        elif form.is_valid():
            try:
                correction = advice_correction_send(acting_user=request.user, advice=advice, **form.cleaned_data)
            except ServiceError as error:
                form_add_service_error(form, error)
            else:
                messages.success(request, f"Thank you. Your correction (version {correction.number}) has been sent "
                                          "to the council. Your earlier advice is kept beside it.")
                return redirect("assessments:adviser-home")
    audit_read(request, child, f"advice request {advice.get_kind_display()[:3]} (received)", advice)
    return render(request, "assessments/advice_given.html", {
        "form": form, "advice": advice, "child": child, "corrections": advice.corrections.all(),
        "page_title": f"Your advice about {child.full_name}",
    })


@for_roles(*CASE_STAFF)
@child_view("advice correction document")
def correction_document(request: HttpRequest, child, assessment_id: int, advice_id: int, number: int) -> HttpResponse:
    """The old address of a correction's document: on to the document itself (documents checks and audits)."""
    assessment = assessment_get_for_child(child, assessment_id)
    if assessment is None:
        raise Http404("No such assessment for this child")
    advice = get_object_or_404(assessment.advice_requests, pk=advice_id)
    correction = get_object_or_404(advice.corrections, number=number)
    if correction.document is None:
        raise Http404("No document")
    return redirect("documents:download", public_id=correction.document.public_id)


def child_for_adviser(request: HttpRequest, child) -> HttpResponse:
    """An adviser's page for a child: only their own advice requests and their organisations', not the whole record (registered with
    people.child_pages; the child has been permission-checked and the read audited by people's child page)."""
    advice = list(advice_requests_for_adviser(request.user, include_queue=True).filter(assessment__child=child))
    return render(request, "assessments/child_for_adviser.html", {
        "child": child, "advice_requests": advice, "page_title": child.full_name,
    })
