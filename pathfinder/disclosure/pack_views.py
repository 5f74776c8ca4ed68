"""A child's subject access pack: a page saying what it holds, then the pack as PDF or JSON (each download audited).

Case staff only (the child's team and managers): a request from a family is answered by the council, which checks
who is asking and whether a young person's consent is needed before it sends the pack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.access import for_roles
from pathfinder.disclosure.forms import RequestReceivedForm
from pathfinder.disclosure.models import SubjectAccessRequest
from pathfinder.disclosure.pack import subject_access_pack
from pathfinder.disclosure.pack_files import SECTIONS, pack_json, pack_pdf
from pathfinder.disclosure.subject_access import WORKFLOW, sar_clock
from pathfinder.people.access import child_view


@dataclass(frozen=True)
class RequestShown:
    """One request as the page shows it: its clock, whether it is late, and what can be done next."""

    sar: SubjectAccessRequest
    clock: statutory.SubjectAccessClock
    overdue: bool
    can_extend: bool
    can_answer: bool


def _requests(child, today: date) -> list[RequestShown]:
    shown = []
    for sar in child.subject_access_requests.order_by("-received_on", "-pk"):
        clock = sar_clock(sar)
        shown.append(RequestShown(sar, clock, sar.is_open and clock.due_on < today,
                                  WORKFLOW.can(sar, "extend") and statutory.subject_access_may_extend(clock, today),
                                  WORKFLOW.can(sar, "answer")))
    return shown


@for_roles(*CASE_STAFF)
@child_view("subject access pack (what it contains)")
def subject_access(request: HttpRequest, child) -> HttpResponse:
    """What the pack holds; with the day the request arrived, the last day to answer it."""
    chosen = "received_on-day" in request.GET
    form = RequestReceivedForm(request.GET if chosen else None)
    due = None
    if chosen and form.is_valid():
        if form.cleaned_data["received_on"] > timezone.localdate():
            form.add_error("received_on", "The date the request arrived must be today or in the past")
        else:
            due = statutory.subject_access_due(form.cleaned_data["received_on"])
    return render(request, "disclosure/subject_access.html", {
        "child": child, "sections": SECTIONS, "form": form, "due": due,
        "received_on": form.cleaned_data.get("received_on") if due else None,
        "rule": statutory.rule_in_force("subject_access_response", timezone.localdate()),
        "rights": child.decision_maker(timezone.localdate()),
        "requests": _requests(child, timezone.localdate()),
        "extension_rule": statutory.rule_in_force("subject_access_extension", timezone.localdate()),
        "page_title": f"Subject access pack: {child.full_name}",
    })


@for_roles(*CASE_STAFF)
@child_view("subject access pack (download)")
def subject_access_download(request: HttpRequest, child, file_kind: str) -> HttpResponse:
    if file_kind not in ("pdf", "json"):
        raise Http404("No such file")
    return pack_response(request, child, file_kind)


def pack_response(request: HttpRequest, child, file_kind: str) -> HttpResponse:
    """The pack as a file to download, its production audited on the child's record."""
    pack = subject_access_pack(child, produced_by=request.user)
    if file_kind == "pdf":
        content, content_type = pack_pdf(pack, child.legal_name), "application/pdf"
    else:
        content, content_type = pack_json(pack), "application/json; charset=utf-8"
    audit_event_record(acting_user=request.user, action=AuditAction.DOWNLOAD, child=child, request=request,
                       what=f"subject access pack ({file_kind.upper()})")
    response = HttpResponse(content, content_type=content_type)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="subject-access-{child.pk}-{stamp}.{file_kind}"'
    response["Cache-Control"] = "no-store"
    return response
