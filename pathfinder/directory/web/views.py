"""The Local Offer's pages. Thin: read through directory.selectors/search, change through directory.services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pathfinder.accounts.roles import SERVICE_EDITORS, Role
from pathfinder.core.access import for_roles, public
from pathfinder.core.client_address import client_address
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.directory import decisions, drafts, selectors, services
from pathfinder.directory.constants import (
    EDUCATION_KINDS,
    SCHEDULE_2_QUESTIONS,
    TAXONOMY_NEEDS,
    TAXONOMY_SUPPORT,
    InformationTopic,
    RevisionStatus,
)
from pathfinder.directory.models import InformationPage, OutOfDateReport, Service, ServiceRevision
from pathfinder.directory.web import present
from pathfinder.directory.web.forms import (
    InformationPageForm,
    OutOfDateForm,
    RejectForm,
    ResolveReportForm,
    ServiceForm,
)
from pathfinder.directory.web.lookup import public_service_or_404
from pathfinder.feedback.forms import HONEYPOT_FIELD
from pathfinder.feedback.services import anonymous_send_allow

PROVIDER = Role.PROVIDER
OFFICER = Role.LOCAL_OFFER_OFFICER
PER_PAGE = 20


def _refuse(form, error: ServiceError, field: str | None = None) -> None:
    target = field if field is not None else (error.field if error.field in form.fields else None)
    form.add_error(target, error.message)


# ---------------------------------------------------------------------------------------------------------------
# Public: search, service page, report something out of date, information pages


@public
def service_detail(request: HttpRequest, service_id: str) -> HttpResponse:
    """One service: what, who for, how to get it, cost, when and where, contacts, and when it was last checked."""
    service = public_service_or_404(service_id)
    terms = list(service.terms.all())
    answers = [(key, SCHEDULE_2_QUESTIONS[key], answer) for key, answer in service.schedule_2_answers]
    return render(request, "directory/service.html", {
        "service": service,
        "needs": [t for t in terms if t.taxonomy.code == TAXONOMY_NEEDS],
        "kinds": [t for t in terms if t.taxonomy.code == TAXONOMY_SUPPORT],
        "answers": answers, "is_setting": service.organisation.kind in EDUCATION_KINDS,
        "schedules": [present.schedule_text(s.byday, s.opens_at, s.closes_at, s.description)
                      for s in service.schedules.all()],
        "locations": [sal.location for sal in service.service_at_locations.all()],
        "ages": present.ages_text(service.minimum_age, service.maximum_age),
        "page_title": service.name,
    })


@public
def report_out_of_date(request: HttpRequest, service_id: str) -> HttpResponse:
    service = public_service_or_404(service_id)
    form = OutOfDateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.POST.get(HONEYPOT_FIELD, "").strip():
            return redirect("directory:report-sent", service_id=service.pk)
        data = form.cleaned_data
        problem = dict(form.fields["problem"].choices)[data["problem"]]
        try:
            with transaction.atomic():
                anonymous_send_allow(purpose="out_of_date", ip_address=client_address(request))
                services.out_of_date_report_create(
                    service=service, message=f"{problem}: {data['details']}", reporter_email=data["email"])
        except ServiceError as error:
            _refuse(form, error, "details" if error.field == "message" else None)
        else:
            return redirect("directory:report-sent", service_id=service.pk)
    return render(request, "directory/report_form.html", {
        "form": form, "service": service, "honeypot": HONEYPOT_FIELD, "page_title": "Report something out of date",
    })


@public
def report_sent(request: HttpRequest, service_id: str) -> HttpResponse:
    service = public_service_or_404(service_id)
    return render(request, "directory/report_sent.html", {"service": service, "page_title": "Thank you"})


@public
def information_list(request: HttpRequest) -> HttpResponse:
    pages = list(selectors.information_pages_published())
    return render(request, "directory/information_list.html", {
        "pages": pages, "page_title": "Information and advice",
    })


@public
def information_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        page = selectors.information_page_get(slug)
    except InformationPage.DoesNotExist:
        raise Http404
    return render(request, "directory/information_page.html", {
        "info": page, "blocks": present.information_blocks(page.body), "page_title": page.title,
    })


# ---------------------------------------------------------------------------------------------------------------
# Providers (and the officer, who may edit any service)


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
    from pathfinder.directory.web.forms import NewServiceForm

    form = NewServiceForm(request.POST or None, organisations=selectors.organisations_for(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            revision = services.service_create_draft(
                acting_user=request.user, organisation=data["organisation"],
                data={"name": data["name"], "description": data["description"],
                      "is_free": data["is_free"] == "yes", "fees": data["fees"]},
            )
        except ServiceError as error:
            _refuse(form, error, error.field if error.field in form.fields else None)
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
        request.POST or None, snapshot=start.data, need_choices=_term_choices(TAXONOMY_NEEDS),
        kind_choices=_term_choices(TAXONOMY_SUPPORT), education=service.organisation.kind in EDUCATION_KINDS,
    )
    version = request.POST.get("version", "") if request.method == "POST" else start.version
    if request.method == "POST" and form.is_valid():
        try:
            saved = drafts.service_draft_save(acting_user=request.user, service=service, data=form.snapshot(),
                                              expected_version=int(version) if str(version).isdigit() else -1)
        except StaleEdit as error:
            _refuse(form, error, None)
            version = start.version  # what they typed stays on the form; saving again is now a deliberate choice
        except ServiceError as error:
            _refuse(form, error, form.field_for_error(error.field))
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
    live = services.service_snapshot(service) if service.is_published else None
    return render(request, "directory/service_manage.html", {
        "service": service, "revision": revision,
        "changes": present.snapshot_differences(live, revision.data) if revision else [],
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
    try:
        services.service_submit(acting_user=request.user, revision=revision)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Sent for approval. The Local Offer officer will check it.")
    return redirect("directory:service-manage", service_id=service.pk)


@require_POST
@for_roles(*SERVICE_EDITORS)
def service_confirm_checked(request: HttpRequest, service_id: str) -> HttpResponse:
    service = _editable_service(request.user, service_id)
    services.service_confirm_checked(acting_user=request.user, service=service)
    messages.success(request, "Thank you. The service is marked as checked today.")
    return redirect("directory:service-manage", service_id=service.pk)


@for_roles(*SERVICE_EDITORS)
def service_history(request: HttpRequest, service_id: str) -> HttpResponse:
    """Every version kept, with who proposed, who decided and what changed from the version before."""
    service = _editable_service(request.user, service_id)
    revisions = list(selectors.service_revision_list(service))
    entries = []
    ordered = list(reversed(revisions))
    for previous, current in zip([None, *ordered][: len(ordered)], ordered, strict=True):  # none kept: no rows
        entries.append({"revision": current,
                        "changes": present.snapshot_differences(previous.data if previous else None, current.data)})
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
        services.out_of_date_report_resolve(acting_user=request.user, report=report, note=form.cleaned_data["note"])
        messages.success(request, "Report marked as dealt with.")
        return redirect("directory:officer-reports" if request.user.role == OFFICER else "directory:provider-home")
    return render(request, "directory/report_resolve.html", {
        "form": form, "report": report, "page_title": f"Report about {report.service.name}",
    })


# ---------------------------------------------------------------------------------------------------------------
# The Local Offer officer


@for_roles(OFFICER)
def officer_home(request: HttpRequest) -> HttpResponse:
    """Changes waiting for approval, services nobody has checked for 12 months, and what families have sent."""
    from pathfinder.feedback.selectors import comment_counts

    user = request.user
    return render(request, "directory/officer_home.html", {
        "queue": list(selectors.revisions_awaiting_decision(user)),
        "needing_check": list(selectors.services_needing_check(user)[:50]),
        "needing_check_count": selectors.services_needing_check(user).count(),
        "hidden_count": selectors.services_hidden_as_stale().count(),
        "report_count": selectors.out_of_date_reports_open(user).count(),
        "comment_counts": comment_counts(acting_user=user),
        "page_title": "Local Offer: changes to approve",
    })


def _submitted_revision(user, revision_id) -> ServiceRevision:
    try:
        return selectors.revisions_awaiting_decision(user).get(pk=revision_id)
    except (ServiceRevision.DoesNotExist, ValidationError, ValueError):
        raise Http404


@for_roles(OFFICER)
def revision_review(request: HttpRequest, revision_id: str) -> HttpResponse:
    """The officer compares a submitted version with what is live, then approves or rejects it with a reason."""
    revision = _submitted_revision(request.user, revision_id)
    service = revision.service
    live = services.service_snapshot(service) if service.is_published else None
    form = RejectForm(request.POST or None)
    seen = request.POST.get("version", "")
    seen_version = int(seen) if seen.isdigit() else -1  # a decision without the version read is treated as stale
    if request.method == "POST":
        if request.POST.get("decision") == "approve":
            try:
                decisions.service_approve(acting_user=request.user, revision=revision, expected_version=seen_version)
            except ServiceError as error:
                messages.error(request, error.message)
                return redirect("directory:revision-review", revision_id=revision.pk)
            messages.success(request, f"Approved. {service.name} is published with these changes.")
            return redirect("directory:officer-home")
        if form.is_valid():
            try:
                decisions.service_reject(acting_user=request.user, revision=revision,
                                         reason=form.cleaned_data["reason"], expected_version=seen_version)
            except ServiceError as error:
                _refuse(form, error)
            else:
                messages.success(request, f"Sent back to the provider of {service.name} with your reason.")
                return redirect("directory:officer-home")
    return render(request, "directory/revision_review.html", {
        "form": form, "revision": revision, "service": service, "is_new": live is None,
        "changes": present.snapshot_differences(live, revision.data),
        "page_title": f"Check changes to {service.name}",
    })


@for_roles(OFFICER)
def officer_reports(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/officer_reports.html", {
        "reports": list(selectors.out_of_date_reports_open(request.user)),
        "page_title": "Reports of out-of-date information",
    })


@for_roles(OFFICER)
def officer_pages(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/officer_pages.html", {
        "pages": list(InformationPage.objects.order_by("sort_order", "title")),
        "topics": InformationTopic, "page_title": "Information pages",
    })


@for_roles(OFFICER)
def officer_page_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Write or change a council information page (plain text, so it is always shown safely)."""
    page = None
    if slug is not None:
        page = InformationPage.objects.filter(slug=slug).first()
        if page is None:
            raise Http404
    initial = ({"title": page.title, "slug": page.slug, "summary": page.summary, "topic": page.topic,
                "body": page.body, "published": page.published, "sort_order": page.sort_order}
               if page else {"published": True, "sort_order": 0})
    form = InformationPageForm(request.POST or None, initial=initial)
    if page is not None:
        form.fields["slug"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if page is None and InformationPage.objects.filter(slug=data["slug"]).exists():
            form.add_error("slug", "Another page already uses this web address ending")
        else:
            try:
                saved = services.information_page_save(acting_user=request.user, **data)
            except ServiceError as error:
                _refuse(form, error)
            else:
                messages.success(request, f"Saved '{saved.title}'.")
                return redirect("directory:officer-pages")
    back = reverse("directory:officer-pages")
    return render(request, "core/form_page.html", {
        "form": form, "page_title": f"Change '{page.title}'" if page else "New information page",
        "caption": "Local Offer information pages", "back_url": back, "cancel_url": back, "submit_text": "Save page",
    })
