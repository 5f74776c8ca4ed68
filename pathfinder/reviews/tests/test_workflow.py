"""Every move of the review workflow and every refusal: stale versions, nothing half-saved, one audit event per act,
and no review decided without its meeting, report and decision."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.workflow import diagram_lines
from pathfinder.notifications.models import Message
from pathfinder.organisations.tests.factories import MembershipFactory
from pathfinder.people.selectors import children_visible_to
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews import decisions, workflow
from pathfinder.reviews.models import InviteeRole, Review, ReviewInvitee, ReviewStatus
from pathfinder.reviews.tests.factories import ReviewFactory, arranged_review, final_plan
from pathfinder.reviews.workflow import WORKFLOW

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _events(review) -> int:
    return AuditEvent.objects.filter(child=review.plan.child, action__in=("create", "update")).count()


def _invitees(invited_on):
    return [{"role": InviteeRole.FAMILY, "name": "Ms Quill", "invited_on": invited_on},
            {"role": InviteeRole.HEAD, "name": "Mr Head", "invited_on": invited_on}]


def test_table_matches_the_diagram():
    lines = diagram_lines(WORKFLOW)
    assert "planned --arrange_meeting--> meeting_arranged" in lines
    assert "report_received --decide--> decided" in lines
    assert not any(line.startswith(("planned --decide", "meeting_held --decide", "meeting_arranged --decide"))
                   for line in lines)


def test_start_gives_the_school_access_until_the_decision():
    plan = final_plan()
    membership = MembershipFactory(starts_on=TODAY - timedelta(days=100))
    user = CaseworkerFactory(team=plan.child.team)
    review = workflow.review_start(acting_user=user, plan=plan, started_on=TODAY, run_by=membership.organisation)
    assert review.status == ReviewStatus.PLANNED and review.previous_reviewed_on is None
    assert plan.child in children_visible_to(membership.user)
    assert plan.child not in children_visible_to(MembershipFactory().user)
    assert _events(review) == 1
    with pytest.raises(ServiceError, match="already has a review"):
        workflow.review_start(acting_user=user, plan=plan, started_on=TODAY)


def test_start_refuses_a_plan_that_is_not_final_and_a_future_day():
    plan = final_plan()
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.CEASED)
    with pytest.raises(ServiceError, match="final plan"):
        workflow.review_start(acting_user=CaseworkerFactory(), plan=plan, started_on=TODAY)
    with pytest.raises(ServiceError, match="future"):
        workflow.review_start(acting_user=CaseworkerFactory(), plan=plan, started_on=TODAY + timedelta(days=1))
    assert not Review.objects.exists()


def test_arrange_with_enough_notice_tells_the_family():
    review = ReviewFactory()
    meeting = TODAY + timedelta(days=20)
    arranged = workflow.review_meeting_arrange(
        acting_user=CaseworkerFactory(), review=review, meeting_on=meeting, meeting_place="Oakfield School",
        invitees=_invitees(TODAY), expected_version=review.version)
    assert arranged.status == ReviewStatus.MEETING_ARRANGED and arranged.late_notice_reason == ""
    assert arranged.invitees.count() == 2 and _events(review) == 1


def test_short_notice_is_refused_unless_the_reason_is_recorded_and_then_shown_as_late():
    review = ReviewFactory()
    meeting = TODAY + timedelta(days=5)
    with pytest.raises(ServiceError, match="less than 2 weeks' notice") as refused:
        workflow.review_meeting_arrange(acting_user=CaseworkerFactory(), review=review, meeting_on=meeting,
                                        meeting_place="", invitees=_invitees(TODAY), expected_version=1)
    assert refused.value.field == "late_notice_reason"
    assert not ReviewInvitee.objects.exists() and Review.objects.get(pk=review.pk).status == ReviewStatus.PLANNED
    arranged = workflow.review_meeting_arrange(
        acting_user=CaseworkerFactory(), review=review, meeting_on=meeting, meeting_place="",
        invitees=_invitees(TODAY), late_notice_reason="The child moves school next week", expected_version=1)
    assert arranged.late_notice_reason
    from pathfinder.reviews.selectors import review_facts
    from statutory import review_timeline
    assert review_timeline(review_facts(arranged), today=TODAY)["invitations"].status == "done_late"


def test_arrange_refuses_no_family_invitee_and_a_stale_version():
    review = ReviewFactory()
    with pytest.raises(ServiceError, match="parent or young person"):
        workflow.review_meeting_arrange(acting_user=CaseworkerFactory(), review=review,
                                        meeting_on=TODAY + timedelta(days=30), meeting_place="",
                                        invitees=_invitees(TODAY)[1:], expected_version=1)
    with pytest.raises(StaleEdit):
        workflow.review_meeting_arrange(acting_user=CaseworkerFactory(), review=review,
                                        meeting_on=TODAY + timedelta(days=30), meeting_place="",
                                        invitees=_invitees(TODAY), expected_version=0)
    assert not ReviewInvitee.objects.exists() and _events(review) == 0


def test_advice_sets_the_circulated_date_once_all_is_sent():
    review = arranged_review(meeting_on=TODAY + timedelta(days=20), invited_on=TODAY)
    review = workflow.review_advice_record(acting_user=CaseworkerFactory(), review=review, from_whom="School",
                                           received_on=TODAY, circulated_on=TODAY, expected_version=review.version)
    assert review.advice_circulated_on == TODAY
    review = workflow.review_advice_record(acting_user=CaseworkerFactory(), review=review, from_whom="Speech therapy",
                                           received_on=TODAY, circulated_on=None, expected_version=review.version)
    assert review.advice_circulated_on is None and review.advice.count() == 2


def _progress(plan):
    return {o.pk: ("Follows two-step instructions most days", True) for o in plan.outcomes.all()}


def test_meeting_needs_progress_on_every_outcome_and_the_school_may_record_it():
    membership = MembershipFactory(starts_on=TODAY - timedelta(days=100))
    review = arranged_review(run_by=membership.organisation, plan=final_plan(outcomes=2))
    held = TODAY - timedelta(days=3)
    first = review.plan.outcomes.first()
    with pytest.raises(ServiceError, match="progress") as refused:
        workflow.review_meeting_record(acting_user=membership.user, review=review, held_on=held, attended=[],
                                       progress={first.pk: ("Good", True)}, expected_version=review.version)
    assert refused.value.field.startswith("progress_") and not review.progress.exists()
    with pytest.raises(ServiceError, match="Only the council or the school"):
        workflow.review_meeting_record(acting_user=AdviserFactory(), review=review, held_on=held, attended=[],
                                       progress=_progress(review.plan), expected_version=review.version)
    family = review.invitees.get(role=InviteeRole.FAMILY)
    done = workflow.review_meeting_record(acting_user=membership.user, review=review, held_on=held,
                                          attended=[family.pk], progress=_progress(review.plan),
                                          expected_version=review.version)
    assert done.status == ReviewStatus.MEETING_HELD and done.progress.count() == 2
    assert list(done.invitees.filter(attended=True)) == [family]


def test_meeting_cannot_be_in_the_future_or_before_the_invitations():
    review = arranged_review()
    with pytest.raises(ServiceError, match="future"):
        workflow.review_meeting_record(acting_user=CaseworkerFactory(), review=review,
                                       held_on=TODAY + timedelta(days=1), attended=[],
                                       progress=_progress(review.plan), expected_version=review.version)
    with pytest.raises(ServiceError, match="invitation cannot be sent after the meeting"):
        workflow.review_meeting_record(acting_user=CaseworkerFactory(), review=review,
                                       held_on=review.meeting_on - timedelta(days=30), attended=[],
                                       progress=_progress(review.plan), expected_version=review.version)


def _held(**kwargs):
    review = arranged_review(**kwargs)
    return workflow.review_meeting_record(acting_user=CaseworkerFactory(), review=review, held_on=review.meeting_on,
                                          attended=[], progress=_progress(review.plan),
                                          expected_version=review.version)


def _reported(**kwargs):
    review = _held(**kwargs)
    return workflow.review_report_record(acting_user=CaseworkerFactory(), review=review, received_on=TODAY,
                                         recommendations="Keep the plan", expected_version=review.version)


def test_report_refuses_a_day_before_the_meeting_and_an_empty_recommendation():
    review = _held()
    with pytest.raises(ServiceError, match="before the meeting"):
        workflow.review_report_record(acting_user=CaseworkerFactory(), review=review,
                                      received_on=review.meeting_on - timedelta(days=1), recommendations="x",
                                      expected_version=review.version)
    with pytest.raises(ServiceError, match="recommends"):
        workflow.review_report_record(acting_user=CaseworkerFactory(), review=review, received_on=TODAY,
                                      recommendations=" ", expected_version=review.version)
    assert Review.objects.get(pk=review.pk).report_received_on is None


def test_maintain_stamps_the_plan_clock_tells_the_family_and_ends_the_school_access():
    membership = MembershipFactory(starts_on=TODAY - timedelta(days=100))
    plan = final_plan()
    review = workflow.review_start(acting_user=CaseworkerFactory(), plan=plan, started_on=TODAY - timedelta(days=30),
                                   run_by=membership.organisation)
    review = workflow.review_meeting_arrange(
        acting_user=CaseworkerFactory(), review=review, meeting_on=TODAY - timedelta(days=3), meeting_place="",
        invitees=_invitees(TODAY - timedelta(days=25)), expected_version=review.version)
    review = workflow.review_meeting_record(acting_user=membership.user, review=review, held_on=review.meeting_on,
                                            attended=[], progress=_progress(plan), expected_version=review.version)
    review = workflow.review_report_record(acting_user=membership.user, review=review, received_on=TODAY,
                                           recommendations="Keep it", expected_version=review.version)
    before = _events(review)
    messages_before = Message.objects.count()
    decided = decisions.review_decide_maintain(acting_user=CaseworkerFactory(), review=review, decided_on=TODAY,
                                               expected_version=review.version)
    assert decided.status == ReviewStatus.DECIDED and decided.decision == "maintain"
    plan.refresh_from_db()
    assert plan.last_reviewed_on == TODAY and plan.review_due_on > TODAY + timedelta(days=360)
    assert _events(review) == before + 1
    assert Message.objects.count() >= messages_before  # the family is told (if they have an address)
    assert plan.child not in children_visible_to(membership.user, today=TODAY + timedelta(days=1))


def test_no_decision_without_meeting_and_report():
    review = _held()
    with pytest.raises(ServiceError, match="You cannot record the council's decision now"):
        decisions.review_decide_maintain(acting_user=CaseworkerFactory(), review=review, decided_on=TODAY,
                                         expected_version=review.version)
    planned = ReviewFactory()
    with pytest.raises(ServiceError):
        decisions.review_decide_maintain(acting_user=CaseworkerFactory(), review=planned, decided_on=TODAY,
                                         expected_version=planned.version)
    assert Plan.objects.get(pk=review.plan_id).last_reviewed_on is None


def test_maintain_refuses_a_stale_version_and_a_day_before_the_meeting_and_saves_nothing():
    review = _reported()
    with pytest.raises(StaleEdit):
        decisions.review_decide_maintain(acting_user=CaseworkerFactory(), review=review, decided_on=TODAY,
                                         expected_version=review.version - 1)
    with pytest.raises(ServiceError, match="before the meeting"):
        decisions.review_decide_maintain(acting_user=CaseworkerFactory(), review=review,
                                         decided_on=review.meeting_on - timedelta(days=1),
                                         expected_version=review.version)
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.REPORT_RECEIVED
    assert Plan.objects.get(pk=review.plan_id).last_reviewed_on is None


def test_the_amendment_notice_follow_up_decides_amend():
    review = _reported()
    amendment = final_plan()  # stands in for the draft amendment (plans.amendments is built alongside)
    Review.objects.filter(pk=review.pk).update(amendment=amendment)
    before = _events(review)
    decisions.review_amend_decided(amendment=amendment, on=TODAY, acting_user=CaseworkerFactory())
    review.refresh_from_db()
    assert review.status == ReviewStatus.DECIDED and review.decision == "amend" and review.decided_on == TODAY
    assert Plan.objects.get(pk=review.plan_id).last_reviewed_on == TODAY
    assert _events(review) == before  # the notice's own act records it
    decisions.review_amend_decided(amendment=final_plan(), on=TODAY, acting_user=None)  # not from a review: no-op


def test_the_cease_follow_up_decides_cease():
    from pathfinder.ceasing.tests.factories import CessationFactory

    review = _reported()
    cessation = CessationFactory(plan=review.plan)
    Review.objects.filter(pk=review.pk).update(cessation=cessation)
    decisions.review_cease_decided(cessation=cessation, decided_on=TODAY, acting_user=CaseworkerFactory())
    review.refresh_from_db()
    assert review.status == ReviewStatus.DECIDED and review.decision == "cease"


def test_follow_ups_are_registered():
    from pathfinder.ceasing.follow_ups import CEASE_DECISION_FOLLOW_UPS
    from pathfinder.plans.amendment_follow_ups import AMENDMENT_NOTICE_FOLLOW_UPS
    assert decisions.review_amend_decided in AMENDMENT_NOTICE_FOLLOW_UPS
    assert decisions.review_cease_decided in CEASE_DECISION_FOLLOW_UPS


def test_propose_amendment_without_the_amendments_module_is_refused_plainly(monkeypatch):
    review = _reported()
    import sys
    monkeypatch.setitem(sys.modules, "pathfinder.plans.amendments", None)
    with pytest.raises(ServiceError, match="Amendments cannot be started"):
        decisions.review_amendment_propose(acting_user=CaseworkerFactory(), review=review, reason="Change F",
                                           expected_version=review.version)


def test_propose_amendment_stores_the_draft(monkeypatch):
    review = _reported()
    draft = final_plan()
    import sys
    fake = SimpleNamespace(amendment_start=lambda **kwargs: draft)
    monkeypatch.setitem(sys.modules, "pathfinder.plans.amendments", fake)
    proposed = decisions.review_amendment_propose(acting_user=CaseworkerFactory(), review=review, reason="Change F",
                                                  expected_version=review.version)
    assert proposed.amendment == draft and proposed.status == ReviewStatus.REPORT_RECEIVED
    with pytest.raises(ServiceError, match="already proposed"):
        decisions.review_amendment_propose(acting_user=CaseworkerFactory(), review=proposed, reason="Again",
                                           expected_version=proposed.version)


def test_cancel_needs_a_reason():
    review = arranged_review()
    with pytest.raises(ServiceError, match="why"):
        workflow.review_cancel(acting_user=CaseworkerFactory(), review=review, reason="", expected_version=1)
    cancelled = workflow.review_cancel(acting_user=CaseworkerFactory(), review=review, reason="Started twice",
                                       expected_version=review.version)
    assert cancelled.status == ReviewStatus.CANCELLED
