"""The manager's annual review figures: this council beside England, counted the DfE's way, by calendar year."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.core.access import for_roles
from pathfinder.insights.constants import (
    NATIONAL_REVIEW_OUTCOMES,
    NATIONAL_REVIEWS,
    NATIONAL_SOURCE_NAME,
    NATIONAL_SOURCE_URL,
    NATIONAL_YEAR,
)
from pathfinder.insights.review_figures import council_review_figures, plans_not_reviewed

FIRST_YEAR = 2015  # the first full calendar year of the 2014 law


@for_roles(Role.MANAGER)
def review_figures(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, FIRST_YEAR), today.year)
    end = min(date(year, 12, 31), today)
    report = council_review_figures(date(year, 1, 1), end)
    return render(request, "insights/review_figures.html", {
        "page_title": f"Annual reviews, {year}", "year": year, "end": end, "today": today, "report": report,
        "not_reviewed": plans_not_reviewed(today), "years": list(range(today.year, max(FIRST_YEAR, today.year - 4), -1)),
        "national": NATIONAL_REVIEWS, "national_outcomes": NATIONAL_REVIEW_OUTCOMES, "national_year": NATIONAL_YEAR, "national_source_name": NATIONAL_SOURCE_NAME,
        "national_source_url": NATIONAL_SOURCE_URL,
    })
