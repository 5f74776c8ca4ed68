"""A caseworker's home page (what is due on their cases) and a manager's (caseloads and timeliness)."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.insights.constants import NATIONAL_SOURCE_NAME, NATIONAL_SOURCE_URL, NATIONAL_YEAR
from pathfinder.insights.forms import PeriodForm
from pathfinder.insights.selectors import (
    caseworker_worklist,
    council_timeliness,
    default_period,
    team_caseloads,
    timeliness_rows,
)


def _today() -> date:
    return timezone.localdate()


@for_roles(Role.CASEWORKER)
def caseworker_home(request: HttpRequest) -> HttpResponse:
    today = _today()
    worklist = caseworker_worklist(request.user, today)
    shown = (*worklist.overdue, *worklist.due_this_week, *worklist.due_later)
    audit_reads(request, [item.child for item in shown], "my cases (worklist)")
    return render(request, "insights/caseworker_home.html", {
        "worklist": worklist, "today": today, "page_title": "My cases",
    })


def _period_query(start: date, end: date) -> str:
    return "?" + urlencode({
        "period_start-day": start.day, "period_start-month": start.month, "period_start-year": start.year,
        "period_end-day": end.day, "period_end-month": end.month, "period_end-year": end.year,
    })


CASEWORKERS_PER_PAGE = 50


@for_roles(Role.MANAGER)
def manager_home(request: HttpRequest) -> HttpResponse:
    today = _today()
    start, end = default_period(today)
    chosen = any(key.startswith(("period_start-", "period_end-")) for key in request.GET)
    form = PeriodForm(request.GET if chosen else None, initial={"period_start": start, "period_end": end})
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["period_start"], form.cleaned_data["period_end"]
    report = council_timeliness(start, end)
    caseloads = team_caseloads(today)
    # Most overdue first, 50 at a time: at national scale there are thousands of caseworkers.
    by_need = sorted(caseloads.caseworkers, key=lambda c: (-c.overdue_steps, -c.open_cases, c.name.lower()))
    caseworker_page = Paginator(by_need, CASEWORKERS_PER_PAGE).get_page(request.GET.get("caseworkers_page"))
    keep = request.GET.copy()
    keep.pop("caseworkers_page", None)
    last_year = today.year - 1
    return render(request, "insights/manager_home.html", {
        "form": form,
        "today": today,
        "period_start": start,
        "period_end": end,
        "is_default_period": (start, end) == default_period(today),
        "rows": timeliness_rows(report),
        "caseloads": caseloads,
        "caseworker_page": caseworker_page,
        "page_query": keep.urlencode(),
        "national_year": NATIONAL_YEAR,
        "national_source_name": NATIONAL_SOURCE_NAME,
        "national_source_url": NATIONAL_SOURCE_URL,
        "last_year": last_year,
        "last_year_query": _period_query(date(last_year, 1, 1), date(last_year, 12, 31)),
        "page_title": "Caseloads and timeliness",
    })
