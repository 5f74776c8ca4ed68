"""A mediation agreement on appealable matters puts the council on the Tribunal order clocks (reg 42(2)), in the
same transaction as the agreement; an agreement on other matters does not."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.disagreements import mediation
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.tests.factories import AppealableDecisionFactory
from pathfinder.tribunal.constants import DutyBasis
from pathfinder.tribunal.models import TribunalOrder

pytestmark = pytest.mark.django_db
NOTICE = date(2026, 3, 2)


def _held(kind=AppealableKind.NOT_TO_ISSUE):
    decision = AppealableDecisionFactory(notice_sent=NOTICE, decided_on=NOTICE, kind=kind)
    user = CaseworkerFactory(team=decision.child.team)
    case = mediation.mediation_start(acting_user=user, decision=decision, adviser_contacted=date(2026, 3, 20))
    for action, on, facts in (
        ("council_informed", date(2026, 3, 23), {"issues": "No plan", "health_in_issue": False, "health_sought": ""}),
        ("arrange", date(2026, 4, 10), {}),
        ("held", date(2026, 4, 10), {}),
    ):
        case = mediation.mediation_step_record(acting_user=user, case=case, action=action, on=on,
                                               expected_version=case.version, **facts)
    return case, user


def _agree(case, user, appealable: bool):
    return mediation.mediation_step_record(
        acting_user=user, case=case, action="agreement", on=date(2026, 4, 10), expected_version=case.version,
        agreement_appealable=appealable, council_party=True, agreement_summary="The council will make a plan")


def test_an_agreement_on_an_appealable_matter_starts_the_order_duties() -> None:
    case, user = _held()
    _agree(case, user, appealable=True)
    order = TribunalOrder.objects.get(source_type="disagreements.mediationcase", source_id=str(case.pk))
    assert (order.basis, order.kind, order.made_on) == (DutyBasis.MEDIATION, "make_plan", date(2026, 4, 10))
    duties = {d.step: d.due_on for d in order.duties.all()}
    assert duties == {"draft_plan": date(2026, 5, 15), "final_plan": date(2026, 6, 26)}  # 5 and 11 weeks


def test_an_agreement_on_other_matters_starts_no_duties() -> None:
    case, user = _held()
    _agree(case, user, appealable=False)
    assert not TribunalOrder.objects.exists()
