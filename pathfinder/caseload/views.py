"""The administrator's pages: upload a file for a dry run, read its report, confirm the real run, watch its
progress (the page refreshes itself, no JavaScript needed), download the report and the whole caseload.

Thin: each parses, calls one service or task, and renders. The dry run and the real run are both ImportRuns; the
real run is a new run on the same uploaded file, so the report that was read is the report that is acted on.
"""

from __future__ import annotations

import uuid

from django.core.files.storage import storages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pathfinder.accounts.roles import Role
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.caseload.export import caseload_export_zip
from pathfinder.caseload.forms import CaseloadUploadForm
from pathfinder.caseload.models import ImportRun, ImportStatus
from pathfinder.caseload.services import report_csv
from pathfinder.caseload.tasks import UPLOADS, caseload_import_run, import_progress, old_uploads_delete
from pathfinder.caseload.template import FILES
from pathfinder.core.access import for_roles
from pathfinder.documents.uploads import upload_refusals

ADMIN = Role.ADMINISTRATOR
REFRESH_SECONDS = 3
SHOWN_PROBLEMS = 200  # on the page; the CSV report has every one


@for_roles(ADMIN)
def caseload_home(request: HttpRequest) -> HttpResponse:
    form = CaseloadUploadForm(request.POST or None, request.FILES or None, **upload_refusals(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        old_uploads_delete(timezone.now())
        path = storages["documents"].save(f"{UPLOADS}/{uuid.uuid4().hex}", upload)
        run = ImportRun.objects.create(
            format=form.cleaned_data["format"], source_system=form.cleaned_data["source_system"],
            team_name=form.cleaned_data["team_name"], file_name=upload.name[:255], upload_path=path,
            started_by=request.user,
        )
        caseload_import_run.enqueue(run.pk)
        return redirect("caseload:run", run_id=run.pk)
    return render(request, "caseload/home.html", {
        "form": form, "runs": ImportRun.objects.select_related("started_by")[:10], "files": FILES,
        "page_title": "Import and export the caseload",
    })


@for_roles(ADMIN)
def import_run(request: HttpRequest, run_id: int) -> HttpResponse:
    run = get_object_or_404(ImportRun, pk=run_id)
    waiting = run.status in (ImportStatus.WAITING, ImportStatus.RUNNING)
    return render(request, "caseload/run.html", {
        "run": run, "waiting": waiting, "progress": import_progress(run.pk) if waiting else None,
        "refresh_seconds": REFRESH_SECONDS if waiting else None,
        "refused": run.refused[:SHOWN_PROBLEMS], "warnings": run.warnings[:SHOWN_PROBLEMS],
        "shown": SHOWN_PROBLEMS, "statuses": ImportStatus,
        "page_title": f"Caseload import {run.pk}",
    })


@for_roles(ADMIN)
@require_POST
def import_run_commit(request: HttpRequest, run_id: int) -> HttpResponse:
    """The real run of a checked dry run: a new run on the same file, checked again as it is written."""
    checked = get_object_or_404(ImportRun, pk=run_id, status=ImportStatus.CHECKED, commit=False)
    if not checked.upload_path or not storages["documents"].exists(checked.upload_path):
        raise Http404("The uploaded file is no longer here")
    run = ImportRun.objects.create(
        format=checked.format, source_system=checked.source_system, team_name=checked.team_name,
        file_name=checked.file_name, upload_path=checked.upload_path, commit=True, started_by=request.user,
    )
    caseload_import_run.enqueue(run.pk)
    return redirect("caseload:run", run_id=run.pk)


@for_roles(ADMIN)
def import_run_report(request: HttpRequest, run_id: int) -> HttpResponse:
    run = get_object_or_404(ImportRun, pk=run_id)
    audit_event_record(acting_user=request.user, action=AuditAction.DOWNLOAD, obj=run, request=request,
                       what=f"Report of caseload import {run.pk}")
    response = HttpResponse(report_csv(run), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="caseload-import-{run.pk}-report.csv"'
    return response


@for_roles(ADMIN)
def caseload_export(request: HttpRequest) -> HttpResponse:
    """Every child's record in the caseload template (issue 10 item 5), audited as a download of children's data."""
    audit_event_record(acting_user=request.user, action=AuditAction.DOWNLOAD, request=request,
                       what="The whole caseload, exported in the caseload template")
    response = HttpResponse(caseload_export_zip(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="caseload-{timezone.localdate().isoformat()}.zip"'
    return response
