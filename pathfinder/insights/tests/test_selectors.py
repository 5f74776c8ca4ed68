"""Worklists, caseloads and timeliness, on cases with literal dates (today is always passed in)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import statutory
from pathfinder.accounts.tests.factories import CaseworkerFactory, TeamFactory
from pathfinder.assessments.constants import open_case_q
from pathfinder.assessments.facts import assessment_facts, assessment_timeline_for
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.tests.factories import AdviceRequestFactory
from pathfinder.insights.selectors import (
    caseworker_worklist,
    council_timeliness,
    default_period,
    team_caseloads,
    timeliness_rows,
)
from pathfinder.insights.tests.factories import ConsultationFactory, PlanFactory, case
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 9, 14)  # a Monday; "due this week" runs to Sunday 20 September


@pytest.fixture
def caseworker():
    return CaseworkerFactory(first_name="Cass", last_name="Worker")


def _mine(caseworker, received_on, **kwargs):
    child = ChildFactory(team=caseworker.team, **kwargs.pop("child", {}))
    return case(received_on, child=child, caseworker=caseworker, **kwargs)


def _steps(items):
    return [(i.child.legal_last_name, i.deadline.family, i.deadline.due) for i in items]


def test_worklist_groups_open_steps_by_when_they_are_due(caseworker):
    # given three open cases and one closed case of this caseworker
    a = _mine(caseworker, date(2026, 7, 1), child={"legal_last_name": "Adams"})  # nothing decided yet
    b = _mine(caseworker, date(2026, 8, 9), child={"legal_last_name": "Brown"})  # decision due Sun 20 Sep
    c = _mine(caseworker, date(2026, 6, 1), assess=(date(2026, 7, 1), True), child={"legal_last_name": "Clark"})
    AdviceRequestFactory(  # due 13 August, overdue, but an adviser's exception with a note excuses it
        assessment=c, requested_on=date(2026, 7, 2), exception_code="A1", exception_start=date(2026, 7, 20),
        exception_end=date(2026, 8, 30), exception_note="The child was in hospital for five weeks",
    )
    _mine(caseworker, date(2026, 1, 5), assess=(date(2026, 2, 1), True), issue=(date(2026, 4, 1), True),
          draft_on=date(2026, 4, 20), final_on=date(2026, 5, 20), child={"legal_last_name": "Done"})

    # when we read their worklist on Monday 14 September
    worklist = caseworker_worklist(caseworker, TODAY)

    # then overdue, this week (to Sunday 20 September inclusive) and later are split as the law's dates fall
    assert worklist.case_count == 3
    assert worklist.due_soon_until == date(2026, 9, 20)
    assert _steps(worklist.overdue) == [
        ("Adams", "decision_to_assess", date(2026, 8, 12)),
        ("Clark", "advice", date(2026, 8, 13)),
    ]
    assert [i.deadline.status for i in worklist.overdue] == ["overdue", "overdue_exception_applies"]
    assert [i.days_overdue for i in worklist.overdue] == [33, 32]
    assert _steps(worklist.due_this_week) == [("Brown", "decision_to_assess", date(2026, 9, 20))]
    assert worklist.due_this_week[0].days_left == 6
    assert _steps(worklist.due_later) == [
        ("Clark", "decision_not_to_issue", date(2026, 9, 21)),
        ("Clark", "final_plan", date(2026, 10, 19)),
        ("Adams", "decision_not_to_issue", date(2026, 10, 21)),
        ("Adams", "final_plan", date(2026, 11, 18)),
        ("Brown", "decision_not_to_issue", date(2026, 11, 29)),
        ("Brown", "final_plan", date(2026, 12, 27)),
    ]
    first = worklist.overdue[0]
    assert (first.assessment, first.child) == (a, a.child)
    assert first.deadline.rule.citation == "SEND Regulations 2014, reg 5(1)"
    assert b.pk == worklist.due_this_week[0].assessment.pk


def test_worklist_shows_only_the_caseworkers_own_cases(caseworker):
    # given a colleague in the same team with a case, and an unallocated case in the team
    colleague = CaseworkerFactory(team=caseworker.team)
    mine = _mine(caseworker, date(2026, 7, 1))
    case(date(2026, 7, 1), child=ChildFactory(team=caseworker.team), caseworker=colleague)
    case(date(2026, 7, 1), child=ChildFactory(team=caseworker.team), caseworker=None)

    # then each sees only cases allocated to them
    assert {i.assessment.pk for i in caseworker_worklist(caseworker, TODAY).due_later} == {mine.pk}
    assert caseworker_worklist(caseworker, TODAY).case_count == 1
    assert caseworker_worklist(colleague, TODAY).case_count == 1
    assert mine.pk not in {i.assessment.pk for i in caseworker_worklist(colleague, TODAY).due_later}


def test_worklist_reads_cases_in_a_fixed_number_of_queries(caseworker):
    """Each domain's worklist provider reads its items in a fixed number of queries, however many cases: the same
    count for one case as for six (cases, exceptions, advice, consultations, closed days, the family portal's
    requests, meeting requests, reviews, cessations, amendments, moves between councils...)."""

    def queries_for(n_cases: int, start: int) -> int:
        for n in range(n_cases):
            c = _mine(caseworker, date(2026, 6, 1) + timedelta(days=start + n), assess=(date(2026, 7, 1), True))
            AdviceRequestFactory(assessment=c, requested_on=date(2026, 7, 2))
            ConsultationFactory(plan=PlanFactory(assessment=c), sent_on=date(2026, 8, 1))
        with CaptureQueriesContext(connection) as captured:
            worklist = caseworker_worklist(caseworker, TODAY)
        assert worklist.case_count == start + n_cases
        return len(captured)

    one = queries_for(1, 0)
    six = queries_for(5, 1)
    # 16 before personal budgets; budgets adds 8 (requests to work out, shares awaiting the ICB, agreements and
    # reviews of direct payments, the council's settings, three money alerts); disagreements and tribunal add 6
    # (mediation steps and complaints' remedies; responses, order duties and recommendations); each fixed however
    # many cases.
    assert one == six and one <= 30



def _mixed_caseload():
    """Two teams, three caseworkers and an unallocated case, with overdue advice and consultations."""
    north, south = TeamFactory(name="North"), TeamFactory(name="South")
    ann = CaseworkerFactory(first_name="Ann", last_name="Able", team=north)
    bob = CaseworkerFactory(first_name="Bob", last_name="Baker", team=north)
    cat = CaseworkerFactory(first_name="Cat", last_name="Cole", team=south)
    idle = CaseworkerFactory(first_name="Dee", last_name="Idle", team=south)

    def add(team, worker, received, **kw):
        return case(received, child=ChildFactory(team=team), caseworker=worker, **kw)

    add(north, ann, date(2026, 7, 1))  # decision overdue
    c = add(north, ann, date(2026, 4, 1), assess=(date(2026, 5, 1), True))  # not-issue and final overdue
    AdviceRequestFactory(assessment=c, requested_on=date(2026, 5, 2))  # overdue
    AdviceRequestFactory(assessment=c, requested_on=date(2026, 5, 2), received_on=date(2026, 6, 1))  # done
    AdviceRequestFactory(assessment=c, requested_on=date(2026, 9, 1))  # not yet due
    d = add(north, bob, date(2026, 5, 1), assess=(date(2026, 6, 1), True), issue=(date(2026, 7, 20), True),
            draft_on=date(2026, 8, 1))  # final due 18 Sep: not yet overdue
    ConsultationFactory(plan=PlanFactory(assessment=d), sent_on=date(2026, 8, 2))  # due 17 Aug: overdue
    ConsultationFactory(plan=d.plan, sent_on=date(2026, 8, 2), responded_on=date(2026, 8, 10))
    ConsultationFactory(plan=d.plan, sent_on=date(2026, 8, 31))  # due 15 Sep: today is 14th, not overdue
    add(south, cat, date(2026, 8, 1))  # decision due 12 Sep: overdue
    add(south, cat, date(2026, 8, 3))  # decision due 14 Sep, today: not overdue
    add(south, None, date(2026, 5, 1))  # unallocated: decision and not-issue overdue, final due 18 Sep
    add(south, cat, date(2026, 1, 5), assess=(date(2026, 2, 1), False))  # refused: closed
    add(north, ann, date(2026, 1, 5), withdrawn_on=date(2026, 1, 20))  # withdrawn: closed
    return {"north": north, "south": south, "ann": ann, "bob": bob, "cat": cat, "idle": idle}


def test_caseloads_per_team_and_caseworker():
    people = _mixed_caseload()
    loads = team_caseloads(TODAY)
    by_team = {t.name: (t.open_cases, t.overdue_steps) for t in loads.teams}
    by_worker = {w.name: (w.team_name, w.open_cases, w.overdue_steps) for w in loads.caseworkers}
    assert by_team == {"North": (3, 5), "South": (3, 3)}
    assert by_worker == {
        "Ann Able": ("North", 2, 4),
        "Bob Baker": ("North", 1, 1),
        "Cat Cole": ("South", 2, 1),
        "Dee Idle": ("South", 0, 0),
        "Not allocated to a caseworker": ("", 1, 2),
    }
    assert (loads.total.open_cases, loads.total.overdue_steps) == (6, 8)
    assert people["idle"].pk in {w.key for w in loads.caseworkers}


def test_caseload_counts_agree_with_each_cases_statutory_timeline():
    people = _mixed_caseload()
    loads = {w.key: w for w in team_caseloads(TODAY).caseworkers}
    for name in ("ann", "bob", "cat", "idle"):
        worker = people[name]
        assert loads[worker.pk].overdue_steps == len(caseworker_worklist(worker, TODAY).overdue), name
        assert loads[worker.pk].open_cases == caseworker_worklist(worker, TODAY).case_count, name
    # and per team, against the timeline of every open case
    expected = Counter()
    for assessment in Assessment.objects.filter(open_case_q()):
        expected[assessment.child.team.name] += len(assessment_timeline_for(assessment, today=TODAY).overdue)
    assert {t.name: t.overdue_steps for t in team_caseloads(TODAY).teams} == dict(expected)


def test_caseloads_take_a_fixed_number_of_queries(django_assert_max_num_queries):
    _mixed_caseload()
    with django_assert_max_num_queries(6):
        team_caseloads(TODAY)


# --- timeliness ---------------------------------------------------------------------------------------------

E3_NOTE = {"code": "E3", "causal_note": "The family was bereaved and asked us to pause contact"}


def _timeliness_cases():
    """About 40 cases: boundaries on the due dates, exceptions shown and not, withdrawn, refused, not issuing."""
    made = [
        # decision whether to assess exactly on the due date (42 days) and a day late
        case(date(2025, 3, 3), assess=(date(2025, 4, 14), True)),
        case(date(2025, 3, 3), assess=(date(2025, 4, 15), False)),
        # decision not to issue on day 112 and day 113
        case(date(2025, 2, 3), assess=(date(2025, 3, 1), True), issue=(date(2025, 5, 26), False)),
        case(date(2025, 2, 3), assess=(date(2025, 3, 1), True), issue=(date(2025, 5, 27), False)),
        # final plan on day 140 and day 141
        case(date(2025, 1, 6), assess=(date(2025, 2, 1), True), issue=(date(2025, 4, 1), True),
             draft_on=date(2025, 4, 20), final_on=date(2025, 5, 26)),
        case(date(2025, 1, 6), assess=(date(2025, 2, 1), True), issue=(date(2025, 4, 1), True),
             draft_on=date(2025, 4, 20), final_on=date(2025, 5, 27)),
        # late plan with an exception shown (note) for the 20 weeks: excluded
        case(date(2025, 5, 5), assess=(date(2025, 6, 1), True), issue=(date(2025, 8, 1), True),
             draft_on=date(2025, 9, 1), final_on=date(2025, 11, 3),
             exceptions=({**E3_NOTE, "period_start": date(2025, 6, 10), "period_end": date(2025, 7, 30)},)),
        # on-time plan with an exception shown: excluded too (SEN2 Week20 removes it whatever the outcome)
        case(date(2025, 5, 5), assess=(date(2025, 6, 1), True), issue=(date(2025, 7, 1), True),
             draft_on=date(2025, 8, 1), final_on=date(2025, 9, 1),
             exceptions=({"code": "E1", "causal_note": "School closed for the summer when advice was asked",
                          "period_start": date(2025, 7, 14), "period_end": date(2025, 9, 5)},)),
        # exception without a causal note: not shown, so the late plan stays in
        case(date(2025, 5, 5), assess=(date(2025, 6, 1), True), issue=(date(2025, 8, 1), True),
             draft_on=date(2025, 9, 1), final_on=date(2025, 11, 3),
             exceptions=({"code": "E4", "period_start": date(2025, 6, 1), "period_end": date(2025, 7, 30)},)),
        # exception claimed only for the decision whether to assess: the plan stays in
        case(date(2025, 5, 5), assess=(date(2025, 7, 1), True), issue=(date(2025, 8, 1), True),
             draft_on=date(2025, 9, 1), final_on=date(2025, 11, 3),
             exceptions=({**E3_NOTE, "applies_to": "decision_to_assess", "period_start": date(2025, 5, 10),
                          "period_end": date(2025, 6, 20)},)),
        # exception after the 20 weeks had ended (an old record: the service now refuses it): the plan stays in
        case(date(2025, 1, 6), assess=(date(2025, 2, 1), True), issue=(date(2025, 4, 1), True),
             draft_on=date(2025, 5, 1), final_on=date(2025, 7, 1),
             exceptions=({**E3_NOTE, "period_start": date(2025, 6, 1), "period_end": date(2025, 6, 20),
                          "legacy": True},)),
        # withdrawn after a decision to assess: the decision still counts
        case(date(2025, 6, 2), assess=(date(2025, 7, 1), True), withdrawn_on=date(2025, 8, 1)),
        # withdrawn before any decision: counts nowhere
        case(date(2025, 6, 2), withdrawn_on=date(2025, 6, 20)),
        # events just outside 2025, on either side
        case(date(2024, 11, 1), assess=(date(2024, 12, 31), True), issue=(date(2025, 2, 1), True),
             draft_on=date(2025, 2, 20), final_on=date(2025, 3, 21)),
        case(date(2025, 11, 20), assess=(date(2026, 1, 1), True)),
        case(date(2025, 8, 1), assess=(date(2025, 9, 1), True), issue=(date(2025, 10, 1), True),
             draft_on=date(2025, 11, 1), final_on=date(2025, 12, 31)),
        # still open
        case(date(2025, 11, 3)),
        case(date(2025, 9, 1), assess=(date(2025, 10, 6), True)),
    ]
    rng = random.Random(2025)
    for _ in range(24):
        received = date(2024, 10, 1) + timedelta(days=rng.randint(0, 420))
        decided_on = received + timedelta(days=rng.choice([20, 41, 42, 43, 70]))
        kwargs: dict = {"assess": (decided_on, rng.random() < 0.8)}
        if kwargs["assess"][1] and rng.random() < 0.85:
            if rng.random() < 0.2:
                kwargs["issue"] = (received + timedelta(days=rng.choice([90, 112, 113, 150])), False)
            else:
                final_on = received + timedelta(days=rng.choice([120, 139, 140, 141, 200, 300]))
                kwargs.update(issue=(decided_on + timedelta(days=10), True), draft_on=final_on - timedelta(days=20),
                              final_on=final_on)
        elif rng.random() < 0.3:
            kwargs["withdrawn_on"] = decided_on + timedelta(days=5)
        pick = rng.random()
        start = received + timedelta(days=rng.randint(0, 110))  # within the 20 weeks: reg 10(4) "during that period"
        if pick < 0.25:
            kwargs["exceptions"] = ({**E3_NOTE, "period_start": start, "period_end": start + timedelta(days=30)},)
        elif pick < 0.4:
            kwargs["exceptions"] = ({"code": "E1", "period_start": start, "period_end": start + timedelta(days=40)},)
        made.append(case(received, **kwargs))
    return made


def _pairs(report: statutory.TimelinessReport):
    return [(m.numerator, m.denominator) for m in report.measures]


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2025, 1, 1), date(2025, 12, 31)),  # the SEN2 calendar year
        (date(2025, 4, 14), date(2025, 5, 26)),  # starts and ends on due dates
        (date(2024, 9, 1), date(2026, 12, 31)),
        (date(2025, 5, 27), date(2025, 5, 27)),  # one day
    ],
)
def test_timeliness_from_the_database_equals_the_statutory_report(start, end):
    cases = _timeliness_cases()
    oracle = statutory.timeliness_report([assessment_facts(a) for a in cases], period_start=start, period_end=end)
    assert _pairs(council_timeliness(start, end)) == _pairs(oracle)


def test_timeliness_for_2025_counts_what_we_expect():
    _timeliness_cases()
    report = council_timeliness(date(2025, 1, 1), date(2025, 12, 31))
    # non-trivial: something on time and something late in every measure, and exceptions taken out
    for measure in report.measures:
        assert 0 < measure.numerator < measure.denominator, str(measure)
    incl, excl = report.final_plans_including_exceptions, report.final_plans_excluding_exceptions
    assert excl.denominator < incl.denominator
    assert excl.numerator < incl.numerator  # an on-time plan with an exception is removed too


def test_timeliness_boundaries_literally():
    case(date(2025, 3, 3), assess=(date(2025, 4, 14), True))  # day 42: on time
    case(date(2025, 3, 3), assess=(date(2025, 4, 15), False))  # day 43: late
    case(date(2025, 1, 6), assess=(date(2025, 2, 1), True), issue=(date(2025, 4, 1), True),
         draft_on=date(2025, 4, 20), final_on=date(2025, 5, 26))  # day 140: on time
    case(date(2025, 5, 5), assess=(date(2025, 6, 1), True), issue=(date(2025, 8, 1), True),
         draft_on=date(2025, 9, 1), final_on=date(2025, 11, 3),
         exceptions=({**E3_NOTE, "period_start": date(2025, 6, 10), "period_end": date(2025, 7, 30)},))
    report = council_timeliness(date(2025, 1, 1), date(2025, 12, 31))
    assert _pairs(report) == [(3, 4), (0, 0), (1, 2), (1, 1)]
    assert report.decisions_not_to_issue.percent is None
    rows = timeliness_rows(report)
    assert [r.national.percent for r in rows] == [84.8, 34.1, 45.9, 46.4]
    assert rows[0].rule_url.endswith("/regulation/5")


def test_timeliness_refuses_a_period_that_ends_before_it_starts():
    with pytest.raises(ValueError):
        council_timeliness(date(2025, 2, 1), date(2025, 1, 1))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 9, 14), (date(2025, 9, 15), date(2026, 9, 14))),
        (date(2028, 2, 29), (date(2027, 3, 1), date(2028, 2, 29))),
    ],
)
def test_default_period_is_the_last_twelve_months(today, expected):
    assert default_period(today) == expected
