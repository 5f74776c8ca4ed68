"""Plan services: each refused change says why and saves nothing; accepted changes are versioned and audited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.tests.factories import AssessingFactory, DraftingFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.plans import family, placement_requests, services, workflow
from pathfinder.plans.models import Plan, PlanProvision
from pathfinder.plans.tests.factories import PlanFactory, PlanNeedFactory, complete_plan

pytestmark = pytest.mark.django_db

SERVED = date(2026, 9, 1)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def user_for(plan):
    return CaseworkerFactory(team=plan.assessment.child.team)


def fresh(plan) -> Plan:
    return Plan.objects.get(pk=plan.pk)


def test_plan_starts_only_when_drafting():
    assessing = AssessingFactory()
    with pytest.raises(ServiceError, match="decided to issue a plan"):
        services.plan_start(acting_user=CaseworkerFactory(), assessment=assessing)
    assert not Plan.objects.exists()


def test_plan_start_creates_once_and_audits():
    assessment = DraftingFactory()
    user = CaseworkerFactory(team=assessment.child.team)
    plan = services.plan_start(acting_user=user, assessment=assessment)
    again = services.plan_start(acting_user=user, assessment=assessment)
    assert plan.pk == again.pk and plan.status == "draft" and plan.version == 1
    assert AuditEvent.objects.filter(child=assessment.child, what="started the draft EHC plan").count() == 1


def test_section_save_bumps_version_and_audits():
    plan = PlanFactory()
    user = user_for(plan)
    services.plan_section_save(acting_user=user, plan=plan, section="C", text="Epilepsy, managed with medication",
                               expected_version=1)
    saved = fresh(plan)
    assert saved.section_c == "Epilepsy, managed with medication" and saved.version == 2
    assert AuditEvent.objects.filter(child=plan.assessment.child, what__contains="section C").exists()


def test_two_caseworkers_saving_at_once_the_second_is_refused_and_the_first_kept():
    plan = PlanFactory()
    first, second = user_for(plan), user_for(plan)
    services.plan_section_save(acting_user=first, plan=plan, section="A", text="First caseworker's words",
                               expected_version=1)
    with pytest.raises(StaleEdit, match="Someone else saved this plan while you were editing"):
        services.plan_section_save(acting_user=second, plan=plan, section="A", text="Second caseworker's words",
                                   expected_version=1)
    assert fresh(plan).section_a == "First caseworker's words"
    assert fresh(plan).version == 2


def test_stale_provision_edit_is_refused():
    plan = complete_plan()
    item = plan.provisions.get()
    need = plan.needs.get()
    user = user_for(plan)
    services.plan_need_update(acting_user=user, need=need, area="Communication", description="Changed",
                              expected_version=1)
    with pytest.raises(StaleEdit):
        services.plan_provision_update(acting_user=user, provision=item, description="Other", amount="1 hour",
                                       frequency="daily", provided_by="TA", needs=[need.pk], expected_version=1)
    assert PlanProvision.objects.get(pk=item.pk).description != "Other"


def test_a_school_cannot_be_named_in_the_draft():
    plan = PlanFactory()
    with pytest.raises(ServiceError, match="section 38\\(5\\)"):
        services.plan_section_save(acting_user=user_for(plan), plan=plan, section="I", text="Oak Primary",
                                   expected_version=1)
    assert fresh(plan).placement_name == "" and fresh(plan).version == 1


def test_draft_naming_a_school_is_not_sent():
    plan = complete_plan(placement_name="Oak Primary School", placement_type="maintained_school")
    with pytest.raises(ServiceError, match="must leave section I blank"):
        workflow.plan_draft_send(acting_user=user_for(plan), plan=plan, on=SERVED, expected_version=1)
    assert Assessment.objects.get(pk=plan.assessment_id).status == "decided_to_issue"
    assert fresh(plan).status == "draft"


def test_vague_wording_blocks_sending_until_fixed():
    plan = PlanFactory()
    user = user_for(plan)
    need = services.plan_need_add(acting_user=user, plan=plan, area="Communication", description="Needs help",
                                  expected_version=1)
    outcome = services.plan_outcome_add(acting_user=user, plan=plan,
                                        description="By July 2027 Sam will ask for help.", needs=[need.pk],
                                        expected_version=2)
    item = services.plan_provision_add(
        acting_user=user, plan=plan, section="F", description="Access to speech therapy", amount="45 minutes",
        frequency="as needed", provided_by="Speech and language therapist", needs=[need.pk],
        outcomes=[outcome.pk], expected_version=3,
    )
    with pytest.raises(workflow.PlanProblems) as refused:
        workflow.plan_draft_send(acting_user=user, plan=plan, on=SERVED, expected_version=4)
    assert {p.code for p in refused.value.problems} == {"vague_provision"}
    assert {f.phrase for p in refused.value.problems for f in p.flags} == {"Access to", "as needed"}
    assert Assessment.objects.get(pk=plan.assessment_id).draft_served_on is None

    services.plan_provision_update(
        acting_user=user, provision=item, description="One-to-one speech and language therapy",
        amount="45 minutes", frequency="once a week in term time", provided_by="Speech and language therapist",
        needs=[need.pk], outcomes=[outcome.pk], expected_version=4,
    )
    workflow.plan_draft_send(acting_user=user, plan=plan, on=SERVED, expected_version=5)
    assessment = Assessment.objects.get(pk=plan.assessment_id)
    assert fresh(plan).status == "draft_sent" and fresh(plan).draft_sent_on == SERVED
    assert assessment.draft_served_on == SERVED


def test_need_without_provision_blocks_sending():
    plan = complete_plan()
    PlanNeedFactory(plan=plan, area="Sensory")
    with pytest.raises(workflow.PlanProblems) as refused:
        workflow.plan_draft_send(acting_user=user_for(plan), plan=plan, on=SERVED, expected_version=1)
    assert "Sensory" in refused.value.problems[0].message


def test_health_provision_needs_who_agreed_it():
    plan = complete_plan()
    with pytest.raises(ServiceError, match="who agreed"):
        services.plan_provision_add(acting_user=user_for(plan), plan=plan, section="G", description="Physio",
                                    health_commissioner_agreed=True, expected_version=1)


def test_outcome_must_link_needs_of_this_plan():
    plan = complete_plan()
    other_need = PlanNeedFactory()
    with pytest.raises(ServiceError, match="Select needs from this plan"):
        services.plan_outcome_add(acting_user=user_for(plan), plan=plan, description="x", needs=[other_need.pk],
                                  expected_version=1)


def test_final_plan_before_a_draft_is_refused_and_nothing_saved():
    plan = complete_plan()
    with pytest.raises(ServiceError, match="Send the draft plan first"):
        workflow.plan_final_issue(acting_user=user_for(plan), plan=plan, on=date(2026, 9, 20),
                                  placement_type="maintained_school", placement_name="Oak Primary",
                                  expected_version=1)
    saved = fresh(plan)
    assert saved.status == "draft" and saved.placement_name == "" and saved.version == 1
    assert Assessment.objects.get(pk=plan.assessment_id).status == "decided_to_issue"
    assert fresh(plan).status == "draft"


def _sent_plan():
    plan = complete_plan()
    user = user_for(plan)
    workflow.plan_draft_send(acting_user=user, plan=plan, on=SERVED, expected_version=1)
    return fresh(plan), user


def test_final_plan_waits_for_the_15_days():
    plan, user = _sent_plan()
    with pytest.raises(ServiceError, match="can be issued from 16 September 2026") as refused:
        workflow.plan_final_issue(acting_user=user, plan=plan, on=date(2026, 9, 15),
                                  placement_type="maintained_school", expected_version=plan.version)
    assert "until 15 September 2026" in refused.value.message
    assert fresh(plan).status == "draft_sent"


def test_final_plan_needs_section_i():
    plan, user = _sent_plan()
    with pytest.raises(ServiceError, match="type of school"):
        workflow.plan_final_issue(acting_user=user, plan=plan, on=date(2026, 9, 16), placement_type="",
                                  expected_version=plan.version)


def test_placement_request_flags_section_38_types():
    plan, user = _sent_plan()
    academy = placement_requests.placement_request_record(acting_user=user, plan=plan, institution_name="Hill Academy",
                                                institution_type="academy", requested_on=date(2026, 9, 5))
    independent = placement_requests.placement_request_record(
        acting_user=user, plan=plan, institution_name="Private School", institution_type="independent",
        requested_on=date(2026, 9, 5),
    )
    assert academy.must_be_considered_for_naming is True
    assert independent.must_be_considered_for_naming is False
    with pytest.raises(ServiceError, match="URN"):
        placement_requests.placement_request_record(acting_user=user, plan=plan, institution_name="X",
                                          institution_type="academy", institution_urn="12",
                                          requested_on=date(2026, 9, 5))


def test_placement_request_before_the_assessment_request_is_refused():
    plan, user = _sent_plan()
    received = plan.assessment.received_on
    with pytest.raises(ServiceError) as refused:
        placement_requests.placement_request_record(
            acting_user=user, plan=plan, institution_name="Hill Academy", institution_type="academy",
            requested_on=received - timedelta(days=1))
    assert refused.value.field == "requested_on"
    assert f"on or after {received:%-d %B %Y}" in refused.value.message
    assert not plan.placement_requests.exists()
    placement_requests.placement_request_record(acting_user=user, plan=plan, institution_name="Hill Academy",
                                                institution_type="academy", requested_on=received)
    assert plan.placement_requests.count() == 1


def test_the_same_school_asked_for_twice_is_refused():
    plan, user = _sent_plan()
    placement_requests.placement_request_record(acting_user=user, plan=plan, institution_name="St Mary's Academy",
                                                institution_type="academy", institution_urn="123456",
                                                requested_on=date(2026, 9, 5))
    for name, urn in (("st marys  academy", ""), ("Another name", "123456")):
        with pytest.raises(ServiceError) as refused:
            placement_requests.placement_request_record(acting_user=user, plan=plan, institution_name=name,
                                                        institution_type="academy", institution_urn=urn,
                                                        requested_on=date(2026, 9, 6))
        assert "request for St Mary's Academy was already recorded (asked on 5 September 2026)" in (
            refused.value.message)
        assert refused.value.field == "institution_name"
    assert plan.placement_requests.count() == 1
    placement_requests.placement_request_record(acting_user=user, plan=plan, institution_name="Hill Academy",
                                                institution_type="academy", requested_on=date(2026, 9, 6))
    assert plan.placement_requests.count() == 2


def test_consultation_dates_are_checked():
    plan, user = _sent_plan()
    consultation = services.consultation_send(acting_user=user, plan=plan, institution_name="Hill Academy",
                                              institution_type="academy", sent_on=date(2026, 9, 7))
    with pytest.raises(ServiceError, match="before the consultation was sent"):
        services.consultation_response_record(acting_user=user, consultation=consultation,
                                              responded_on=date(2026, 9, 6), response="Yes", can_meet_needs=True)
    with pytest.raises(ServiceError, match="future"):
        services.consultation_send(acting_user=user, plan=plan, institution_name="Hill Academy",
                                   institution_type="academy", sent_on=date(2099, 1, 1))


def test_representation_only_while_draft_is_out():
    plan = complete_plan()
    with pytest.raises(ServiceError, match="only while the draft plan is with you"):
        family.representation_add(acting_user=user_for(plan), plan=plan, text="Please add swimming",
                                  today=date(2026, 9, 2))


def test_sending_the_draft_and_issuing_the_final_plan_each_write_one_audit_event(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan = complete_plan()
    user = user_for(plan)
    before = AuditEvent.objects.count()
    workflow.plan_draft_send(acting_user=user, plan=plan, on=SERVED, expected_version=1)
    assert AuditEvent.objects.count() == before + 1
    sent = fresh(plan)
    workflow.plan_final_issue(acting_user=user, plan=sent, on=date(2026, 9, 20), placement_type="maintained_school",
                              placement_name="Oak Primary", expected_version=sent.version)
    events = list(AuditEvent.objects.order_by("pk")[before:])
    assert [e.what for e in events] == ["draft plan: draft sent to the family on 01 September 2026",
                                        "final plan: final plan issued on 20 September 2026"]
    issued = fresh(plan)
    assert (issued.status, issued.issued_on, issued.draft_sent_on) == ("final", date(2026, 9, 20), SERVED)
    assessment = Assessment.objects.get(pk=plan.assessment_id)
    assert (assessment.status, assessment.final_issued_on) == ("decided_to_issue", date(2026, 9, 20))


def test_issuing_a_new_final_plan_replaces_the_child_s_earlier_one(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan = complete_plan()
    earlier = PlanFactory(assessment=AssessingFactory(child=plan.child, received_on=date(2023, 1, 9)),
                          child=plan.child, status="final", issued_on=date(2023, 6, 1))
    user = user_for(plan)
    workflow.plan_draft_send(acting_user=user, plan=plan, on=SERVED, expected_version=1)
    sent = fresh(plan)
    workflow.plan_final_issue(acting_user=user, plan=sent, on=date(2026, 9, 20), placement_type="maintained_school",
                              expected_version=sent.version)
    assert fresh(earlier).status == "replaced" and fresh(plan).status == "final"
    assert Plan.objects.filter(child=plan.child, status="final").count() == 1


def test_withdrawing_the_request_stops_the_plan_being_written_in_the_same_act():
    from pathfinder.assessments.transitions import assessment_transition

    plan = complete_plan()
    assessment = plan.assessment
    before = AuditEvent.objects.count()
    assessment_transition(assessment=assessment, action="withdraw", acting_user=user_for(plan), on=SERVED,
                          expected_version=assessment.version)
    assert fresh(plan).status == "stopped"
    assert AuditEvent.objects.count() == before + 1
    with pytest.raises(ServiceError, match="the plan is at “Not issued: the request was withdrawn”"):
        workflow.plan_draft_send(acting_user=user_for(plan), plan=fresh(plan), on=SERVED,
                                 expected_version=fresh(plan).version)


def test_a_second_plan_cannot_be_started_while_one_is_being_written():
    plan = complete_plan()
    other = DraftingFactory(child=plan.child, received_on=date(2026, 7, 1))
    with pytest.raises(ServiceError, match="Another plan is being written"):
        services.plan_start(acting_user=user_for(plan), assessment=other)


def test_issuing_a_new_plan_starts_its_review_clock(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan = complete_plan()
    user = user_for(plan)
    workflow.plan_draft_send(acting_user=user, plan=plan, on=SERVED, expected_version=1)
    sent = fresh(plan)
    workflow.plan_final_issue(acting_user=user, plan=sent, on=date(2026, 9, 20), placement_type="maintained_school",
                              expected_version=sent.version)
    issued = fresh(plan)
    # The 12 months starting with 20 September 2026 end on 19 September 2027 (CFA s.44(1)).
    assert (issued.first_made_on, issued.last_reviewed_on, issued.review_due_on) == (
        date(2026, 9, 20), None, date(2027, 9, 19))
