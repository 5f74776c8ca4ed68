"""The return's mediation and tribunal items (``RequestMediation``/``RequestTribunal`` on the request,
``AssessmentMediation``/``AssessmentTribunal``/``OtherMediation``/``OtherTribunal`` on the assessment), read from
the appealable decisions (pathfinder.disagreements) with the day mediation was held and the day the Tribunal
registered an appeal (pathfinder.tribunal). Which item a decision counts under is the law's reading, in
``statutory.sen2_disagreements``; this module only finds, for each disputed decision, the request it belongs to.

Set-based: one query reads every decision that went to mediation or appeal by the census day (a small share of a
council's decisions), and at most two more find the plans of the reviews and cessations among them. No query per
request. A decision belongs to a request by its source: an assessment decision to that request; a plan's to the
request the plan (first made) came from; a review's or a cessation's through its plan; anything else (a refused
re-assessment) to the child's request whose plan is in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Min, Q

from pathfinder.ceasing.models import Cessation
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.reviews.models import Review
from statutory.sen2_disagreements import Sen2Disagreement

ASSESSMENT, PLAN, REVIEW, CESSATION = ("assessments.assessment", "plans.plan", "reviews.review",
                                       "ceasing.cessation")


@dataclass(frozen=True)
class DisputedDecision:
    """One decision taken to mediation or appeal, with where it came from (an assessment or a plan id)."""

    child_id: int
    assessment_id: int | None
    plan_id: int | None
    disagreement: Sen2Disagreement


def disputed_decisions(census: date, child_ids=None) -> list[DisputedDecision]:
    """Every appealable decision with mediation held or an appeal registered on or before ``census``."""
    held = Q(mediation__mediation_held__lte=census)
    appealed = Q(appeals__registered_on__lte=census)
    rows = AppealableDecision.objects.filter(held | appealed)
    if child_ids is not None:
        rows = rows.filter(child_id__in=child_ids)
    found = list(rows.values("pk").annotate(
        held=Min("mediation__mediation_held", filter=held), appealed=Min("appeals__registered_on", filter=appealed),
    ).values_list("child_id", "kind", "source_type", "source_id", "held", "appealed").order_by("pk"))
    plan_of = {REVIEW: {}, CESSATION: {}}
    for source, model in ((REVIEW, Review), (CESSATION, Cessation)):
        ids = [int(r[3]) for r in found if r[2] == source]
        if ids:
            plan_of[source] = {str(pk): plan_id for pk, plan_id in
                               model.objects.filter(pk__in=ids).values_list("pk", "plan_id")}
    out = []
    for child_id, kind, source_type, source_id, held_on, appealed_on in found:
        assessment_id = int(source_id) if source_type == ASSESSMENT else None
        plan_id = int(source_id) if source_type == PLAN else plan_of.get(source_type, {}).get(source_id)
        out.append(DisputedDecision(child_id, assessment_id, plan_id,
                                    Sen2Disagreement(kind=kind, mediation_held=held_on, appeal_registered=appealed_on)))
    return out
