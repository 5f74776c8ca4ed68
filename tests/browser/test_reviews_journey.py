"""An annual review: a caseworker starts it and arranges the meeting, the school's SENCO records the meeting
(without JavaScript) and sends the report, and the caseworker keeps the plan. Each page passes axe-core."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.organisations.tests.factories import MembershipFactory
from pathfinder.reviews.models import Review, ReviewStatus
from pathfinder.reviews.tests.factories import final_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, legend: str, day) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_a_review_from_arranging_to_keeping_the_plan(page, no_js_page, live_server, sign_in_as, axe_check):
    today = timezone.localdate()
    plan = final_plan()
    school = MembershipFactory(starts_on=today - timedelta(days=300),
                               organisation__name="Oakfield Primary School")
    caseworker = CaseworkerFactory(team=plan.child.team)
    base = f"{live_server.url}/children/{plan.child_id}/plans/{plan.pk}/reviews/"

    sign_in_as(page, caseworker)
    page.goto(base)
    axe_check(page)
    page.get_by_role("button", name="Start a review").click()
    page.get_by_label("School or setting running the meeting").select_option(label="Oakfield Primary School")
    page.get_by_role("button", name="Start the review").click()
    expect(page.locator("body")).to_contain_text("Review started.")
    axe_check(page)
    page.get_by_role("link", name="Arrange the meeting").click()
    _fill_date(page, "Date of the meeting", today + timedelta(days=21))
    _fill_date(page, "Date the invitations were sent", today)
    page.get_by_label("Parent or young person").fill("Ms Quill")
    page.get_by_label("Head teacher, principal or early years provider").fill("Mrs Patel")
    page.get_by_label("Council SEN officer").fill("Mr Osei")
    axe_check(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Meeting arranged.")

    # Three weeks later (the dates are moved back): the SENCO records the meeting and the report, no JavaScript.
    review = Review.objects.get()
    Review.objects.filter(pk=review.pk).update(meeting_on=today - timedelta(days=1))
    review.invitees.update(invited_on=today - timedelta(days=22))
    sign_in_as(no_js_page, school.user)
    no_js_page.goto(f"{live_server.url}/reviews/school/")
    no_js_page.get_by_role("link", name=plan.child.full_name).click()
    no_js_page.get_by_role("link", name="Record the meeting").click()
    _fill_date(no_js_page, "Date the meeting was held", today - timedelta(days=1))
    outcome = plan.outcomes.get()
    no_js_page.get_by_label(f"Outcome E{outcome.order}: progress").fill("Follows three-step instructions most days")
    no_js_page.get_by_role("group", name=f"Is outcome E{outcome.order} on track?").get_by_label(
        "Yes, on track").check()
    no_js_page.get_by_role("button", name="Save").click()
    expect(no_js_page.locator("body")).to_contain_text("Meeting recorded.")
    no_js_page.get_by_role("link", name="Record the report").click()
    _fill_date(no_js_page, "Date the report was sent to the council", today)
    no_js_page.get_by_label("What the meeting recommends").fill("Keep the plan as it is")
    no_js_page.get_by_role("button", name="Save").click()
    expect(no_js_page.locator("body")).to_contain_text("Report recorded.")

    # The caseworker keeps the plan; the family's rights are shown.
    page.goto(f"{base}{review.pk}/")
    page.get_by_role("link", name="Keep the plan as it is").click()
    axe_check(page)
    page.get_by_role("button", name="Keep the plan and tell the family").click()
    expect(page.locator("body")).to_contain_text("appeal to the Tribunal")
    axe_check(page)
    assert Review.objects.get().status == ReviewStatus.DECIDED
