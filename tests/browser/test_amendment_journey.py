"""Amending a plan, end to end: the caseworker proposes amendments and changes section F, serves the notice; the
parent (JavaScript off) reads the tracked changes and comments on section F; once the family's days to comment have
passed the caseworker issues the amended plan; the versions page compares the old plan with the new."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import ParentFactory
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans.models import Plan, PlanSnapshot, Representation
from pathfinder.plans.tests.factories_amendments import final_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_amend_serve_comment_issue_and_compare(page, no_js_page, live_server, sign_in_as, axe_check, settings,
                                               tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan, caseworker = final_plan(with_parent=False)
    parent = ParentFactory()
    FamilyMemberFactory(child=plan.child, user=parent)
    child_url = f"{live_server.url}/children/{plan.child_id}/plans/"

    # the caseworker proposes amendments from the plan in force and changes section F
    sign_in_as(page, caseworker)
    page.goto(f"{child_url}{plan.pk}/plan/")
    page.get_by_role("link", name="Propose amendments").click()
    page.get_by_label("Why is the plan being amended?").fill("The annual review found more therapy is needed.")
    page.get_by_role("button", name="Propose amendments").click()
    expect(page.locator("body")).to_contain_text("Proposed amendments to the EHC plan")
    axe_check(page)
    amendment = Plan.objects.get(kind="amendment")
    page.get_by_role("link", name="F: Special educational provision").click()
    page.get_by_role("link", name="Change F1").click()
    page.get_by_label("How much").fill("60 minutes")
    page.get_by_role("button", name="Save", exact=True).click()
    page.goto(f"{child_url}{amendment.pk}/check/")
    axe_check(page)
    page.get_by_role("button", name="Send the amendment notice to the family").click()
    expect(page.locator("body")).to_contain_text("Amendment notice sent")

    # the parent, without JavaScript, reads the changes and comments on section F
    family = no_js_page
    sign_in_as(family, parent)
    family.goto(f"{child_url}{amendment.pk}/changes/")
    expect(family.locator("body")).to_contain_text("removed: 45")
    expect(family.locator("body")).to_contain_text("added: 60")
    family.get_by_role("link", name="Comment on the changes, section by section").click()
    family.get_by_role("link", name="Comment on this section (section F: Special educational provision)").click()
    family.get_by_label("Your comments on section F: Special educational provision").fill(
        "Sixty minutes is right. Please tell us who the therapist will be.")
    family.get_by_role("button", name="Send your comments").click()
    expect(family.locator("body")).to_contain_text("Your comments on section F have been sent")
    assert Representation.objects.get(plan=amendment).section == "F"

    # the family's 15 days pass (the notice is dated back), then the caseworker issues the amended plan
    served = timezone.localdate() - timedelta(days=16)
    Plan.objects.filter(pk=amendment.pk).update(draft_sent_on=served)
    PlanSnapshot.objects.filter(plan=amendment).update(taken_on=served)
    page.goto(f"{child_url}{amendment.pk}/final/")
    axe_check(page)
    page.get_by_role("button", name="Issue the amended plan").click()
    expect(page.locator("body")).to_contain_text("Amended plan issued")
    assert Plan.objects.get(pk=plan.pk).status == "replaced"

    # every version is listed, and the old plan compares with the new
    page.goto(f"{child_url}versions/")
    axe_check(page)
    page.get_by_label("Earlier version").select_option(str(plan.pk))
    page.get_by_label("Later version").select_option(str(amendment.pk))
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("body")).to_contain_text("Compare two versions of the plan")
    expect(page.locator("body")).to_contain_text("added: 60")
    axe_check(page)
