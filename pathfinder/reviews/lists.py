"""The council's "Reviews" page: reviews overdue, due this term and in progress, for the caseworker's team
(a manager: everyone). Each child shown is an audited read."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.reviews.selectors import review_lists


@for_roles(*CASE_STAFF)
def reviews_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    lists = review_lists(request.user, today)
    audit_reads(request, lists.children, "reviews due and in progress")
    return render(request, "reviews/list.html", {"lists": lists, "today": today, "page_title": "Reviews"})
