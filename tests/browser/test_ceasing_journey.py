"""A caseworker proposes to cease a young person's plan because they started paid work, records the
consultation, decides, and the plan shows in force until the appeal period ends (CFA s.45, reg 31)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

import statutory
from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.ceasing.tests.factories import final_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _date(page, name: str, day) -> None:
    page.fill(f"input[name='{name}-day']", str(day.day))
    page.fill(f"input[name='{name}-month']", str(day.month))
    page.fill(f"input[name='{name}-year']", str(day.year))


def test_caseworker_ceases_a_plan_for_paid_work(page, live_server, sign_in_as, axe_check):
    plan = final_plan()  # born 10 January 2008: a young person of 18
    today = timezone.localdate()
    until = statutory.plan_in_force_until(today)
    sign_in_as(page, plan.assessment.caseworker)
    page.goto(f"{live_server.url}/children/{plan.child_id}/plans/{plan.pk}/plan/")
    page.get_by_role("link", name="Propose to cease the plan").click()
    expect(page.locator("body")).to_contain_text("An apprenticeship does not count.")
    axe_check(page)
    page.get_by_label("Started paid work (not an apprenticeship)").check()
    page.locator("input[name='in_education_or_training'][value='no']").check()
    page.get_by_role("button", name="Propose to cease the plan").click()
    expect(page.locator("body")).to_contain_text("Ceasing proposed on")

    page.get_by_role("link", name="Record the consultation").click()
    _date(page, "family_consulted_on", today)
    _date(page, "head_consulted_on", today)
    page.get_by_label("What did they say?").fill("Jordan is happy in the new job; the college agrees.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Consultation recorded.")

    page.get_by_role("link", name="Decide and send the notice").click()
    expect(page.locator("body")).to_contain_text("The Tribunal must receive your appeal by")
    axe_check(page)
    page.get_by_role("button", name="Send the decision").click()
    expect(page.locator("body")).to_contain_text(f"in force until {until.day} {until:%B %Y}")
    axe_check(page)

    page.get_by_role("link", name="Back to the plan").click()
    expect(page.locator("body")).to_contain_text(f"Ceasing decided on {today.day} {today:%B %Y}: in force until")
    cessation = Cessation.objects.get(plan=plan)
    assert cessation.status == CessationStatus.DECIDED and cessation.in_force_until == until
