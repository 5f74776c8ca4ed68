"""The caseworker's link from the child's record to the child's disagreements (people owns the record page)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.people.child_pages import RecordLink


def disagreement_links(request: HttpRequest, child) -> list[RecordLink]:
    if getattr(request.user, "role", None) not in CASE_STAFF:
        return []
    return [RecordLink(text="Disagreements", url=reverse("disagreements:child", kwargs={"child_id": child.pk}),
                       hint="Decisions the family may appeal, mediation and complaints to the Ombudsman")]
