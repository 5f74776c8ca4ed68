"""The family's voice in the plan: a parent writes their child's views (saved as they go, without JavaScript),
comments on a section of the draft and asks for a school; the caseworker answers, uses the family's words in
section A and issues the final plan, which shows what changed since the draft. Every page passes axe-core."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import ParentFactory
from pathfinder.assessments.models import Assessment
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans import workflow
from pathfinder.plans.models import ChildViews, PlacementRequest, Plan, PlanSnapshot, Representation
from pathfinder.plans.tests.factories import complete_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _time_passes(plan: Plan, days: int) -> None:
    """The family's time to comment runs out: the draft was sent ``days`` earlier than it was."""
    assessment = Assessment.objects.get(pk=plan.assessment_id)
    assessment.draft_served_on -= timedelta(days=days)
    assessment.save(update_fields=["draft_served_on"])
    Plan.objects.filter(pk=plan.pk).update(draft_sent_on=assessment.draft_served_on)
    PlanSnapshot.objects.filter(plan=plan).update(taken_on=assessment.draft_served_on)


def test_family_voice_from_views_to_the_final_plan(page, no_js_page, live_server, sign_in_as, axe_check,
                                                   settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    today = timezone.localdate()
    plan = complete_plan(section_a="Sam loves trains and drawing.", assessment__child__preferred_name="Sam")
    caseworker = plan.assessment.caseworker
    workflow.plan_draft_send(acting_user=caseworker, plan=plan, on=today - timedelta(days=3), expected_version=1)
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    child = plan.child

    # -- the parent, with JavaScript off: their child's views, saved as they go
    family = no_js_page
    sign_in_as(family, parent)
    family.get_by_role("link", name="Write or change your child's views").click()
    family.get_by_role("button", name="Start writing").click()
    family.get_by_label("What does your child find hard?").fill("Noisy rooms and lunchtimes.")
    family.get_by_role("button", name="Save and finish").click()
    assert family.get_by_role("heading", name="There is a problem").is_visible()
    assert family.get_by_label("What does your child find hard?").input_value() == "Noisy rooms and lunchtimes."
    axe_check(family)
    family.get_by_label("What is important to your child?").fill("Our dog Biscuit, and knowing what comes next.")
    family.get_by_role("button", name="Save and come back later").click()
    expect(family.locator("body")).to_contain_text("You can come back and finish them at any time")
    axe_check(family)
    record = ChildViews.objects.get(child=child, whose="parent")
    assert (record.important, record.hard) == ("Our dog Biscuit, and knowing what comes next.",
                                               "Noisy rooms and lunchtimes.")

    # -- the draft plan, section by section: a comment on section F, and a school
    family.goto(f"{live_server.url}/children/family/")
    family.get_by_role("link", name="Read the draft EHC plan").click()
    expect(family.locator("body")).to_contain_text("You have until")
    axe_check(family)
    family.get_by_role("link", name=re.compile(r"^Comment on this section\s*\(section F: Special")).click()
    expect(family.locator("body")).to_contain_text("You have until")
    family.get_by_label("Your comments on section F: Special educational provision").fill(
        "Sam needs speech therapy in school, not at the clinic.")
    family.get_by_role("button", name="Send your comments").click()
    expect(family.locator("body")).to_contain_text("Your comments on section F have been sent")
    expect(family.locator("body")).to_contain_text("We have not answered yet")
    family.get_by_role("link", name="Ask for a school or college").click()
    family.get_by_label("Name of the school or college").fill("Hill Academy")
    family.get_by_label("Academy or free school").check()
    axe_check(family)
    family.get_by_role("button", name="Send your request").click()
    expect(family.locator("body")).to_contain_text("We have your request for Hill Academy")
    assert PlacementRequest.objects.get(plan=plan).institution_name == "Hill Academy"
    comment = Representation.objects.get(plan=plan)
    assert (comment.section, comment.kind) == ("F", "section")

    # -- the caseworker: answers, uses the family's words, issues the final plan
    _time_passes(plan, days=20)
    base = f"{live_server.url}/children/{child.pk}/plans/{plan.pk}/"
    sign_in_as(page, caseworker)
    page.goto(base)
    expect(page.locator("body")).to_contain_text("1 comment from the family on this section")
    axe_check(page)
    page.get_by_role("link", name=re.compile(r"^Answer\s*the comment")).click()
    page.get_by_label("Your answer to the family").fill("We have asked the therapist to work with Sam in school.")
    page.get_by_label("This comment is dealt with").check()
    axe_check(page)
    page.get_by_role("button", name="Save your answer").click()
    assert Representation.objects.get(pk=comment.pk).status == "dealt_with"

    page.goto(base + "sections/a/")
    expect(page.locator("body")).to_contain_text("Our dog Biscuit")
    axe_check(page)
    page.get_by_role("link", name=re.compile(r"^Use these words")).click()
    page.get_by_role("button", name="Save and return to the plan").click()
    assert "Our dog Biscuit" in Plan.objects.get(pk=plan.pk).section_a

    page.goto(base + "final/")
    assert page.get_by_role("heading", name="What changed since the draft").is_visible()
    axe_check(page)
    page.get_by_label("Section I: type of school or other institution").select_option("academy")
    page.get_by_label("Section I: name of the school or other institution").fill("Hill Academy")
    page.get_by_role("button", name="Issue the final plan").click()
    expect(page.locator("body")).to_contain_text("Final plan issued")
    changes = page.locator("#since-draft").locator("xpath=..")
    text = changes.inner_text()
    assert "Added: From Sam's parent or carer:" in text
    assert "Changes to section I: School or other placement" in text and "Hill Academy" in text
    axe_check(page)

    # the parent reads the answer and the changes on the final plan
    family.goto(base + "plan/")
    expect(family.locator("body")).to_contain_text("What changed since the draft")
    axe_check(family)
