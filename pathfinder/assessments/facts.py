"""Turn an assessment's records into the statutory package's plain facts, and back into a timeline."""

from __future__ import annotations

from datetime import date

import statutory
from pathfinder.assessments.models import Assessment
from pathfinder.core.calendar import council_calendar

ADVICE_SHORT_NAMES = {
    "a": "the family's views", "b": "educational advice", "c": "medical advice", "d": "psychological advice",
    "e": "social care advice", "f": "other advice", "g": "preparing for adulthood", "h": "advice the family asked for",
}


def _exception_records(assessment: Assessment) -> tuple[statutory.ExceptionRecord, ...]:
    return tuple(
        statutory.ExceptionRecord(
            code=e.code,
            period_start=e.period_start,
            period_end=e.period_end,
            causal_note=e.causal_note,
            applies_to=frozenset([e.applies_to]) if e.applies_to else frozenset(),
        )
        for e in assessment.exceptions.all()
    )


def _advice_facts(assessment: Assessment) -> tuple[statutory.AdviceRequestFacts, ...]:
    facts = []
    for advice in assessment.advice_requests.all():
        if advice.reused_existing or advice.requested_on is None:
            continue  # reg 6(4): reused advice is not sought again, so it has no clock
        exceptions: tuple[statutory.ExceptionRecord, ...] = ()
        if advice.exception_code and advice.exception_start and advice.exception_end:
            exceptions = (
                statutory.ExceptionRecord(
                    code=advice.exception_code,
                    period_start=advice.exception_start,
                    period_end=advice.exception_end,
                    causal_note=advice.exception_note,
                ),
            )
        facts.append(
            statutory.AdviceRequestFacts(
                key=str(advice.pk),
                requested_on=advice.requested_on,
                received_on=advice.received_on,
                exceptions=exceptions,
                adviser=f"{advice.adviser_name} ({ADVICE_SHORT_NAMES.get(advice.kind, 'advice')})",
                kind=advice.kind,
            )
        )
    return tuple(facts)


def _consultation_facts(assessment: Assessment) -> tuple[statutory.ConsultationFacts, ...]:
    plan = getattr(assessment, "plan", None)
    if plan is None:
        return ()
    return tuple(
        statutory.ConsultationFacts(
            key=str(c.pk), sent_on=c.sent_on, responded_on=c.responded_on, institution=c.institution_name
        )
        for c in plan.consultations.all()
    )


def assessment_facts(assessment: Assessment, **changes: object) -> statutory.AssessmentFacts:
    """The facts as recorded, with optional proposed changes (to check them before saving)."""
    values = {
        "request_received": assessment.received_on,
        "decision_to_assess": assessment.decision_to_assess_on,
        "decided_to_assess": assessment.decided_to_assess,
        "decision_to_issue": assessment.decision_to_issue_on,
        "decided_to_issue": assessment.decided_to_issue,
        "draft_plan_served": assessment.draft_served_on,
        "final_plan_issued": assessment.final_issued_on,
        "withdrawn_on": assessment.withdrawn_on,
    }
    if assessment.pk:
        values["exceptions"] = _exception_records(assessment)
        values["advice_requests"] = _advice_facts(assessment)
        values["consultations"] = _consultation_facts(assessment)
    values.update(changes)
    return statutory.AssessmentFacts(**values)


def assessment_timeline_for(assessment: Assessment, *, today: date) -> statutory.Timeline:
    return statutory.assessment_timeline(
        assessment_facts(assessment), today=today, calendar=council_calendar(), kind=assessment.kind
    )
