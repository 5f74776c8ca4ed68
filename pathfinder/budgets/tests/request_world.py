"""A family, their caseworker and a health organisation around a draft plan with F and G provision: what the
request, line and direct payment tests build on."""

from __future__ import annotations

from dataclasses import dataclass

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.budgets.tests.factories import plan_with_provision
from pathfinder.organisations.models import OrganisationKind
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationFactory
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans.tests.factories import PlanProvisionFactory


@dataclass
class World:
    plan: object
    child: object
    caseworker: object
    parent: object
    icb: object
    icb_member: object
    f_provision: object
    g_provision: object


def world() -> World:
    plan = plan_with_provision()
    child = plan.child
    f_provision = plan.provisions.get()
    g_provision = PlanProvisionFactory(
        plan=plan, section="G", needs=list(plan.needs.all()), description="Hydrotherapy with a physiotherapist"
    )
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    icb = OrganisationFactory(name="Wealdmoor Integrated Care Board", kind=OrganisationKind.HEALTH)
    member = MembershipFactory(organisation=icb).user
    return World(
        plan=plan,
        child=child,
        caseworker=CaseworkerFactory(team=child.team),
        parent=parent,
        icb=icb,
        icb_member=member,
        f_provision=f_provision,
        g_provision=g_provision,
    )
