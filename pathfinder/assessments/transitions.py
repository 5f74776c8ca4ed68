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

from datetime import date

from django.utils import timezone

import statutory
from pathfinder.assessments.constants import AssessmentStatus as S
from pathfinder.assessments.facts import assessment_facts
from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.core.workflow import Move, Workflow


def _record(*, acting_user, record: Assessment, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.child, obj=record, what=what)


WORKFLOW = Workflow(
    "assessment",
    (
        Move("decide_to_assess", "Decide to assess", (S.REQUESTED,), S.ASSESSING),
        Move("refuse", "Refuse to assess", (S.REQUESTED,), S.REFUSED),
        Move("decide_to_issue", "Decide to issue a plan", (S.ASSESSING,), S.DRAFTING),
        Move("decide_not_to_issue", "Decide not to issue a plan", (S.ASSESSING,), S.NOT_ISSUING),
        Move("send_draft", "Send the draft plan", (S.DRAFTING,), S.DRAFT_SENT),
        Move("issue_final", "Issue the final plan", (S.DRAFT_SENT,), S.FINAL_ISSUED),
        Move("withdraw", "Record that the request was withdrawn",
             (S.REQUESTED, S.ASSESSING, S.DRAFTING, S.DRAFT_SENT), S.WITHDRAWN),
    ),
    record=_record,
    noun="the case",
    stale_message=(
        "Someone else changed this case while you were working on it. "
        "Your change was not saved: check the case as it is now and try again."
    ),
)
MOVES: dict[str, Move] = WORKFLOW.moves

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
    return WORKFLOW.allowed(assessment)


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
    if action not in WORKFLOW:
        raise ServiceError(f"Unknown action: {action}")
    if on > timezone.localdate():
        raise ServiceError("The date cannot be in the future", field="on")
    move = WORKFLOW[action]

    def check(current: Assessment) -> None:
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

    def apply(current: Assessment) -> None:
        if action == "refuse":
            current.refusal_reasons = reasons.strip()
        if action == "decide_not_to_issue":
            current.not_issue_reasons = reasons.strip()

    return WORKFLOW.transition(
        assessment, action, acting_user=acting_user, expected_version=expected_version,
        check=check, apply=apply, what=f"{move.label} ({on:%d %B %Y})",
    )
