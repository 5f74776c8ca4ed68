"""A decision not to amend the plan (CFA 2014 s.51(2)(d)) reads the same on the plan's page as on the family's case
page ("Decisions you can appeal"): the day we told them, the mediation adviser and the certificate they need, and
the last day to appeal, moved by a certificate. Both after deciding against proposed amendments and after a review
that kept the plan as it is."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.disagreements import mediation
from pathfinder.disagreements.family import decision_lines
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans import amendments
from pathfinder.plans.tests.factories_amendments import amendment_with_change, final_plan
from pathfinder.reviews import decisions, workflow
from pathfinder.reviews.models import InviteeRole, Review, ReviewInvitee
from pathfinder.reviews.tests.factories import final_plan as reviewed_plan

pytestmark = pytest.mark.django_db


def _page(client, name: str, **kwargs) -> str:
    return html.unescape(client.get(reverse(name, kwargs=kwargs)).content.decode())


def test_not_amending_reads_as_on_the_familys_page_and_moves_with_a_certificate(client) -> None:
    plan, user = final_plan()
    amendment = amendment_with_change(plan, user)
    amendment = amendments.amendment_notice_send(acting_user=user, amendment=amendment, on=date(2026, 11, 10),
                                                 expected_version=amendment.version)
    amendments.amendment_not_make(acting_user=user, amendment=amendment, on=date(2026, 11, 20),
                                  reasons="The school can meet the need.", expected_version=amendment.version)
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    decision = AppealableDecision.objects.get(source_type="plans.plan", source_id=str(amendment.pk))
    sign_in(client, parent)
    kw = {"child_id": plan.child_id, "plan_id": amendment.pk}
    today = timezone.localdate()
    lines = decision_lines(decision, today)
    plan_page, family_page = _page(client, "plans:document", **kw), _page(client, "family:case", child_id=plan.child_id)
    for line in lines:
        assert line in plan_page and line in family_page
    assert "only about the school" not in plan_page  # a decision not to amend always needs the certificate

    sign_in(client, user)
    case = mediation.mediation_start(acting_user=user, decision=decision, adviser_contacted=date(2026, 11, 25))
    mediation.mediation_step_record(acting_user=user, case=case, action="adviser_certificate", on=date(2026, 12, 1),
                                    expected_version=case.version)
    decision.refresh_from_db()
    after = decision_lines(decision, today)
    assert "You got a mediation certificate on 1 December 2026." in after or after[-1].startswith("The time to appeal")
    sign_in(client, parent)
    plan_page, family_page = _page(client, "plans:document", **kw), _page(client, "family:case", child_id=plan.child_id)
    for line in after:
        assert line in plan_page and line in family_page


def _plan_kept_at_review(*, days_ago: int):
    """A final plan whose review kept it as it is, decided ``days_ago`` days back (the meeting 15 days before the
    decision, the report 10): (plan, its parent, the caseworker, the review, the decision recorded)."""
    today = timezone.localdate()
    decided_on = today - timedelta(days=days_ago)
    plan = reviewed_plan()
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    staff = CaseworkerFactory(team=plan.child.team)
    review = workflow.review_start(acting_user=staff, plan=plan, started_on=decided_on - timedelta(days=40))
    review = workflow.review_meeting_arrange(
        acting_user=staff, review=review, meeting_on=today + timedelta(days=20), meeting_place="Oakfield School",
        invitees=[{"role": InviteeRole.FAMILY, "name": "Parent", "invited_on": today}], expected_version=review.version)
    # weeks later: the meeting held
    Review.objects.filter(pk=review.pk).update(meeting_on=decided_on - timedelta(days=15))
    ReviewInvitee.objects.filter(review=review).update(invited_on=decided_on - timedelta(days=35))
    review.refresh_from_db()
    review = workflow.review_meeting_record(
        acting_user=staff, review=review, held_on=review.meeting_on, attended=[],
        progress={o.pk: ("Doing well", True) for o in plan.outcomes.all()}, expected_version=review.version)
    review = workflow.review_report_record(acting_user=staff, review=review, received_on=decided_on - timedelta(days=10),
                                           recommendations="Keep the plan", expected_version=review.version)
    decisions.review_decide_maintain(acting_user=staff, review=review, decided_on=decided_on,
                                     expected_version=review.version)
    decision = AppealableDecision.objects.get(source_type="reviews.review", source_id=str(review.pk))
    return plan, parent, staff, decision


def test_a_review_that_keeps_the_plan_gives_the_same_rights_on_the_plan_page(client) -> None:
    today = timezone.localdate()
    plan, parent, staff, decision = _plan_kept_at_review(days_ago=0)
    lines = decision_lines(decision, today)
    assert any(line.startswith("You can appeal to the Tribunal until") for line in lines)
    for user in (parent, staff):
        sign_in(client, user)
        plan_page = _page(client, "plans:document", child_id=plan.child_id, plan_id=plan.pk)
        assert "After the review of this plan: " + " ".join(lines) in plan_page, user
    assert "See the decision and any mediation" in plan_page  # the caseworker is taken to the decision


def test_the_familys_review_section_follows_a_mediation_certificate_too(client) -> None:
    """The review part of the family's page gave the appeal date from the decision alone, so after a mediation
    certificate it named an earlier last day than "Decisions you can appeal" on the same page."""
    today = timezone.localdate()
    decided_on = today - timedelta(days=60)  # the certificate's month then runs past the 2 months
    plan, parent, staff, decision = _plan_kept_at_review(days_ago=60)
    from statutory import appeal_dates

    last_day = appeal_dates(decided_on).appeal_by
    stale = f"You can appeal to the Tribunal until {last_day.day} {last_day:%B %Y}."
    sign_in(client, staff)
    case = mediation.mediation_start(acting_user=staff, decision=decision, adviser_contacted=today - timedelta(days=10))
    mediation.mediation_step_record(acting_user=staff, case=case, action="adviser_certificate",
                                    on=today,
                                    expected_version=case.version)
    decision.refresh_from_db()
    sign_in(client, parent)
    family_page = _page(client, "family:case", child_id=plan.child_id)
    assert "We decided to keep the plan as it is." in family_page
    for line in decision_lines(decision, today):
        assert family_page.count(line) >= 2, line  # in the review section and in "Decisions you can appeal"
    assert stale not in family_page
