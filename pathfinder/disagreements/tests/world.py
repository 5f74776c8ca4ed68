"""A child with a decision under mediation (referred to one mediation service) and an Ombudsman complaint with a
remedy, and one user for every role the disagreements pages tell apart. For the access matrix and page tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
    UserFactory,
)
from pathfinder.disagreements import complaints, mediation
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.tests.factories import AppealableDecisionFactory
from pathfinder.organisations.models import OrganisationKind
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationFactory
from pathfinder.people.models import Child
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

FIRST, LAST = "Aethelflaed", "Quarrington-Bly"  # a name no page prints by chance

ROLES = (
    "team caseworker", "other team's caseworker", "manager", "parent", "another parent", "mediation service",
    "other mediation service", "adviser", "administrator", "provider", "anonymous",
)


@dataclass
class World:
    child: Child
    users: dict[str, object]
    ids: dict[str, object] = field(default_factory=dict)


def mediation_service(name: str = "Wealdmoor Independent SEND Mediation", **user) -> tuple[object, object]:
    """A mediation service and one member who signs in for it."""
    service = OrganisationFactory(name=name, kind=OrganisationKind.MEDIATION, urn="")
    member = MembershipFactory(organisation=service, user=UserFactory(role=Role.MEDIATOR, **user)).user
    return service, member


def build() -> World:
    today = timezone.localdate()
    child = ChildFactory(legal_first_name=FIRST, legal_last_name=LAST, preferred_name="")
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    caseworker = CaseworkerFactory(team=child.team)
    service, mediator = mediation_service()
    _, other_mediator = mediation_service("Another Mediation Service")
    notice = today - timedelta(days=20)
    decision = AppealableDecisionFactory(child=child, kind=AppealableKind.PLAN_CONTENTS, decided_on=notice,
                                         notice_sent=notice, sections=["B", "F", "I"])
    case = mediation.mediation_start(acting_user=caseworker, decision=decision, mediation_service=service,
                                     adviser_contacted=today - timedelta(days=15))
    complaint = complaints.complaint_record(acting_user=caseworker, child=child, received_on=today - timedelta(days=30),
                                            complaint="The plan was issued late.", reference="25 001 234")
    complaint = complaints.complaint_finding_record(acting_user=caseworker, complaint=complaint,
                                                    finding="upheld_injustice", finding_on=today - timedelta(days=5),
                                                    expected_version=complaint.version)
    remedy = complaints.remedy_add(acting_user=caseworker, complaint=complaint, description="Apologise in writing",
                                   due_on=today + timedelta(days=25))
    other_child = ChildFactory()
    another_parent = ParentFactory()
    FamilyMemberFactory(child=other_child, user=another_parent)
    users = {
        "team caseworker": caseworker, "other team's caseworker": CaseworkerFactory(), "manager": ManagerFactory(),
        "parent": parent, "another parent": another_parent, "mediation service": mediator,
        "other mediation service": other_mediator, "adviser": AdviserFactory(), "administrator": AdministratorFactory(),
        "provider": ProviderFactory(), "anonymous": None,
    }
    return World(child=child, users=users, ids={
        "child_id": child.pk, "decision_id": decision.pk, "case_id": case.pk, "action": "held",
        "complaint_id": complaint.pk, "remedy_id": remedy.pk,
    })
