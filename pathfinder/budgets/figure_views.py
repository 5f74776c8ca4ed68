"""The manager's "Personal budget figures" page (/budgets/figures/): no child's data beyond the refused requests'
names, which only managers see (every child named is audited as read)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.audit.services import audit_reads
from pathfinder.budgets.constants import ENGLAND_SOURCE_NAME, ENGLAND_SOURCE_URL
from pathfinder.budgets.figures import AREA_NAMES, budget_figures
from pathfinder.core.access import for_roles


@for_roles(Role.MANAGER)
def figures(request: HttpRequest) -> HttpResponse:
    report = budget_figures(timezone.localdate())
    audit_reads(request, [r.child for r in report.refusals], "personal budget figures: refused requests")
    return render(request, "budgets/money/figures.html", {
        "report": report, "area_names": AREA_NAMES, "source_name": ENGLAND_SOURCE_NAME,
        "source_url": ENGLAND_SOURCE_URL, "page_title": "Personal budget figures",
    })
