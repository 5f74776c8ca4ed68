"""Requests from families waiting for a caseworker, on the caseworker's worklist (see pathfinder.core.worklist).

There is no child's record yet (that is what the caseworker does: match it), so the item names the child as the
family wrote it, "(not yet matched)", and nothing is audited as a read of a record. Every caseworker sees them:
a request is not anyone's case until it is matched.

- An online request for an assessment is due on the day it counts as received: the 6-week clock is already
  running (reg 5(1)), and the note says by when the council must decide.
- A request for an account is due the day it was sent: nobody can sign in until it is checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.core.worklist import WorklistItem, register_worklist_provider
from pathfinder.family.account_requests import account_requests_waiting
from pathfinder.family.online_requests import online_requests_waiting


@dataclass(frozen=True)
class Unmatched:
    """Stands where the child's record will be: the name as the family wrote it. No pk, so nothing is audited
    as a read of a record (audit.services.audit_reads skips it): there is no record yet."""

    full_name: str
    pk: None = None


@register_worklist_provider
def family_requests(user, today: date) -> Iterator[WorklistItem]:
    if getattr(user, "role", "") != Role.CASEWORKER:
        return
    for online in online_requests_waiting()[:50]:
        yield WorklistItem(
            child=Unmatched(online.full_name), title="Match an online request for an assessment to a child's record",
            due=online.received_on, today=today, overdue=False,
            url=reverse("family:online-request-check", kwargs={"request_id": online.pk}),
            reason="Children and Families Act 2014, s.36(1): the request was received; the clock is running",
            notes=(f"Reference {online.reference}. We must decide whether to assess by "
                   f"{online.decision_due_on.day} {online.decision_due_on:%B %Y}.",),
            sort_key=(online.child_last_name, online.pk),
        )
    for request in account_requests_waiting()[:50]:
        sent = timezone.localdate(request.submitted_at)
        yield WorklistItem(
            child=Unmatched(request.full_name), title=f"Check a request for a Pathfinder account from {request.name}",
            due=sent, today=today, overdue=False,
            url=reverse("family:account-request-check", kwargs={"request_id": request.pk}),
            reason="Nobody can sign in until a caseworker has checked who they are",
            sort_key=(request.child_last_name, request.pk),
        )
