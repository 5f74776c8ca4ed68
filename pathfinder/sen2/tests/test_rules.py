"""Every validation rule fails a record made wrong on purpose, and passes the same record made right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from pathfinder.people.tests.factories import fictional_upn
from pathfinder.sen2.census import census_day, next_census
from pathfinder.sen2.records import (
    ActivePlan,
    Assessment,
    Header,
    NamedPlan,
    Person,
    Request,
    Review,
    Sen2Return,
    Setting,
)
from pathfinder.sen2.rules import RULES, person_problems, return_problems

HEADER = Header(reference_date=date(2027, 1, 21), lea="999", created_at=datetime(2027, 1, 22, 9, 0, tzinfo=UTC))


def good_person() -> Person:
    """A child with a plan issued in 2026 after a request that year, reviewed, in a school with a URN."""
    return Person(
        child_id=1, surname="Quillfeather", forename="Ada", birth_date=date(2015, 9, 14), sex="F",
        postcode="WM1 1AA", upn=fictional_upn(7),
        requests=[Request(
            outcome="Y", assessment_id=10, received_on=date(2026, 1, 5), source="1", outcome_date=date(2026, 2, 10),
            assessment=Assessment(outcome="Y", outcome_date=date(2026, 4, 20), week20=False, named_plan=NamedPlan(
                start_date=date(2026, 5, 18), plan_id=20, details=[Setting(urn="999001")])),
            active_plan=ActivePlan(plan_id=20, placements=[Setting(urn="999001")], needs=[("ASD", 1), ("SLCN", 2)],
                                   review=Review(review_id=30, meeting_on=date(2026, 11, 2), outcome="M",
                                                 decided_on=date(2026, 11, 20))),
        )],
    )


def _request(person: Person) -> Request:
    return person.requests[0]


# rule id -> how to break the good person
BREAKS: dict[str, Callable[[Person], None]] = {
    "SEN2-R01": lambda p: setattr(_request(p).active_plan.review, "meeting_on", date(2027, 2, 1)),
    "SEN2-R02": lambda p: setattr(_request(p), "outcome_date", date(2025, 12, 1)),
    "SEN2-R03": lambda p: setattr(_request(p).assessment, "outcome_date", date(2025, 12, 1)),
    "SEN2-R04": lambda p: setattr(_request(p).assessment, "outcome", "N"),
    "SEN2-R05": lambda p: setattr(_request(p).assessment.named_plan, "start_date", date(2025, 12, 1)),
    "SEN2-R06": lambda p: setattr(_request(p).assessment.named_plan, "cease_date", date(2026, 12, 1)),
    "SEN2-R07": lambda p: setattr(_request(p), "outcome", "N"),
    "SEN2-R08": lambda p: setattr(_request(p), "outcome_date", None),
    "SEN2-R09": lambda p: setattr(_request(p).active_plan, "needs", [("ASD", 2), ("SLCN", 2)]),
    "SEN2-R10": lambda p: setattr(_request(p).assessment.named_plan, "details", []),
    "SEN2-R11": lambda p: setattr(_request(p).active_plan, "placements", []),
    "SEN2-R12": lambda p: setattr(_request(p).active_plan, "placements", [Setting(urn="999001", sen_setting="OTH")]),
    "SEN2-R13": lambda p: setattr(p, "upn", "A" + p.upn[1:] if p.upn[0] != "A" else "B" + p.upn[1:]),
    "SEN2-R14": lambda p: setattr(p, "upn", ""),
    "SEN2-R15": lambda p: setattr(p, "postcode", " "),
    "SEN2-R16": lambda p: setattr(_request(p).active_plan.review, "decided_on", None),
    "SEN2-R17": lambda p: setattr(p, "birth_date", date(2001, 1, 20)),
    "SEN2-R18": lambda p: setattr(_request(p).assessment, "named_plan", None),
    "SEN2-R19": lambda p: setattr(_request(p).active_plan, "transfer_la", "999"),
    "SEN2-R20": lambda p: setattr(_request(p), "other_unwritten", True),
}


def test_every_rule_has_a_test_that_breaks_it_and_its_own_id():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(BREAKS)
    assert all(rule.message and rule.message[0].isupper() for rule in RULES)


def test_the_good_person_breaks_no_rule():
    assert person_problems(good_person(), HEADER) == []


@pytest.mark.parametrize("rule_id", sorted(BREAKS))
def test_each_rule_fails_the_record_broken_on_purpose(rule_id):
    person = good_person()
    BREAKS[rule_id](person)
    problems = person_problems(person, HEADER)
    assert rule_id in {problem.rule_id for problem in problems}
    problem = next(p for p in problems if p.rule_id == rule_id)
    assert problem.child_id == 1
    if problem.assessment_id is not None:
        assert problem.assessment_id == 10


def test_a_rule_on_a_request_points_at_the_request_and_its_plan():
    person = good_person()
    BREAKS["SEN2-R05"](person)
    problem = next(p for p in person_problems(person, HEADER) if p.rule_id == "SEN2-R05")
    assert (problem.assessment_id, problem.plan_id) == (10, 20)


def test_an_eight_digit_ukprn_and_no_setting_code_is_right_but_both_is_wrong():
    person = good_person()
    _request(person).active_plan.placements = [Setting(ukprn="10012345")]
    assert person_problems(person, HEADER) == []
    _request(person).active_plan.placements = [Setting(urn="999001", ukprn="10012345")]
    assert [p.rule_id for p in person_problems(person, HEADER)] == ["SEN2-R12"]


def test_the_return_lists_every_persons_problems():
    broken = good_person()
    BREAKS["SEN2-R15"](broken)
    other = replace(good_person(), child_id=2)
    problems = return_problems(Sen2Return(header=HEADER, persons=[other, broken]))
    assert [(p.rule_id, p.child_id) for p in problems] == [("SEN2-R15", 1)]


@pytest.mark.parametrize(("year", "census"), [(2024, date(2024, 1, 18)), (2025, date(2025, 1, 16)),
                                              (2026, date(2026, 1, 15)), (2027, date(2027, 1, 21))])
def test_the_census_is_the_third_thursday_of_january(year, census):
    assert census_day(year) == census


def test_the_next_census_is_this_januarys_until_it_has_passed():
    assert next_census(date(2027, 1, 21)) == date(2027, 1, 21)
    assert next_census(date(2027, 1, 22)) == date(2028, 1, 20)
    assert next_census(date(2026, 12, 7)) == date(2027, 1, 21)
