"""A parent reaches the draft plan in one step and is told plainly that the time to comment has ended; a
caseworker is warned about a duplicate NHS number and finds a child by full name. All without JavaScript, and
the pages pass axe-core."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.people.models import Child
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory
from pathfinder.plans.models import Representation
from pathfinder.plans.tests.factories import complete_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_parent_reads_the_draft_after_the_time_to_comment(no_js_page, live_server, sign_in_as, axe_check):
    plan = complete_plan()
    assessment = plan.assessment
    assessment.caseworker = CaseworkerFactory(team=assessment.child.team, first_name="Priya", last_name="Shah")
    assessment.draft_served_on = timezone.localdate() - timedelta(days=40)
    assessment.save()
    plan.status, plan.draft_sent_on = "draft_sent", assessment.draft_served_on
    plan.save()
    parent = ParentFactory()
    FamilyMemberFactory(child=assessment.child, user=parent)

    page = sign_in_as(no_js_page, parent, next_path="/children/family/")
    assert "Your caseworker is Priya Shah" in page.locator("main").inner_text()
    axe_check(page)
    page.get_by_role("link", name="Read the draft EHC plan").click()
    text = page.locator("main").inner_text()
    assert "The time to comment on the draft plan ended on" in text and "You have until" not in text
    axe_check(page)
    page.get_by_role("link", name="Send a late comment on the draft plan").click()
    axe_check(page)
    page.get_by_label("Your comments on the draft plan").fill("We forgot to say Sam swims every week.")
    page.get_by_role("button", name="Send a late comment").click()
    assert "The time to comment had ended" in page.locator("main").inner_text()
    assert Representation.objects.get(plan=plan).after_window_closed is True


def test_caseworker_is_warned_of_a_duplicate_nhs_number(no_js_page, live_server, sign_in_as, axe_check):
    other = ChildFactory(legal_first_name="Ashley", legal_last_name="Hart", date_of_birth=date(2015, 4, 3))
    child = ChildFactory(team=other.team, legal_first_name="Robin", legal_last_name="Banks")
    caseworker = CaseworkerFactory(team=other.team)
    page = sign_in_as(no_js_page, caseworker)
    page.goto(f"{live_server.url}/children/{child.pk}/change/")
    page.get_by_label("NHS number").fill(other.nhs_number)
    page.get_by_role("button", name="Save changes").click()
    assert "this NHS number: Ashley Hart, born 3 April 2015" in page.locator("main").inner_text()
    axe_check(page)
    page.get_by_label("I have checked: this is a different child").check()
    page.get_by_role("button", name="Save changes").click()
    assert Child.objects.get(pk=child.pk).nhs_number == other.nhs_number
    # the record itself keeps saying so, with a link to the other record
    assert "Another child's record has this NHS number" in page.locator("main").inner_text()
    axe_check(page)

    page.goto(f"{live_server.url}/children/?q=Ashley+Hart")
    assert page.get_by_role("link", name="Ashley Hart").count() == 1
    axe_check(page)
