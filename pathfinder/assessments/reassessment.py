"""Recording a request for a re-assessment of a child who already has an EHC plan (SEND Regulations 2014 reg 24).

A re-assessment is an Assessment of its own (``kind="reassessment"``): the same pages, advice and plan drafting,
on its own clocks (statutory.reassessment): the decision within the reg 25(1) period of the request, the new plan
within the reg 27(2) period of the decision to re-assess. When its plan is issued it replaces the child's final
plan (plans.workflow.plan_final_issue). The council may refuse as too soon a request made within the reg 24(2)
window after the last assessment (transitions.assessment_transition, ``too_soon``).

Assessments sit below plans, so they cannot ask whether the child has a final plan themselves: the plans app
registers the question in FINAL_PLAN_CHECKS from its AppConfig.ready() (as it does WITHDRAWAL_FOLLOW_UPS).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pathfinder.assessments.models import Assessment
from pathfinder.assessments.services import assessment_request_create
from pathfinder.core.errors import ServiceError

#: Each takes a child and says whether it has a final EHC plan in force (registered by plans).
FINAL_PLAN_CHECKS: list[Callable[[Any], bool]] = []


def child_has_final_plan(child: Any) -> bool:
    return any(check(child) for check in FINAL_PLAN_CHECKS)


def last_assessment_ended_on(child: Any) -> date | None:
    """When the child's last EHC needs assessment ended: the latest decision whether to issue a plan after
    assessing (reg 24(2) counts its window from the last assessment)."""
    found = (
        Assessment.objects.filter(child=child, decided_to_assess=True, decision_to_issue_on__isnull=False)
        .order_by("-decision_to_issue_on")
        .values_list("decision_to_issue_on", flat=True)
        .first()
    )
    return found


def reassessment_request_create(
    *,
    acting_user,
    child,
    received_on: date,
    received_by: str,
    request_source: str,
    requester_name: str = "",
    request_summary: str = "",
    caseworker=None,
    arrived_after_hours: bool = False,
) -> Assessment:
    """Record a request for a re-assessment (reg 24(1)): only for a child with a final plan in force."""
    if not child_has_final_plan(child):
        raise ServiceError(
            "There is no final EHC plan for this child, so record a request for an EHC needs assessment instead."
        )
    return assessment_request_create(
        acting_user=acting_user, child=child, received_on=received_on, received_by=received_by,
        request_source=request_source, requester_name=requester_name, request_summary=request_summary,
        caseworker=caseworker, arrived_after_hours=arrived_after_hours, kind="reassessment",
        last_assessment_on=last_assessment_ended_on(child),
    )
