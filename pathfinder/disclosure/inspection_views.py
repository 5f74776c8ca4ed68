"""The manager's inspection lists: counts on one page, each list as CSV or spreadsheet, and a tracking sample.

Thin: the lists are built in disclosure.inspection, the sample in disclosure.sampling; every file of children's
details is audited (disclosure.services) and the sample page audits the read of each child it names.
"""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import Role
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.disclosure.exports import XLSX_TYPE, rows_as_csv, rows_as_xlsx
from pathfinder.disclosure.forms import SampleForm
from pathfinder.disclosure.inspection import BY_KEY, LISTS
from pathfinder.disclosure.sampling import tracking_sample
from pathfinder.disclosure.services import audit_children_downloaded
from pathfinder.people.models import Child

SAMPLE_COLUMNS = (("child_id", "Pathfinder reference"), ("first_name", "First name"), ("last_name", "Last name"),
                  ("date_of_birth", "Date of birth"), ("list_title", "Chosen from"))
DEFAULT_SAMPLE_SIZE = 20


def _today() -> date:
    return timezone.localdate()


def _breakdowns(today: date) -> dict[str, list[tuple[str, int]]]:
    return {item.key: item.breakdown(today) for item in LISTS if item.breakdown is not None}


def _file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@for_roles(Role.MANAGER)
def inspection_lists(request: HttpRequest) -> HttpResponse:
    """Counts only (no names), so nothing to audit until a list is downloaded."""
    today = _today()
    return render(request, "disclosure/inspection_lists.html", {
        "lists": [(item, item.count(today)) for item in LISTS], "breakdowns": _breakdowns(today),
        "window_start": statutory.inspection_window_start(today), "today": today,
        "form": SampleForm(initial={"key": today.isoformat(), "size": DEFAULT_SAMPLE_SIZE}),
        "page_title": "Inspection lists",
    })


@for_roles(Role.MANAGER)
def inspection_download(request: HttpRequest, key: str, file_kind: str) -> HttpResponse:
    item = BY_KEY.get(key)
    if item is None or file_kind not in ("csv", "xlsx"):
        raise Http404("No such list")
    today = _today()
    rows = item.rows(today)
    audit_children_downloaded(request, (row["child_id"] for row in rows),
                              f"inspection list '{item.title}' ({file_kind.upper()})")
    filename = f"{item.key}-{today.isoformat()}.{file_kind}"
    if file_kind == "csv":
        return _file(rows_as_csv(item.columns, rows), "text/csv; charset=utf-8", filename)
    return _file(rows_as_xlsx(item.title, item.columns, rows), XLSX_TYPE, filename)


def _sample(request: HttpRequest):
    form = SampleForm(request.GET)
    if not form.is_valid():
        return form, None
    return form, tracking_sample(form.cleaned_data["key"], form.cleaned_data["size"], _today())


@for_roles(Role.MANAGER)
def inspection_sample(request: HttpRequest) -> HttpResponse:
    """The sample for the key given: the same key shows the same cases, with the key on the page to quote."""
    form, sample = _sample(request)
    if sample is None:
        today = _today()
        return render(request, "disclosure/inspection_lists.html", {
            "lists": [(item, item.count(today)) for item in LISTS], "form": form, "breakdowns": _breakdowns(today),
            "window_start": statutory.inspection_window_start(today), "today": today,
            "page_title": "Inspection lists",
        })
    audit_reads(request, [Child(pk=case.child_id) for case in sample], "inspection tracking sample")
    return render(request, "disclosure/inspection_sample.html", {
        "form": None, "sample": sample, "key": form.cleaned_data["key"], "size": form.cleaned_data["size"],
        "query": request.GET.urlencode(), "page_title": "Tracking sample",
    })


@for_roles(Role.MANAGER)
def inspection_sample_download(request: HttpRequest) -> HttpResponse:
    form, sample = _sample(request)
    if sample is None:
        raise Http404("No sample key")
    key = form.cleaned_data["key"]
    audit_children_downloaded(request, (case.child_id for case in sample), f"inspection tracking sample '{key}' (CSV)")
    rows = [vars(case) for case in sample]
    return _file(rows_as_csv(SAMPLE_COLUMNS, rows), "text/csv; charset=utf-8",
                 f"tracking-sample-{_today().isoformat()}.csv")
