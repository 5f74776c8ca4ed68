"""Mediation step by step (regs 32 to 42): every route, the appeal deadline moving with the certificate, refusals
that change nothing, stale edits, and the steps the mediation service may record."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.disagreements import mediation
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.models_mediation import MediationCase
from pathfinder.disagreements.selectors import decision_rights, mediations_for_service
from pathfinder.disagreements.tests.factories import AppealableDecisionFactory
from pathfinder.disagreements.tests.world import mediation_service

pytestmark = pytest.mark.django_db
NOTICE = date(2026, 3, 2)  # a Monday


@pytest.fixture
def started():
    decision = AppealableDecisionFactory(notice_sent=NOTICE, decided_on=NOTICE)
    user = CaseworkerFactory(team=decision.child.team)
    case = mediation.mediation_start(acting_user=user, decision=decision, adviser_contacted=date(2026, 3, 20))
    return case, user


def _step(case, user, action, on, **facts):
    return mediation.mediation_step_record(acting_user=user, case=case, action=action, on=on,
                                           expected_version=case.version, **facts)


def test_no_mediation_the_adviser_certificate_moves_the_appeal_deadline(started):
    case, user = started
    before = decision_rights(case.decision)
    assert before.appeal_by == date(2026, 5, 5)  # 2 May is a Saturday, 4 May a bank holiday (r.12(2))
    case = _step(case, user, "adviser_certificate", date(2026, 4, 28))
    assert (case.status, case.wants_mediation) == ("certificate", False)
    after = decision_rights(MediationCase.objects.get(pk=case.pk).decision)
    assert after.certificate_on == date(2026, 4, 28)
    assert after.appeal_by == date(2026, 5, 28)  # 1 month from the certificate, later than 2 months from notice


def test_a_mediation_held_with_an_agreement_and_the_mediators_certificate(started):
    case, user = started
    case = _step(case, user, "council_informed", date(2026, 3, 23), issues="Section F speech therapy",
                 health_in_issue=True, health_sought="Weekly speech and language therapy")
    case = _step(case, user, "notify_health", date(2026, 3, 24))
    case = _step(case, user, "arrange", date(2026, 4, 10))
    case = _step(case, user, "held", date(2026, 4, 10))
    case = _step(case, user, "agreement", date(2026, 4, 10), agreement_appealable=False, council_party=True,
                 agreement_summary="The council will fund a further assessment by a therapist")
    case = _step(case, user, "mediator_certificate", date(2026, 4, 13))
    case = _step(case, user, "agreement_done", date(2026, 4, 20))
    assert case.status == "agreement_done" and case.version == 8
    steps = {d.step: d for d in mediation.mediation_timeline(case, date(2026, 5, 1))}
    assert steps["hold_mediation"].due == date(2026, 4, 22) and steps["hold_mediation"].completed_on
    assert steps["agreement_non_appealable"].citation.startswith("SEND Regulations 2014")
    assert not mediation.mediation_timeline(case, date(2026, 5, 1)).overdue
    assert AuditEvent.objects.filter(object_type="MediationCase", what__startswith="mediation:").count() == 8


def test_mediation_that_cannot_be_arranged_gives_a_deemed_certificate(started):
    case, user = started
    case = _step(case, user, "council_informed", date(2026, 3, 23), issues="Section I", health_in_issue=False,
                 health_sought="")
    case = _step(case, user, "cannot_arrange", date(2026, 4, 20))
    hold = mediation.mediation_timeline(case, date(2026, 4, 21)).get("hold_mediation")
    assert hold.status == "not_applicable"
    case = _step(case, user, "deemed_certificate", date(2026, 4, 22))
    assert case.status == "certificate" and mediation.mediation_appeal_by(case) == date(2026, 5, 22)


def test_a_step_the_law_refuses_changes_nothing(started):
    case, user = started
    with pytest.raises(ServiceError) as refused:
        _step(case, user, "adviser_certificate", date(2026, 3, 19))  # before the family contacted the adviser
    assert refused.value.field == "on"
    saved = MediationCase.objects.get(pk=case.pk)
    assert (saved.status, saved.adviser_certificate, saved.version) == ("adviser_contacted", None, 1)


def test_a_step_out_of_order_is_refused(started):
    case, user = started
    with pytest.raises(ServiceError, match="cannot record that mediation took place now"):
        _step(case, user, "held", date(2026, 3, 25))


def test_a_stale_version_is_refused(started):
    case, user = started
    _step(case, user, "council_informed", date(2026, 3, 23), issues="F", health_in_issue=False, health_sought="")
    with pytest.raises(StaleEdit):
        _step(case, user, "cannot_arrange", date(2026, 3, 24))  # case.version is the old one


def test_a_future_date_and_a_second_mediation_are_refused(started):
    case, user = started
    with pytest.raises(ServiceError, match="future"):
        _step(case, user, "adviser_certificate", timezone.localdate().replace(year=timezone.localdate().year + 1))
    with pytest.raises(ServiceError, match="already been recorded"):
        mediation.mediation_start(acting_user=user, decision=case.decision, adviser_contacted=date(2026, 3, 21))


def test_contact_before_the_notice_is_refused_and_nothing_saved():
    decision = AppealableDecisionFactory(notice_sent=NOTICE, kind=AppealableKind.NOT_TO_ASSESS)
    with pytest.raises(ServiceError) as refused:
        mediation.mediation_start(acting_user=CaseworkerFactory(), decision=decision,
                                  adviser_contacted=date(2026, 3, 1))
    assert refused.value.field == "adviser_contacted"
    assert not MediationCase.objects.exists()


def test_the_mediation_service_records_only_its_own_steps_and_sees_only_its_cases(started):
    case, _ = started
    service, mediator = mediation_service()
    _, other = mediation_service("Another Mediation Service")
    MediationCase.objects.filter(pk=case.pk).update(mediation_service=service)
    today = timezone.localdate()
    assert list(mediations_for_service(mediator, today)) == [case]
    assert not mediations_for_service(other, today).exists()
    with pytest.raises(ServiceError, match="council's to record"):
        mediation.mediation_step_record(acting_user=mediator, case=case, action="council_informed",
                                        on=date(2026, 3, 23), expected_version=case.version,
                                        by_mediation_service=True, issues="F", health_in_issue=False,
                                        health_sought="")
    done = mediation.mediation_step_record(acting_user=mediator, case=case, action="adviser_certificate",
                                           on=date(2026, 3, 23), expected_version=case.version,
                                           by_mediation_service=True)
    assert done.status == "certificate"


def test_the_councils_open_steps_are_on_the_teams_worklist(started):
    from pathfinder.disagreements.worklist import mediation_steps

    case, user = started
    today = timezone.localdate()
    informed = max(case.adviser_contacted, today - timedelta(days=40))
    _step(case, user, "council_informed", informed, issues="Section F", health_in_issue=True,
          health_sought="Speech therapy")
    items = mediation_steps(user, today)
    titles = {i.title for i in items}
    assert titles == {"Council tells each health commissioner about the mediation", "Mediation takes place"}
    assert all(i.is_overdue for i in items) and all("SEND Regulations 2014" in i.reason for i in items)
    assert mediation_steps(CaseworkerFactory(), today) == []
