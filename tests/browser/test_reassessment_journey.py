"""A caseworker records a school's request to re-assess a child with a final plan, meets the form's errors, then
decides to re-assess; the case page shows the re-assessment's own rules (regs 24 to 27)."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.assessments.models import Assessment
from pathfinder.assessments.tests.factories import DraftingFactory
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _date(page, name: str, day) -> None:
    page.fill(f"input[name='{name}-day']", str(day.day))
    page.fill(f"input[name='{name}-month']", str(day.month))
    page.fill(f"input[name='{name}-year']", str(day.year))


def test_caseworker_records_and_accepts_a_request_to_reassess(page, live_server, sign_in_as, axe_check):
    first = DraftingFactory(received_on=date(2024, 10, 1), decision_to_assess_on=date(2024, 11, 10),
                            decision_to_issue_on=date(2025, 2, 10), final_issued_on=date(2025, 2, 16))
    plan = PlanFactory(assessment=first, status="final", issued_on=date(2025, 2, 16), first_made_on=date(2025, 2, 16))
    today = timezone.localdate()
    sign_in_as(page, first.caseworker)
    page.goto(f"{live_server.url}/children/{plan.child_id}/plans/{plan.pk}/plan/")
    page.get_by_role("link", name="Record a request for a re-assessment").click()
    expect(page.locator("body")).to_contain_text("The plan stays in place meanwhile.")
    axe_check(page)

    page.get_by_role("button", name="Record the request").click()  # empty: the GOV.UK error summary
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select who asked for the re-assessment")
    assert not Assessment.objects.filter(child=plan.child, kind="reassessment").exists()
    axe_check(page)

    _date(page, "received_on", today)
    page.locator("input[name='received_by']").first.check()
    page.locator("input[name='request_source'][value='2']").check()
    page.get_by_role("button", name="Record the request").click()
    expect(page.locator("body")).to_contain_text("whether we will re-assess")
    expect(page.locator("body")).to_contain_text("Re-assessment (the child already has a plan)")
    request = Assessment.objects.get(child=plan.child, kind="reassessment")
    assert request.received_on == today and request.request_source == "2"

    page.get_by_role("link", name="Decide whether to assess").click()
    expect(page.locator("body")).to_contain_text("Decide whether to re-assess")
    page.locator("input[name='decision'][value='yes']").check()
    _date(page, "decided_on", today)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("body")).to_contain_text("The family has been told when the new plan is due.")
    axe_check(page)
    request.refresh_from_db()
    assert request.decided_to_assess and request.decision_to_assess_on == today
    assert Assessment.objects.filter(child=plan.child, kind="reassessment").count() == 1
