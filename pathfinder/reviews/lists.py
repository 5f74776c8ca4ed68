"""The council's "Reviews" page: reviews overdue, due this term and in progress, for the caseworker's team
(a manager: everyone). Each child shown is an audited read."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.organisations.selectors import active_organisation_ids
from pathfinder.reviews.models import OPEN_STATUSES, Review
from pathfinder.reviews.selectors import LIST_LIMIT, review_lists


@for_roles(*CASE_STAFF)
def reviews_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    lists = review_lists(request.user, today)
    audit_reads(request, lists.children, "reviews due and in progress")
    return render(request, "reviews/list.html", {"lists": lists, "today": today, "page_title": "Reviews"})


@for_roles(Role.ADVISER)
def school_reviews(request: HttpRequest) -> HttpResponse:
    """For a SENCO: the open reviews their school runs (the meeting to record, the report to send)."""
    today = timezone.localdate()
    reviews = list(Review.objects.filter(status__in=OPEN_STATUSES, run_by__in=active_organisation_ids(
        request.user, today)).select_related("plan__child", "run_by").order_by("meeting_on", "pk")[:LIST_LIMIT])
    audit_reads(request, [r.plan.child for r in reviews], "reviews the school runs")
    return render(request, "reviews/school.html", {"reviews": reviews, "page_title": "Reviews your school runs"})
