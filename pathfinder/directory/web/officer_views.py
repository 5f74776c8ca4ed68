"""The Local Offer officer's pages: changes waiting for approval, reports, and the council's information pages.

Thin: read through directory.selectors, decide through directory.decisions, write pages through
directory.information_pages. (Imports and exports are in import_views.)
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from pathfinder.accounts.roles import Role
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.directory import decisions, information_pages, selectors
from pathfinder.directory.constants import InformationTopic
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.models import InformationPage, ServiceRevision
from pathfinder.directory.web import present
from pathfinder.directory.web.forms import InformationPageForm, RejectForm
from pathfinder.feedback.selectors import comment_counts

OFFICER = Role.LOCAL_OFFER_OFFICER


@for_roles(OFFICER)
def officer_home(request: HttpRequest) -> HttpResponse:
    """Changes waiting for approval, services nobody has checked for 12 months, and what families have sent."""
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
    live = ServiceContent.from_service(service) if service.is_published else None
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
                form_add_service_error(form, error)
            else:
                messages.success(request, f"Sent back to the provider of {service.name} with your reason.")
                return redirect("directory:officer-home")
    return render(request, "directory/revision_review.html", {
        "form": form, "revision": revision, "service": service, "is_new": live is None,
        "changes": present.content_differences(live, ServiceContent.from_data(revision.data)),
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
                saved = information_pages.information_page_save(acting_user=request.user, **data)
            except ServiceError as error:
                form_add_service_error(form, error)
            else:
                messages.success(request, f"Saved '{saved.title}'.")
                return redirect("directory:officer-pages")
    back = reverse("directory:officer-pages")
    return render(request, "core/form_page.html", {
        "form": form, "page_title": f"Change '{page.title}'" if page else "New information page",
        "caption": "Local Offer information pages", "back_url": back, "cancel_url": back, "submit_text": "Save page",
    })
