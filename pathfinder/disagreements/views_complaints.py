"""The caseworker's pages for complaints to the Ombudsman about a child's case (/children/<child>/complaints/...)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.disagreements import complaints, forms
from pathfinder.disagreements.models_complaints import OmbudsmanComplaint, Remedy
from pathfinder.disagreements.views import _refused
from pathfinder.people.access import child_view


def _complaint(child, complaint_id: int) -> OmbudsmanComplaint:
    found = OmbudsmanComplaint.objects.filter(child=child, pk=complaint_id).first()
    if found is None:
        raise Http404("No such complaint for this child")
    return found


def complaint_url(complaint: OmbudsmanComplaint) -> str:
    return reverse("disagreements:complaint", kwargs={"child_id": complaint.child_id, "complaint_id": complaint.pk})


def _form_page(request, child, form, title: str, back_url: str, intro=()) -> HttpResponse:
    return render(request, "core/form_page.html", {
        "form": form, "page_title": title, "caption": child.full_name, "back_url": back_url, "intro": list(intro),
        "submit_text": "Save",
    })


@for_roles(*CASE_STAFF)
@child_view("recording an Ombudsman complaint")
def complaint_new(request: HttpRequest, child) -> HttpResponse:
    form = forms.ComplaintForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            made = complaints.complaint_record(acting_user=request.user, child=child, **form.cleaned_data)
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, "Complaint recorded.")
            return redirect(complaint_url(made))
    return _form_page(request, child, form, "Record a complaint to the Ombudsman",
                      reverse("disagreements:child", kwargs={"child_id": child.pk}),
                      ["A complaint the Local Government and Social Care Ombudsman is looking into."])


@for_roles(*CASE_STAFF)
@child_view("an Ombudsman complaint")
def complaint_page(request: HttpRequest, child, complaint_id: int) -> HttpResponse:
    complaint = _complaint(child, complaint_id)
    return render(request, "disagreements/complaint.html", {
        "child": child, "complaint": complaint, "remedies": list(complaint.remedies.all()),
        "today": timezone.localdate(), "page_title": "Complaint to the Ombudsman",
    })


@for_roles(*CASE_STAFF)
@child_view("recording the Ombudsman's decision")
def complaint_finding(request: HttpRequest, child, complaint_id: int) -> HttpResponse:
    complaint = _complaint(child, complaint_id)
    form = forms.FindingForm(request.POST or None, initial={"version": complaint.version,
                                                            "finding_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            complaints.complaint_finding_record(acting_user=request.user, complaint=complaint,
                                                expected_version=data.pop("version"), **data)
        except ServiceError as error:
            _refused(form, error, complaint)
        else:
            messages.success(request, "The Ombudsman's decision is recorded. Add each remedy it asked for.")
            return redirect(complaint_url(complaint))
    return _form_page(request, child, form, "Record the Ombudsman's decision", complaint_url(complaint))


@for_roles(*CASE_STAFF)
@child_view("adding an Ombudsman remedy")
def remedy_new(request: HttpRequest, child, complaint_id: int) -> HttpResponse:
    complaint = _complaint(child, complaint_id)
    form = forms.RemedyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            complaints.remedy_add(acting_user=request.user, complaint=complaint, **form.cleaned_data)
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, "Remedy added.")
            return redirect(complaint_url(complaint))
    return _form_page(request, child, form, "Add a remedy", complaint_url(complaint))


@for_roles(*CASE_STAFF)
@child_view("recording an Ombudsman remedy as done")
def remedy_done(request: HttpRequest, child, complaint_id: int, remedy_id: int) -> HttpResponse:
    complaint = _complaint(child, complaint_id)
    remedy = Remedy.objects.filter(complaint=complaint, pk=remedy_id).first()
    if remedy is None:
        raise Http404("No such remedy")
    form = forms.RemedyDoneForm(request.POST or None, initial={"version": remedy.version,
                                                               "done_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            complaints.remedy_done(acting_user=request.user, remedy=remedy, done_on=form.cleaned_data["done_on"],
                                   expected_version=form.cleaned_data["version"])
        except ServiceError as error:
            _refused(form, error, remedy)
        else:
            messages.success(request, "Remedy recorded as done.")
            return redirect(complaint_url(complaint))
    return _form_page(request, child, form, f"Record as done: {remedy.description}", complaint_url(complaint))


@for_roles(*CASE_STAFF)
@child_view("closing an Ombudsman complaint")
def complaint_close(request: HttpRequest, child, complaint_id: int) -> HttpResponse:
    """A button on the complaint's page (no form of its own): closing needs only the version the page showed."""
    complaint = _complaint(child, complaint_id)
    if request.method == "POST":
        try:
            complaints.complaint_close(acting_user=request.user, complaint=complaint,
                                       expected_version=int(request.POST.get("version", 0) or 0))
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Complaint closed.")
    return redirect(complaint_url(complaint))
