"""The child's own voice: saved as the family goes, a required answer asked for only on finishing (losing
nothing), a stale save refused plainly, a professional recording a young child's views, and "Use these words"."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory
from pathfinder.plans import child_views
from pathfinder.plans.models import ChildViews
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def family():
    """A child with no plan yet (views are gathered during the assessment) and their parent."""
    child = ChildFactory(preferred_name="Sam")
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    return child, parent


def _edit(child, whose="parent") -> str:
    return reverse("plans:views-edit", kwargs={"child_id": child.pk, "whose": whose})


class TestSavedAsTheyGo:
    def test_questions_are_asked_of_the_parent_about_their_child(self, client, family):
        child, parent = family
        sign_in(client, parent)
        page = _text(client.get(_edit(child)))
        assert "What is important to your child?" in page and "How does your child like to be helped?" in page
        assert "Save and come back later" in page

    def test_second_save_keeps_the_first_answers(self, client, family):
        child, parent = family
        sign_in(client, parent)
        client.post(_edit(child), {"version": "0", "important": "Her dog Biscuit.", "action": "later"})
        record = ChildViews.objects.get(child=child, whose="parent")
        assert (record.important, record.version, record.updated_by) == ("Her dog Biscuit.", 1, parent)
        response = client.post(_edit(child), {"version": "1", "important": "Her dog Biscuit.",
                                              "enjoys": "Swimming and drawing.", "action": "later"}, follow=True)
        assert "You can come back and finish them at any time" in _text(response)
        record.refresh_from_db()
        assert (record.important, record.enjoys, record.version) == ("Her dog Biscuit.", "Swimming and drawing.", 2)
        assert AuditEvent.objects.filter(child=child, actor=parent, what="saved the parent's or carer's views "
                                         "(section A)").count() == 2

    def test_finishing_without_the_first_answer_shows_an_error_and_keeps_the_rest(self, client, family):
        child, parent = family
        sign_in(client, parent)
        response = client.post(_edit(child), {"version": "0", "important": "", "hard": "Loud places.",
                                              "action": "finish"})
        page = _text(response)
        assert response.status_code == 200
        assert "There is a problem" in page and "Enter what is important to your child" in page
        assert "Loud places." in page  # still in the form
        record = ChildViews.objects.get(child=child, whose="parent")
        assert record.hard == "Loud places."  # and saved
        assert 'name="version" value="1"' in response.content.decode()  # the next save is not refused as stale

    def test_a_stale_save_is_refused_plainly_and_the_words_stay(self, client, family):
        child, parent = family
        other_parent = ParentFactory()
        FamilyMemberFactory(child=child, user=other_parent)
        child_views.child_views_save(acting_user=other_parent, child=child, whose="parent",
                                     answers={"important": "Grandma."}, expected_version=0)
        sign_in(client, parent)
        page = _text(client.post(_edit(child), {"version": "0", "important": "Football.", "action": "later"}))
        assert "Someone else saved these answers while you were writing" in page
        assert "Football." in page and "Grandma." in page
        assert ChildViews.objects.get(child=child).important == "Grandma."

    def test_nothing_changed_makes_no_new_version(self, family):
        child, parent = family
        record = child_views.child_views_save(acting_user=parent, child=child, whose="parent",
                                              answers={"important": "Trains"}, expected_version=0)
        again = child_views.child_views_save(acting_user=parent, child=child, whose="parent",
                                             answers={"important": "Trains"}, expected_version=1)
        assert again.version == record.version == 1


class TestWhoWritesWhat:
    def test_a_parent_cannot_write_the_young_persons_or_childs_views(self, client, family):
        child, parent = family
        sign_in(client, parent)
        for whose in ("young_person", "child", "nobody"):
            assert client.get(_edit(child, whose)).status_code == 404

    def test_another_parent_sees_nothing(self, client, family):
        child, parent = family
        sign_in(client, ParentFactory())
        assert client.get(reverse("plans:views", kwargs={"child_id": child.pk})).status_code == 404
        assert client.post(_edit(child), {"version": "0", "important": "x"}).status_code == 404
        assert not ChildViews.objects.exists()

    def test_a_professional_records_a_young_childs_views_saying_how(self, client, family):
        child, parent = family
        caseworker = CaseworkerFactory(team=child.team)
        sign_in(client, caseworker)
        page = _text(client.post(_edit(child, "child"), {"version": "0", "important": "Mummy and the bus.",
                                                         "action": "finish"}))
        assert "Enter how you found out the child's views" in page
        client.post(_edit(child, "child"), {"version": "1", "important": "Mummy and the bus.",
                                            "recorded_how": "Talking mat at nursery", "action": "finish"})
        record = ChildViews.objects.get(child=child, whose="child")
        assert (record.recorded_how, record.updated_by) == ("Talking mat at nursery", caseworker)
        # the parent reads it, and who recorded it
        sign_in(client, parent)
        listed = _text(client.get(reverse("plans:views", kwargs={"child_id": child.pk})))
        assert "Talking mat at nursery" in listed and caseworker.display_name in listed

    def test_an_uninvolved_adviser_cannot_record(self, client, family):
        child, parent = family
        sign_in(client, AdviserFactory())
        assert client.get(_edit(child, "child")).status_code == 404


class TestUseTheseWords:
    def test_section_a_shows_the_views_and_copies_them_into_the_box(self, client, family):
        child, parent = family
        plan = PlanFactory(child=child, assessment__child=child, section_a="")
        child_views.child_views_save(acting_user=parent, child=child, whose="parent",
                                     answers={"important": "Her dog Biscuit.", "future": "To go to college."},
                                     expected_version=0)
        caseworker = CaseworkerFactory(team=child.team)
        sign_in(client, caseworker)
        url = reverse("plans:section", kwargs={"child_id": child.pk, "plan_id": plan.pk, "section": "a"})
        page = client.get(url).content.decode()
        assert "Use these words" in page and "Her dog Biscuit." in page
        assert reverse("plans:views", kwargs={"child_id": child.pk}) in page
        used = client.get(url + "?use=parent")
        textarea = re.search(r"<textarea[^>]*>(.*?)</textarea>", used.content.decode(), re.S).group(1)
        textarea = html.unescape(textarea)
        assert "From Sam's parent or carer:" in textarea
        assert "What is important to Sam?\nHer dog Biscuit." in textarea
        assert "What would Sam like to happen in the future?\nTo go to college." in textarea
        plan.refresh_from_db()
        assert plan.section_a == ""  # nothing saved until the caseworker saves


class TestYoungPerson:
    """Once the rights have passed (CFA s.80), the young person writes their own views and comments on the draft."""

    def test_young_person_writes_their_own_views_and_comments_on_their_draft(self, client):
        from datetime import date, timedelta

        from django.utils import timezone

        from pathfinder.accounts.tests.factories import ManagerFactory, YoungPersonFactory
        from pathfinder.people import services
        from pathfinder.plans.models import Representation

        today = timezone.localdate()
        plan = PlanFactory(assessment__child__date_of_birth=date(today.year - 17, 1, 10), status="draft_sent",
                           draft_sent_on=today - timedelta(days=2))
        plan.assessment.draft_served_on = plan.draft_sent_on
        plan.assessment.save()
        child = plan.child
        young_person = YoungPersonFactory()
        services.young_person_user_link(acting_user=ManagerFactory(), child=child, user=young_person)
        sign_in(client, young_person)
        page = _text(client.get(_edit(child, "young_person")))
        assert "What is important to you?" in page and "your child" not in page
        client.post(_edit(child, "young_person"), {"version": "0", "important": "My music.", "action": "finish"})
        assert ChildViews.objects.get(child=child, whose="young_person").important == "My music."
        assert client.get(_edit(child, "parent")).status_code == 404
        kw = {"child_id": child.pk, "plan_id": plan.pk}
        client.post(reverse("plans:comment-section", kwargs={**kw, "section": "e"}), {"text": "I want to learn to cook."})
        comment = Representation.objects.get(plan=plan)
        assert (comment.author, comment.section) == (young_person, "E")

    def test_the_read_of_the_views_is_audited(self, client, family):
        child, parent = family
        sign_in(client, parent)
        client.get(reverse("plans:views", kwargs={"child_id": child.pk}))
        event = AuditEvent.objects.get(child=child, actor=parent, action="view")
        assert event.what == "views, interests and aspirations (section A)"
