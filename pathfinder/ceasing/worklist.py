"""Ceasing steps on the caseworker's worklist (see core.worklist).

Reg 31 sets no time limit for consulting or deciding, so those items are due from the day the step became
possible and never shown as overdue; a decided cessation shows the day the plan will cease if no appeal comes
(the last day to appeal, HESC Rules r.20(1)(c)). Only the caseworker's own cases: the plan's assessment is
theirs, or they proposed the cessation.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.urls import reverse

from pathfinder.ceasing.models import OPEN_STATUSES, Cessation
from pathfinder.ceasing.models import CessationStatus as S
from pathfinder.core.worklist import WorklistItem, register_worklist_provider

REG_31 = "SEND Regulations 2014, reg 31"
REG_31_URL = "https://www.legislation.gov.uk/uksi/2014/1530/regulation/31"


def _item(cessation: Cessation, today: date) -> WorklistItem:
    plan = cessation.plan
    url = reverse("ceasing:plan", kwargs={"child_id": plan.child_id, "plan_id": plan.pk})
    common = {"child": plan.child, "url": url, "today": today, "reason_url": REG_31_URL,
              "sort_key": (plan.child.legal_last_name, cessation.pk)}
    if cessation.status == S.PROPOSED:
        return WorklistItem(title="Consult the family and the school or college about ceasing the plan",
                            due=cessation.proposed_on, reason=REG_31, overdue=False, **common)
    if cessation.status == S.CONSULTING:
        consulted = max(d for d in (cessation.family_consulted_on, cessation.head_consulted_on) if d)
        return WorklistItem(title="Decide whether to cease the plan and send the notice", due=consulted,
                            reason=REG_31, overdue=False, notes=(cessation.get_reason_display(),), **common)
    if cessation.appeal_lodged_on is not None:
        return WorklistItem(title="Record the Tribunal's decision on the appeal against ceasing the plan",
                            due=cessation.appeal_lodged_on, reason="SEND Regulations 2014, reg 44(2)(a)",
                            overdue=False, notes=("The plan stays in force until the Tribunal decides.",), **common)
    common["reason_url"] = "https://www.legislation.gov.uk/uksi/2008/2699/rule/20"
    return WorklistItem(title="The plan will cease when the appeal period ends, unless an appeal is recorded",
                        due=cessation.in_force_until, reason="Tribunal Procedure (HESC) Rules 2008, r.20(1)(c)",
                        overdue=False, **common)


@register_worklist_provider
def cessation_steps(user, today: date) -> list[WorklistItem]:
    """Every cessation under way on the user's own cases."""
    rows = (Cessation.objects.filter(status__in=OPEN_STATUSES)
            .filter(Q(plan__assessment__caseworker=user) | Q(created_by=user))
            .select_related("plan__child").order_by("pk"))
    return [_item(row, today) for row in rows]
