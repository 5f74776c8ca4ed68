"""The SEN2 return for the council or for one caseworker's cases, and the audited download of its XML."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditAction, AuditEvent
from pathfinder.core.client_address import client_address
from pathfinder.sen2.build import return_build
from pathfinder.sen2.records import Sen2Return
from pathfinder.sen2.xml import xml_chunks


def council_return(census: date) -> Sen2Return:
    """The whole council's return for ``census``, with this council's LA code and designated officers."""
    return return_build(census, lea=settings.COUNCIL_LA_CODE, created_at=timezone.localtime(),
                        officers=settings.SEN2_DESIGNATED_OFFICERS)


def caseworker_cases(user) -> QuerySet:
    """The children whose requests the caseworker handles (or handled): their own cases for the worklist. A query,
    not a list: the return's queries read it as a subquery, so it costs no query of its own."""
    return Assessment.objects.filter(caseworker=user).values("child_id")


def caseworker_return(user, census: date) -> Sen2Return:
    return return_build(census, lea=settings.COUNCIL_LA_CODE, created_at=timezone.localtime(),
                        officers=settings.SEN2_DESIGNATED_OFFICERS, child_ids=caseworker_cases(user))


def return_download(request: HttpRequest, sen2_return: Sen2Return) -> Iterator[bytes]:
    """The XML, after recording that this user downloaded every person in it (one event per child, in bulk)."""
    user = request.user
    common = {"actor": user, "actor_role": getattr(user, "role", ""), "action": AuditAction.DOWNLOAD,
              "what": f"SEN2 return for {sen2_return.header.reference_date:%-d %B %Y} (XML)",
              "ip_address": client_address(request), "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
              "path": request.path[:300]}
    AuditEvent.objects.bulk_create([AuditEvent(child_id=person.child_id, **common)
                                    for person in sen2_return.persons], batch_size=2000)
    return xml_chunks(sen2_return)
