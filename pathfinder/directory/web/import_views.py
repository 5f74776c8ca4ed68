"""The officer's bulk import (CSV or ORUK JSON, in the background) and export pages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.core.access import for_roles
from pathfinder.directory.web.forms import ImportForm

OFFICER = Role.LOCAL_OFFER_OFFICER
REFRESH_SECONDS = 5  # how often the progress page reloads itself (a meta refresh: no JavaScript, allowed by the CSP)


@for_roles(OFFICER)
def officer_import(request: HttpRequest) -> HttpResponse:
    """Upload a CSV or ORUK JSON file. It is imported in the background; the next page shows how it went."""
    from pathfinder.directory.importers import CSV_COLUMNS
    from pathfinder.directory.web.tasks import directory_import_run

    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            content = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            form.add_error("file", "The file must be saved as UTF-8 text (in Excel: CSV UTF-8)")
        else:
            kind = "csv" if upload.name.lower().endswith(".csv") else "json"
            result = directory_import_run.enqueue(file_kind=kind, content=content, user_id=request.user.pk)
            if result.is_finished:  # run straight away (no worker, e.g. in tests): show the report now
                return _import_result_page(request, result, upload.name)
            progress = reverse("directory:officer-import-progress", args=[result.id])
            return redirect(f"{progress}?{urlencode({'name': upload.name})}")
    return render(request, "directory/officer_import.html", {
        "form": form, "columns": CSV_COLUMNS, "page_title": "Import and export services",
    })


@for_roles(OFFICER)
def officer_import_progress(request: HttpRequest, result_id: str) -> HttpResponse:
    """How a background import is going. The page reloads itself every few seconds while the import runs, and
    has a "Check progress" link, so it works without JavaScript. Any other task's id is simply not found."""
    from django_tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch

    from pathfinder.directory.web.tasks import directory_import_run

    try:
        result = directory_import_run.get_result(result_id)
    except (TaskResultDoesNotExist, TaskResultMismatch, ValueError, ValidationError, NotImplementedError):
        raise Http404 from None
    return _import_result_page(request, result, request.GET.get("name", "your file")[:200])


def _import_result_page(request: HttpRequest, result, file_name: str) -> HttpResponse:
    from pathfinder.directory.web.tasks import import_progress

    status = str(result.status)
    report = result.return_value if status == "SUCCESSFUL" else None
    running = status in ("READY", "RUNNING")
    return render(request, "directory/officer_import_result.html", {
        "result": result, "report": report, "file_name": file_name, "status": status,
        "progress": import_progress(str(result.id)) if report is None else None,
        "refresh_seconds": REFRESH_SECONDS if running else None,
        "check_url": reverse("directory:officer-import-progress", args=[result.id]) + "?"
        + urlencode({"name": file_name}),
        "page_title": "Import report" if report else "Import in progress" if running else "Import did not finish",
    })


@for_roles(OFFICER)
def officer_export(request: HttpRequest, file_kind: str) -> HttpResponse:
    """Download every public service as CSV (the import template) or ORUK 3.0 JSON."""
    from pathfinder.directory.exporters import directory_export_csv, directory_export_oruk_json

    stamp = timezone.localdate().isoformat()
    if file_kind == "csv":
        response = HttpResponse(directory_export_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="local-offer-{stamp}.csv"'
    elif file_kind == "json":
        response = HttpResponse(directory_export_oruk_json(), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="local-offer-oruk-{stamp}.json"'
    else:
        raise Http404
    return response
