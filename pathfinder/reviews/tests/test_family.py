"""The family sees the review on their case page (the meeting, the decision and their rights) and is told by
message when the meeting is arranged and when the decision is made."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.notifications.models import Message
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.reviews import decisions, workflow
from pathfinder.reviews.models import InviteeRole, Review, ReviewInvitee
from pathfinder.reviews.tests.factories import final_plan

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_the_family_sees_the_meeting_then_the_decision_and_their_rights(client):
    plan = final_plan()
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent, email="parent@example.test")
    staff = CaseworkerFactory(team=plan.child.team)
    review = workflow.review_start(acting_user=staff, plan=plan, started_on=TODAY - timedelta(days=30))
    meeting = TODAY + timedelta(days=20)
    review = workflow.review_meeting_arrange(
        acting_user=staff, review=review, meeting_on=meeting, meeting_place="Oakfield School",
        invitees=[{"role": InviteeRole.FAMILY, "name": "Parent", "invited_on": TODAY}],
        expected_version=review.version)
    assert Message.objects.filter(kind="reviews.meeting_arranged").exists()
    sign_in(client, parent)
    url = reverse("family:case", kwargs={"child_id": plan.child_id})
    page = client.get(url).content.decode()
    assert f"The meeting to review the plan is on {meeting.day} {meeting:%B %Y} at Oakfield School." in page

    # Weeks later: the meeting was held (moved on in time by moving the dates back).
    Review.objects.filter(pk=review.pk).update(meeting_on=TODAY - timedelta(days=5))
    ReviewInvitee.objects.filter(review=review).update(invited_on=TODAY - timedelta(days=25))
    review.refresh_from_db()
    review = workflow.review_meeting_record(
        acting_user=staff, review=review, held_on=review.meeting_on, attended=[],
        progress={o.pk: ("Doing well", True) for o in plan.outcomes.all()}, expected_version=review.version)
    review = workflow.review_report_record(acting_user=staff, review=review, received_on=TODAY,
                                           recommendations="Keep the plan", expected_version=review.version)
    decisions.review_decide_maintain(acting_user=staff, review=review, decided_on=TODAY,
                                     expected_version=review.version)
    assert Message.objects.filter(kind="reviews.decided").exists()
    page = client.get(url).content.decode()
    assert "We decided to keep the plan as it is." in page
    assert "You can appeal to the Tribunal until" in page and "If you do not agree" in page
