"""A mediation certificate about a decision to cease a plan moves the ceasing page's last day to appeal too, so
the caseworker's ceasing page and the young person's case page give the same, later, day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.tests.factories import CaseworkerFactory, YoungPersonFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.ceasing.models import Cessation
from pathfinder.ceasing.tests.factories import decided
from pathfinder.disagreements import mediation
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.tests.factories import AppealableDecisionFactory
from pathfinder.people.services import young_person_user_link

pytestmark = pytest.mark.django_db


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _dates(today: date) -> tuple[date, date]:
    """A notice nearly 2 months ago and a certificate today, whose month runs later than the 2 months (HESC r.12
    can carry both to the same day in August; then an earlier notice is taken)."""
    for days in range(59, 120, 7):
        notice = today - timedelta(days=days)
        if statutory.appeal_dates(notice, certificate_issued=today).appeal_by > statutory.appeal_dates(notice).appeal_by:
            return notice, today
    raise AssertionError("no notice date found")  # pragma: no cover


def _ceasing_decided(notice: date) -> Cessation:
    cessation = decided(proposed_on=notice - timedelta(days=30), family_consulted_on=notice - timedelta(days=20),
                        head_consulted_on=notice - timedelta(days=20), decided_on=notice)
    AppealableDecisionFactory(child=cessation.plan.child, kind=AppealableKind.TO_CEASE, decided_on=notice,
                              notice_sent=notice, source_type="ceasing.cessation", source_id=str(cessation.pk),
                              summary="Decided to cease the EHC plan")
    return cessation


def test_a_certificate_in_mediation_moves_the_ceasing_pages_deadline_with_the_familys(client) -> None:
    notice, certificate = _dates(timezone.localdate())
    cessation = _ceasing_decided(notice)
    child = cessation.plan.child
    caseworker, young = CaseworkerFactory(team=child.team), YoungPersonFactory()
    young_person_user_link(acting_user=caseworker, child=child, user=young)  # 18: the rights are theirs (s.80)
    before, after = statutory.appeal_dates(notice).appeal_by, statutory.appeal_dates(
        notice, certificate_issued=certificate).appeal_by
    ceasing_page = reverse("ceasing:plan", kwargs={"child_id": child.pk, "plan_id": cessation.plan.pk})
    sign_in(client, caseworker)
    assert f"in force until {_day(before)}" in client.get(ceasing_page).content.decode()

    decision = child.appealable_decisions.get()
    case = mediation.mediation_start(acting_user=caseworker, decision=decision,
                                     adviser_contacted=certificate - timedelta(days=1))
    step = reverse("disagreements:mediation-step", kwargs={"child_id": child.pk, "decision_id": decision.pk,
                                                           "action": "adviser_certificate"})
    response = client.post(step, {"version": case.version, "on-day": str(certificate.day),
                                  "on-month": str(certificate.month), "on-year": str(certificate.year)})
    assert response.status_code == 302
    cessation.refresh_from_db()
    assert cessation.mediation_certificate_on == certificate and cessation.version == 2

    assert f"in force until {_day(after)}" in client.get(ceasing_page).content.decode()
    sign_in(client, young)
    family = client.get(reverse("family:case", kwargs={"child_id": child.pk})).content.decode()
    assert f"You can appeal to the Tribunal until {_day(after)}." in family


def test_a_refused_sync_leaves_the_mediation_unchanged() -> None:
    """The cessation's own check refuses (a certificate dated before its decision): the mediation step is not saved
    either, so the two never disagree."""
    notice, _ = _dates(timezone.localdate())
    cessation = _ceasing_decided(notice)
    Cessation.objects.filter(pk=cessation.pk).update(decided_on=timezone.localdate())  # out of step on purpose
    caseworker = CaseworkerFactory(team=cessation.plan.child.team)
    decision = cessation.plan.child.appealable_decisions.get()
    case = mediation.mediation_start(acting_user=caseworker, decision=decision,
                                     adviser_contacted=notice + timedelta(days=3))
    with pytest.raises(mediation.ServiceError, match="before the decision"):
        mediation.mediation_step_record(acting_user=caseworker, case=case, action="adviser_certificate",
                                        on=notice + timedelta(days=4), expected_version=case.version)
    case.refresh_from_db()
    assert case.adviser_certificate is None and case.status == "adviser_contacted"


def test_a_certificate_after_the_appeal_was_lodged_leaves_the_cessation_alone() -> None:
    notice, _ = _dates(timezone.localdate())
    cessation = _ceasing_decided(notice)
    Cessation.objects.filter(pk=cessation.pk).update(appeal_lodged_on=notice + timedelta(days=5))
    caseworker = CaseworkerFactory(team=cessation.plan.child.team)
    decision = cessation.plan.child.appealable_decisions.get()
    case = mediation.mediation_start(acting_user=caseworker, decision=decision,
                                     adviser_contacted=notice + timedelta(days=3))
    case = mediation.mediation_step_record(acting_user=caseworker, case=case, action="adviser_certificate",
                                           on=notice + timedelta(days=4), expected_version=case.version)
    cessation.refresh_from_db()
    assert case.status == "certificate" and cessation.mediation_certificate_on is None
