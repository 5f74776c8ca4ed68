"""How an imported plan ended and where it came from: the plans.csv columns cease_reason and transferred_from_la
(SEN2 CeaseReason and TransferLA), kept as the records Pathfinder's own workflows would have left, a ceased
Cessation and a TransferIn, so the SEN2 return and the caseload export read them back the same way.

Why records and not two plan fields: the return reads why a plan ended from its cessation, and where it came from
from its transfer, whoever made them. The imported ones are history (nothing is due on them): the cessation is
ceased, the transfer's notice counted as sent. A plan that already has one keeps it (an import never rewrites
what happened).
"""

from __future__ import annotations

from datetime import date

import statutory
from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.plans.models import PlanStatus
from pathfinder.transfers.models import TransferIn, TransferInStatus

IMPORTED_GROUND = "Recorded by the caseload import (the legacy system's ceasing reason)"


class PlanHistory:
    """Collects the cessations and transfers in of the plans written, then writes the missing ones at the end."""

    def __init__(self, acting_user) -> None:
        self.user = acting_user if getattr(acting_user, "is_authenticated", False) else None
        self.cessations: dict[int, Cessation] = {}
        self.transfers: dict[int, TransferIn] = {}

    def plan(self, plan_id: int, child_id: int | None, values: dict) -> None:
        ended: date | None = values.get("ended_on")
        if values.get("cease_reason") and values["status"] == PlanStatus.CEASED and ended:
            self.cessations[plan_id] = Cessation(
                plan_id=plan_id, reason=values["cease_reason"], legal_ground=IMPORTED_GROUND, proposed_on=ended,
                decided_on=ended, ceases_on=ended, status=CessationStatus.CEASED, created_by=self.user)
        came_on: date | None = values.get("transferred_in_on")
        if values.get("transferred_from_la") and came_on and child_id is not None:
            notice = statutory.rule_in_force("transfer_in_notice", came_on)
            self.transfers[plan_id] = TransferIn(
                child_id=child_id, plan_id=plan_id, from_la_code=values["transferred_from_la"],
                from_la_name=f"Council {values['transferred_from_la']}", transferred_on=came_on,
                notice_due_on=notice.due_from(came_on), status=TransferInStatus.NOTICE_SENT, imported_by=self.user)

    def write(self) -> None:
        have = set(Cessation.objects.filter(plan_id__in=list(self.cessations), status=CessationStatus.CEASED)
                   .values_list("plan_id", flat=True))
        Cessation.objects.bulk_create([c for pk, c in self.cessations.items() if pk not in have], batch_size=500)
        have = set(TransferIn.objects.filter(plan_id__in=list(self.transfers)).values_list("plan_id", flat=True))
        TransferIn.objects.bulk_create([t for pk, t in self.transfers.items() if pk not in have], batch_size=500)


def plan_history_cells() -> tuple[dict[int, str], dict[int, str]]:
    """For the export: plan id -> cease_reason, plan id -> transferred_from_la."""
    reasons = dict(Cessation.objects.filter(status=CessationStatus.CEASED).values_list("plan_id", "reason"))
    came_from = dict(TransferIn.objects.values_list("plan_id", "from_la_code"))
    return reasons, came_from
