"""What changed since the draft: the comparison of two contents (plain dicts, no database), and the copy of the
draft kept when it is sent, shown on the final plan."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.plans import workflow
from pathfinder.plans.changes import content_diff, plan_content
from pathfinder.plans.models import PlanSnapshot
from pathfinder.plans.tests.factories import PlanProvisionFactory, complete_plan


def _content(**sections) -> dict:
    return {"version": 1, "sections": sections}


def _item(key, text, label=""):
    return {"key": key, "label": label, "text": text}


class TestContentDiff:
    def test_same_content_has_no_changes(self):
        content = _content(A=[_item("p1", "Sam loves trains.")], B=[_item("1", "Reading", "B1")])
        assert content_diff(content, content) == []

    def test_a_new_paragraph_is_added_not_everything_changed(self):
        before = _content(A=[_item("p1", "Sam loves trains.")])
        after = _content(A=[_item("p1", "Sam loves trains."), _item("p2", "Sam wants to swim.")])
        [section] = content_diff(before, after)
        assert (section.section, section.added, section.removed, section.changed) == ("A", ["Sam wants to swim."],
                                                                                     [], [])
        assert section.title == "A: Views, interests and aspirations"

    def test_a_reworded_paragraph_is_changed_with_before_and_after(self):
        before = _content(C=[_item("p1", "No health needs.")])
        after = _content(C=[_item("p1", "Sam has asthma.")])
        [section] = content_diff(before, after)
        assert [(c.before, c.after) for c in section.changed] == [("No health needs.", "Sam has asthma.")]

    def test_items_are_matched_by_key_not_position(self):
        before = _content(F=[_item("10", "Speech therapy", "F1"), _item("11", "Reading group", "F2")])
        after = _content(F=[_item("11", "Reading group", "F1"), _item("12", "Swimming", "F2")])
        [section] = content_diff(before, after)
        assert section.added == ["F2: Swimming"]
        assert section.removed == ["F1: Speech therapy"]
        assert section.changed == []  # the reading group moved up a place: not a change of words

    def test_an_item_reworded_shows_its_label(self):
        before = _content(E=[_item("5", "Read a book", "E1")])
        after = _content(E=[_item("5", "Read a short book aloud", "E1")])
        [section] = content_diff(before, after)
        assert [(c.label, c.before, c.after) for c in section.changed] == [("E1", "Read a book",
                                                                            "Read a short book aloud")]

    def test_sections_come_in_the_plans_order_and_unchanged_ones_are_left_out(self):
        before = _content(J=[], B=[_item("1", "x", "B1")], A=[_item("p1", "same")])
        after = _content(J=[_item("p1", "A direct payment")], B=[], A=[_item("p1", "same")])
        assert [s.section for s in content_diff(before, after)] == ["B", "J"]


pytestmark_db = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytestmark_db
class TestDraftSnapshot:
    def test_sending_the_draft_keeps_its_content_in_the_same_act(self):
        plan = complete_plan()
        caseworker = CaseworkerFactory(team=plan.child.team)
        workflow.plan_draft_send(acting_user=caseworker, plan=plan, on=date(2026, 9, 1), expected_version=1)
        snapshot = PlanSnapshot.objects.get(plan=plan)
        assert snapshot.taken_on == date(2026, 9, 1) and snapshot.kind == "draft_sent"
        assert snapshot.content == plan_content(plan)
        assert snapshot.content["sections"]["F"][0]["label"] == "F1"

    def test_a_refused_send_keeps_no_copy(self):
        plan = complete_plan(placement_name="Hill Academy")
        caseworker = CaseworkerFactory(team=plan.child.team)
        with pytest.raises(workflow.ServiceError):
            workflow.plan_draft_send(acting_user=caseworker, plan=plan, on=date(2026, 9, 1), expected_version=1)
        assert not PlanSnapshot.objects.exists()

    def test_final_plan_shows_what_changed_in_words(self, client, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        plan = complete_plan()
        caseworker = CaseworkerFactory(team=plan.child.team)
        workflow.plan_draft_send(acting_user=caseworker, plan=plan, on=date(2026, 9, 1), expected_version=1)
        plan.refresh_from_db()
        need = plan.needs.get()
        PlanProvisionFactory(plan=plan, needs=[need], outcomes=[plan.outcomes.get()],
                             description="Swimming lessons with a trained helper")
        plan.section_a += "\n\nSam would like to join the choir."
        plan.save()
        plan.refresh_from_db()
        workflow.plan_final_issue(acting_user=caseworker, plan=plan, on=date(2026, 9, 20), placement_type="academy",
                                  placement_name="Hill Academy", expected_version=plan.version)
        sign_in(client, caseworker)
        page = _text(client.get(reverse("plans:document", kwargs={"child_id": plan.child_id, "plan_id": plan.pk})))
        assert "What changed since the draft" in page and "Compared with the draft sent on 1 September 2026" in page
        assert "Added: Sam would like to join the choir." in page
        assert "Added: F2: Swimming lessons with a trained helper" in page
        assert "Added: Hill Academy, Academy or free school" in page
        assert "Changes to section A: Views" in page and "Changes to section B" not in page

    def test_a_plan_sent_before_copies_were_kept_says_so(self, client):
        plan = complete_plan(status="final", draft_sent_on=date(2025, 3, 1), issued_on=date(2025, 4, 1),
                             placement_type="academy")
        caseworker = CaseworkerFactory(team=plan.child.team)
        sign_in(client, caseworker)
        page = _text(client.get(reverse("plans:document", kwargs={"child_id": plan.child_id, "plan_id": plan.pk})))
        assert "We did not keep a copy of the draft sent on 1 March 2025" in page
