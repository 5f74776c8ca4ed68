"""The link from a child's record to their subject access pack, for case staff only."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from pathfinder.accounts.roles import CASE_ROLES
from pathfinder.people.child_pages import RecordLink


def subject_access_links(request, child) -> Iterator[RecordLink]:
    if getattr(request.user, "role", None) in CASE_ROLES:
        yield RecordLink(text="Subject access pack", url=reverse("disclosure:subject-access", args=[child.pk]),
                         hint="Everything held about this child, as a PDF and as JSON, for a subject access request")
