"""The EHC needs assessment workflow: the one place its status changes.

    requested ──decide_to_assess──▶ assessing ──decide_to_issue──▶ decided_to_issue  (the plan takes over:
        │                             │                                │             plans/workflow.py)
        └──refuse──▶ refused          └──decide_not_to_issue──▶ not_issuing
    requested, assessing, decided_to_issue (no final plan yet) ──withdraw──▶ withdrawn

An assessment ends at the council's decision. Its 20-week clock still runs until the final plan is issued
(reg 13(2)): the plan's own workflow stamps `draft_served_on` and `final_issued_on` on the assessment.

Each move checks it is allowed from the current status, that the dates make sense against the law
(statutory.validate_assessment_facts), and that nobody else saved the case meanwhile; then it stamps the date,
bumps the version and writes the audit event, all in one transaction (pathfinder.core.workflow).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

import statutory
from pathfinder.assessments import messages
from pathfinder.assessments.constants import AssessmentStatus as S
from pathfinder.assessments.facts import assessment_facts
from pathfinder.assessments.family_messages import family_tell
from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.core.workflow import Move, Workflow
from pathfinder.people.decisions import appealable_decision_made


def _record(*, acting_user, record: Assessment, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.child, obj=record, what=what)


WORKFLOW = Workflow(
    "assessment",
    (
        Move("decide_to_assess", "Decide to assess", (S.REQUESTED,), S.ASSESSING),
        Move("refuse", "Refuse to assess", (S.REQUESTED,), S.REFUSED),
        Move("decide_to_issue", "Decide to issue a plan", (S.ASSESSING,), S.DECIDED_TO_ISSUE),
        Move("decide_not_to_issue", "Decide not to issue a plan", (S.ASSESSING,), S.NOT_ISSUING),
        Move("withdraw", "Record that the request was withdrawn",
             (S.REQUESTED, S.ASSESSING, S.DECIDED_TO_ISSUE), S.WITHDRAWN),
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
    "withdraw": {"withdrawn_on": "withdrawn_on"},
}
_FACT_NAMES = {"decided_to_assess": "decided_to_assess", "decided_to_issue": "decided_to_issue"}


# What else ends when a request is withdrawn, in the same transaction: later domains (the plan being written)
# add a function here from their AppConfig.ready(), so this module need not know them. Each takes the
# withdrawn assessment and the acting user, and records nothing of its own (the withdrawal is the one act).
WITHDRAWAL_FOLLOW_UPS: list = []


def allowed_moves(assessment: Assessment) -> list[Move]:
    """The moves open now. Once the final plan is issued the request can no longer be withdrawn."""
    return [m for m in WORKFLOW.allowed(assessment) if not (m.action == "withdraw" and assessment.final_issued_on)]


def assessment_transition(
    *,
    assessment: Assessment,
    action: str,
    acting_user,
    on: date,
    expected_version: int,
    reasons: str = "",
    too_soon: bool = False,
) -> Assessment:
    """Make one move in the workflow, or raise ServiceError and change nothing.

    ``too_soon`` refuses a request for a re-assessment because it came within the reg 24(2) window after the
    last assessment: allowed only inside that window, and then the reasons may be left to the law's own words.
    A decision to re-assess fixes the final plan's due date from the decision (reg 27(2)).
    """
    if action not in WORKFLOW:
        raise ServiceError(f"Unknown action: {action}")
    if on > timezone.localdate():
        raise ServiceError("The date cannot be in the future", field="on")
    move = WORKFLOW[action]

    def check(current: Assessment) -> None:
        if action == "withdraw" and current.final_issued_on:
            raise ServiceError("The final plan has been issued, so the request can no longer be withdrawn.")
        if too_soon:
            _check_too_soon(current, action)
        if action in ("refuse", "decide_not_to_issue") and not reasons.strip() and not too_soon:
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
            current.refusal_reasons = reasons.strip() or (_too_soon_reasons(current) if too_soon else "")
        if action == "decide_to_assess" and current.kind == "reassessment":
            current.final_plan_due_on = statutory.rule_in_force("reassessment_final", on).due_from(on)
        if action == "decide_not_to_issue":
            current.not_issue_reasons = reasons.strip()

    with transaction.atomic():
        current = WORKFLOW.transition(
            assessment, action, acting_user=acting_user, expected_version=expected_version,
            check=check, apply=apply, what=f"{move.label} ({on:%d %B %Y})",
        )
        if action == "withdraw":
            for follow_up in WITHDRAWAL_FOLLOW_UPS:
                follow_up(current, acting_user)
        _decision_record(current, action, on, acting_user)
        _tell_family(current, action, on)
    return current


# The refusals the family may appeal (CFA 2014 s.51(2)(a) and (b)): (kind, summary) by action and assessment kind.
_APPEALABLE = {
    ("refuse", "initial"): ("not_to_assess", "Decided not to carry out an EHC needs assessment"),
    ("refuse", "reassessment"): ("not_to_reassess", "Decided not to carry out a re-assessment"),
    ("decide_not_to_issue", "initial"): ("not_to_issue", "Decided not to issue an EHC plan after the assessment"),
    ("decide_not_to_issue", "reassessment"): ("not_to_issue", "Decided not to issue an EHC plan after the assessment"),
}


def _decision_record(assessment: Assessment, action: str, on: date, acting_user) -> None:
    """A refusal the family may appeal is recorded with its notice, in the same transaction (people.decisions)."""
    appealable = _APPEALABLE.get((action, assessment.kind))
    if appealable is not None:
        appealable_decision_made(child=assessment.child, kind=appealable[0], decided_on=on, notice_sent=on,
                                 source_type="assessments.assessment", source_id=assessment.pk,
                                 summary=appealable[1], acting_user=acting_user)


def _check_too_soon(current: Assessment, action: str) -> None:
    """Reg 24(2): only a request for a re-assessment, only a refusal, only within the window."""
    if action != "refuse" or current.kind != "reassessment":
        raise ServiceError("Only a refusal of a request for a re-assessment can give 'too soon' as its reason")
    if not statutory.may_refuse_as_too_soon(current.received_on, current.last_assessment_on):
        window = statutory.rule_in_force("reassessment_refusal_window", current.received_on)
        raise ServiceError(
            f"The request came more than {window.duration_text} after the last assessment, so it cannot be refused "
            f"as too soon ({window.citation}). Give the reasons for refusing.", field="reasons",
        )


def _too_soon_reasons(current: Assessment) -> str:
    window = statutory.rule_in_force("reassessment_refusal_window", current.received_on)
    last = current.last_assessment_on
    return (
        f"The request came within {window.duration_text} of the last EHC needs assessment"
        + (f" (which ended on {last.day} {last:%B %Y})" if last else "")
        + f", and we do not think a further assessment is necessary now ({window.citation})."
    )


def _tell_family(assessment: Assessment, action: str, on: date) -> None:
    """The family hears of the decision to assess or not (sent once the decision is saved)."""
    from pathfinder.assessments.services import statutory_due_dates  # services imports this module's neighbours

    if assessment.kind == "reassessment" and action in ("decide_to_assess", "refuse"):
        if action == "decide_to_assess":
            family_tell(child=assessment.child, kind=messages.DECIDED_TO_REASSESS.key, on=on,
                        values={"due_on": assessment.final_plan_due_on})
        else:
            family_tell(child=assessment.child, kind=messages.REASSESSMENT_REFUSED.key, on=on, values={})
        return
    if action == "decide_to_assess":
        family_tell(child=assessment.child, kind=messages.DECIDED_TO_ASSESS.key, on=on,
                    values={"decide_by": assessment.not_issue_due_on
                            or statutory_due_dates(assessment.received_on)["not_issue_due_on"]})
    elif action == "refuse":
        family_tell(child=assessment.child, kind=messages.REFUSED.key, on=on, values={})
