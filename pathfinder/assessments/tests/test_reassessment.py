"""Re-assessment (SEND Regulations 2014 regs 24-27): the request, the decision, refusal as too soon, the new
plan's due date, the new plan replacing the old, and the DfE figures leaving re-assessments out."""

from datetime import date

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.reassessment import reassessment_request_create
from pathfinder.assessments.tests.factories import DraftingFactory
from pathfinder.assessments.transitions import assessment_transition
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.insights.selectors import council_timeliness
from pathfinder.notifications.models import Message
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory
from pathfinder.plans import workflow
from pathfinder.plans.models import Plan
from pathfinder.plans.tests.factories import PlanFactory, complete_plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quiet(settings):
    settings.GOVUK_NOTIFY_API_KEY = ""

LAST_ASSESSED = date(2026, 2, 10)  # the first assessment's decision to issue: reg 24(2) counts from here


def _child_with_plan():
    first = DraftingFactory(received_on=date(2025, 10, 1), decision_to_assess_on=date(2025, 11, 10),
                            decision_to_issue_on=LAST_ASSESSED, final_issued_on=date(2026, 2, 16))
    plan = PlanFactory(assessment=first, status="final", issued_on=date(2026, 2, 16))
    FamilyMemberFactory(child=first.child, name="Parent", email="parent@example.test", contact_preference="email")
    return first.child, plan, CaseworkerFactory(team=first.child.team)


def _request(child, user, received_on):
    return reassessment_request_create(acting_user=user, child=child, received_on=received_on,
                                       received_by="email", request_source="1")


def test_a_request_needs_a_final_plan():
    child = ChildFactory()
    with pytest.raises(ServiceError, match="no final EHC plan"):
        _request(child, CaseworkerFactory(team=child.team), date(2026, 7, 1))
    assert not Assessment.objects.filter(child=child).exists()


def test_the_decision_is_due_15_days_after_the_request_and_the_family_is_told(django_capture_on_commit_callbacks):
    child, _, user = _child_with_plan()
    with django_capture_on_commit_callbacks(execute=True):
        request = _request(child, user, date(2026, 7, 1))  # a Wednesday
    assert request.kind == "reassessment"
    assert request.decision_due_on == date(2026, 7, 16)
    assert request.final_plan_due_on is None and request.not_issue_due_on is None
    assert request.last_assessment_on == LAST_ASSESSED
    assert Message.objects.filter(kind="assessments.reassessment_request_received").exists()


def test_the_new_plan_is_due_14_weeks_after_the_decision_to_reassess(django_capture_on_commit_callbacks):
    child, _, user = _child_with_plan()
    request = _request(child, user, date(2026, 7, 1))
    with django_capture_on_commit_callbacks(execute=True):
        decided = assessment_transition(assessment=request, action="decide_to_assess", acting_user=user,
                                        on=date(2026, 7, 14), expected_version=request.version)
    assert decided.final_plan_due_on == date(2026, 10, 20)
    told = Message.objects.get(kind="assessments.decided_to_reassess")
    assert "20 October 2026" in told.body


def test_the_case_timeline_shows_the_reassessment_rules():
    from pathfinder.assessments.facts import assessment_timeline_for

    child, _, user = _child_with_plan()
    request = _request(child, user, date(2026, 7, 1))
    decided = assessment_transition(assessment=request, action="decide_to_assess", acting_user=user,
                                    on=date(2026, 7, 14), expected_version=request.version)
    timeline = assessment_timeline_for(decided, today=date(2026, 8, 1))
    assert timeline["decision_to_assess"].rule.citation == "SEND Regulations 2014, reg 25(1)"
    assert timeline["final_plan"].rule.citation == "SEND Regulations 2014, reg 27(2)"
    assert timeline["final_plan"].due == date(2026, 10, 20)
    assert timeline.get("decision_not_to_issue") is None


def test_refused_as_too_soon_within_six_months_of_the_last_assessment(django_capture_on_commit_callbacks):
    child, _, user = _child_with_plan()
    request = _request(child, user, date(2026, 8, 10))  # the last day of the window
    with django_capture_on_commit_callbacks(execute=True):
        refused = assessment_transition(assessment=request, action="refuse", acting_user=user, on=date(2026, 8, 20),
                                        expected_version=request.version, too_soon=True)
    assert refused.status == "refused"
    assert "reg 24(2)" in refused.refusal_reasons
    assert Message.objects.filter(kind="assessments.reassessment_refused").exists()


def test_too_soon_is_refused_after_six_months_and_nothing_is_saved():
    child, _, user = _child_with_plan()
    request = _request(child, user, date(2026, 8, 11))  # a day after the window
    with pytest.raises(ServiceError, match="cannot be refused as too soon"):
        assessment_transition(assessment=request, action="refuse", acting_user=user, on=date(2026, 8, 20),
                              expected_version=request.version, too_soon=True)
    fresh = Assessment.objects.get(pk=request.pk)
    assert (fresh.status, fresh.version, fresh.decision_to_assess_on) == ("requested", request.version, None)


def test_after_six_months_a_refusal_needs_reasons():
    child, _, user = _child_with_plan()
    request = _request(child, user, date(2026, 9, 1))
    with pytest.raises(ServiceError, match="Give the reasons"):
        assessment_transition(assessment=request, action="refuse", acting_user=user, on=date(2026, 9, 10),
                              expected_version=request.version)
    refused = assessment_transition(assessment=request, action="refuse", acting_user=user, on=date(2026, 9, 10),
                                    expected_version=request.version, reasons="The plan meets the needs.")
    assert refused.refusal_reasons == "The plan meets the needs."


def test_too_soon_is_only_for_a_reassessment():
    initial = DraftingFactory(status="requested", decided_to_assess=None, decision_to_assess_on=None,
                              decided_to_issue=None, decision_to_issue_on=None)
    with pytest.raises(ServiceError, match="too soon"):
        assessment_transition(assessment=initial, action="refuse", acting_user=initial.caseworker,
                              on=date(2026, 6, 10), expected_version=initial.version, too_soon=True)


def test_a_stale_decision_is_refused():
    child, _, user = _child_with_plan()
    request = _request(child, user, date(2026, 7, 1))
    with pytest.raises((ServiceError, StaleEdit)):
        assessment_transition(assessment=request, action="decide_to_assess", acting_user=user,
                              on=date(2026, 7, 14), expected_version=request.version + 1)
    assert Assessment.objects.get(pk=request.pk).final_plan_due_on is None


def test_the_new_plan_replaces_the_old_when_issued(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    child, old, user = _child_with_plan()
    request = _request(child, user, date(2026, 7, 1))
    request = assessment_transition(assessment=request, action="decide_to_assess", acting_user=user,
                                    on=date(2026, 7, 14), expected_version=request.version)
    request = assessment_transition(assessment=request, action="decide_to_issue", acting_user=user,
                                    on=date(2026, 8, 20), expected_version=request.version)
    new = complete_plan(assessment=request, child=child)
    workflow.plan_draft_send(acting_user=user, plan=new, on=date(2026, 9, 1), expected_version=new.version)
    sent = Plan.objects.get(pk=new.pk)
    workflow.plan_final_issue(acting_user=user, plan=sent, on=date(2026, 9, 20), placement_type="maintained_school",
                              expected_version=sent.version)
    assert Plan.objects.get(pk=old.pk).status == "replaced"
    assert Plan.objects.get(pk=new.pk).status == "final"
    assert Assessment.objects.get(pk=request.pk).final_issued_on <= Assessment.objects.get(pk=request.pk).final_plan_due_on


def test_dfe_timeliness_counts_first_assessments_only():
    child, _, user = _child_with_plan()
    request = _request(child, user, date(2026, 7, 1))
    assessment_transition(assessment=request, action="decide_to_assess", acting_user=user,
                          on=date(2026, 7, 30), expected_version=request.version)  # late: would count as late
    report = council_timeliness(date(2026, 7, 1), date(2026, 7, 31))
    assert report.decisions_to_assess.denominator == 0
    whole = council_timeliness(date(2025, 1, 1), date(2026, 12, 31))
    assert whole.final_plans_including_exceptions.denominator == 1  # the first plan only


def test_demo_reassessments_read_as_a_real_county():
    import random

    from django.utils import timezone

    from pathfinder.assessments.demo_reassessment import build_reassessments

    today = timezone.localdate()
    children = []
    for _ in range(3):
        child, _, user = _child_with_plan()
        children.append(child)
    user.team = children[0].team
    for child in children:
        child.team = user.team
        child.save()
    built = build_reassessments(random.Random(1), today=today, demo={"caseworker": user})
    assert built == {"reassessments": 3}
    rows = Assessment.objects.filter(kind="reassessment")
    assert sorted(r.status for r in rows) == ["assessing", "refused", "requested"]
    for row in rows:
        assert row.decision_due_on == row.received_on + (date(2026, 1, 16) - date(2026, 1, 1))
        if row.decision_to_assess_on:
            assert row.decision_to_assess_on <= row.decision_due_on
        if row.status == "assessing":
            assert (row.final_plan_due_on - row.decision_to_assess_on).days == 7 * 14
