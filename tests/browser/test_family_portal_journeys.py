"""The family portal's journeys, without JavaScript for the family, each page checked by axe-core (and at 320 px
by the conftest): a parent invited, making an account and reading the timeline; a young person past 16 letting
their parent see their case, and the parent's view changing; a family's online request starting the clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from pathfinder.accounts.models import User
from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory, YoungPersonFactory
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.tests.factories import AssessmentFactory
from pathfinder.family.models import OnlineRequest
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long family password 42"


def test_a_parent_is_invited_makes_an_account_and_reads_the_timeline(page, no_js_page, live_server, sign_in_as,
                                                                     axe_check):
    today = timezone.localdate()
    assessment = AssessmentFactory(child__legal_first_name="Sam", child__legal_last_name="Bramley",
                                   received_on=today - timedelta(days=3),
                                   caseworker__first_name="Priya", caseworker__last_name="Shah")
    child = assessment.child
    FamilyMemberFactory(child=child, user=None, name="Jo Bramley", relationship="Mother", email="jo@example.test")
    # The caseworker invites Jo from Sam's record and is shown the link once.
    sign_in_as(page, assessment.caseworker, next_path=f"/children/{child.pk}/")
    page.get_by_role("link", name="Invite Jo Bramley to Pathfinder").click()
    axe_check(page)
    page.get_by_label("I have checked this person's email address or phone number with them").check()
    page.get_by_role("button", name="Make the invitation link").click()
    link = page.locator("#invitation-link").inner_text()
    axe_check(page)
    # Jo opens the link, with no JavaScript, and makes her account.
    parent = no_js_page
    parent.goto(link)
    axe_check(parent)
    parent.get_by_label("Choose a username").fill("jo.bramley")
    parent.get_by_label("Your email address").fill("jo@example.test")
    parent.get_by_label("Choose a password").fill(PASSWORD)
    parent.get_by_label("Type your password again").fill(PASSWORD)
    parent.get_by_role("button", name="Make my account").click()
    text = parent.locator("main").inner_text()
    due = assessment.decision_due_on
    assert f"We must tell you by {due.day} {due:%B %Y} whether we will assess Sam." in text
    assert "Your caseworker is Priya Shah" in text and "We got the request to assess Sam." in text
    axe_check(parent)
    parent.get_by_role("link", name="Open Sam Bramley's case on its own page").click()
    assert "Who else can see this" in parent.locator("main").inner_text()
    axe_check(parent)
    # The link works once.
    parent.context.clear_cookies()
    parent.goto(link)
    assert "This link cannot be used" in parent.locator("main").inner_text()
    axe_check(parent)
    assert User.objects.get(username="jo.bramley").role == "parent"


def test_a_young_person_past_16_lets_their_parent_see_their_case(page, no_js_page, live_server, sign_in_as,
                                                                 axe_check):
    today = timezone.localdate()
    young = YoungPersonFactory(first_name="Jordan", last_name="Ellis")
    child = ChildFactory(legal_first_name="Jordan", legal_last_name="Ellis",
                         date_of_birth=today.replace(year=today.year - 17), user=young)
    AssessmentFactory(child=child, received_on=today - timedelta(days=20))
    mother = ParentFactory()
    FamilyMemberFactory(child=child, user=mother, name="Denise Ellis", relationship="Mother")
    # The rights are Jordan's now: without Jordan's say-so, Denise sees nothing.
    sign_in_as(no_js_page, mother, next_path="/children/family/")
    assert "Jordan is now old enough to make their own choices" in no_js_page.locator("main").inner_text()
    axe_check(no_js_page)
    # Jordan chooses to let her see it.
    sign_in_as(page, young, next_path="/children/family/")
    assert "We must tell you by" in page.locator("main").inner_text()
    page.get_by_role("link", name="Choose who in your family can see your case").click()
    axe_check(page)
    page.get_by_role("button", name="Let Denise Ellis see my case").click()
    assert "Denise Ellis can now see your case." in page.locator("main").inner_text()
    no_js_page.reload()
    text = no_js_page.locator("main").inner_text()
    assert "Jordan Ellis" in text and "You can see the case because Jordan said yes." in text
    axe_check(no_js_page)
    # Jordan changes their mind: Denise's view ends at once.
    page.get_by_role("button", name="Stop Denise Ellis seeing my case").click()
    no_js_page.reload()
    assert "You can see it again if Jordan says yes." in no_js_page.locator("main").inner_text()


def test_a_familys_online_request_starts_the_clock(page, no_js_page, live_server, sign_in_as, axe_check):
    family = no_js_page
    family.goto(f"{live_server.url}/family/ask-for-an-assessment/")
    axe_check(family)
    family.get_by_role("button", name="Send the request").click()
    assert "There is a problem" in family.locator("main").inner_text()
    axe_check(family)
    family.get_by_label("I am the child's parent or carer").check()
    family.get_by_label("Your full name").fill("Leanne Cartwright")
    family.get_by_label("Your email address (optional)").fill("leanne@example.test")
    family.get_by_label("The child's or young person's first name").fill("Alfie")
    family.get_by_label("Their last name").fill("Cartwright")
    family.get_by_label("Day").fill("18")
    family.get_by_label("Month").fill("3")
    family.get_by_label("Year").fill("2019")
    family.get_by_label("What do they find hard?").fill("Alfie gets upset by noise and is behind with reading.")
    family.get_by_role("button", name="Send the request").click()
    online = OnlineRequest.objects.get()
    text = family.locator("main").inner_text()
    due = online.decision_due_on
    assert online.reference in text
    assert f"We must tell you by {due.day} {due:%B %Y} whether we will assess." in text
    axe_check(family)
    # A caseworker makes it a case: the clock is the one the family was told.
    sign_in_as(page, CaseworkerFactory(), next_path="/family/requests/")
    axe_check(page)
    page.get_by_role("link", name=online.reference).click()
    axe_check(page)
    page.get_by_label("None of these: make a new record").check()
    page.get_by_role("button", name="Make it a case").click()
    assessment = Assessment.objects.get()
    assert (assessment.received_on, assessment.decision_due_on) == (online.received_on, online.decision_due_on)
    assert f"The online request {online.reference} is now a case" in page.locator("body").inner_text()
