"""The manager's annual review figures: the database agrees with statutory.review_timeliness_report (the DfE's
definitions), plans not reviewed for over a year, and the page beside England's figures."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.insights.review_figures import council_review_figures, plans_not_reviewed
from pathfinder.plans.tests.factories import PlanFactory
from pathfinder.reviews.tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def plan(made: date, **kwargs):
    return PlanFactory(status=kwargs.pop("status", "final"), issued_on=made, first_made_on=made, **kwargs)


@pytest.fixture
def council():
    cases = []

    def reviewed(made, meeting, decided=None, decision="", status="decided"):
        p = plan(made, review_due_on=date(2027, 3, 1))
        ReviewFactory(plan=p, started_on=date(meeting.year, meeting.month, 1), status=status, meeting_on=meeting,
                      decided_on=decided, decision=decision)
        cases.append(statutory.ReviewCase(made, meeting_on=meeting, decided_on=decided, outcome=decision))

    reviewed(date(2020, 5, 1), date(2026, 3, 2), date(2026, 3, 30), "maintain")  # on time: 4 weeks to the day
    reviewed(date(2020, 5, 1), date(2026, 3, 2), date(2026, 3, 31), "amend")     # a day late
    reviewed(date(2021, 5, 1), date(2026, 11, 20), status="meeting_held")       # decision outstanding
    plan(date(2022, 5, 1), review_due_on=date(2026, 4, 30))                       # never reviewed: overdue
    cases.append(statutory.ReviewCase(date(2022, 5, 1)))
    plan(date(2026, 2, 1), review_due_on=date(2027, 1, 31))                       # too new to be expected
    cases.append(statutory.ReviewCase(date(2026, 2, 1)))
    plan(date(2019, 1, 1), status="ceased", ended_on=date(2026, 6, 1))            # ended in the year: not counted
    return cases


def test_the_database_counts_what_the_dfe_definition_counts(council):
    ours = council_review_figures(*YEAR)
    oracle = statutory.review_timeliness_report(council, year_start=YEAR[0], year_end=YEAR[1])
    assert (ours.expected, ours.meetings, ours.no_meeting, ours.decisions_outstanding) == (
        oracle.expected, oracle.meetings, oracle.no_meeting, oracle.decisions_outstanding) == (4, 3, 1, 1)
    assert (ours.within_4_weeks.numerator, ours.within_4_weeks.denominator) == (1, 2)
    assert ours.outcomes == oracle.outcomes == {"maintain": 1, "amend": 1, "cease": 0}


def test_plans_not_reviewed_within_their_12_months(council):
    overdue = plans_not_reviewed(date(2026, 12, 7))
    assert overdue.count == 1 and overdue.oldest_due == date(2026, 4, 30)


def test_the_page_is_the_managers_beside_england(client, council, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda: date(2026, 12, 7))
    url = reverse("insights:reviews")
    sign_in(client, ManagerFactory())
    page = client.get(url).content.decode()
    assert "Annual reviews, 2026" in page and "44.4%" in page and "1 of 2 (50.0%)" in page
    assert "has not been reviewed within 12 months" in page
    assert client.get(url + "?year=junk").status_code == 200
    assert "Annual reviews, 2025" in client.get(url + "?year=2025").content.decode()
    client.logout()
    sign_in(client, CaseworkerFactory())
    assert client.get(url).status_code == 403
