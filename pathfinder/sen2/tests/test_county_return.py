"""The return for the demo county: it validates against the schema, and its headline figures are the manager's."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from pathfinder.accounts.models import User
from pathfinder.accounts.roles import Role
from pathfinder.demo.county import build_county
from pathfinder.insights.review_figures import council_review_figures
from pathfinder.insights.selectors import council_timeliness
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.sen2.census import census_day, next_census
from pathfinder.sen2.headline import headline
from pathfinder.sen2.rules import return_problems, rule_messages
from pathfinder.sen2.services import caseworker_cases, caseworker_return, council_return
from pathfinder.sen2.xml import schema_problems, xml_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def county(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_county(plans=120, requests=60, seed=3, local_offer_services=0)
        yield
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


def _censuses() -> list[date]:
    today = timezone.localdate()
    return [next_census(today), census_day(today.year)]


@pytest.mark.parametrize("which", [0, 1])
def test_the_county_return_validates_and_matches_the_manager_pages(county, which):
    census = _censuses()[which]
    sen2_return = council_return(census)
    assert sen2_return.persons
    assert schema_problems(xml_bytes(sen2_return)) == []
    figures = headline(sen2_return)
    start, end = date(census.year - 1, 1, 1), date(census.year - 1, 12, 31)
    timeliness = council_timeliness(start, end)
    assert (figures.decisions_to_assess.numerator, figures.decisions_to_assess.denominator) == (
        timeliness.decisions_to_assess.numerator, timeliness.decisions_to_assess.denominator)
    assert (figures.decisions_not_to_issue.numerator, figures.decisions_not_to_issue.denominator) == (
        timeliness.decisions_not_to_issue.numerator, timeliness.decisions_not_to_issue.denominator)
    incl, excl = timeliness.final_plans_including_exceptions, timeliness.final_plans_excluding_exceptions
    assert figures.new_plans == incl.denominator
    assert (figures.plans_in_time_with_exceptions.numerator, figures.plans_in_time_with_exceptions.denominator) == (
        incl.numerator, incl.denominator)
    assert (figures.plans_in_time_without_exceptions.numerator,
            figures.plans_in_time_without_exceptions.denominator) == (excl.numerator, excl.denominator)
    reviews = council_review_figures(start, end)
    assert figures.review_meetings == reviews.meetings
    assert (figures.review_decisions_in_time.numerator, figures.review_decisions_in_time.denominator) == (
        reviews.within_4_weeks.numerator, reviews.within_4_weeks.denominator)
    assert figures.review_outcomes == reviews.outcomes
    if census > timezone.localdate():  # every plan final today is in force on the next census day
        assert figures.active_plans == Plan.objects.filter(status=PlanStatus.FINAL).count()
    assert {problem.rule_id for problem in return_problems(sen2_return)} <= set(rule_messages())


def test_a_caseworkers_return_is_the_councils_for_their_children(county):
    census = _censuses()[0]
    council = council_return(census)
    for caseworker in User.objects.filter(role=Role.CASEWORKER, assessments__isnull=False).distinct()[:3]:
        mine = set(caseworker_cases(caseworker).values_list("child_id", flat=True))
        theirs = caseworker_return(caseworker, census)
        assert theirs.persons == [person for person in council.persons if person.child_id in mine]
        assert {(p.child_id, p.rule_id) for p in return_problems(theirs)} == {
            (p.child_id, p.rule_id) for p in return_problems(council) if p.child_id in mine}
