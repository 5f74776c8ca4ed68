"""Orders become dated duties (reg 44), done dates move the clocks on, reg 44(3) exceptions excuse only with a
note, ordered provision is tracked to delivery, mediation agreements use the same clocks (reg 42(2)), and
health and social care recommendations get their response clock."""

from __future__ import annotations

from datetime import date

import pytest

import statutory
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.people.tests.factories import ChildFactory
from pathfinder.tribunal import orders, recommendations
from pathfinder.tribunal.constants import AppealOutcome, DutyBasis
from pathfinder.tribunal.duties import order_deadlines
from pathfinder.tribunal.models import OrderedProvision, TribunalOrder
from pathfinder.tribunal.tests.factories import AppealFactory, decided_appeal

pytestmark = pytest.mark.django_db

ORDERED = date(2026, 9, 15)  # a Tuesday


def _make_plan_order(**kw) -> TribunalOrder:
    appeal = decided_appeal(decision__kind=AppealableKind.NOT_TO_ISSUE)
    values = {"kind": "make_plan", "made_on": ORDERED, "details": "The council must make and maintain a plan.",
              "provision": ["20 hours of speech and language therapy a term", "", "A teaching assistant 1:1"], **kw}
    return orders.tribunal_order_record(acting_user=None, appeal=appeal, **values)


def test_an_order_to_make_a_plan_becomes_its_two_dated_duties() -> None:
    order = _make_plan_order()
    duties = {d.step: d for d in order.duties.all()}
    assert set(duties) == {"draft_plan", "final_plan"}
    assert duties["draft_plan"].due_on == date(2026, 10, 20)  # 5 weeks, reg 44(2)(c)(i)
    assert duties["final_plan"].due_on == date(2026, 12, 1)  # 11 weeks, reg 44(2)(c)(ii)
    assert "44" in duties["draft_plan"].citation
    assert [p.description for p in order.provision.all()] == [
        "20 hours of speech and language therapy a term", "A teaching assistant 1:1"]
    assert AuditEvent.objects.filter(child=order.child, what__contains="order recorded").exists()


def test_an_order_on_an_appeal_not_yet_decided_is_refused() -> None:
    with pytest.raises(ServiceError):
        orders.tribunal_order_record(acting_user=None, appeal=AppealFactory(), kind="assess", made_on=ORDERED)
    assert not TribunalOrder.objects.exists()


def test_an_order_dated_before_its_appeal_is_refused_and_nothing_is_saved() -> None:
    appeal = decided_appeal()
    with pytest.raises(ServiceError) as refused:
        orders.tribunal_order_record(acting_user=None, appeal=appeal, kind="assess", made_on=date(2026, 4, 1),
                                     provision=["Occupational therapy"])
    assert refused.value.field == "made_on"
    assert not TribunalOrder.objects.exists() and not OrderedProvision.objects.exists()


def test_an_order_that_does_not_fit_the_decision_appealed_is_refused() -> None:
    appeal = decided_appeal(decision__kind=AppealableKind.NOT_TO_ASSESS)
    with pytest.raises(ServiceError) as refused:
        orders.tribunal_order_record(acting_user=None, appeal=appeal, kind="change_school", made_on=ORDERED)
    assert refused.value.field == "kind"


def test_the_same_order_sent_twice_is_recorded_once() -> None:
    order = _make_plan_order()
    with pytest.raises(ServiceError, match="already recorded"):
        orders.tribunal_order_record(acting_user=None, appeal=order.appeal, kind="make_plan", made_on=ORDERED)
    assert TribunalOrder.objects.count() == 1 and order.duties.count() == 2


def test_a_dismissed_appeal_leads_to_no_order_but_ceasing_a_plan() -> None:
    """Reg 44(2)(a): dismissing an appeal against ceasing means the plan ends at once; any other dismissed appeal
    leaves the council's decision standing, and an allowed appeal never ends a plan."""
    dismissed = decided_appeal(AppealOutcome.DISMISSED, decision__kind=AppealableKind.NOT_TO_ASSESS)
    with pytest.raises(ServiceError, match="dismissed this appeal") as refused:
        orders.tribunal_order_record(acting_user=None, appeal=dismissed, kind="assess", made_on=ORDERED)
    assert refused.value.field == "kind"
    allowed = decided_appeal(AppealOutcome.ALLOWED, decision__kind=AppealableKind.TO_CEASE)
    with pytest.raises(ServiceError, match="only an appeal the Tribunal dismissed"):
        orders.tribunal_order_record(acting_user=None, appeal=allowed, kind="cease", made_on=ORDERED)
    assert not TribunalOrder.objects.exists()
    ceased = decided_appeal(AppealOutcome.DISMISSED, decision__kind=AppealableKind.TO_CEASE)
    order = orders.tribunal_order_record(acting_user=None, appeal=ceased, kind="cease", made_on=ORDERED)
    assert [(d.step, d.due_on) for d in order.duties.all()] == [("cease", ORDERED)]


def test_a_duty_done_is_recorded_and_the_version_guards_it() -> None:
    order = _make_plan_order()
    draft = order.duties.get(step="draft_plan")
    orders.order_duty_done_record(acting_user=None, duty=draft, expected_version=1, done_on=date(2026, 10, 19))
    draft.refresh_from_db()
    assert draft.done_on == date(2026, 10, 19)
    status = order_deadlines(TribunalOrder.objects.get(pk=order.pk), date(2026, 11, 1)).get("draft_plan").status
    assert status == statutory.deadlines.DONE_ON_TIME
    final = order.duties.get(step="final_plan")
    with pytest.raises(StaleEdit):
        orders.order_duty_done_record(acting_user=None, duty=final, expected_version=1, done_on=date(2026, 11, 20))
    final.refresh_from_db()
    assert final.done_on is None


def test_a_duty_done_before_the_order_is_refused() -> None:
    order = _make_plan_order()
    draft = order.duties.get(step="draft_plan")
    with pytest.raises(ServiceError) as refused:
        orders.order_duty_done_record(acting_user=None, duty=draft, expected_version=1, done_on=date(2026, 9, 1))
    assert refused.value.field == "done_on"
    draft.refresh_from_db()
    assert draft.done_on is None


def test_after_an_ordered_assessment_the_decision_picks_which_duty_remains() -> None:
    appeal = decided_appeal(decision__kind=AppealableKind.NOT_TO_ASSESS)
    order = orders.tribunal_order_record(acting_user=None, appeal=appeal, kind="assess", made_on=ORDERED)
    duties = {d.step: d for d in order.duties.all()}
    assert duties["notify_will_assess"].due_on == date(2026, 9, 29)  # 2 weeks
    assert duties["notify_no_plan"].due_on == date(2026, 11, 24)  # 10 weeks
    assert duties["final_plan"].due_on == date(2026, 12, 22)  # 14 weeks
    orders.order_assessment_decision_record(acting_user=None, order=order, expected_version=1,
                                            decided_to_issue=False)
    applies = {d.step: d.applies for d in order.duties.all()}
    assert applies == {"notify_will_assess": True, "notify_no_plan": True, "final_plan": False}


def test_only_an_ordered_assessment_leads_to_a_decision_to_issue() -> None:
    order = _make_plan_order()
    with pytest.raises(ServiceError) as refused:
        orders.order_assessment_decision_record(acting_user=None, order=order, expected_version=1,
                                                decided_to_issue=True)
    assert refused.value.field == "decided_to_issue"


def test_an_exception_excuses_an_overdue_duty_only_with_a_note() -> None:
    order = _make_plan_order()
    today = date(2026, 10, 26)  # the draft plan was due on 20 October
    orders.order_exception_record(acting_user=None, order=order, expected_version=1, code="T2",
                                  period_start=date(2026, 9, 28), period_end=date(2026, 10, 16),
                                  evidence="The family were abroad caring for a relative.", applies_to="draft_plan")
    order.refresh_from_db()
    assert order_deadlines(order, today).get("draft_plan").status == statutory.deadlines.OVERDUE
    orders.order_exception_record(acting_user=None, order=order, expected_version=2, code="T2",
                                  period_start=date(2026, 9, 28), period_end=date(2026, 10, 16),
                                  evidence="The family were abroad caring for a relative.",
                                  causal_note="No one could meet the family to agree the draft.",
                                  applies_to="draft_plan")
    order.refresh_from_db()
    deadlines = order_deadlines(order, today)
    assert deadlines.get("draft_plan").status == statutory.deadlines.OVERDUE_EXCEPTION_APPLIES
    assert deadlines.get("final_plan").status == statutory.deadlines.DUE
    assert order.duties.get(step="draft_plan").due_on == date(2026, 10, 20)  # an exception never moves a date


def test_an_absence_shorter_than_two_weeks_is_refused() -> None:
    order = _make_plan_order()
    with pytest.raises(ServiceError) as refused:
        orders.order_exception_record(acting_user=None, order=order, expected_version=1, code="T2",
                                      period_start=date(2026, 10, 1), period_end=date(2026, 10, 5),
                                      evidence="Away for a few days.")
    assert refused.value.field == "period_start"
    assert not order.exceptions.exists()


def test_an_exception_the_law_does_not_allow_for_orders_is_refused() -> None:
    order = _make_plan_order()
    with pytest.raises(ServiceError) as refused:
        orders.order_exception_record(acting_user=None, order=order, expected_version=1, code="A3",
                                      period_start=date(2026, 10, 1), period_end=date(2026, 10, 5),
                                      evidence="Missed an appointment.")
    assert refused.value.field == "code"


def test_ordered_provision_is_tracked_until_delivered() -> None:
    order = _make_plan_order()
    item = order.provision.first()
    with pytest.raises(ServiceError) as refused:
        orders.ordered_provision_delivered_record(acting_user=None, item=item, expected_version=1,
                                                  delivered_on=date(2026, 9, 1), evidence="Timetable seen")
    assert refused.value.field == "delivered_on"
    with pytest.raises(ServiceError):
        orders.ordered_provision_delivered_record(acting_user=None, item=item, expected_version=1,
                                                  delivered_on=date(2026, 11, 2), evidence=" ")
    orders.ordered_provision_delivered_record(acting_user=None, item=item, expected_version=1,
                                              delivered_on=date(2026, 11, 2),
                                              evidence="Therapist's timetable from 2 November, seen by the SENCO")
    item.refresh_from_db()
    assert item.delivered_on == date(2026, 11, 2) and item.version == 2
    with pytest.raises(StaleEdit):
        orders.ordered_provision_delivered_record(acting_user=None, item=item, expected_version=1,
                                                  delivered_on=date(2026, 11, 3), evidence="Again")


def test_a_mediation_agreement_on_an_appealable_matter_runs_on_the_order_clocks_once() -> None:
    child = ChildFactory()
    agreed = date(2026, 6, 3)
    order = orders.mediation_agreement_duties_start(
        acting_user=None, child=child, kind="amend_contents", agreed_on=agreed,
        source_type="disagreements.mediation", source_id="17", provision=["Weekly occupational therapy"])
    assert order.basis == DutyBasis.MEDIATION and order.appeal is None
    assert [(d.step, d.due_on) for d in order.duties.all()] == [("amended_plan", date(2026, 7, 8))]  # 5 weeks
    again = orders.mediation_agreement_duties_start(
        acting_user=None, child=child, kind="amend_contents", agreed_on=agreed,
        source_type="disagreements.mediation", source_id="17")
    assert again.pk == order.pk and TribunalOrder.objects.count() == 1


def test_a_recommendation_gets_its_response_clock_and_a_refusal_needs_reasons() -> None:
    appeal = decided_appeal(outcome=AppealOutcome.ALLOWED)
    rec = recommendations.recommendation_record(acting_user=None, appeal=appeal, area="health",
                                                made_on=date(2026, 9, 15),
                                                text="The ICB should provide weekly physiotherapy.")
    assert rec.response_due == statutory.recommendation_response_due(date(2026, 9, 15)) == date(2026, 10, 20)
    with pytest.raises(ServiceError) as refused:
        recommendations.recommendation_response_record(acting_user=None, recommendation=rec, expected_version=1,
                                                       responded_on=date(2026, 10, 1), will_follow=False,
                                                       response="")
    assert refused.value.field == "response"
    rec = recommendations.recommendation_response_record(
        acting_user=None, recommendation=rec, expected_version=1, responded_on=date(2026, 10, 1), will_follow=False,
        response="Physiotherapy is already provided by the school's therapist twice a week.")
    assert rec.responded_on == date(2026, 10, 1) and rec.will_follow is False


def test_the_same_recommendation_sent_twice_is_recorded_once() -> None:
    appeal = decided_appeal(outcome=AppealOutcome.ALLOWED)
    values = {"area": "health", "made_on": date(2026, 9, 15), "text": "Weekly physiotherapy."}
    recommendations.recommendation_record(acting_user=None, appeal=appeal, **values)
    with pytest.raises(ServiceError, match="already recorded"):
        recommendations.recommendation_record(acting_user=None, appeal=appeal, **values)
    assert appeal.recommendations.count() == 1


def test_a_recommendation_before_the_appeal_is_refused() -> None:
    with pytest.raises(ServiceError) as refused:
        recommendations.recommendation_record(acting_user=None, appeal=decided_appeal(), area="social_care",
                                              made_on=date(2026, 1, 1), text="Short breaks")
    assert refused.value.field == "made_on"
