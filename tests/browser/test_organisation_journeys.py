"""Organisations take part as organisations: a SENCO gives structured advice from the school's queue and the
caseworker adds its provision to the draft plan; a SENCO leaves and their queue passes to a colleague."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pathfinder.assessments.models import AdviceRequest
from pathfinder.assessments.tests.factories import DraftingFactory
from pathfinder.notifications.models import Message
from pathfinder.organisations.models import Membership
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationAdviceFactory, OrganisationFactory
from pathfinder.people.selectors import children_visible_to
from pathfinder.plans.models import PlanProvision
from pathfinder.plans.tests.factories import PlanFactory, PlanNeedFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_senco_gives_structured_advice_and_the_caseworker_adds_it_to_the_plan(
        no_js_page, page, live_server, sign_in_as, axe_check):
    today = timezone.localdate()
    school = OrganisationFactory(name="Brookfield Primary School")
    senco = MembershipFactory(organisation=school, is_administrator=True).user
    assessment = DraftingFactory(received_on=today - timedelta(days=100), decision_to_issue_on=today - timedelta(days=3))
    plan = PlanFactory(assessment=assessment)
    need = PlanNeedFactory(plan=plan)
    advice = OrganisationAdviceFactory(organisation=school, assessment=assessment, requested_on=today - timedelta(days=9))

    # The SENCO, without JavaScript, takes the request from the school's queue and gives structured advice.
    senco_page = no_js_page
    sign_in_as(senco_page, senco)
    senco_page.goto(f"{live_server.url}/organisations/{school.pk}/")
    expect(senco_page.get_by_role("heading", name="Advice queue")).to_be_visible()
    axe_check(senco_page)
    senco_page.get_by_role("button", name="Take this request").click()
    senco_page.wait_for_load_state()
    expect(senco_page.get_by_text("You are now doing the advice")).to_be_visible()
    senco_page.locator("#id_summary").fill("Needs help to follow instructions and with changes in routine.")
    senco_page.locator("#id_need-0-description").fill("Finds spoken instructions of more than two steps hard")
    senco_page.locator("#id_outcome-0-description").fill("Will follow a two-step instruction by July")
    senco_page.locator("#id_provision-0-description").fill("A visual timetable at their desk")
    senco_page.locator("#id_provision-0-amount").fill("Throughout the day")
    senco_page.locator("#id_provision-0-frequency").fill("Every school day")
    senco_page.locator("#id_provision-0-provided_by").fill("Class teacher")
    senco_page.get_by_role("button", name="Add another provision").click()
    senco_page.wait_for_load_state()
    expect(senco_page.locator("#id_provision-0-description")).to_have_value("A visual timetable at their desk")
    axe_check(senco_page)
    senco_page.locator("#id_provision-1-description").fill("Small-group work on listening")
    senco_page.locator("#id_provision-1-amount").fill("20 minutes")
    senco_page.locator("#id_provision-1-frequency").fill("3 times a week")
    senco_page.locator("#id_provision-1-provided_by").fill("Teaching assistant")
    senco_page.get_by_role("button", name="Send your advice").click()
    senco_page.wait_for_load_state()
    expect(senco_page.get_by_text("Your advice has been sent to the council")).to_be_visible()
    assert AdviceRequest.objects.get(pk=advice.pk).provisions.count() == 2

    # The caseworker adds the first recommended provision to section F without retyping it.
    sign_in_as(page, assessment.caseworker)
    page.goto(f"{live_server.url}/children/{plan.child_id}/plans/{plan.pk}/provision/F/")
    expect(page.get_by_role("heading", name="Provision recommended in advice")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name=re.compile(r"Add to the plan\W+A visual timetable at their desk")).click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_label(f"B1: {need.area}").check()
    page.get_by_role("button", name="Add to the plan").click()
    page.wait_for_load_state()
    expect(page.get_by_text("From: SENCO, Brookfield Primary School")).to_be_visible()
    # The council's backlog page: nothing is awaited now.
    page.goto(f"{live_server.url}/advice/backlog/")
    expect(page.get_by_role("heading", name="Advice backlog")).to_be_visible()
    axe_check(page)
    item = PlanProvision.objects.get(plan=plan)
    assert (item.description, item.amount, item.from_advice.advice_id) == (
        "A visual timetable at their desk", "Throughout the day", advice.pk)


def test_a_senco_leaves_and_their_queue_passes_to_a_colleague(no_js_page, live_server, sign_in_as, axe_check):
    school = OrganisationFactory(name="Brookfield Primary School")
    head = MembershipFactory(organisation=school, is_administrator=True, user__first_name="Ruth",
                             user__last_name="Ola")
    leaving = MembershipFactory(organisation=school, user__first_name="Tom", user__last_name="Reid")
    staying = MembershipFactory(organisation=school, user__first_name="Ada", user__last_name="Nwosu")
    advice = OrganisationAdviceFactory(organisation=school, assigned_to=leaving.user,
                                       requested_on=timezone.localdate() - timedelta(days=5))
    assert children_visible_to(leaving.user).count() == 1

    page = no_js_page
    sign_in_as(page, head.user)
    page.goto(f"{live_server.url}/organisations/")
    axe_check(page)
    page.get_by_role("link", name="Colleagues at Brookfield Primary School").click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_role("link", name="Remove Tom Reid").click()
    page.wait_for_load_state()
    expect(page.get_by_text("They have 1 open advice request.")).to_be_visible()
    axe_check(page)
    page.get_by_label("Ada Nwosu").check()
    page.get_by_role("button", name="Remove and pass on their work").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Tom Reid has been removed from Brookfield Primary School. 1 open item passed to "
                            "Ada Nwosu.")).to_be_visible()
    assert AdviceRequest.objects.get(pk=advice.pk).assigned_to == staying.user
    assert children_visible_to(leaving.user).count() == 0  # at once
    assert Membership.objects.get(pk=leaving.pk).ends_on == timezone.localdate()
    page.goto(f"{live_server.url}/organisations/{school.pk}/")
    expect(page.get_by_role("cell", name="Ada Nwosu", exact=True)).to_be_visible()
    axe_check(page)
    # Both are told, after the removal committed, without a name: the colleague how many and by when, Tom that
    # he no longer has access (assessments.adviser_messages, organisations.messages).
    passed = Message.objects.get(kind="assessments.advice_passed_to_you")
    assert passed.recipient == staying.user and passed.values["passed_requests"] == 1
    removed = Message.objects.get(kind="organisations.member_removed")
    assert removed.recipient == leaving.user
    for message in (passed, removed):
        assert "Brookfield" not in message.body and "Tom" not in message.body
