"""Personal budgets: the tables of moves for a request, a RAS version and a direct payment. The services that
make each move live in requests.py, ras.py and direct_payments.py; this module is only the tables, so that every
part of the domain changes status through the same guarded, versioned, audited helper (core.workflow).

A request for a personal budget (CFA s.49; PB Regs regs 4, 7 and 8):

    requested ──work_out──▶ indicative ──agree──▶ agreed            (section J written from the agreed lines)
        │  ▲                    │  │                  └──send_notice──▶ agreed     (reg 8: the notice, sent once)
        │  └─────reopen─────────┘  │                                 (a new RAS answer or a changed line)
        ├──────────refuse──────────┴──▶ refused ──reconsider──▶ requested   (reg 7: written reasons, a review)
        │                                  └──refusal_stands──▶ refused      (reg 7: reviewed, the refusal kept)
        └──────────withdraw────────────▶ withdrawn                          (the family no longer wants one)

send_notice and refusal_stands keep the status: they are moves (not plain edits) so that they are locked,
version-checked, allowed only from their status and audited like every other step of the request.

A version of the resource allocation system:

    draft ──publish──▶ published ──retire──▶ retired   (a later version of the stream took effect)

A direct payment (PB Regs regs 5 to 11):

    proposed ──send_agreement──▶ agreement_sent ──sign──▶ active ──stop──▶ stopped
        │                            │                       └──review──▶ active   (monitoring, regs 9 to 11)
        └──refuse──▶ refused ◀───────┘
"""

from __future__ import annotations

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets.models import BudgetRequest
from pathfinder.budgets.models import RequestStatus as R
from pathfinder.budgets.models_money import DirectPayment
from pathfinder.budgets.models_money import DirectPaymentStatus as D
from pathfinder.budgets.models_ras import RasStatus
from pathfinder.core.workflow import Move, Workflow

STALE_MESSAGE = (
    "Someone else changed this personal budget while you were working on it, so your change was not saved. "
    "Check it as it is now, then try again."
)


def _record_request(*, acting_user, record: BudgetRequest, move: Move, what: str) -> None:
    audit_event_record(
        acting_user=acting_user,
        action=AuditAction.UPDATE,
        child=record.child,
        obj=record,
        what=f"personal budget: {what}",
    )


def _record_direct_payment(*, acting_user, record: DirectPayment, move: Move, what: str) -> None:
    audit_event_record(
        acting_user=acting_user,
        action=AuditAction.UPDATE,
        child=record.request.child,
        obj=record,
        what=f"direct payment: {what}",
    )


def _record_ras(*, acting_user, record, move: Move, what: str) -> None:
    audit_event_record(
        acting_user=acting_user,
        action=AuditAction.UPDATE,
        child=None,
        obj=record,
        what=f"resource allocation system: {what}",
    )


REQUEST_WORKFLOW = Workflow(
    "budget_request",
    (
        Move("work_out", "Work out the indicative budget", (R.REQUESTED, R.INDICATIVE), R.INDICATIVE),
        Move("reopen", "Change the budget", (R.INDICATIVE,), R.REQUESTED),
        Move("agree", "Agree the personal budget", (R.INDICATIVE,), R.AGREED),
        Move("refuse", "Refuse the personal budget", (R.REQUESTED, R.INDICATIVE), R.REFUSED),
        Move("send_notice", "Send the notice of the agreed provision and amount", (R.AGREED,), R.AGREED),
        Move("reconsider", "Reconsider the refusal", (R.REFUSED,), R.REQUESTED),
        Move("refusal_stands", "Record that the refusal stands", (R.REFUSED,), R.REFUSED),
        Move("withdraw", "Withdraw the request", (R.REQUESTED, R.INDICATIVE), R.WITHDRAWN),
    ),
    record=_record_request,
    stale_message=STALE_MESSAGE,
    noun="the request for a personal budget",
)

RAS_WORKFLOW = Workflow(
    "allocation_system",
    (
        Move("publish", "Publish this version", (RasStatus.DRAFT,), RasStatus.PUBLISHED),
        Move("retire", "Retire this version", (RasStatus.PUBLISHED,), RasStatus.RETIRED),
    ),
    record=_record_ras,
    stale_message=STALE_MESSAGE,
    noun="this version of the resource allocation system",
)

DIRECT_PAYMENT_WORKFLOW = Workflow(
    "direct_payment",
    (
        Move("send_agreement", "Send the agreement to sign", (D.PROPOSED,), D.AGREEMENT_SENT),
        Move("sign", "Record the signed agreement", (D.AGREEMENT_SENT,), D.ACTIVE),
        Move("review", "Record a review of the direct payment", (D.ACTIVE,), D.ACTIVE),
        Move("refuse", "Refuse the direct payment", (D.PROPOSED, D.AGREEMENT_SENT), D.REFUSED),
        Move("stop", "Stop the direct payment", (D.ACTIVE,), D.STOPPED),
    ),
    record=_record_direct_payment,
    stale_message=STALE_MESSAGE,
    noun="the direct payment",
)
