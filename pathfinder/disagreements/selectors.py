"""What each appealable decision means for the family now: the dates, from statutory, with the mediation so far.

Shared by the caseworker's decision page, the mediation service's page and the family's case page, so all three
give the same days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

import statutory
from pathfinder.accounts.roles import Role
from pathfinder.disagreements.constants import CONTENTS_KINDS
from pathfinder.disagreements.mediation import mediation_facts
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.disagreements.models_mediation import MediationCase
from pathfinder.organisations.models import OrganisationKind
from pathfinder.organisations.selectors import memberships_active


@dataclass(frozen=True)
class DecisionRights:
    """The dates a notice gives, moved by a mediation certificate once there is one."""

    decision: AppealableDecision
    notice_sent: date
    appeal_by: date
    mediation_contact_by: date
    certificate_on: date | None
    certificate_always_needed: bool  # False for a contents decision: an appeal only about section I needs none
    appeal_rule: statutory.Rule
    certificate_rule: statutory.Rule
    mediation_rule: statutory.Rule

    @property
    def decision_text(self) -> str:
        return statutory.appealable_kind_text(self.decision.kind)


def _mediation(decision: AppealableDecision) -> MediationCase | None:
    try:
        return decision.mediation
    except MediationCase.DoesNotExist:
        return None


def decision_rights(decision: AppealableDecision) -> DecisionRights:
    notice = decision.notice_sent or decision.decided_on
    mediation = _mediation(decision)
    certificate = statutory.certificate_date(mediation_facts(mediation)) if mediation else None
    dates = statutory.appeal_dates(notice, certificate_issued=certificate)
    return DecisionRights(
        decision=decision, notice_sent=notice, appeal_by=dates.appeal_by,
        mediation_contact_by=dates.mediation_contact_by, certificate_on=certificate,
        certificate_always_needed=decision.kind not in CONTENTS_KINDS, appeal_rule=dates.appeal_rule,
        certificate_rule=dates.certificate_rule, mediation_rule=dates.mediation_rule,
    )


def decisions_for_child(child) -> QuerySet[AppealableDecision]:
    return AppealableDecision.objects.filter(child=child).select_related("mediation").order_by("-decided_on", "-pk")


def decisions_for_child_source(*, source_type: str, source_id: str, kind: str) -> QuerySet[AppealableDecision]:
    """The decision a record made (at most one: unique by source and kind)."""
    return AppealableDecision.objects.filter(source_type=source_type, source_id=str(source_id), kind=kind
                                             ).select_related("mediation")


def mediations_for_service(user, today: date) -> QuerySet[MediationCase]:
    """The mediations referred to the user's mediation services on ``today``: nothing else is theirs to see.
    Only the mediation service role acts for a mediation service (an adviser who is somehow a member gets none)."""
    if getattr(user, "role", None) != Role.MEDIATOR:
        return MediationCase.objects.none()
    services = memberships_active(today).filter(user=user, organisation__kind=OrganisationKind.MEDIATION)
    return (MediationCase.objects.filter(mediation_service_id__in=services.values("organisation_id"))
            .select_related("decision", "decision__child", "mediation_service"))
