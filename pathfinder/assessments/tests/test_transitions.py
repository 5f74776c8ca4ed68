from datetime import date
from unittest import mock

import pytest

from pathfinder.assessments.constants import AssessmentStatus as S
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.tests.factories import AssessingFactory, AssessmentFactory
from pathfinder.assessments.transitions import MOVES, assessment_transition
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError, StaleEdit

pytestmark = pytest.mark.django_db

ALL_STATUSES = [s.value for s in S]


def _move(assessment, action, on=date(2026, 7, 1), reasons="Needs can be met by the school's SEN support"):
    return assessment_transition(assessment=assessment, action=action, acting_user=assessment.caseworker, on=on,
                                 expected_version=assessment.version, reasons=reasons)


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_decide_to_assess_only_from_requested(status):
    # given a case at some status
    assessment = AssessmentFactory(status=status)
    # when / then
    if status == S.REQUESTED:
        moved = _move(assessment, "decide_to_assess")
        assert moved.status == S.ASSESSING
        assert moved.decision_to_assess_on == date(2026, 7, 1)
        assert moved.decided_to_assess is True
        assert moved.version == 2
    else:
        with pytest.raises(ServiceError):
            _move(assessment, "decide_to_assess")
        assert Assessment.objects.get(pk=assessment.pk).status == status


def test_every_move_names_valid_statuses():
    for move in MOVES.values():
        assert move.target in ALL_STATUSES
        assert set(move.sources) <= set(ALL_STATUSES)


def test_refusal_needs_reasons_and_keeps_them():
    assessment = AssessmentFactory()
    with pytest.raises(ServiceError, match="reasons"):
        _move(assessment, "refuse", reasons="  ")
    refused = _move(assessment, "refuse")
    assert refused.status == S.REFUSED
    assert refused.decided_to_assess is False
    assert "SEN support" in refused.refusal_reasons


def test_a_decision_dated_before_the_request_is_refused_and_nothing_changes():
    assessment = AssessmentFactory(received_on=date(2026, 6, 1))
    with pytest.raises(ServiceError, match="before the request"):
        _move(assessment, "decide_to_assess", on=date(2026, 5, 1))
    unchanged = Assessment.objects.get(pk=assessment.pk)
    assert (unchanged.status, unchanged.decision_to_assess_on, unchanged.version) == (S.REQUESTED, None, 1)


def test_a_future_date_is_refused():
    assessment = AssessmentFactory()
    with pytest.raises(ServiceError, match="future"):
        _move(assessment, "decide_to_assess", on=date(2999, 1, 1))


def test_a_stale_version_is_refused_so_nothing_is_overwritten():
    # given two people opened the same case at version 1, and the first saved
    assessment = AssessmentFactory()
    _move(assessment, "decide_to_assess")
    # when the second saves with the version they opened
    with pytest.raises(StaleEdit):
        assessment_transition(assessment=assessment, action="refuse", acting_user=assessment.caseworker,
                              on=date(2026, 7, 2), expected_version=1, reasons="x")
    # then the first decision stands
    assert Assessment.objects.get(pk=assessment.pk).status == S.ASSESSING


def test_final_plan_cannot_be_issued_before_a_draft():
    assessment = AssessingFactory()
    with pytest.raises(ServiceError):
        _move(assessment, "issue_final", on=date(2026, 9, 1))
    assert Assessment.objects.get(pk=assessment.pk).final_issued_on is None


def test_the_move_and_its_audit_event_are_one_transaction():
    assessment = AssessmentFactory()
    with mock.patch("pathfinder.assessments.transitions.audit_event_record", side_effect=RuntimeError("disk full")):
        with pytest.raises(RuntimeError):
            _move(assessment, "decide_to_assess")
    assert Assessment.objects.get(pk=assessment.pk).status == S.REQUESTED


def test_each_move_is_audited_against_the_child():
    assessment = AssessmentFactory()
    _move(assessment, "decide_to_assess")
    event = AuditEvent.objects.get(child=assessment.child, action="update")
    assert event.actor == assessment.caseworker
    assert "Decide to assess" in event.what
