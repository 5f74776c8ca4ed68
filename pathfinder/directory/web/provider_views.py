"""The Local Offer's pages for providers (and the officer, who may edit any service): their services, drafts,
sending them for approval, each service's history, and reports that its details are out of date.

Thin: read through directory.selectors, change through directory.drafts, directory.revisions and directory.reports.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pathfinder.accounts.roles import SERVICE_EDITORS, Role
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.forms import form_add_service_error
from pathfinder.directory import drafts, reports, revisions, selectors
from pathfinder.directory.constants import EDUCATION_KINDS, TAXONOMY_NEEDS, TAXONOMY_SUPPORT, RevisionStatus
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.models import OutOfDateReport, Service, ServiceRevision
from pathfinder.directory.web import present
from pathfinder.directory.web.forms import NewServiceForm, ResolveReportForm, ServiceForm

PROVIDER = Role.PROVIDER
OFFICER = Role.LOCAL_OFFER_OFFICER


def _editable_service(user, service_id) -> Service:
    """A service this user may change; anyone else's is simply not found."""
    try:
        return selectors.services_editable_by(user).select_related("organisation").get(pk=service_id)
    except (Service.DoesNotExist, ValidationError, ValueError):
        raise Http404


@for_roles(PROVIDER)
def provider_home(request: HttpRequest) -> HttpResponse:
    """A provider's services: what is live, what is in draft or waiting, what needs checking, reports made."""
    user = request.user
    service_list = list(selectors.services_with_open_revision()
                        .filter(pk__in=selectors.services_editable_by(user).values("pk"))
                        .select_related("organisation").order_by("organisation__name", "name"))
    open_revisions = {r.service_id: r for r in ServiceRevision.objects.filter(
        service__in=service_list, status__in=[RevisionStatus.DRAFT, RevisionStatus.SUBMITTED])}
    rejected = {r.service_id: r for r in ServiceRevision.objects.filter(
        service__in=service_list, status=RevisionStatus.REJECTED).order_by("number")}
    today = timezone.localdate()
    return render(request, "directory/provider_home.html", {
        "rows": [{"service": s, "revision": open_revisions.get(s.pk),
                  "rejected": rejected.get(s.pk) if s.pk not in open_revisions else None,
                  "needs_check": s.is_published and s.needs_check(today)} for s in service_list],
        "needing_check": list(selectors.services_needing_check(user, today)),
        "reports": list(selectors.out_of_date_reports_open(user)),
        "organisations": list(selectors.organisations_for(user)),
        "page_title": "Your services",
    })


@for_roles(*SERVICE_EDITORS)
def service_new(request: HttpRequest) -> HttpResponse:
    """Start a new service as a draft. It is not public until the Local Offer officer approves it."""
    form = NewServiceForm(request.POST or None, organisations=selectors.organisations_for(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            revision = revisions.service_create_draft(
                acting_user=request.user, organisation=data["organisation"],
                data={"name": data["name"], "description": data["description"],
                      "is_free": data["is_free"] == "yes", "fees": data["fees"]},
            )
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, "Service started as a draft. Add the details, then send it for approval.")
            return redirect("directory:service-edit", service_id=revision.service_id)
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Add a new service", "submit_text": "Continue",
        "intro": ["Families will not see it until the council's Local Offer officer approves it."],
        "back_url": reverse("directory:provider-home"),
    })


def _term_choices(code: str) -> list[tuple[str, str]]:
    return [(str(t.pk), f"{t.parent.name}: {t.name}" if t.parent_id else t.name)
            for t in selectors.taxonomy_terms(code)]


@for_roles(*SERVICE_EDITORS)
def service_edit(request: HttpRequest, service_id: str) -> HttpResponse:
    """Edit the draft of a service. The public keeps seeing the approved version until the officer approves."""
    service = _editable_service(request.user, service_id)
    start = drafts.draft_start(service)
    form = ServiceForm(
        request.POST or None, content=start.content, need_choices=_term_choices(TAXONOMY_NEEDS),
        kind_choices=_term_choices(TAXONOMY_SUPPORT), education=service.organisation.kind in EDUCATION_KINDS,
    )
    version = request.POST.get("version", "") if request.method == "POST" else start.version
    if request.method == "POST" and form.is_valid():
        try:
            saved = drafts.service_draft_save(acting_user=request.user, service=service, data=form.typed(),
                                              expected_version=int(version) if str(version).isdigit() else -1)
        except StaleEdit as error:
            form_add_service_error(form, error)
            version = start.version  # what they typed stays on the form; saving again is now a deliberate choice
        except ServiceError as error:
            form_add_service_error(form, error, field_map=ServiceForm.FIELD_MAP)
        else:
            if saved is None:
                messages.info(request, "You did not change anything, so there is no draft to send.")
            else:
                messages.success(request, "Draft saved. Send it for approval when it is ready.")
            return redirect("directory:service-manage", service_id=service.pk)
    return render(request, "directory/service_edit.html", {
        "form": form, "service": service, "revision": start.revision, "rejected": start.rejected,
        "version": version, "page_title": f"Edit {service.name}",
    })


@for_roles(*SERVICE_EDITORS)
def service_manage(request: HttpRequest, service_id: str) -> HttpResponse:
    """One service for its provider: the draft's changes against what is live, sending it, and its history."""
    service = _editable_service(request.user, service_id)
    revision = selectors.service_open_revision(service)
    live = ServiceContent.from_service(service) if service.is_published else None
    return render(request, "directory/service_manage.html", {
        "service": service, "revision": revision,
        "changes": present.content_differences(live, ServiceContent.from_data(revision.data)) if revision else [],
        "latest_rejection": service.revisions.filter(status=RevisionStatus.REJECTED).order_by("-number").first(),
        "needs_check": service.is_published and service.needs_check(),
        "page_title": service.name,
    })


@require_POST
@for_roles(*SERVICE_EDITORS)
def service_submit(request: HttpRequest, service_id: str) -> HttpResponse:
    service = _editable_service(request.user, service_id)
    revision = selectors.service_open_revision(service)
    if revision is None:
        messages.error(request, "There is no draft to send. Edit the service first.")
        return redirect("directory:service-manage", service_id=service.pk)
    version = request.POST.get("version", "")
    try:
        revisions.service_submit(acting_user=request.user, revision=revision,
                                 expected_version=int(version) if version.isdigit() else -1)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Sent for approval. The Local Offer officer will check it.")
    return redirect("directory:service-manage", service_id=service.pk)


@require_POST
@for_roles(*SERVICE_EDITORS)
def service_confirm_checked(request: HttpRequest, service_id: str) -> HttpResponse:
    service = _editable_service(request.user, service_id)
    revisions.service_confirm_checked(acting_user=request.user, service=service)
    messages.success(request, "Thank you. The service is marked as checked today.")
    return redirect("directory:service-manage", service_id=service.pk)


@for_roles(*SERVICE_EDITORS)
def service_history(request: HttpRequest, service_id: str) -> HttpResponse:
    """Every version kept, with who proposed, who decided and what changed from the version before."""
    service = _editable_service(request.user, service_id)
    kept = list(selectors.service_revision_list(service))
    entries = []
    ordered = list(reversed(kept))
    contents = [ServiceContent.from_data(r.data) for r in ordered]
    for previous, revision, content in zip([None, *contents][: len(ordered)], ordered, contents, strict=True):
        entries.append({"revision": revision, "changes": present.content_differences(previous, content)})
    entries.reverse()
    return render(request, "directory/service_history.html", {
        "service": service, "entries": entries, "page_title": f"History of {service.name}",
    })


@for_roles(*SERVICE_EDITORS)
def report_resolve(request: HttpRequest, report_id: str) -> HttpResponse:
    """Mark an out-of-date report as dealt with (the provider for their own services, or the officer)."""
    try:
        report = selectors.out_of_date_reports_open(request.user).get(pk=report_id)
    except (OutOfDateReport.DoesNotExist, ValidationError, ValueError):
        raise Http404
    form = ResolveReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reports.out_of_date_report_resolve(acting_user=request.user, report=report, note=form.cleaned_data["note"])
        messages.success(request, "Report marked as dealt with.")
        return redirect("directory:officer-reports" if request.user.role == OFFICER else "directory:provider-home")
    return render(request, "directory/report_resolve.html", {
        "form": form, "report": report, "page_title": f"Report about {report.service.name}",
    })
