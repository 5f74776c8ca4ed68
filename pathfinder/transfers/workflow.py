"""The two workflows of a move between councils: the one place their statuses change.

Sending (we are the old council, reg 15(2))::

    to_send ──send──▶ sent          (the bundle is made; the plan moves final ──transfer_out──▶ transferred)
       └────withdraw──▶ withdrawn   (the family is not moving after all; the plan stays ours)

Receiving (we are the new council, reg 15(4))::

    notice_due ──send_notice──▶ notice_sent   (the family is told whether we will assess and when we will review)

The plan itself changes status only in plans.workflow (its ``transfer_out`` move); a plan transferred in is
created final by the import (transfers.importing), which is a new record, not a move.
"""

from __future__ import annotations

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.workflow import Move, Workflow
from pathfinder.transfers.models import TransferInStatus, TransferOutStatus

STALE_MESSAGE = (
    "Someone else saved this move while you were looking at it, so nothing was saved. "
    "Check the page as it is now, then try again."
)


def _record(*, acting_user, record, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.child, obj=record, what=what)


OUT = Workflow(
    "transfer_out",
    (
        Move("send", "Send the plan to the new council", (TransferOutStatus.TO_SEND,), TransferOutStatus.SENT),
        Move("withdraw", "The family is not moving after all", (TransferOutStatus.TO_SEND,),
             TransferOutStatus.WITHDRAWN),
    ),
    record=_record,
    stale_message=STALE_MESSAGE,
    noun="the move",
)

IN = Workflow(
    "transfer_in",
    (Move("send_notice", "Tell the family what we will do", (TransferInStatus.NOTICE_DUE,),
          TransferInStatus.NOTICE_SENT),),
    record=_record,
    stale_message=STALE_MESSAGE,
    noun="the transferred plan",
)
