"""The SEN2 validation rules that can be known before the DfE runs its own (spec section 7's cross-field rules).

Plain functions over the plain records of sen2.records (no Django), so each can be tested by building a person by
hand, and run over a whole council's return or over one caseworker's cases for their worklist. Each rule has an id
("SEN2-R05"), a message a caseworker can act on, and points at the record: the child, and the request or plan.

The DfE's own validation list (an Excel workbook per year, COLLECT) was not available when these were written:
the ids are Pathfinder's, and docs say which DfE checks each mirrors once the list is reconciled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from pathfinder.people.identifiers import upn_problem
from pathfinder.sen2.records import Header, Person, Request, Sen2Return, Setting

MAX_AGE = 25  # SEN2 covers children and young people aged 0 to 25


@dataclass(frozen=True)
class Problem:
    """One rule broken by one record."""

    rule_id: str
    message: str
    child_id: int
    assessment_id: int | None = None
    plan_id: int | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    message: str
    check: Callable[[Person, Header], Iterable[Request | Person]]


RULES: list[Rule] = []


def rule(rule_id: str, message: str) -> Callable:
    """Register a check: a function (person, header) yielding the request (or the person) that breaks it."""

    def register(check: Callable[[Person, Header], Iterable[Request | Person]]) -> Callable:
        RULES.append(Rule(rule_id, message, check))
        return check

    return register


def _dates(request: Request) -> Iterator[date]:
    assessment = request.assessment
    plan = assessment.named_plan if assessment else None
    review = request.active_plan.review if request.active_plan else None
    candidates = (request.received_on, request.outcome_date, assessment.outcome_date if assessment else None,
                  plan.start_date if plan else None, plan.cease_date if plan else None,
                  review.meeting_on if review else None, review.decided_on if review else None)
    return (day for day in candidates if day is not None)


def _settings(request: Request) -> Iterator[Setting]:
    if request.assessment and request.assessment.named_plan:
        yield from request.assessment.named_plan.details
    if request.active_plan:
        yield from request.active_plan.placements


@rule("SEN2-R01", "A date in the return is after the census day")
def dates_after_census(person: Person, header: Header):
    return (r for r in person.requests if any(day > header.reference_date for day in _dates(r)))


@rule("SEN2-R02", "The decision whether to assess is dated before the request was received")
def decision_before_request(person: Person, header: Header):
    return (r for r in person.requests if r.received_on and r.outcome_date and r.outcome_date < r.received_on)


@rule("SEN2-R03", "The decision whether to issue a plan is dated before the request was received")
def issue_decision_before_request(person: Person, header: Header):
    return (r for r in person.requests if r.received_on and r.assessment and r.assessment.outcome_date
            and r.assessment.outcome_date < r.received_on)


@rule("SEN2-R04", "A plan is recorded but the assessment does not say a plan would be issued")
def plan_without_decision_to_issue(person: Person, header: Header):
    return (r for r in person.requests if r.assessment and r.assessment.named_plan
            and r.assessment.outcome not in ("Y", "H"))


@rule("SEN2-R05", "The plan was issued before the request for an assessment was received")
def plan_before_request(person: Person, header: Header):
    return (r for r in person.requests if r.received_on and r.assessment and r.assessment.named_plan
            and r.assessment.named_plan.start_date < r.received_on)


@rule("SEN2-R06", "The plan has ended but no reason for ceasing it is recorded")
def cease_without_reason(person: Person, header: Header):
    return (r for r in person.requests if r.assessment and r.assessment.named_plan
            and bool(r.assessment.named_plan.cease_date) != bool(r.assessment.named_plan.cease_reason))


@rule("SEN2-R07", "An assessment is recorded but the decision was not to assess")
def assessment_without_decision_to_assess(person: Person, header: Header):
    return (r for r in person.requests if r.assessment and r.outcome not in ("Y", "H"))


@rule("SEN2-R08", "A decision is recorded without the date it was made")
def decision_without_date(person: Person, header: Header):
    return (r for r in person.requests if (r.outcome in ("Y", "N") and r.outcome_date is None)
            or (r.assessment and r.assessment.outcome in ("Y", "N") and r.assessment.outcome_date is None))


@rule("SEN2-R09", "The plan needs exactly one primary need (rank 1), and at most one secondary need")
def primary_need(person: Person, header: Header):
    for r in person.requests:
        if r.active_plan is None:
            continue
        ranks = [rank for _, rank in r.active_plan.needs]
        kinds = [kind for kind, _ in r.active_plan.needs]
        if ranks.count(1) != 1 or ranks.count(2) > 1 or len(set(kinds)) != len(kinds):
            yield r


@rule("SEN2-R10", "The plan does not name a school, college or other setting")
def plan_names_no_setting(person: Person, header: Header):
    return (r for r in person.requests if r.assessment and r.assessment.named_plan
            and r.assessment.named_plan.plan_id is not None and not r.assessment.named_plan.details)


@rule("SEN2-R11", "The child's current school, college or setting is not recorded")
def no_current_placement(person: Person, header: Header):
    return (r for r in person.requests if r.active_plan is not None and not r.active_plan.placements)


@rule("SEN2-R12", "A setting must have a URN or UKPRN, or else a setting code, but not both")
def urn_xor_setting(person: Person, header: Header):
    return (r for r in person.requests
            if any(bool(s.urn or s.ukprn) == bool(s.sen_setting) or (s.urn and s.ukprn) for s in _settings(r)))


@rule("SEN2-R13", "The UPN is not a real UPN: its check letter does not match")
def upn_check(person: Person, header: Header):
    return [person] if person.upn and upn_problem(person.upn) else []


@rule("SEN2-R14", "Neither a UPN nor a ULN is recorded")
def no_identifier(person: Person, header: Header):
    return [person] if not (person.upn or person.uln) else []


@rule("SEN2-R15", "No postcode is recorded")
def no_postcode(person: Person, header: Header):
    return [person] if not person.postcode.strip() else []


@rule("SEN2-R16", "A review decision is recorded without its date, or dated before the review meeting")
def review_decision(person: Person, header: Header):
    for r in person.requests:
        review = r.active_plan.review if r.active_plan else None
        if review and ((review.outcome and review.decided_on is None)
                       or (review.decided_on and review.decided_on < review.meeting_on)):
            yield r


@rule("SEN2-R17", f"The date of birth is after the census day, or the person is over {MAX_AGE}")
def age(person: Person, header: Header):
    census = header.reference_date
    over = (census.year - person.birth_date.year
            - ((census.month, census.day) < (person.birth_date.month, person.birth_date.day)))
    return [person] if person.birth_date > census or over > MAX_AGE else []


@rule("SEN2-R18", "A plan in force at the census has no plan recorded for its request")
def active_without_named_plan(person: Person, header: Header):
    return (r for r in person.requests if r.active_plan is not None
            and (r.assessment is None or r.assessment.named_plan is None))


@rule("SEN2-R19", "The plan is recorded as transferred in from this council's own LA code")
def transfer_from_self(person: Person, header: Header):
    return (r for r in person.requests if r.active_plan and r.active_plan.transfer_la == header.lea)


@rule("SEN2-R20", "Mediation or an appeal about a decision after the assessment is recorded, but the request has no "
                  "assessment to report it on (OtherMediation, OtherTribunal)")
def disagreement_without_assessment(person: Person, header: Header):
    return (r for r in person.requests if r.other_unwritten)


def person_problems(person: Person, header: Header) -> list[Problem]:
    problems = []
    for each in RULES:
        for found in each.check(person, header):
            if isinstance(found, Request):
                plan = found.assessment.named_plan if found.assessment else None
                problems.append(Problem(each.id, each.message, person.child_id, found.assessment_id,
                                        plan.plan_id if plan else None))
            else:
                problems.append(Problem(each.id, each.message, person.child_id))
    return problems


def return_problems(sen2_return: Sen2Return) -> list[Problem]:
    """Every rule broken anywhere in the return, person by person."""
    return [problem for person in sen2_return.persons for problem in person_problems(person, sen2_return.header)]


def rule_messages() -> dict[str, str]:
    return {each.id: each.message for each in RULES}
