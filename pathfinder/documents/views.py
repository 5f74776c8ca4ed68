"""Downloading a document: the one way any file about a child leaves Pathfinder.

Every try is audited, allowed or not. Anyone not allowed gets 404 whether or not the document exists, so a
guessed address confirms nothing. A file still being checked, or refused, is never sent: the page says why.
"""

from __future__ import annotations

from uuid import UUID

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from pathfinder.accounts.roles import CASE_PARTICIPANTS
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.access import for_roles
from pathfinder.documents.access import document_allowed, document_find
from pathfinder.documents.models import DocumentStatus


@for_roles(*CASE_PARTICIPANTS)
def download(request: HttpRequest, public_id: UUID) -> HttpResponse:
    document = document_find(public_id)
    if document is None or not document_allowed(request.user, document):
        audit_event_record(acting_user=request.user, action=AuditAction.DENIED, request=request,
                           child=document.child if document else None, obj=document,
                           what="was refused a document")
        raise Http404("No such document for this user")
    if document.status != DocumentStatus.CLEAN:
        audit_event_record(acting_user=request.user, action=AuditAction.VIEW, request=request, child=document.child,
                           obj=document, what=f"tried to open a document not yet safe to open ({document.status})")
        return render(request, "documents/not_ready.html", {
            "page_title": "This file cannot be opened", "document": document,
        })
    audit_event_record(acting_user=request.user, action=AuditAction.DOWNLOAD, request=request, child=document.child,
                       obj=document, what=f"downloaded a document ({document.get_purpose_display().lower()})")
    response = FileResponse(document.open(), as_attachment=True, filename=document.download_name,
                            content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
