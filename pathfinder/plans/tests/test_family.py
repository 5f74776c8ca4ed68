"""The family's draft-plan pages: the time to comment comes from the statutory timeline, a past deadline is
never shown as open, a late comment is kept but marked late, and the caseworker's name and contact are shown."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.facts import assessment_timeline_for
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans import family
from pathfinder.plans.models import Representation
from pathfinder.plans.tests.factories import complete_plan

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    """The page's words, without tags, so that sentences split by markup can be matched."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _long(day) -> str:
    return f"{day.day} {day:%B %Y}"


def _sent_draft(days_ago: int):
    """A draft plan sent to the family ``days_ago`` days before today, and a signed-up parent."""
    today = timezone.localdate()
    plan = complete_plan()
    assessment = plan.assessment
    assessment.caseworker = CaseworkerFactory(team=assessment.child.team, first_name="Priya", last_name="Shah",
                                              email="priya.shah@wealdmoor.example.org", phone="01632 960555")
    assessment.draft_served_on = today - timedelta(days=days_ago)
    assessment.save()
    plan.status, plan.draft_sent_on = "draft_sent", assessment.draft_served_on
    plan.save()
    parent = ParentFactory()
    FamilyMemberFactory(child=assessment.child, user=parent)
    return plan, assessment, parent


def _urls(assessment) -> dict[str, str]:
    kw = {"child_id": assessment.child_id, "plan_id": assessment.plan.pk}
    return {name: reverse(f"plans:{name}", kwargs=kw) for name in ("comment", "document", "overview")}


class TestCommentWindow:
    def test_last_day_is_the_statutory_timelines(self):
        _, assessment, _ = _sent_draft(days_ago=3)
        today = timezone.localdate()
        window = family.comment_window(assessment, today)
        assert window.last_day == assessment_timeline_for(assessment, today=today).get("representations_close").due
        assert window.served_on == assessment.draft_served_on and window.is_open
        assert window.citation.startswith("SEND Regulations 2014, reg 13")

    def test_closed_after_its_last_day(self):
        _, assessment, _ = _sent_draft(days_ago=40)
        window = family.comment_window(assessment, timezone.localdate())
        assert not window.is_open
        assert family.comment_window(assessment, window.last_day).is_open


class TestOpenWindow:
    def test_comment_page_gives_the_last_day_and_the_caseworker(self, client):
        plan, assessment, parent = _sent_draft(days_ago=2)
        last_day = family.comment_window(assessment, timezone.localdate()).last_day
        sign_in(client, parent)
        page = _text(client.get(_urls(assessment)["comment"]))
        assert f"You have until {_long(last_day)} to comment" in page
        assert "Your caseworker is Priya Shah" in page and "priya.shah@wealdmoor.example.org" in page
        assert "01632 960555" in page and "has ended" not in page

    def test_comment_in_time_is_not_marked_late(self, client):
        plan, assessment, parent = _sent_draft(days_ago=2)
        sign_in(client, parent)
        response = client.post(_urls(assessment)["comment"], {"text": "Please add swimming."}, follow=True)
        assert "Your comments have been sent to your caseworker, Priya Shah" in _text(response)
        assert Representation.objects.get(plan=plan).after_window_closed is False


class TestClosedWindow:
    def test_pages_say_plainly_that_the_time_has_ended_and_what_to_do(self, client):
        plan, assessment, parent = _sent_draft(days_ago=40)
        last_day = family.comment_window(assessment, timezone.localdate()).last_day
        sign_in(client, parent)
        for name in ("comment", "document"):
            page = _text(client.get(_urls(assessment)[name]))
            assert f"The time to comment on the draft plan ended on {_long(last_day)}" in page, name
            assert "You have until" not in page, name
            assert "What you can still do" in page and "Ask to meet your caseworker" in page, name
            assert "mediation adviser and appeal to the SEND Tribunal" in page, name
            assert "Priya Shah" in page, name

    def test_a_late_comment_is_kept_marked_late_and_the_family_told(self, client):
        plan, assessment, parent = _sent_draft(days_ago=40)
        sign_in(client, parent)
        response = client.post(_urls(assessment)["comment"], {"text": "We forgot to mention swimming."}, follow=True)
        assert "The time to comment had ended, so the final plan may be issued without waiting" in _text(response)
        comment = Representation.objects.get(plan=plan)
        assert comment.after_window_closed is True and comment.text == "We forgot to mention swimming."

        sign_in(client, assessment.caseworker)
        overview = _text(client.get(_urls(assessment)["overview"]))
        assert "We forgot to mention swimming." in overview and "Sent after the time to comment ended" in overview


class TestFamilyHome:
    def test_draft_is_one_step_away_with_the_caseworkers_contact(self, client):
        plan, assessment, parent = _sent_draft(days_ago=2)
        sign_in(client, parent)
        response = client.get(reverse("family:home"))
        html = response.content.decode()
        assert f'href="{_urls(assessment)["document"]}"' in html and "Read the draft EHC plan" in html
        assert f'href="{_urls(assessment)["comment"]}"' in html
        page = _text(response)
        assert "Your caseworker is Priya Shah" in page and "priya.shah@wealdmoor.example.org" in page

    def test_no_link_before_the_draft_is_sent(self, client):
        plan, assessment, parent = _sent_draft(days_ago=2)
        assessment.draft_served_on = None
        assessment.save()
        plan.status, plan.draft_sent_on = "draft", None
        plan.save()
        sign_in(client, parent)
        html = client.get(reverse("family:home")).content.decode()
        assert _urls(assessment)["document"] not in html and "Read the draft EHC plan" not in html

    def test_no_caseworker_yet_gives_the_send_team(self, client, settings):
        plan, assessment, parent = _sent_draft(days_ago=2)
        assessment.caseworker = None
        assessment.save()
        settings.COUNCIL_CONTACTS = {"send_team": {"name": "Wealdmoor SEND Assessment Team",
                                                   "email": "send.team@wealdmoor.example.org", "phone": "01632 960100"}}
        sign_in(client, parent)
        page = _text(client.get(reverse("family:home")))
        assert "You do not have a caseworker yet. Contact the Wealdmoor SEND Assessment Team" in page
        assert "send.team@wealdmoor.example.org" in page
