"""A child with a final plan, and an amendment being written: for the amendment tests, pages and journeys."""

from __future__ import annotations

from datetime import date

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans import amendments, services, workflow
from pathfinder.plans.models import Plan
from pathfinder.plans.tests.factories import complete_plan

DRAFT_SENT = date(2026, 9, 1)
ISSUED = date(2026, 9, 20)
MEETING = date(2026, 11, 2)


def final_plan(*, with_parent: bool = True) -> tuple[Plan, object]:
    """A final plan issued on 20 September 2026 (review clock started), its caseworker, and a parent to tell."""
    plan = complete_plan()
    if with_parent:
        FamilyMemberFactory(child=plan.child)
    user = CaseworkerFactory(team=plan.child.team)
    workflow.plan_draft_send(acting_user=user, plan=plan, on=DRAFT_SENT, expected_version=1)
    plan.refresh_from_db()
    workflow.plan_final_issue(acting_user=user, plan=plan, on=ISSUED, placement_type="maintained_school",
                              placement_name="Oakfield Primary School", expected_version=plan.version)
    plan.refresh_from_db()
    return plan, user


def amendment_with_change(plan: Plan, user, *, meeting: date | None = MEETING) -> Plan:
    """An amendment of ``plan`` from a review meeting, with section F's provision changed."""
    amendment = amendments.amendment_start(acting_user=user, plan=plan, reason="Annual review: more speech therapy",
                                           review_meeting_on=meeting)
    provision = amendment.provisions.get(section="F")
    services.plan_provision_update(
        acting_user=user, provision=provision, description=provision.description, amount="60 minutes",
        frequency=provision.frequency, provided_by=provision.provided_by, needs=[n.pk for n in provision.needs.all()],
        outcomes=[o.pk for o in provision.outcomes.all()], expected_version=amendment.version,
    )
    amendment.refresh_from_db()
    return amendment
