"""At 320 px (400% zoom) the parent's draft plan does not scroll sideways: section F's table scrolls inside its
own region, which the keyboard reaches, names the table and shows the GOV.UK focus style (WCAG 1.4.10, 2.1.1)."""

from datetime import date

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans import workflow
from pathfinder.plans.tests.factories import complete_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_parents_draft_plan_reflows_and_its_tables_scroll_by_keyboard(narrow_page, live_server, sign_in_as,
                                                                       assert_reflows, tab_to, axe_check):
    plan = complete_plan()
    assessment = plan.assessment
    caseworker = CaseworkerFactory(team=assessment.child.team)
    workflow.plan_draft_send(acting_user=caseworker, plan=plan, on=date(2026, 9, 1), expected_version=1)
    parent = ParentFactory()
    FamilyMemberFactory(child=assessment.child, user=parent)

    sign_in_as(narrow_page, parent)
    narrow_page.goto(f"{live_server.url}/plans/children/{assessment.child_id}/assessments/{assessment.pk}/plan/")
    assert_reflows(narrow_page)
    region = narrow_page.locator(".pf-table-scroll", has=narrow_page.locator("th", has_text="How often")).first
    assert region.get_attribute("role") == "region" and region.get_attribute("aria-label")
    # The whole table is there, wider than the screen: it scrolls inside the region, not the page.
    widths = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert widths[0] > widths[1], widths
    assert region.locator("th", has_text="Who").count() == 1
    tab_to(narrow_page, f'.pf-table-scroll[aria-label="{region.get_attribute("aria-label")}"]')
    focused = narrow_page.evaluate("() => document.activeElement.closest('.pf-table-scroll') !== null")
    outline = narrow_page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert focused and outline == "solid"
    narrow_page.keyboard.press("ArrowRight")
    narrow_page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    axe_check(narrow_page)
