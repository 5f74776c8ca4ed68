"""The family comments on a section of the draft, asks for a meeting and for a school; the caseworker sees each
comment against its section, answers it (the family reads the answer) and marks it dealt with."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.core.worklist import worklist_items
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans import family, representations
from pathfinder.plans.models import PlacementRequest, Representation
from pathfinder.plans.tests.factories import complete_plan

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def sent():
    """A draft sent to the family two days ago, its caseworker and a parent with a sign-in."""
    today = timezone.localdate()
    plan = complete_plan()
    assessment = plan.assessment
    assessment.caseworker = CaseworkerFactory(team=assessment.child.team, first_name="Priya", last_name="Shah")
    assessment.draft_served_on = today - timedelta(days=2)
    assessment.save()
    plan.status, plan.draft_sent_on = "draft_sent", assessment.draft_served_on
    plan.save()
    parent = ParentFactory()
    FamilyMemberFactory(child=assessment.child, user=parent)
    kw = {"child_id": plan.child_id, "plan_id": plan.pk}
    return plan, assessment.caseworker, parent, kw


def _long(day) -> str:
    return f"{day.day} {day:%B %Y}"


class TestFamilyCommentsOnASection:
    def test_each_section_has_a_comment_link_and_the_comment_is_kept_against_it(self, client, sent):
        plan, caseworker, parent, kw = sent
        sign_in(client, parent)
        html = client.get(reverse("plans:document", kwargs=kw)).content.decode()
        for letter in ("a", "b", "f", "h1", "k"):
            assert reverse("plans:comment-section", kwargs={**kw, "section": letter}) in html
        url = reverse("plans:comment-section", kwargs={**kw, "section": "f"})
        last_day = family.comment_window(plan.assessment, timezone.localdate()).last_day
        assert f"You have until {_long(last_day)}" in _text(client.get(url))
        response = client.post(url, {"text": "Sam needs speech therapy twice a week, not once."}, follow=True)
        assert "Your comments on section F have been sent" in _text(response)
        comment = Representation.objects.get(plan=plan)
        assert (comment.kind, comment.section, comment.status) == ("section", "F", "open")
        assert AuditEvent.objects.filter(child=plan.child, actor=parent, what="commented on section F of the draft "
                                         "plan").exists()
        # the family sees it under section F, not yet answered
        assert "We have not answered yet" in _text(response)

    def test_an_empty_comment_shows_a_govuk_error(self, client, sent):
        plan, caseworker, parent, kw = sent
        sign_in(client, parent)
        response = client.post(reverse("plans:comment-section", kwargs={**kw, "section": "b"}), {"text": "  "})
        page = _text(response)
        assert "There is a problem" in page and "Enter your comments on this section" in page
        assert not Representation.objects.exists()

    def test_an_unknown_section_is_not_found(self, client, sent):
        plan, caseworker, parent, kw = sent
        sign_in(client, parent)
        assert client.get(reverse("plans:comment-section", kwargs={**kw, "section": "z"})).status_code == 404

    def test_another_parent_is_refused_and_nothing_is_kept(self, client, sent):
        plan, caseworker, parent, kw = sent
        sign_in(client, ParentFactory())
        for name, extra in (("comment-section", {"section": "a"}), ("meeting-request", {}), ("family-school", {})):
            response = client.post(reverse(f"plans:{name}", kwargs={**kw, **extra}), {"text": "x",
                                                                                      "institution_name": "X"})
            assert response.status_code == 404, name
        assert not Representation.objects.exists() and not PlacementRequest.objects.exists()

    def test_staff_cannot_comment_as_the_family(self, client, sent):
        plan, caseworker, parent, kw = sent
        sign_in(client, caseworker)
        response = client.post(reverse("plans:comment-section", kwargs={**kw, "section": "a"}), {"text": "x"})
        assert response.status_code == 403


class TestMeetingRequest:
    def test_meeting_request_with_times_reaches_the_caseworkers_worklist(self, client, sent):
        plan, caseworker, parent, kw = sent
        sign_in(client, parent)
        response = client.post(reverse("plans:meeting-request", kwargs=kw),
                               {"text": "We would like to talk about section I.", "meeting_times": "Tuesday mornings"},
                               follow=True)
        assert "We have your request for a meeting" in _text(response)
        comment = Representation.objects.get(plan=plan)
        assert (comment.kind, comment.meeting_times) == ("meeting", "Tuesday mornings")
        today = timezone.localdate()
        items = [i for i in worklist_items(caseworker, today).items if "meeting" in i.title]
        assert len(items) == 1
        assert items[0].due == family.comment_window(plan.assessment, today).last_day
        assert items[0].notes == ("Times that suit them: Tuesday mornings",)
        assert items[0].url == reverse("plans:comment-answer", kwargs={**kw, "comment_id": comment.pk})
        # another caseworker's worklist does not show it
        assert not [i for i in worklist_items(CaseworkerFactory(team=plan.child.team), today).items
                    if "meeting" in i.title]

    def test_a_meeting_dealt_with_leaves_the_worklist(self, sent):
        plan, caseworker, parent, kw = sent
        comment = family.representation_add(acting_user=parent, plan=plan, text="", kind="meeting",
                                            meeting_times="Any afternoon", today=timezone.localdate())
        representations.representation_answer(acting_user=caseworker, representation=comment,
                                              reply="We will meet on Tuesday at 2pm at the council offices.",
                                              dealt_with=True, expected_version=comment.version)
        assert not [i for i in worklist_items(caseworker, timezone.localdate()).items if "meeting" in i.title]


class TestFamilyAsksForASchool:
    def test_request_from_the_draft_page_is_recorded_for_today(self, client, sent):
        plan, caseworker, parent, kw = sent
        sign_in(client, parent)
        html = client.get(reverse("plans:document", kwargs=kw)).content.decode()
        assert reverse("plans:family-school", kwargs=kw) in html
        response = client.post(reverse("plans:family-school", kwargs=kw),
                               {"institution_name": "Hill Academy", "institution_type": "academy"}, follow=True)
        assert "We have your request for Hill Academy" in _text(response)
        request = PlacementRequest.objects.get(plan=plan)
        assert (request.institution_name, request.requested_on) == ("Hill Academy", timezone.localdate())

    def test_missing_type_shows_a_govuk_error(self, client, sent):
        plan, caseworker, parent, kw = sent
        sign_in(client, parent)
        page = _text(client.post(reverse("plans:family-school", kwargs=kw), {"institution_name": "Hill Academy"}))
        assert "There is a problem" in page and "Select the kind of school or college" in page


class TestCaseworkerAnswers:
    def _comment(self, plan, parent, section="B", text="Reading is missing from section B."):
        return family.representation_add(acting_user=parent, plan=plan, text=text, section=section, kind="section",
                                         today=timezone.localdate())

    def test_comments_show_against_their_section_on_the_overview_and_the_section_page(self, client, sent):
        plan, caseworker, parent, kw = sent
        self._comment(plan, parent)
        self._comment(plan, parent, text="Also spelling.")
        sign_in(client, caseworker)
        overview = _text(client.get(reverse("plans:overview", kwargs=kw)))
        assert "2 comments from the family on this section" in overview
        assert "Reading is missing from section B." in overview
        section_page = _text(client.get(reverse("plans:needs", kwargs=kw)))
        assert "2 comments from the family on this section (2 to deal with)" in section_page
        assert "0 comments" not in _text(client.get(reverse("plans:outcomes", kwargs=kw)))

    def test_answer_is_shown_to_the_family_and_dealt_with(self, client, sent):
        plan, caseworker, parent, kw = sent
        comment = self._comment(plan, parent)
        sign_in(client, caseworker)
        url = reverse("plans:comment-answer", kwargs={**kw, "comment_id": comment.pk})
        assert "Change section B of the draft plan" in _text(client.get(url))
        response = client.post(url, {"reply": "We have added reading as need B2.", "dealt_with": "on",
                                     "version": str(comment.version)}, follow=True)
        assert "Your answer has been saved" in _text(response)
        comment.refresh_from_db()
        assert (comment.status, comment.reply, comment.replied_by) == ("dealt_with", "We have added reading as "
                                                                       "need B2.", caseworker)
        assert AuditEvent.objects.filter(child=plan.child, actor=caseworker,
                                         what="family's comment on the draft plan: answered and marked as dealt "
                                         "with").exists()
        sign_in(client, parent)
        page = _text(client.get(reverse("plans:document", kwargs=kw)))
        assert "Our answer" in page and "We have added reading as need B2." in page

    def test_dealt_with_needs_an_answer(self, client, sent):
        plan, caseworker, parent, kw = sent
        comment = self._comment(plan, parent)
        sign_in(client, caseworker)
        url = reverse("plans:comment-answer", kwargs={**kw, "comment_id": comment.pk})
        page = _text(client.post(url, {"reply": "", "dealt_with": "on", "version": str(comment.version)}))
        assert "Enter your answer to the family before marking the comment as dealt with" in page
        assert Representation.objects.get(pk=comment.pk).status == "open"

    def test_a_stale_answer_is_refused_plainly(self, client, sent):
        plan, caseworker, parent, kw = sent
        comment = self._comment(plan, parent)
        representations.representation_answer(acting_user=caseworker, representation=comment, reply="First answer",
                                              dealt_with=False, expected_version=comment.version)
        sign_in(client, CaseworkerFactory(team=plan.child.team))
        url = reverse("plans:comment-answer", kwargs={**kw, "comment_id": comment.pk})
        page = _text(client.post(url, {"reply": "Second answer", "version": "1"}))
        assert "Someone else answered this comment while you were writing" in page
        assert "Second answer" in page and "First answer" in page
        assert Representation.objects.get(pk=comment.pk).reply == "First answer"

    def test_a_comment_of_another_plan_is_not_found(self, client, sent):
        plan, caseworker, parent, kw = sent
        other = complete_plan(child__team=plan.child.team)
        comment = Representation.objects.create(plan=other, text="Elsewhere")
        sign_in(client, caseworker)
        url = reverse("plans:comment-answer", kwargs={**kw, "comment_id": comment.pk})
        assert client.get(url).status_code == 404
