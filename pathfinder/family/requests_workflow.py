"""What happens to a request a family sends from the public site (an account, or an assessment asked for online):
it waits until a caseworker matches it to a child or refuses it with a reason. One table, through the one
workflow helper (core.workflow: locked, version-checked, audited in one transaction)::

    waiting --match--> done        (an account request matched to a family member; an online request made a case)
    waiting --refuse--> refused    (with the reason, kept)

The services that make each move (family.account_requests, family.online_requests) say what else happens in the
same transaction: the invitation link, the new case.
"""

from __future__ import annotations

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.workflow import Move, Workflow
from pathfinder.family.models import RequestStatus as S

STALE_MESSAGE = ("Someone else dealt with this request while you were looking at it, so nothing was changed. "
                 "Go back to the list of requests to see where it stands.")


def _child_of(record):
    """The child a request now belongs to, if any: named in the audit event only once it is matched."""
    member = getattr(record, "family_member", None)
    return member.child if member is not None else getattr(record, "child", None)


def _record(*, acting_user, record, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=_child_of(record), obj=record,
                       what=what)


WORKFLOW = Workflow(
    "family request",
    (
        Move("match", "Match the request to a child", (S.WAITING,), S.DONE),
        Move("refuse", "Refuse the request", (S.WAITING,), S.REFUSED),
    ),
    record=_record,
    stale_message=STALE_MESSAGE,
    noun="the request",
)
