"""Recording an appeal and every move of its workflow: refusals save nothing, stale versions are refused, and not
opposing starts the reg 45 duties from the day the Tribunal was told."""

from __future__ import annotations

from datetime import date

import pytest

import statutory
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.workflow import diagram_lines
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.tribunal import appeals
from pathfinder.tribunal.constants import AppealOutcome, AppealStatus, DutyBasis
from pathfinder.tribunal.models import Appeal, TribunalOrder
from pathfinder.tribunal.tests.factories import AppealFactory, case

pytestmark = pytest.mark.django_db


def _record(decision, user, **kw):
    values = {"reference": "EH881/26/00042", "registered_on": date(2026, 4, 20), "notified_on": date(2026, 4, 22),
              "grounds": "The council did not read the speech and language therapist's report.", "sections": (),
              "certificate_on": date(2026, 4, 10), **kw}
    return appeals.appeal_record(acting_user=user, decision=decision, **values)


def test_the_table_matches_the_diagram() -> None:
    for line in diagram_lines(appeals.WORKFLOW):
        source, rest = line.split(" --")
        action, target = rest.split("--> ")
        assert action in appeals.__doc__ and target in appeals.__doc__, line


def test_an_appeal_is_recorded_with_the_response_due_from_the_day_it_was_sent() -> None:
    decision, user = case()
    appeal = _record(decision, user)
    assert appeal.child == decision.child
    assert appeal.response_due == statutory.tribunal_response_due(date(2026, 4, 22))
    assert appeal.response_due > date(2026, 5, 22)  # working days, not calendar days
    assert appeal.certificate_needed is True
    assert AuditEvent.objects.filter(child=decision.child, what__contains="EH881/26/00042").exists()


def test_a_contents_appeal_naming_a_section_that_cannot_be_appealed_is_refused() -> None:
    decision, user = case(kind=AppealableKind.PLAN_CONTENTS, sections=["B", "F", "I"])
    with pytest.raises(ServiceError):
        _record(decision, user, sections=["C"])
    assert not Appeal.objects.exists()


def test_a_contents_appeal_must_name_a_section() -> None:
    decision, user = case(kind=AppealableKind.PLAN_CONTENTS, sections=["B", "F", "I"])
    with pytest.raises(ServiceError):
        _record(decision, user, sections=[])
    assert not Appeal.objects.exists()


def test_an_appeal_about_section_i_alone_needs_no_certificate() -> None:
    decision, user = case(kind=AppealableKind.PLAN_CONTENTS, sections=["B", "F", "I"])
    appeal = _record(decision, user, sections=["i"], certificate_on=None)
    assert appeal.certificate_needed is False and appeal.sections == ["I"]


def test_an_appeal_about_b_and_i_without_a_certificate_is_refused() -> None:
    decision, user = case(kind=AppealableKind.PLAN_CONTENTS, sections=["B", "F", "I"])
    with pytest.raises(ServiceError) as refused:
        _record(decision, user, sections=["B", "I"], certificate_on=None)
    assert refused.value.field == "certificate_on"
    assert not Appeal.objects.exists()


def test_an_appeal_registered_before_the_decision_notice_is_refused() -> None:
    decision, user = case()
    with pytest.raises(ServiceError) as refused:
        _record(decision, user, registered_on=date(2026, 2, 1), notified_on=date(2026, 2, 2),
                certificate_on=date(2026, 1, 20))
    assert refused.value.field == "registered_on"


def test_the_same_reference_twice_is_refused() -> None:
    decision, user = case()
    _record(decision, user)
    with pytest.raises(ServiceError) as refused:
        _record(decision, user, reference="eh881/26/00042")
    assert refused.value.field == "reference"
    assert Appeal.objects.count() == 1


def test_response_then_decision() -> None:
    appeal = AppealFactory()
    user = appeal.created_by
    appeal = appeals.appeal_response_record(acting_user=user, appeal=appeal, expected_version=1,
                                            sent_on=date(2026, 5, 20))
    assert appeal.status == AppealStatus.RESPONDED and appeal.response_sent_on == date(2026, 5, 20)
    appeal = appeals.appeal_hearing_list(acting_user=user, appeal=appeal, expected_version=2,
                                         hearing_on=date(2026, 9, 14))
    assert appeal.hearing_on == date(2026, 9, 14) and appeal.version == 3
    appeal = appeals.appeal_decide(acting_user=user, appeal=appeal, expected_version=3,
                                   outcome=AppealOutcome.ALLOWED_IN_PART, decided_on=date(2026, 9, 15))
    assert appeal.status == AppealStatus.DECIDED and appeal.outcome == AppealOutcome.ALLOWED_IN_PART
    with pytest.raises(ServiceError):
        appeals.appeal_withdraw(acting_user=user, appeal=appeal, expected_version=4, withdrawn_on=date(2026, 9, 16))
    with pytest.raises(ServiceError):
        appeals.appeal_hearing_list(acting_user=user, appeal=appeal, expected_version=4,
                                    hearing_on=date(2026, 9, 20))


def test_a_stale_version_is_refused_and_changes_nothing() -> None:
    appeal = AppealFactory()
    with pytest.raises(StaleEdit):
        appeals.appeal_response_record(acting_user=None, appeal=appeal, expected_version=7,
                                       sent_on=date(2026, 5, 20))
    with pytest.raises(StaleEdit):
        appeals.appeal_hearing_list(acting_user=None, appeal=appeal, expected_version=7,
                                    hearing_on=date(2026, 9, 14))
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.REGISTERED and appeal.response_sent_on is None and appeal.hearing_on is None


def test_a_response_before_the_appeal_reached_the_council_is_refused() -> None:
    appeal = AppealFactory()
    with pytest.raises(ServiceError) as refused:
        appeals.appeal_response_record(acting_user=None, appeal=appeal, expected_version=1,
                                       sent_on=date(2026, 4, 21))
    assert refused.value.field == "sent_on"


def test_withdrawn_appeal_ends_with_nothing_due() -> None:
    appeal = appeals.appeal_withdraw(acting_user=None, appeal=AppealFactory(), expected_version=1,
                                     withdrawn_on=date(2026, 6, 1))
    assert appeal.status == AppealStatus.WITHDRAWN and appeal.outcome == AppealOutcome.WITHDRAWN
    assert not TribunalOrder.objects.exists()


@pytest.mark.parametrize(("kind", "sections", "order_kind"), [
    (AppealableKind.NOT_TO_ASSESS, [], "assess"),
    (AppealableKind.NOT_TO_ISSUE, [], "make_plan"),
    (AppealableKind.PLAN_CONTENTS, ["B", "F"], "amend_contents"),
    (AppealableKind.PLAN_CONTENTS, ["I"], "change_school"),
    (AppealableKind.TO_CEASE, [], "continue_to_maintain"),
])
def test_not_opposing_starts_the_reg_45_duties_from_the_day_the_tribunal_was_told(kind, sections, order_kind):
    appeal = AppealFactory(decision__kind=kind, sections=sections)
    told = date(2026, 5, 11)
    appeal = appeals.appeal_not_oppose(acting_user=None, appeal=appeal, expected_version=1, told_on=told)
    assert appeal.status == AppealStatus.NOT_OPPOSED and appeal.outcome == AppealOutcome.CONCEDED
    order = TribunalOrder.objects.get(appeal=appeal)
    assert (order.basis, order.kind, order.made_on) == (DutyBasis.UNOPPOSED, order_kind, told)
    expected = statutory.unopposed_duties(order_kind, told, statutory.DutyFacts(), today=told)
    assert {(d.step, d.due_on) for d in order.duties.filter(applies=True)} == {
        (d.step, d.due) for d in expected if d.status != statutory.NOT_APPLICABLE}
    assert order.duties.exists()


def test_not_opposing_before_the_appeal_reached_the_council_is_refused_and_starts_nothing() -> None:
    appeal = AppealFactory()
    with pytest.raises(ServiceError):
        appeals.appeal_not_oppose(acting_user=None, appeal=appeal, expected_version=1, told_on=date(2026, 4, 1))
    assert not TribunalOrder.objects.exists()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.REGISTERED
