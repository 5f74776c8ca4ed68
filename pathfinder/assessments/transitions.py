"""The EHC needs assessment workflow: the one place its status changes.

    requested ──decide_to_assess──▶ assessing ──decide_to_issue──▶ drafting ──send_draft──▶ draft_sent
        │                             │                                                      │
        └──refuse──▶ refused          └──decide_not_to_issue──▶ not_issuing        issue_final ▼
                                                                                      final_issued
    any open status ──withdraw──▶ withdrawn

Each move checks it is allowed from the current status, that the dates make sense against the law
(statutory.validate_assessment_facts), and that nobody else saved the case meanwhile; then it stamps the date,
bumps the version and writes the audit event, all in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

import statutory
from pathfinder.assessments.constants import AssessmentStatus as S
from pathfinder.assessments.facts import assessment_facts
from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError, StaleEdit


@dataclass(frozen=True)
class Move:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str


MOVES: dict[str, Move] = {
    m.action: m
    for m in (
        Move("decide_to_assess", "Decide to assess", (S.REQUESTED,), S.ASSESSING),
        Move("refuse", "Refuse to assess", (S.REQUESTED,), S.REFUSED),
        Move("decide_to_issue", "Decide to issue a plan", (S.ASSESSING,), S.DRAFTING),
        Move("decide_not_to_issue", "Decide not to issue a plan", (S.ASSESSING,), S.NOT_ISSUING),
        Move("send_draft", "Send the draft plan", (S.DRAFTING,), S.DRAFT_SENT),
        Move("issue_final", "Issue the final plan", (S.DRAFT_SENT,), S.FINAL_ISSUED),
        Move("withdraw", "Record that the request was withdrawn",
             (S.REQUESTED, S.ASSESSING, S.DRAFTING, S.DRAFT_SENT), S.WITHDRAWN),
    )
}

# Which dates each move records: (model field, statutory facts field, value-for-decision field or None).
_RECORDS = {
    "decide_to_assess": {"decision_to_assess_on": "decision_to_assess", "decided_to_assess": True},
    "refuse": {"decision_to_assess_on": "decision_to_assess", "decided_to_assess": False},
    "decide_to_issue": {"decision_to_issue_on": "decision_to_issue", "decided_to_issue": True},
    "decide_not_to_issue": {"decision_to_issue_on": "decision_to_issue", "decided_to_issue": False},
    "send_draft": {"draft_served_on": "draft_plan_served"},
    "issue_final": {"final_issued_on": "final_plan_issued"},
    "withdraw": {"withdrawn_on": "withdrawn_on"},
}
_FACT_NAMES = {"decided_to_assess": "decided_to_assess", "decided_to_issue": "decided_to_issue"}


def allowed_moves(assessment: Assessment) -> list[Move]:
    return [m for m in MOVES.values() if assessment.status in m.sources]


def assessment_transition(
    *,
    assessment: Assessment,
    action: str,
    acting_user,
    on: date,
    expected_version: int,
    reasons: str = "",
) -> Assessment:
    """Make one move in the workflow, or raise ServiceError and change nothing."""
    move = MOVES.get(action)
    if move is None:
        raise ServiceError(f"Unknown action: {action}")
    if on > timezone.localdate():
        raise ServiceError("The date cannot be in the future", field="on")
    with transaction.atomic():
        current = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if current.version != expected_version:
            raise StaleEdit(
                "Someone else changed this case while you were working on it. "
                "Your change was not saved: check the case as it is now and try again."
            )
        if current.status not in move.sources:
            raise ServiceError(
                f"You cannot {move.label.lower()} now: the case is at “{current.get_status_display()}”."
            )
        if action in ("refuse", "decide_not_to_issue") and not reasons.strip():
            raise ServiceError("Give the reasons for the decision: the family must be told them", field="reasons")
        changes: dict[str, object] = {}
        for field, value in _RECORDS[action].items():
            if isinstance(value, bool):
                setattr(current, field, value)
                changes[_FACT_NAMES[field]] = value
            else:
                setattr(current, field, on)
                changes[value] = on
        problems = statutory.validate_assessment_facts(assessment_facts(current, **changes), today=timezone.localdate())
        if problems:
            raise ServiceError(problems[0], field="on")
        if action == "refuse":
            current.refusal_reasons = reasons.strip()
        if action == "decide_not_to_issue":
            current.not_issue_reasons = reasons.strip()
        current.status = move.target
        current.version += 1
        current._change_reason = move.label
        current.save()
        audit_event_record(
            acting_user=acting_user, action=AuditAction.UPDATE, child=current.child, obj=current,
            what=f"{move.label} ({on:%d %B %Y})",
        )
    return current
