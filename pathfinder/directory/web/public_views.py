"""The Local Offer's public pages: a service, reporting something out of date, the council's information pages.

The search itself is in search_views. Thin: read through directory.selectors, change through directory.reports.
"""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from pathfinder.core.access import public
from pathfinder.core.client_address import client_address
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.directory import reports, selectors
from pathfinder.directory.constants import EDUCATION_KINDS, SCHEDULE_2_QUESTIONS, TAXONOMY_NEEDS, TAXONOMY_SUPPORT
from pathfinder.directory.models import InformationPage
from pathfinder.directory.web import present
from pathfinder.directory.web.forms import OutOfDateForm
from pathfinder.directory.web.lookup import public_service_or_404
from pathfinder.feedback.forms import HONEYPOT_FIELD
from pathfinder.feedback.services import anonymous_send_allow


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
        "source": selectors.harvested_source(service),
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
                reports.out_of_date_report_create(
                    service=service, message=f"{problem}: {data['details']}", reporter_email=data["email"])
        except ServiceError as error:
            form_add_service_error(form, error, field_map={"message": "details"})
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
