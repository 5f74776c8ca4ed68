"""The phase-transfer cohort: who moves next September, each step's evidence, who is at risk (database and
Python agree), and the page for a manager (the whole council) and a caseworker (their team's children)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.insights import phase_transfers as pt
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db
YEAR = 2027


def final_plan(dob: date, phase: str, *, issued: date = date(2024, 3, 1), name: str = "Robin"):
    plan = PlanFactory(status="final", issued_on=issued, first_made_on=issued, assessment__child__date_of_birth=dob,
                       assessment__child__setting_phase=phase, assessment__child__legal_first_name=name)
    return plan


@pytest.fixture
def cohort():
    moving = final_plan(date(2016, 5, 10), "primary", name="Ada")           # year 6 -> 7: primary to secondary
    noticed = final_plan(date(2015, 11, 2), "primary", name="Bo")           # the same, amendments sent in January
    PlanFactory(assessment=None, child=noticed.child, kind="amendment", amends=noticed, status="draft_sent",
                draft_sent_on=date(2027, 1, 20))
    amended = final_plan(date(2016, 1, 15), "", issued=date(2027, 2, 10), name="Cy")  # amended plan already issued
    college = final_plan(date(2010, 10, 1), "secondary", name="Di")        # year 11 -> 12: before 31 March
    infant = final_plan(date(2020, 2, 1), "infant", name="Ed")             # year 2 -> 3 at an infant school
    final_plan(date(2020, 3, 1), "primary", name="Flo")                    # year 2 at a primary: no move
    final_plan(date(2014, 10, 1), "secondary", name="Gus")                 # year 8: no move
    return {"moving": moving, "noticed": noticed, "amended": amended, "college": college, "infant": infant}


def test_the_cohort_is_every_child_at_a_transfer_point_for_their_school(cohort):
    in_cohort = set(pt.cohort_plans(YEAR).values_list("child__legal_first_name", flat=True))
    assert in_cohort == {"Ada", "Bo", "Cy", "Di", "Ed"}


@pytest.mark.parametrize(("today", "at_risk"), [
    (date(2026, 12, 7), set()),                   # nothing is past its safe date in December
    (date(2027, 2, 1), {"Ada", "Ed"}),            # proposed amendments were due by 30 January
    (date(2027, 3, 20), {"Ada", "Bo", "Ed", "Di"}),  # past 14 February; post-16 notices were due by 15 March
])
def test_at_risk_is_the_first_step_not_done_past_its_latest_safe_date(cohort, today, at_risk):
    by_db = set(pt.cohort_plans(YEAR).filter(pt.at_risk_filter(YEAR, today))
                .values_list("child__legal_first_name", flat=True))
    rows = pt.cohort_rows(list(pt.cohort_plans(YEAR).select_related("child")), YEAR, today)
    by_rows = {row.plan.child.legal_first_name for row in rows if row.at_risk}
    assert by_db == by_rows == at_risk


def test_a_review_meeting_held_this_autumn_keeps_a_child_on_track_in_january(cohort):
    from pathfinder.reviews.tests.factories import ReviewFactory

    ReviewFactory(plan=cohort["moving"], status="meeting_held", meeting_on=date(2026, 11, 20))
    today = date(2027, 1, 10)  # the meeting's latest safe date (2 January) has passed; the notice's has not
    by_db = set(pt.cohort_plans(YEAR).filter(pt.at_risk_filter(YEAR, today))
                .values_list("child__legal_first_name", flat=True))
    assert "Ada" not in by_db and "Ed" in by_db
    rows = {r.plan.child.legal_first_name: r for r in
            pt.cohort_rows(list(pt.cohort_plans(YEAR).select_related("child")), YEAR, today)}
    assert rows["Ada"].done == ("meeting",) and rows["Ada"].next_step.step == "amendment_notice"
    assert rows["Ed"].at_risk and rows["Ed"].next_step.step == "meeting"


def test_each_child_shows_what_is_done_and_the_next_step_with_its_date(cohort):
    rows = {r.plan.child.legal_first_name: r for r in
            pt.cohort_rows(list(pt.cohort_plans(YEAR).select_related("child")), YEAR, date(2027, 2, 1))}
    assert rows["Bo"].done == ("amendment_notice",) and rows["Bo"].next_step.step == "final"
    assert rows["Bo"].next_step.latest == date(2027, 2, 14) and not rows["Bo"].at_risk
    assert rows["Cy"].next_step is None and rows["Cy"].done_words == "Amended plan issued"
    assert rows["Di"].transfer.long_stop == date(2027, 3, 30) and rows["Di"].going_into == 12
    assert rows["Ed"].transfer.kind == "infant to junior"


def test_the_summary_counts_the_cohort_in_one_query(cohort, django_assert_num_queries):
    with django_assert_num_queries(1):
        summary = pt.cohort_summary(YEAR, date(2027, 2, 1))
    assert summary.total == 5 and summary.done == 1 and summary.at_risk == 2
    assert summary.by_kind["Primary or junior to secondary"] == 3
    assert summary.by_kind["Secondary to post-16"] == 1 and summary.by_kind["Infant to junior"] == 1


def test_the_manager_sees_the_council_and_a_caseworker_only_their_teams_children(client, cohort, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda: date(2027, 2, 1))
    url = reverse("insights:phase-transfers")
    sign_in(client, ManagerFactory())
    page = client.get(url).content.decode()
    assert "Phase transfers for September 2027" in page and "At risk" in page and "Ada" in page
    assert AuditEvent.objects.filter(child=cohort["moving"].child, what__contains="phase transfers").exists()
    at_risk_only = client.get(url + "?show=at-risk").content.decode()
    assert "Ada" in at_risk_only and "Bo " not in at_risk_only
    client.logout()
    sign_in(client, CaseworkerFactory(team=cohort["college"].child.team))
    page = client.get(url).content.decode()
    assert "Di " in page and cohort["moving"].child.full_name not in page
    client.logout()
    sign_in(client, ParentFactory())
    assert client.get(url).status_code == 403
