"""A caseworker writes section F of a draft EHC plan with JavaScript off, sees vague wording flagged, fixes it,
and the pages pass axe-core (run in a JavaScript-on page, since axe needs JavaScript)."""

import pytest
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.plans.models import Plan
from pathfinder.plans.tests.factories import PlanFactory, PlanNeedFactory, PlanOutcomeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_caseworker_fixes_vague_provision_without_javascript(page, no_js_page, live_server, sign_in_as, axe_check):
    plan = PlanFactory()
    need = PlanNeedFactory(plan=plan, area="Communication and interaction")
    outcome = PlanOutcomeFactory(plan=plan, needs=[need])
    assessment = plan.assessment
    caseworker = CaseworkerFactory(team=assessment.child.team)
    base = f"{live_server.url}/plans/children/{assessment.child_id}/assessments/{assessment.pk}/"

    # with JavaScript off, from the task list to section F
    sign_in_as(no_js_page, caseworker)
    no_js_page.goto(base)
    no_js_page.get_by_role("link", name="F: Special educational provision").click()
    no_js_page.get_by_label("What will be provided").fill("Access to speech and language therapy")
    no_js_page.get_by_label("How much").fill("45 minutes")
    no_js_page.get_by_label("How often").fill("as needed")
    no_js_page.get_by_label("Who will provide it").fill("A speech and language therapist")
    no_js_page.get_by_label("B1: Communication and interaction").check()
    # the outcome's label is shown in full, not cut mid-word
    no_js_page.get_by_label(f"E1: {outcome.description}", exact=True).check()
    no_js_page.get_by_role("button", name="Add provision").click()

    # the vague words are marked in place, with why and a better example
    marked = no_js_page.locator("mark.pf-vague")
    assert marked.all_inner_texts() == ["Access to", "as needed"]
    expect(no_js_page.locator("body")).to_contain_text("promises a chance to use something")

    # the same pages pass axe-core (JavaScript on)
    sign_in_as(page, caseworker)
    page.goto(base + "provision/F/")
    axe_check(page)
    page.goto(base + "check/")
    assert page.locator("mark.pf-vague").count() == 2
    axe_check(page)
    page.goto(base)
    axe_check(page)

    # fix it, still without JavaScript
    no_js_page.get_by_role("link", name="Change F1").click()
    no_js_page.get_by_label("What will be provided").fill("One-to-one speech and language therapy")
    no_js_page.get_by_label("How often").fill("once a week during term time")
    no_js_page.get_by_role("button", name="Save", exact=True).click()
    assert no_js_page.locator("mark.pf-vague").count() == 0
    expect(no_js_page.locator("body")).to_contain_text("No problems")
    assert Plan.objects.get(pk=plan.pk).provisions.get().frequency == "once a week during term time"


def test_final_plan_page_passes_axe(page, live_server, sign_in_as, axe_check, settings, tmp_path):
    from datetime import date

    from pathfinder.plans import workflow
    from pathfinder.plans.tests.factories import complete_plan

    settings.MEDIA_ROOT = tmp_path
    plan = complete_plan()
    assessment = plan.assessment
    caseworker = CaseworkerFactory(team=assessment.child.team)
    workflow.plan_draft_send(acting_user=caseworker, plan=plan, on=date(2026, 9, 1), expected_version=1)
    plan.refresh_from_db()
    workflow.plan_final_issue(acting_user=caseworker, plan=plan, on=date(2026, 9, 20), placement_type="academy",
                              placement_name="Hill Academy", expected_version=plan.version)

    sign_in_as(page, caseworker)
    page.goto(f"{live_server.url}/plans/children/{assessment.child_id}/assessments/{assessment.pk}/plan/")
    assert page.get_by_role("heading", name="Section I: School or other placement", exact=True).is_visible()
    assert page.get_by_role("link", name="Download the plan as a PDF").is_visible()
    axe_check(page)
