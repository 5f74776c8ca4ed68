"""A final plan for a young person, and cessations of it at each stage."""

from __future__ import annotations

from datetime import date

import factory

from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.plans.tests.factories import PlanFactory


def final_plan(*, date_of_birth: date = date(2008, 1, 10), placement: str = "Riverside College", **kw) -> Plan:
    """A final plan for a child born on ``date_of_birth`` (18 in January 2026), with a parent told by email."""
    child = ChildFactory(date_of_birth=date_of_birth)
    FamilyMemberFactory(child=child)
    values = {"status": PlanStatus.FINAL, "issued_on": date(2025, 3, 3), "first_made_on": date(2025, 3, 3),
              "placement_name": placement, **kw}
    return PlanFactory(child=child, assessment__child=child, **values)


class CessationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cessation

    plan = factory.LazyFunction(final_plan)
    reason = "4"
    legal_ground = "A young person who starts paid employment (not an apprenticeship) no longer needs the plan."
    proposed_on = date(2026, 9, 1)
    status = CessationStatus.PROPOSED


def consulting(**kw) -> Cessation:
    """Consulted on the family and the college a week after the proposal."""
    values = {"status": CessationStatus.CONSULTING, "family_consulted_on": date(2026, 9, 8),
              "head_consulted_on": date(2026, 9, 9), **kw}
    return CessationFactory(**values)


def decided(**kw) -> Cessation:
    """Decided, and the notice sent, on 21 September 2026: the appeal period ran to 23 November 2026 (the
    21st is a Saturday)."""
    values = {"status": CessationStatus.DECIDED, "decided_on": date(2026, 9, 21), "notice_includes_rights": True,
              **kw}
    return consulting(**values)
