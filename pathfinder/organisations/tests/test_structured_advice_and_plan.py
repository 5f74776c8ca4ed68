"""Structured advice given through the organisation, the council's backlog, and its provision pulled into the plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.backlog import backlog_by_kind, backlog_by_organisation, overdue_if_asked_on_or_before
from pathfinder.assessments.models import AdviceProvision, AdviceRequest
from pathfinder.assessments.tests.factories import AssessingFactory, DraftingFactory
from pathfinder.core.errors import ServiceError
from pathfinder.organisations.tests.factories import (
    MembershipFactory,
    OrganisationAdviceFactory,
    OrganisationFactory,
)
from pathfinder.plans.from_advice import plan_provision_from_advice
from pathfinder.plans.models import PlanProvision
from pathfinder.plans.tests.factories import PlanFactory, PlanNeedFactory

pytestmark = pytest.mark.django_db


def _give(client, advice, data):
    return client.post(reverse("assessments:advice-give", kwargs={"advice_id": advice.pk}), data)


BASE = {"received_on-day": "", "received_on-month": "", "received_on-year": "", "summary": "Needs visual support",
        "need-TOTAL_FORMS": "1", "need-INITIAL_FORMS": "0", "need-0-description": "Finds change hard",
        "outcome-TOTAL_FORMS": "1", "outcome-INITIAL_FORMS": "0", "outcome-0-description": "Moves between lessons calmly",
        "provision-TOTAL_FORMS": "1", "provision-INITIAL_FORMS": "0",
        "provision-0-description": "A visual timetable", "provision-0-amount": "All day",
        "provision-0-frequency": "Every school day", "provision-0-provided_by": "Class teacher"}


@pytest.fixture
def senco_with_request():
    member = MembershipFactory()
    advice = OrganisationAdviceFactory(organisation=member.organisation, assigned_to=member.user,
                                       requested_on=timezone.localdate() - timedelta(days=10),
                                       assessment=AssessingFactory(received_on=date(2026, 9, 1)))
    return member, advice


def _dated(day: date) -> dict:
    return {"received_on-day": str(day.day), "received_on-month": str(day.month), "received_on-year": str(day.year)}


def test_add_another_posts_back_with_one_more_row_and_sends_nothing(client, senco_with_request):
    member, advice = senco_with_request
    sign_in(client, member.user)
    page = _give(client, advice, {**BASE, "add": "provision"}).content.decode()
    assert 'name="provision-1-description"' in page and "A visual timetable" in page
    assert "There is a problem" not in page
    assert AdviceRequest.objects.get(pk=advice.pk).received_on is None


def test_structured_advice_is_saved_in_rows(client, senco_with_request):
    member, advice = senco_with_request
    sign_in(client, member.user)
    data = {**BASE, **_dated(timezone.localdate()), "provision-TOTAL_FORMS": "2", "provision-1-description": ""}
    assert _give(client, advice, data).status_code == 302
    advice.refresh_from_db()
    assert [n.description for n in advice.needs_seen.all()] == ["Finds change hard"]
    assert [o.description for o in advice.outcomes.all()] == ["Moves between lessons calmly"]
    assert [(p.description, p.amount, p.frequency, p.provided_by) for p in advice.provisions.all()] == [
        ("A visual timetable", "All day", "Every school day", "Class teacher")]


def test_provision_without_saying_what_is_refused_with_the_gov_uk_error(client, senco_with_request):
    member, advice = senco_with_request
    sign_in(client, member.user)
    page = _give(client, advice, {**BASE, **_dated(timezone.localdate()), "provision-0-description": ""}
                 ).content.decode()
    assert "There is a problem" in page and "Provision 1: Enter what should be provided" in page
    assert AdviceRequest.objects.get(pk=advice.pk).received_on is None


# -- the backlog --------------------------------------------------------------------------------------------------

def test_overdue_means_asked_more_than_the_advice_period_ago():
    today = date(2026, 12, 1)
    assert overdue_if_asked_on_or_before(today) == date(2026, 10, 19)  # due 30 November: before today


def test_the_backlog_counts_open_overdue_and_oldest_by_organisation_and_by_kind():
    today = timezone.localdate()
    school, salt = OrganisationFactory(name="Brookfield Primary"), OrganisationFactory(name="Speech therapy")
    OrganisationAdviceFactory(organisation=school, requested_on=today - timedelta(days=60))
    OrganisationAdviceFactory(organisation=school, requested_on=today - timedelta(days=5))
    OrganisationAdviceFactory(organisation=salt, kind="c", requested_on=today - timedelta(days=3))
    OrganisationAdviceFactory(organisation=salt, kind="c", requested_on=today - timedelta(days=90),
                              received_on=today - timedelta(days=1))  # received: not in the backlog
    rows = {r.name: r for r in backlog_by_organisation(today)}
    assert (rows["Brookfield Primary"].open, rows["Brookfield Primary"].overdue) == (2, 1)
    assert rows["Brookfield Primary"].oldest_days == 60
    assert (rows["Speech therapy"].open, rows["Speech therapy"].overdue) == (1, 0)
    kinds = {r.name[:3]: r for r in backlog_by_kind(today)}
    assert kinds["(b)"].open == 2 and kinds["(c)"].open == 1


def test_the_backlog_is_one_query_each(django_assert_num_queries):
    OrganisationAdviceFactory()
    with django_assert_num_queries(2):
        backlog_by_organisation(timezone.localdate())
        backlog_by_kind(timezone.localdate())


# -- into the plan ------------------------------------------------------------------------------------------------

@pytest.fixture
def received():
    plan = PlanFactory(assessment=DraftingFactory())
    advice = OrganisationAdviceFactory(assessment=plan.assessment, received_on=date(2026, 8, 10), summary="Done")
    item = AdviceProvision.objects.create(advice=advice, description="A visual timetable", amount="All day",
                                          frequency="Every school day", provided_by="Class teacher")
    return plan, item


def test_provision_is_added_with_the_advisers_words_and_a_link_back(received):
    plan, item = received
    need = PlanNeedFactory(plan=plan)
    added = plan_provision_from_advice(acting_user=plan.assessment.caseworker, plan=plan, advice_provision_id=item.pk,
                                       section="F", needs=[str(need.pk)], expected_version=plan.version)
    assert (added.description, added.amount, added.frequency, added.provided_by, added.from_advice) == (
        "A visual timetable", "All day", "Every school day", "Class teacher", item)


def test_the_same_provision_is_not_added_twice(received):
    plan, item = received
    plan_provision_from_advice(acting_user=plan.assessment.caseworker, plan=plan, advice_provision_id=item.pk,
                               section="G", expected_version=plan.version)
    plan.refresh_from_db()
    with pytest.raises(ServiceError, match="already in section G"):
        plan_provision_from_advice(acting_user=plan.assessment.caseworker, plan=plan, advice_provision_id=item.pk,
                                   section="F", expected_version=plan.version)


def test_a_final_plan_takes_no_provision(received):
    plan, item = received
    plan.status = "final"
    plan.save()
    with pytest.raises(ServiceError):
        plan_provision_from_advice(acting_user=plan.assessment.caseworker, plan=plan, advice_provision_id=item.pk,
                                   section="G", expected_version=plan.version)
    assert not PlanProvision.objects.filter(from_advice=item).exists()


def test_advice_for_another_childs_assessment_cannot_be_pulled(received):
    plan, _item = received
    other = OrganisationAdviceFactory(received_on=date(2026, 8, 10), summary="Done")
    stranger = AdviceProvision.objects.create(advice=other, description="Not this child's")
    with pytest.raises(ServiceError, match="not in the advice received"):
        plan_provision_from_advice(acting_user=plan.assessment.caseworker, plan=plan,
                                   advice_provision_id=stranger.pk, section="G", expected_version=plan.version)


def test_the_provision_page_lists_the_advice_and_the_plan_shows_where_it_came_from(client, received):
    plan, item = received
    sign_in(client, plan.assessment.caseworker)
    url = reverse("plans:provision", kwargs={"child_id": plan.child_id, "plan_id": plan.pk, "section": "G"})
    assert "Add to the plan" in client.get(url).content.decode()
    pull = reverse("plans:provision-from-advice", kwargs={"child_id": plan.child_id, "plan_id": plan.pk,
                                                          "advice_provision_id": item.pk})
    response = client.post(pull, {"section": "G", "version": str(plan.version)})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "From: " in page and "(received 10 August 2026)" in page and "In section G" in page
