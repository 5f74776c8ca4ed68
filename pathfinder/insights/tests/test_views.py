"""The caseworker's and the manager's home pages, through the real URLs."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import (
    AdviserFactory,
    CaseworkerFactory,
    ManagerFactory,
    ParentFactory,
    TeamFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.tests.factories import AdviceRequestFactory
from pathfinder.insights import views
from pathfinder.insights.tests.factories import case
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 9, 14)
CASEWORKER_HOME = reverse("insights:caseworker-home")
MANAGER_HOME = reverse("insights:manager-home")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(views, "_today", lambda: TODAY)


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_routes_are_where_the_navigation_expects_them():
    assert CASEWORKER_HOME == "/insights/"
    assert MANAGER_HOME == "/insights/manager/"


@pytest.mark.parametrize(
    ("factory", "caseworker_page", "manager_page"),
    [
        (CaseworkerFactory, 200, 403),
        (ManagerFactory, 403, 200),
        (ParentFactory, 403, 403),
        (AdviserFactory, 403, 403),
    ],
)
def test_each_home_page_is_for_its_own_role(client, factory, caseworker_page, manager_page):
    sign_in(client, factory())
    assert client.get(CASEWORKER_HOME).status_code == caseworker_page
    assert client.get(MANAGER_HOME).status_code == manager_page


def test_signed_out_people_are_sent_to_sign_in(client):
    assert client.get(MANAGER_HOME).status_code == 302
    assert client.get(CASEWORKER_HOME).status_code == 302


def test_caseworker_sees_their_steps_grouped_with_the_law_and_links_to_each_case(client):
    # given a caseworker with an overdue decision, an advice request overdue but excused, and a decision due Sunday
    me = CaseworkerFactory()
    adams = case(date(2026, 7, 1), child=ChildFactory(team=me.team, legal_first_name="Ava", legal_last_name="Adams",
                                                     preferred_name=""), caseworker=me)
    clark = case(date(2026, 6, 1), assess=(date(2026, 7, 1), True), caseworker=me,
                 child=ChildFactory(team=me.team, legal_first_name="Cal", legal_last_name="Clark", preferred_name=""))
    AdviceRequestFactory(assessment=clark, requested_on=date(2026, 7, 2), exception_code="A1",
                         exception_start=date(2026, 7, 20), exception_end=date(2026, 8, 30),
                         exception_note="In hospital for five weeks")
    case(date(2026, 8, 9), caseworker=me,
         child=ChildFactory(team=me.team, legal_first_name="Bea", legal_last_name="Brown", preferred_name=""))
    # and a colleague's case in the same team
    case(date(2026, 7, 1), caseworker=CaseworkerFactory(team=me.team),
         child=ChildFactory(team=me.team, legal_first_name="Zed", legal_last_name="Someone-Else", preferred_name=""))
    sign_in(client, me)

    response = client.get(CASEWORKER_HOME)

    text = _text(response)
    assert response.status_code == 200
    assert "2 overdue, 1 due this week, 6 due later" in text
    assert "up to and including 20 September 2026" in text
    for caption in ("Overdue (2)", "Due this week (1)", "Due later (6)"):
        assert caption in text
    case_url = reverse("assessments:case", kwargs={"child_id": adams.child_id, "assessment_id": adams.pk})
    assert f'href="{case_url}">Ava Adams</a>' in text
    assert "Decide whether to assess and tell the family" in text
    assert "33 days overdue" in text
    assert "6 days left" in text
    assert 'href="https://www.legislation.gov.uk/uksi/2014/1530/regulation/5" rel="noreferrer">SEND Regulations 2014, reg 5(1)</a>' in text
    assert "Exception applies" in text and "govuk-tag--orange" in text
    assert "Someone-Else" not in text


def test_caseworker_with_no_cases_is_told_so(client):
    sign_in(client, CaseworkerFactory())
    assert "You have no open EHC needs assessments allocated to you" in _text(client.get(CASEWORKER_HOME))


def _some_council():
    north = TeamFactory(name="North")
    ann = CaseworkerFactory(first_name="Ann", last_name="Able", team=north)
    case(date(2026, 7, 1), child=ChildFactory(team=north), caseworker=ann)  # decision overdue
    case(date(2025, 3, 3), assess=(date(2025, 4, 14), True), child=ChildFactory(team=north), caseworker=ann)
    case(date(2025, 3, 3), assess=(date(2025, 4, 15), True), child=ChildFactory(team=north), caseworker=ann)
    case(date(2025, 1, 6), assess=(date(2025, 2, 1), True), issue=(date(2025, 4, 1), True),
         draft_on=date(2025, 4, 20), final_on=date(2025, 5, 26), child=ChildFactory(team=north), caseworker=ann)
    return ann


def test_manager_sees_caseloads_and_the_last_twelve_months_beside_england(client):
    _some_council()
    sign_in(client, ManagerFactory())

    response = client.get(MANAGER_HOME)

    text = _text(response)
    assert response.status_code == 200
    assert "From 15 September 2025 to 14 September 2026 (the last 12 months)" in text
    # the decisions of April 2025 and the plan of May 2025 fall before these 12 months
    assert "None in this period" in text
    assert "84.8%" in text and "45.9% (41,448 of 90,392)" in text and "46.4% (39,407 of 84,866)" in text
    assert "How these figures are counted" in text
    assert re.search(r"By team</caption>.*North</th>\s*<td[^>]*>3</td>\s*<td[^>]*>5</td>", text)
    assert re.search(r"By caseworker, most overdue first.*?</caption>.*Ann Able</th>\s*<td[^>]*>North</td>\s*<td[^>]*>3</td>\s*<td[^>]*>5</td>", text)
    assert 'aria-hidden="true"' in text and "style=" not in text.split("<main")[1]


def test_manager_chooses_a_period(client):
    _some_council()
    sign_in(client, ManagerFactory())

    response = client.get(MANAGER_HOME, {
        "period_start-day": "1", "period_start-month": "1", "period_start-year": "2025",
        "period_end-day": "31", "period_end-month": "12", "period_end-year": "2025",
    })

    text = _text(response)
    assert "From 1 January 2025 to 31 December 2025." in text
    assert "Decisions whether to assess, within 6 weeks" in text
    assert "2 of 3 (66.7%)" in text  # decisions: day 42 yes, day 43 no, day 26 yes
    assert "1 of 1 (100.0%)" in text  # the plan on day 140
    assert re.search(r'name="period_end-day" type="text" value="31"', text)  # the form keeps what was asked


def test_a_period_that_ends_before_it_starts_shows_the_error_summary(client):
    sign_in(client, ManagerFactory())

    response = client.get(MANAGER_HOME, {
        "period_start-day": "1", "period_start-month": "6", "period_start-year": "2025",
        "period_end-day": "1", "period_end-month": "1", "period_end-year": "2025",
    })

    text = _text(response)
    assert response.status_code == 200
    assert "<title>Error: " in text
    assert "There is a problem" in text
    assert 'href="#id_period_end-day"' in text
    assert "(the last 12 months)" in text  # the figures fall back to the default period


def test_a_date_that_is_not_real_is_refused(client):
    sign_in(client, ManagerFactory())
    response = client.get(MANAGER_HOME, {
        "period_start-day": "31", "period_start-month": "2", "period_start-year": "2025",
        "period_end-day": "1", "period_end-month": "3", "period_end-year": "2025",
    })
    assert "The start date must be a real date" in _text(response)


def test_the_caseworker_table_comes_a_page_at_a_time_most_overdue_first(client):
    team = ChildFactory().team
    for n in range(views.CASEWORKERS_PER_PAGE + 5):
        CaseworkerFactory(team=team, first_name="Case", last_name=f"Worker {n:03d}")
    busiest = CaseworkerFactory(team=team, first_name="Zoe", last_name="Zephyr")
    case(date(2026, 1, 5), caseworker=busiest, child=ChildFactory(team=team))  # overdue by now
    sign_in(client, ManagerFactory())

    first = _text(client.get(reverse("insights:manager-home")))
    assert "Zoe Zephyr" in first.split("By caseworker")[1].split("Worker 000")[0]  # the overdue one comes first
    assert "More caseworkers" in first and "Worker 054" not in first

    second = _text(client.get(reverse("insights:manager-home") + "?caseworkers_page=2"))
    assert "Worker 054" in second and "Previous caseworkers" in second
