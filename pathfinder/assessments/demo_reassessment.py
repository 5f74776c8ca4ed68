"""Demo rows for re-assessments (SEND Regulations 2014 regs 24-27): three children on the demo caseworker's team
who already have a final plan, at three stages: a request just in (the 15-day decision still open), a re-assessment
under way (the new plan due 14 weeks after the decision) and a request refused, with its notice and appeal rights.

Why through the services: three requests are cheap, and the services fix the due dates from statutory (so the
demo agrees with the law), tell the family and write the audit trail as a real case would.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import statutory
from pathfinder.assessments.constants import RequestSource
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.reassessment import child_has_final_plan, reassessment_request_create
from pathfinder.assessments.transitions import assessment_transition
from pathfinder.people.models import Child

WHY = (
    "Re-assessment for {name}: the school says needs have changed a lot since the plan was written. New advice "
    "from speech and language therapy shows much greater difficulty with understanding spoken language.",
    "Re-assessment for {name}: the family asks for one after a new diagnosis from the paediatrician and growing "
    "anxiety about school.",
    "Re-assessment for {name}: the school asks for one before the move to secondary school, as progress has "
    "stalled.",
)
REFUSAL = (
    "{name}'s plan was reviewed recently and the review found the support in it still meets the needs described. "
    "New information from the school can be added by amending the plan, which we have offered to do."
)


def _candidates(team_id: int) -> list[Child]:
    """Children of the team with a final plan, no open request and no family sign-ins (kept for the demo family)."""
    found = []
    children = (Child.objects.filter(team_id=team_id, user__isnull=True, assessments__final_issued_on__isnull=False)
                .exclude(family_members__user__isnull=False).distinct().order_by("pk")[:40])
    for child in children:
        open_request = Assessment.objects.filter(child=child, final_issued_on__isnull=True,
                                                 status__in=("requested", "assessing", "decided_to_issue")).exists()
        if not open_request and child_has_final_plan(child):
            found.append(child)
    return found


def build_reassessments(rng: random.Random, *, today: date, demo: dict) -> dict[str, int]:
    caseworker = demo.get("caseworker")
    if caseworker is None or caseworker.team_id is None:
        return {"reassessments": 0}
    children = _candidates(caseworker.team_id)
    rng.shuffle(children)
    decide = statutory.rule_in_force("reassessment_decision", today)
    made = 0
    # (days since the request, days to decide it or None, decided to re-assess?)
    for days_ago, decide_after, yes in ((4, None, None), (40, 11, True), (30, decide.amount - 2, False)):
        if not children:
            break
        child = children.pop()
        received = today - timedelta(days=days_ago)
        request = reassessment_request_create(
            acting_user=caseworker, child=child, received_on=received, received_by="email",
            request_source=rng.choice((RequestSource.PARENT_OR_YOUNG_PERSON, RequestSource.SCHOOL)),
            request_summary=WHY[made % len(WHY)].format(name=child.legal_first_name), caseworker=caseworker,
        )
        made += 1
        if decide_after is None:
            continue
        on = request.received_on + timedelta(days=decide_after)
        too_soon = not yes and statutory.may_refuse_as_too_soon(request.received_on, request.last_assessment_on)
        assessment_transition(
            assessment=request, action="decide_to_assess" if yes else "refuse", acting_user=caseworker, on=on,
            expected_version=request.version, reasons="" if yes else REFUSAL.format(name=child.legal_first_name),
            too_soon=too_soon,
        )
    return {"reassessments": made}
