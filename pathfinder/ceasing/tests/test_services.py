"""Ceasing a plan: every move of the workflow, every refusal, stale versions, and nothing half-saved."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.ceasing import follow_ups
from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.ceasing.tests.factories import CessationFactory, consulting, decided, final_plan
from pathfinder.ceasing.workflow import (
    WORKFLOW,
    cessation_appeal_record,
    cessation_consultation_record,
    cessation_decide,
    cessation_propose,
    cessation_withdraw,
    cessations_take_effect,
)
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.workflow import diagram_lines
from pathfinder.notifications.models import Message
from pathfinder.plans.models import Plan, PlanStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return CaseworkerFactory()


def test_the_table_matches_the_diagram() -> None:
    import pathfinder.ceasing.workflow as module

    for line in diagram_lines(WORKFLOW):
        source, rest = line.split(" --")
        action = rest.split("-->")[0]
        assert source in module.__doc__ and action in module.__doc__


class TestPropose:
    def test_proposes_tells_the_family_and_audits(self, user) -> None:
        plan = final_plan()
        cessation = cessation_propose(acting_user=user, plan=plan, reason="4", proposed_on=date(2026, 9, 1))
        assert cessation.status == CessationStatus.PROPOSED and cessation.version == 1
        assert "paid employment" in cessation.legal_ground
        assert Message.objects.filter(kind="ceasing.proposed", child_id=plan.child_id).count() == 1
        assert AuditEvent.objects.filter(child=plan.child, what__contains="proposed").exists()
        plan.refresh_from_db()
        assert plan.status == PlanStatus.FINAL

    def test_transfer_points_to_a_move_of_council(self, user) -> None:
        with pytest.raises(ServiceError, match="Record a move to another council"):
            cessation_propose(acting_user=user, plan=final_plan(), reason="5", proposed_on=date(2026, 9, 1))
        assert not Cessation.objects.exists() and not Message.objects.exists()

    def test_paid_work_under_16_is_refused(self, user) -> None:
        plan = final_plan(date_of_birth=date(2011, 1, 10))
        with pytest.raises(ServiceError, match="aged 16 or over") as error:
            cessation_propose(acting_user=user, plan=plan, reason="4", proposed_on=date(2026, 9, 1))
        assert error.value.field == "reason"
        assert not Cessation.objects.exists()

    def test_under_18_not_in_education_is_refused(self, user) -> None:
        plan = final_plan(date_of_birth=date(2010, 1, 10))
        with pytest.raises(ServiceError, match="reg 29"):
            cessation_propose(acting_user=user, plan=plan, reason="2", proposed_on=date(2026, 9, 1),
                              in_education_or_training=False)

    def test_18_left_education_needs_the_review_finding(self, user) -> None:
        plan = final_plan()
        with pytest.raises(ServiceError, match="reg 30"):
            cessation_propose(acting_user=user, plan=plan, reason="6", proposed_on=date(2026, 9, 1),
                              in_education_or_training=False)
        cessation = cessation_propose(acting_user=user, plan=plan, reason="6", proposed_on=date(2026, 9, 1),
                                      in_education_or_training=False, reviewed_does_not_wish_to_return=True)
        assert cessation.reviewed_does_not_wish_to_return

    def test_only_a_final_plan_and_only_once(self, user) -> None:
        plan = final_plan()
        cessation_propose(acting_user=user, plan=plan, reason="4", proposed_on=date(2026, 9, 1))
        with pytest.raises(ServiceError, match="already under way"):
            cessation_propose(acting_user=user, plan=plan, reason="2", proposed_on=date(2026, 9, 2))
        Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.REPLACED)
        with pytest.raises(ServiceError, match="final plan"):
            cessation_propose(acting_user=user, plan=plan, reason="4", proposed_on=date(2026, 9, 1))

    def test_a_future_proposal_is_refused(self, user) -> None:
        with pytest.raises(ServiceError, match="future"):
            cessation_propose(acting_user=user, plan=final_plan(), reason="4", proposed_on=date(2099, 1, 1))


class TestConsultAndDecide:
    def test_consultation_then_decision_sends_the_notice(self, user) -> None:
        cessation = CessationFactory()
        cessation = cessation_consultation_record(
            acting_user=user, cessation=cessation, expected_version=1, family_consulted_on=date(2026, 9, 8),
            head_consulted_on=date(2026, 9, 9), views_received="  The college agrees; the family does not.  ")
        assert cessation.status == CessationStatus.CONSULTING and cessation.views_received.startswith("The")
        cessation = cessation_decide(acting_user=user, cessation=cessation, expected_version=2,
                                     decided_on=date(2026, 9, 21))
        assert cessation.status == CessationStatus.DECIDED and cessation.notice_includes_rights
        assert cessation.in_force_until == date(2026, 11, 23)
        told = Message.objects.get(kind="ceasing.decided")
        assert told.values["last_day"] == "2026-11-23"
        cessation.plan.refresh_from_db()
        assert cessation.plan.status == PlanStatus.FINAL  # still in force

    def test_consultation_before_the_proposal_is_refused(self, user) -> None:
        cessation = CessationFactory()
        with pytest.raises(ServiceError, match="before the proposal") as error:
            cessation_consultation_record(acting_user=user, cessation=cessation, expected_version=1,
                                          family_consulted_on=date(2026, 8, 1))
        assert error.value.field == "family_consulted_on"
        cessation.refresh_from_db()
        assert cessation.status == CessationStatus.PROPOSED and cessation.version == 1

    def test_a_consultation_needs_a_date(self, user) -> None:
        with pytest.raises(ServiceError, match="Give the date"):
            cessation_consultation_record(acting_user=user, cessation=CessationFactory(), expected_version=1,
                                          family_consulted_on=None)

    def test_deciding_before_consulting_is_refused(self, user) -> None:
        with pytest.raises(ServiceError, match="cannot decide"):
            cessation_decide(acting_user=user, cessation=CessationFactory(), expected_version=1,
                             decided_on=date(2026, 9, 21))

    def test_deciding_without_the_head_is_refused(self, user) -> None:
        cessation = consulting(head_consulted_on=None)
        with pytest.raises(ServiceError, match="head or principal"):
            cessation_decide(acting_user=user, cessation=cessation, expected_version=1, decided_on=date(2026, 9, 21))
        assert not Message.objects.exists()

    def test_deciding_before_the_consultation_is_refused(self, user) -> None:
        with pytest.raises(ServiceError, match="before the family was consulted"):
            cessation_decide(acting_user=user, cessation=consulting(), expected_version=1,
                             decided_on=date(2026, 9, 7))

    def test_stale_version_is_refused_and_nothing_changes(self, user) -> None:
        cessation = consulting()
        with pytest.raises(StaleEdit):
            cessation_decide(acting_user=user, cessation=cessation, expected_version=7, decided_on=date(2026, 9, 21))
        cessation.refresh_from_db()
        assert cessation.status == CessationStatus.CONSULTING and cessation.decided_on is None

    def test_a_follow_up_that_refuses_refuses_the_decision(self, user, monkeypatch) -> None:
        seen = []

        def refuse(*, cessation, decided_on, acting_user):
            seen.append((cessation.status, decided_on))
            raise ServiceError("The review is not ready to record its decision.")

        monkeypatch.setattr(follow_ups, "CEASE_DECISION_FOLLOW_UPS", [refuse])
        import pathfinder.ceasing.workflow as module

        monkeypatch.setattr(module, "CEASE_DECISION_FOLLOW_UPS", follow_ups.CEASE_DECISION_FOLLOW_UPS)
        cessation = consulting()
        with pytest.raises(ServiceError, match="review is not ready"):
            cessation_decide(acting_user=user, cessation=cessation, expected_version=1, decided_on=date(2026, 9, 21))
        assert seen == [(CessationStatus.DECIDED, date(2026, 9, 21))]
        cessation.refresh_from_db()
        assert cessation.status == CessationStatus.CONSULTING and cessation.decided_on is None
        assert not Message.objects.exists()
        assert not AuditEvent.objects.filter(what__contains="Decide").exists()

    def test_a_follow_up_is_called_with_the_contract(self, user, monkeypatch) -> None:
        calls = []
        import pathfinder.ceasing.workflow as module

        monkeypatch.setattr(module, "CEASE_DECISION_FOLLOW_UPS", [lambda **kw: calls.append(kw)])
        cessation = cessation_decide(acting_user=user, cessation=consulting(), expected_version=1,
                                     decided_on=date(2026, 9, 21))
        assert calls == [{"cessation": cessation, "decided_on": date(2026, 9, 21), "acting_user": user}]


class TestAppealAndTakeEffect:
    def test_take_effect_ceases_after_the_appeal_period(self, user) -> None:
        cessation = decided()
        assert cessations_take_effect(date(2026, 11, 23)) == []
        ceased = cessations_take_effect(date(2026, 11, 24))
        assert [c.pk for c in ceased] == [cessation.pk]
        cessation.refresh_from_db()
        assert cessation.status == CessationStatus.CEASED and cessation.ceases_on == date(2026, 11, 24)
        plan = Plan.objects.get(pk=cessation.plan_id)
        assert plan.status == PlanStatus.CEASED and plan.ended_on == date(2026, 11, 24) and plan.review_due_on is None
        assert Message.objects.filter(kind="ceasing.ceased").count() == 1
        assert cessations_take_effect(date(2026, 11, 25)) == []

    def test_an_appeal_keeps_the_plan_in_force(self, user) -> None:
        cessation = decided()
        cessation = cessation_appeal_record(acting_user=user, cessation=cessation, expected_version=1,
                                            lodged_on=date(2026, 10, 30))
        assert cessation.status == CessationStatus.DECIDED and cessation.in_force_until is None
        assert cessations_take_effect(date(2026, 12, 7)) == []
        assert Plan.objects.get(pk=cessation.plan_id).status == PlanStatus.FINAL

    def test_an_appeal_upheld_keeps_the_plan(self, user) -> None:
        cessation = decided(appeal_lodged_on=date(2026, 10, 30))
        cessation = cessation_appeal_record(acting_user=user, cessation=cessation, expected_version=1,
                                            lodged_on=date(2026, 10, 30), decided_on=date(2026, 12, 1), upheld=True)
        assert cessation.status == CessationStatus.WITHDRAWN and cessation.appeal_upheld
        assert Plan.objects.get(pk=cessation.plan_id).status == PlanStatus.FINAL

    def test_an_appeal_dismissed_ceases_the_plan_that_day(self, user) -> None:
        cessation = decided(appeal_lodged_on=date(2026, 10, 30))
        cessation = cessation_appeal_record(acting_user=user, cessation=cessation, expected_version=1,
                                            lodged_on=date(2026, 10, 30), decided_on=date(2026, 12, 1), upheld=False)
        assert cessation.status == CessationStatus.CEASED and cessation.ceases_on == date(2026, 12, 1)
        plan = Plan.objects.get(pk=cessation.plan_id)
        assert plan.status == PlanStatus.CEASED and plan.ended_on == date(2026, 12, 1)
        # One audit event for the act: the cessation's, not a second for the plan.
        assert AuditEvent.objects.filter(what__contains="dismissed").count() == 1

    def test_appeal_refusals(self, user) -> None:
        with pytest.raises(ServiceError, match="after the decision"):
            cessation_appeal_record(acting_user=user, cessation=decided(), expected_version=1,
                                    lodged_on=date(2026, 9, 1))
        with pytest.raises(ServiceError, match="upheld"):
            cessation_appeal_record(acting_user=user, cessation=decided(), expected_version=1,
                                    lodged_on=date(2026, 10, 1), decided_on=date(2026, 11, 1))
        with pytest.raises(ServiceError, match="already recorded"):
            cessation_appeal_record(acting_user=user, cessation=decided(appeal_lodged_on=date(2026, 10, 1)),
                                    expected_version=1, lodged_on=date(2026, 10, 1))
        with pytest.raises(ServiceError, match="cannot record an appeal"):
            cessation_appeal_record(acting_user=user, cessation=consulting(), expected_version=1,
                                    lodged_on=date(2026, 10, 1))


class TestWithdraw:
    @pytest.mark.parametrize("make", [CessationFactory, consulting, decided])
    def test_withdraw_from_any_open_stage(self, user, make) -> None:
        cessation = cessation_withdraw(acting_user=user, cessation=make(), expected_version=1,
                                       withdrawn_on=date(2026, 10, 1), reason="The family's views changed our mind.")
        assert cessation.status == CessationStatus.WITHDRAWN
        assert Plan.objects.get(pk=cessation.plan_id).status == PlanStatus.FINAL

    def test_withdraw_needs_a_reason_and_a_sensible_date(self, user) -> None:
        with pytest.raises(ServiceError, match="Say why"):
            cessation_withdraw(acting_user=user, cessation=CessationFactory(), expected_version=1,
                               withdrawn_on=date(2026, 10, 1), reason=" ")
        with pytest.raises(ServiceError, match="before ceasing was proposed"):
            cessation_withdraw(acting_user=user, cessation=CessationFactory(), expected_version=1,
                               withdrawn_on=date(2026, 8, 1), reason="Kept")

    def test_a_ceased_plan_cannot_be_withdrawn(self, user) -> None:
        cessation = decided(status=CessationStatus.CEASED)
        with pytest.raises(ServiceError, match="cannot keep the plan"):
            cessation_withdraw(acting_user=user, cessation=cessation, expected_version=1,
                               withdrawn_on=date(2026, 10, 1), reason="Kept")

    def test_after_withdrawing_a_new_proposal_may_be_made(self, user) -> None:
        cessation = cessation_withdraw(acting_user=user, cessation=CessationFactory(), expected_version=1,
                                       withdrawn_on=date(2026, 10, 1), reason="Kept")
        again = cessation_propose(acting_user=user, plan=cessation.plan, reason="4", proposed_on=date(2026, 11, 1))
        assert again.pk != cessation.pk


def test_the_daily_command_ceases_what_is_due(user) -> None:
    from io import StringIO

    from django.core.management import call_command

    decided()
    out = StringIO()
    call_command("cease_plans_due", stdout=out)
    assert out.getvalue().strip() == "Ceased 1 plan."


def test_the_notice_goes_to_whoever_holds_the_rights_by_the_way_they_chose(user) -> None:
    # A young person of 18 with no sign-in: a printed letter to their address (CFA s.80; the notice is theirs).
    young = decided(status=CessationStatus.CONSULTING, decided_on=None)
    cessation_decide(acting_user=user, cessation=young, expected_version=1, decided_on=date(2026, 9, 21))
    letter = Message.objects.get(kind="ceasing.decided", child_id=young.plan.child_id)
    assert letter.channel == "letter" and "23 November 2026" in letter.body
    # A child of 12: their parent, by email as the parent chose.
    child_plan = final_plan(date_of_birth=date(2014, 2, 3))
    cessation = consulting(plan=child_plan, reason="2")
    cessation_decide(acting_user=user, cessation=cessation, expected_version=1, decided_on=date(2026, 9, 21))
    email = Message.objects.get(kind="ceasing.decided", child_id=child_plan.child_id)
    assert email.channel == "email" and email.to_email.endswith("@example.test")


def test_the_school_and_the_health_body_involved_are_told_too(user) -> None:
    """Reg 31(2): the institution named in the plan and the health commissioning body hear of the decision."""
    from pathfinder.organisations.models import OrganisationKind
    from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationFactory
    from pathfinder.people.involvements import involvement_for_source

    cessation = consulting()
    child = cessation.plan.child
    college = OrganisationFactory(name="Riverside College")
    health = OrganisationFactory(name="Wealdmoor ICB", kind=OrganisationKind.HEALTH, urn="")
    college_admin = MembershipFactory(organisation=college, is_administrator=True).user
    MembershipFactory(organisation=college, is_administrator=False)  # a member who is not an administrator
    health_admin = MembershipFactory(organisation=health, is_administrator=True).user
    for organisation, capacity in ((college, "school"), (health, "health")):
        involvement_for_source(child=child, capacity=capacity, source_type="test", source_id=organisation.pk,
                               starts_on=date(2026, 1, 5), ends_on=None, reason="Named in the plan",
                               organisation=organisation)
    cessation_decide(acting_user=user, cessation=cessation, expected_version=1, decided_on=date(2026, 9, 21))
    told = Message.objects.filter(kind="ceasing.decided_for_professionals")
    assert sorted(m.recipient_id for m in told) == sorted([college_admin.pk, health_admin.pk])
    assert all(m.values["last_day"] == "2026-11-23" for m in told)
    event = AuditEvent.objects.filter(object_type="Cessation", object_id=str(cessation.pk)).order_by("-pk").first()
    assert "Riverside College" in event.what and "Wealdmoor ICB" in event.what


def test_with_no_school_or_health_body_in_pathfinder_only_the_family_is_told(user) -> None:
    cessation = consulting()
    cessation_decide(acting_user=user, cessation=cessation, expected_version=1, decided_on=date(2026, 9, 21))
    assert not Message.objects.filter(kind="ceasing.decided_for_professionals").exists()
    assert Message.objects.filter(kind="ceasing.decided").count() == 1
