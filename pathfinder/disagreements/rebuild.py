"""Appealable decisions for rows written in bulk (the demo county, a caseload import), set-based and idempotent.

Rows made with ``bulk_create`` never pass through the deciding services, so nothing called the seam. This reads
each domain's decided rows with a few queries and adds the decisions not yet recorded; run twice, it adds nothing.
The kinds and sources are the ones the services record (``test_every_decision_recorded`` keeps them in step).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import F

from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.models import Assessment
from pathfinder.ceasing.models import Cessation
from pathfinder.disagreements.constants import APPEALABLE_SECTIONS, AppealableKind
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.plans.models import Plan, PlanKind
from pathfinder.reviews.models import Review, ReviewDecision

CONTENTS = list(APPEALABLE_SECTIONS)


def _assessments() -> Iterator[AppealableDecision]:
    refused = Assessment.objects.filter(status=AssessmentStatus.REFUSED, decision_to_assess_on__isnull=False)
    for pk, child_id, on, kind in refused.values_list("pk", "child_id", "decision_to_assess_on", "kind"):
        yield AppealableDecision(
            child_id=child_id, source_type="assessments.assessment", source_id=str(pk), decided_on=on, notice_sent=on,
            kind=AppealableKind.NOT_TO_REASSESS if kind == "reassessment" else AppealableKind.NOT_TO_ASSESS,
            summary="Decided not to carry out a re-assessment" if kind == "reassessment"
            else "Decided not to carry out an EHC needs assessment")
    not_issuing = Assessment.objects.filter(status=AssessmentStatus.NOT_ISSUING, decision_to_issue_on__isnull=False)
    for pk, child_id, on in not_issuing.values_list("pk", "child_id", "decision_to_issue_on"):
        yield AppealableDecision(child_id=child_id, source_type="assessments.assessment", source_id=str(pk),
                                 kind=AppealableKind.NOT_TO_ISSUE, decided_on=on, notice_sent=on,
                                 summary="Decided not to issue an EHC plan after the assessment")


def _plans() -> Iterator[AppealableDecision]:
    issued = Plan.objects.filter(kind__in=(PlanKind.NEW, PlanKind.AMENDMENT), issued_on__isnull=False)
    for pk, child_id, on, kind in issued.values_list("pk", "child_id", "issued_on", "kind"):
        amended = kind == PlanKind.AMENDMENT
        yield AppealableDecision(
            child_id=child_id, source_type="plans.plan", source_id=str(pk), decided_on=on, notice_sent=on,
            kind=AppealableKind.AMENDED_PLAN_CONTENTS if amended else AppealableKind.PLAN_CONTENTS, sections=CONTENTS,
            summary="Issued the amended EHC plan" if amended else "Issued the final EHC plan")
    not_amended = Plan.objects.filter(kind=PlanKind.AMENDMENT, not_amended_on__isnull=False,
                                      draft_sent_on__isnull=False)
    for pk, child_id, on in not_amended.values_list("pk", "child_id", "not_amended_on"):
        yield AppealableDecision(child_id=child_id, source_type="plans.plan", source_id=str(pk), decided_on=on,
                                 notice_sent=on, kind=AppealableKind.NOT_TO_AMEND,
                                 summary="Decided not to amend the EHC plan after proposing amendments")


def _reviews_and_cessations() -> Iterator[AppealableDecision]:
    kept = Review.objects.filter(decision=ReviewDecision.MAINTAIN, decided_on__isnull=False)
    for pk, child_id, on in kept.values_list("pk", F("plan__child_id"), "decided_on"):
        yield AppealableDecision(child_id=child_id, source_type="reviews.review", source_id=str(pk), decided_on=on,
                                 notice_sent=on, kind=AppealableKind.NOT_TO_AMEND,
                                 summary="Decided after the annual review to keep the EHC plan as it is")
    ceased = Cessation.objects.filter(decided_on__isnull=False)
    for pk, child_id, on in ceased.values_list("pk", F("plan__child_id"), "decided_on"):
        yield AppealableDecision(child_id=child_id, source_type="ceasing.cessation", source_id=str(pk),
                                 decided_on=on, notice_sent=on, kind=AppealableKind.TO_CEASE,
                                 summary="Decided to cease to maintain the EHC plan")


def _missing(rows: Iterable[AppealableDecision]) -> list[AppealableDecision]:
    rows = list(rows)
    known = set(AppealableDecision.objects.filter(source_type__in={r.source_type for r in rows})
                .values_list("source_type", "source_id", "kind"))
    return [r for r in rows if (r.source_type, r.source_id, r.kind) not in known]


def appealable_decisions_rebuild() -> int:
    """Add the decisions that bulk-written rows hold and nobody recorded; return how many were added."""
    missing = _missing([*_assessments(), *_plans(), *_reviews_and_cessations()])
    AppealableDecision.objects.bulk_create(missing, batch_size=500, ignore_conflicts=True)
    return len(missing)
