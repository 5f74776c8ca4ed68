"""The phase-transfer cohort page: who moves school next September and who is behind (reg 18)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.insights.phase_transfers import (
    at_risk_filter,
    cohort_plans,
    cohort_rows,
    cohort_summary,
)
from pathfinder.people.selectors import children_visible_to
from statutory.phase_transfer import POST_16, long_stop, safe_dates

PER_PAGE = 50


@for_roles(*CASE_STAFF)
def phase_transfers(request: HttpRequest) -> HttpResponse:
    """Managers see the council's whole cohort; a caseworker sees their team's children."""
    today = timezone.localdate()
    year = statutory.next_transfer_year(today)
    plans = cohort_plans(year)
    if request.user.role != Role.MANAGER:
        plans = plans.filter(child__in=children_visible_to(request.user, today=today))
    only_at_risk = request.GET.get("show") == "at-risk"
    if only_at_risk:
        plans = plans.filter(at_risk_filter(year, today))
    page = Paginator(plans.select_related("child").order_by("-child__date_of_birth", "child__legal_last_name", "pk"),
                     PER_PAGE).get_page(request.GET.get("page"))
    rows = cohort_rows(list(page.object_list), year, today)
    audit_reads(request, [row.plan.child for row in rows], "phase transfers (cohort)")
    key_dates = []
    for kind, label in (("primary to secondary", "Moving school (early years, infant, primary, middle)"),
                        (POST_16, "Moving to a sixth form or college")):
        final_by, citation = long_stop(kind, year)
        key_dates.append({"label": label, "long_stop": final_by, "citation": citation,
                          "steps": safe_dates(final_by)})
    return render(request, "insights/phase_transfers.html", {
        "page_title": f"Phase transfers for September {year}",
        "year": year, "today": today,
        "summary": cohort_summary(year, today) if request.user.role == Role.MANAGER else None,
        "key_dates": key_dates, "page": page, "rows": rows,
        "only_at_risk": only_at_risk,
    })
