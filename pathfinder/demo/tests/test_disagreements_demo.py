"""The demo county's disagreements agree with the law and show where people look: every mediation is one
statutory.mediation_problems accepts, every appeal was registered in time with its certificate and its response
date the law's, every order's duties are the dates statutory gives, and the demo caseworker, the manager and the
mediation service each have some on their pages."""

from __future__ import annotations

import pytest
from django.utils import timezone

import statutory
from pathfinder.accounts.models import User
from pathfinder.demo.county import build_county
from pathfinder.disagreements.mediation import mediation_facts
from pathfinder.disagreements.models_complaints import OmbudsmanComplaint
from pathfinder.disagreements.models_mediation import MediationCase
from pathfinder.disagreements.selectors import mediations_for_service
from pathfinder.disagreements.worklist import mediation_steps, remedies_due
from pathfinder.people.decisions import appealable_decisions_rebuild
from pathfinder.people.selectors import children_visible_to
from pathfinder.tribunal.duties import order_deadlines
from pathfinder.tribunal.models import Appeal, OrderDuty, TribunalOrder
from pathfinder.tribunal.worklist import overdue_duties, tribunal_steps

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def county(module_db, module_demo_settings):
    return build_county(plans=300, requests=300, seed=3, local_offer_services=20)


def test_every_decision_is_recorded_once(county):
    assert county.counts["appealable_decisions"] > 0
    assert appealable_decisions_rebuild() == 0


def test_every_mediation_is_lawful_and_referred_to_the_service(county):
    cases = list(MediationCase.objects.select_related("decision"))
    assert cases and all(c.mediation_service_id for c in cases)
    for case in cases:
        assert statutory.mediation_problems(mediation_facts(case)) == [], case.pk
    statuses = {c.status for c in cases}
    assert {"certificate", "council_informed"} <= statuses
    assert any(c.mediation_held for c in cases)


def test_every_appeal_was_registered_in_time_with_the_laws_dates(county):
    appeals = list(Appeal.objects.select_related("decision"))
    assert appeals
    for appeal in appeals:
        decision = appeal.decision
        notice = decision.notice_sent or decision.decided_on
        assert statutory.appeal_problems(decision.kind, appeal.sections) == []
        assert appeal.certificate_needed == statutory.certificate_needed(decision.kind, appeal.sections)
        assert (appeal.certificate_on is not None) == appeal.certificate_needed
        last = statutory.appeal_dates(notice, certificate_issued=appeal.certificate_on).appeal_by
        assert notice <= appeal.registered_on <= last
        assert appeal.response_due == statutory.tribunal_response_due(appeal.notified_on)
        if appeal.outcome_on:
            assert appeal.outcome_on >= appeal.registered_on


def test_order_duties_are_the_dates_the_law_gives(county):
    today = timezone.localdate()
    orders = list(TribunalOrder.objects.prefetch_related("duties", "exceptions"))
    assert orders
    for order in orders:
        law = {d.step: d.due for d in order_deadlines(order, today)}
        assert {d.step: d.due_on for d in order.duties.all()} == law, order.pk
    duties = OrderDuty.objects.filter(applies=True)
    assert duties.filter(done_on__isnull=False).exists()
    assert duties.filter(done_on__isnull=True, due_on__lt=today).exists()  # overdue now


def test_the_demo_people_see_them(county):
    today = timezone.localdate()
    caseworker = User.objects.get(username="caseworker")
    steps = tribunal_steps(caseworker, today)
    assert any(item.title.startswith("Send the council's response") for item in steps)
    assert mediation_steps(caseworker, today)
    assert remedies_due(caseworker, today) or OmbudsmanComplaint.objects.filter(
        child__team_id=caseworker.team_id).exists()
    manager = User.objects.get(username="manager")
    assert overdue_duties(children_visible_to(manager, today=today), today)
    assert mediations_for_service(User.objects.get(username="mediator"), today).exists()
