"""Ceasing an EHC plan: the reasons the law allows and the checks before a decision (spec sections 3.2, 4, 7).

Why its own module: ending a plan takes away a legal entitlement, and the Tribunal reverses councils that cease a
plan on a ground the law does not give, or without consulting first. So each reason the SEN2 return counts
(CeaseReason 1 to 9) carries its legal ground here, and the checks a caseworker must pass are plain functions
over plain facts, tested on the birthdays that change the answer.

* CFA s.45(1): the council may cease only if it is no longer responsible for the child or young person (a), or
  it decides the plan is no longer necessary (b).
* CFA s.45(2)-(3): a young person who starts paid employment (not an apprenticeship) or higher education no
  longer needs the plan (regulations under s.45(3); the council still follows reg 31).
* CFA s.45(1) and s.46: a plan lapses at the young person's 25th birthday, unless the council keeps it to the end
  of the academic year in which they turn 25 (s.46); never beyond the day before the 26th birthday.
* Reg 29: for someone under 18 the plan may not be ceased on the ground that they are no longer in education or
  training; the council must review and amend it to get them back into education or training.
* Reg 30: for someone 18 or over who has left education or training, the council may cease only after a review
  has found that they do not wish to return, or that a return would not be appropriate.
* Reg 31: the council informs and consults the parent or young person and the head or principal, then decides,
  then notifies the decision with the right to appeal, the time limits and the mediation information.
* The plan and its provision continue until the time to appeal has passed, or an appeal has been decided
  (CFA s.45(4) read with HESC Rules r.20(1)(c)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from statutory.appeals import appeal_dates
from statutory.people import _birthday, age_on, plan_may_continue_until
from statutory.rules import CFA, REGS, RuleBook

GROUND_NOT_RESPONSIBLE = "not_responsible"
GROUND_NOT_NECESSARY = "not_necessary"
GROUND_WORK_OR_HE = "work_or_higher_education"
GROUND_MAX_AGE = "max_age"

MAX_AGE = 25  # CFA s.46: a plan lapses at the 25th birthday (an age, not a period)
YOUNG_PERSON_AGE = 16  # CFA s.45(3): paid work or higher education, for a young person
ADULT_AGE = 18  # reg 29 (under 18) and reg 30 (18 or over)


@dataclass(frozen=True)
class CeaseReason:
    """One SEN2 CeaseReason, with the ground in law that allows it."""

    code: str
    label: str
    hint: str
    ground: str
    ground_text: str
    citation: str
    url: str
    made_elsewhere: bool = False  # reason 5: a move to another council is made by the transfers domain


CEASE_REASONS: dict[str, CeaseReason] = {
    reason.code: reason
    for reason in (
        CeaseReason(
            "1", "Reached the maximum age",
            "The young person has turned 25. The plan lapses then, unless it is kept to the end of that academic "
            "year.",
            GROUND_MAX_AGE,
            "The plan lapses at the young person's 25th birthday; the council may keep it until the end of the "
            "academic year in which they turn 25.",
            "Children and Families Act 2014, s.45(1) and s.46", f"{CFA}46",
        ),
        CeaseReason(
            "2", "Needs met without a plan",
            "Their needs can now be met by what the school or college normally provides.",
            GROUND_NOT_NECESSARY,
            "The council has decided it is no longer necessary for the special educational provision in the plan "
            "to be made for them.",
            "Children and Families Act 2014, s.45(1)(b)", f"{CFA}45",
        ),
        CeaseReason(
            "3", "Moved on to higher education",
            "The young person has started a university course or other higher education.",
            GROUND_WORK_OR_HE,
            "A young person who starts higher education no longer needs the plan.",
            "Children and Families Act 2014, s.45(2)-(3)", f"{CFA}45",
        ),
        CeaseReason(
            "4", "Started paid work (not an apprenticeship)",
            "The young person has started paid employment. An apprenticeship does not count.",
            GROUND_WORK_OR_HE,
            "A young person who starts paid employment (not an apprenticeship) no longer needs the plan.",
            "Children and Families Act 2014, s.45(2)-(3)", f"{CFA}45",
        ),
        CeaseReason(
            "5", "Moved to another council in England",
            "Record a move to another council instead: the plan goes with them.",
            GROUND_NOT_RESPONSIBLE,
            "The council is no longer responsible: the plan is transferred to the new council.",
            "SEND Regulations 2014, reg 15", f"{REGS}15",
            made_elsewhere=True,
        ),
        CeaseReason(
            "6", "Young person no longer engaging",
            "The young person (18 or over) has left education or training and a review found they do not wish to "
            "return.",
            GROUND_NOT_NECESSARY,
            "The council has decided the plan is no longer necessary: a review found the young person does not "
            "wish to return to education or training, or a return would not be appropriate.",
            "Children and Families Act 2014, s.45(1)(b); SEND Regulations 2014, reg 30", f"{REGS}30",
        ),
        CeaseReason(
            "7", "Moved outside England",
            "They now live in Wales, Scotland, Northern Ireland or abroad.",
            GROUND_NOT_RESPONSIBLE,
            "The council is no longer responsible for them.",
            "Children and Families Act 2014, s.45(1)(a)", f"{CFA}45",
        ),
        CeaseReason(
            "8", "Died",
            "The child or young person has died.",
            GROUND_NOT_RESPONSIBLE,
            "The council is no longer responsible for them.",
            "Children and Families Act 2014, s.45(1)(a)", f"{CFA}45",
        ),
        CeaseReason(
            "9", "Another reason",
            "Any other reason the plan is no longer necessary. Explain it in the consultation.",
            GROUND_NOT_NECESSARY,
            "The council has decided it is no longer necessary for the special educational provision in the plan "
            "to be made for them.",
            "Children and Families Act 2014, s.45(1)(b)", f"{CFA}45",
        ),
    )
}

TRANSFER_REFUSAL = (
    "A plan is not ceased when the family moves to another council in England: it goes with them. "
    "Use “Record a move to another council” on the plan instead."
)


def cease_reason(code: str) -> CeaseReason:
    """The reason with this SEN2 code, or ValueError."""
    try:
        return CEASE_REASONS[str(code)]
    except KeyError:
        raise ValueError(f"Unknown cease reason {code!r}") from None


@dataclass(frozen=True)
class CeaseFacts:
    """What is known about one proposal to cease a plan, as plain values."""

    date_of_birth: date
    reason: str
    proposed_on: date
    in_education_or_training: bool = True
    reviewed_does_not_wish_to_return: bool = False  # reg 30: a review found this
    attends_institution: bool = True  # a head or principal to consult (reg 31)
    family_consulted_on: date | None = None
    head_consulted_on: date | None = None
    decided_on: date | None = None
    appeal_lodged_on: date | None = None
    appeal_decided_on: date | None = None

    @property
    def age(self) -> int:
        """Age on the day the proposal was made."""
        return age_on(self.date_of_birth, self.proposed_on)

    @property
    def under_18(self) -> bool:
        return self.age < ADULT_AGE


@dataclass(frozen=True)
class CeaseProblem:
    """One thing that stops the act, with the form field it belongs to."""

    field: str
    message: str


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def twenty_fifth_birthday(date_of_birth: date) -> date:
    """The day the plan lapses (CFA s.45(1), s.46); 29 February birthdays fall on 1 March."""
    return _birthday(date_of_birth, date_of_birth.year + MAX_AGE)


def end_of_academic_year_turning_25(date_of_birth: date) -> date:
    """The latest the council may keep the plan under s.46 for a young person at a further education college:
    31 July of the academic year (1 August to 31 July) in which they turn 25, and never beyond the day before
    their 26th birthday (reg 46)."""
    birthday = twenty_fifth_birthday(date_of_birth)
    year_end = date(birthday.year + (1 if birthday.month >= 8 else 0), 7, 31)
    return min(year_end, plan_may_continue_until(date_of_birth))


def reason_problems(facts: CeaseFacts) -> list[CeaseProblem]:
    """Whether the law allows this reason for this person on the day it was proposed."""
    try:
        reason = cease_reason(facts.reason)
    except ValueError:
        return [CeaseProblem("reason", "Choose a reason the law allows.")]
    if reason.made_elsewhere:
        return [CeaseProblem("reason", TRANSFER_REFUSAL)]
    problems: list[CeaseProblem] = []
    if reason.ground == GROUND_WORK_OR_HE and facts.age < YOUNG_PERSON_AGE:
        problems.append(CeaseProblem("reason", (
            f"Paid work or higher education ends a plan only for a young person aged {YOUNG_PERSON_AGE} or over "
            f"(Children and Families Act 2014, s.45(3)). They were {facts.age} on {_d(facts.proposed_on)}."
        )))
    if reason.ground == GROUND_MAX_AGE:
        birthday = twenty_fifth_birthday(facts.date_of_birth)
        if facts.proposed_on < birthday:
            problems.append(CeaseProblem("reason", (
                f"A plan lapses for age only from the young person's 25th birthday, {_d(birthday)} (Children and "
                "Families Act 2014, s.46). Until then, choose the reason the plan is no longer needed."
            )))
    if reason.ground == GROUND_NOT_NECESSARY and not facts.in_education_or_training:
        if facts.under_18:
            problems.append(CeaseProblem("reason", (
                "They are under 18 and not in education or training, so the plan cannot be ceased for that. Review "
                "the plan and amend it to get them back into education or training (SEND Regulations 2014, "
                "reg 29)."
            )))
        elif not facts.reviewed_does_not_wish_to_return:
            problems.append(CeaseProblem("reviewed_does_not_wish_to_return", (
                "They are 18 or over and have left education or training. The plan can be ceased only after a "
                "review has found they do not wish to return, or that a return would not be appropriate (SEND "
                "Regulations 2014, reg 30). If they wish to return, amend the plan instead."
            )))
    elif reason.code == "6" and facts.under_18:
        problems.append(CeaseProblem("reason", (
            "“No longer engaging” is a reason only for a young person aged 18 or over (SEND Regulations 2014, "
            "reg 29 and 30). For someone under 18, review and amend the plan instead."
        )))
    return problems


def cease_problems(facts: CeaseFacts, *, today: date) -> list[CeaseProblem]:
    """Plain-English refusals for the facts so far: the reason for this person, the order of reg 31 (consult,
    then decide), the appeal's dates, and no date after ``today``."""
    problems = reason_problems(facts)
    dated = (
        ("proposed_on", "proposal", facts.proposed_on),
        ("family_consulted_on", "consultation with the family", facts.family_consulted_on),
        ("head_consulted_on", "consultation with the head or principal", facts.head_consulted_on),
        ("decided_on", "decision", facts.decided_on),
        ("appeal_lodged_on", "appeal", facts.appeal_lodged_on),
        ("appeal_decided_on", "Tribunal's decision", facts.appeal_decided_on),
    )
    for field, label, day in dated:
        if day is not None and day > today:
            problems.append(CeaseProblem(field, f"The date of the {label} ({_d(day)}) is in the future."))
    if facts.proposed_on < facts.date_of_birth:
        problems.append(CeaseProblem("proposed_on", "The proposal is dated before they were born."))
    for field, label, day in dated[1:3]:
        if day is not None and day < facts.proposed_on:
            problems.append(CeaseProblem(field, (
                f"The {label} ({_d(day)}) is before the proposal to cease ({_d(facts.proposed_on)})."
            )))
    if facts.decided_on is not None:
        problems.extend(_decision_problems(facts, facts.decided_on))
    if facts.appeal_lodged_on is not None and (facts.decided_on is None or facts.appeal_lodged_on < facts.decided_on):
        problems.append(CeaseProblem("appeal_lodged_on", "An appeal can only be lodged after the decision was sent."))
    if facts.appeal_decided_on is not None and (
        facts.appeal_lodged_on is None or facts.appeal_decided_on < facts.appeal_lodged_on
    ):
        problems.append(CeaseProblem("appeal_decided_on", "The Tribunal's decision is dated before the appeal."))
    return problems


def _decision_problems(facts: CeaseFacts, decided_on: date) -> list[CeaseProblem]:
    """Reg 31: inform and consult the family and the head or principal before deciding."""
    problems: list[CeaseProblem] = []
    if facts.family_consulted_on is None:
        problems.append(CeaseProblem("decided_on", (
            "Consult the parent or young person before deciding (SEND Regulations 2014, reg 31(1))."
        )))
    elif decided_on < facts.family_consulted_on:
        problems.append(CeaseProblem("decided_on", (
            f"The decision ({_d(decided_on)}) is before the family was consulted ({_d(facts.family_consulted_on)})."
        )))
    if facts.attends_institution:
        if facts.head_consulted_on is None:
            problems.append(CeaseProblem("decided_on", (
                "Consult the head or principal of their school or college before deciding (SEND Regulations 2014, "
                "reg 31(1))."
            )))
        elif decided_on < facts.head_consulted_on:
            problems.append(CeaseProblem("decided_on", (
                f"The decision ({_d(decided_on)}) is before the head or principal was consulted "
                f"({_d(facts.head_consulted_on)})."
            )))
    return problems


def plan_in_force_until(
    decision_notice_sent_on: date,
    appeal_lodged_on: date | None = None,
    appeal_decided_on: date | None = None,
    *,
    certificate_issued_on: date | None = None,
    rules: RuleBook | None = None,
) -> date | None:
    """The last day the plan and its provision stay in force after a decision to cease.

    With no appeal: the last day to appeal (HESC Rules r.20(1)(c), moved under r.12 when it is not a working
    day), which a mediation certificate issued late in the period pushes to 1 month after the certificate. With an appeal lodged and not yet decided: ``None``, the plan continues until the Tribunal decides.
    With an appeal decided: the day of the Tribunal's decision (if the appeal is dismissed the council ceases the
    plan at once, reg 44(2)(a); if upheld the plan simply continues and this date is not used).
    """
    if appeal_lodged_on is not None:
        return appeal_decided_on
    return appeal_dates(decision_notice_sent_on, certificate_issued=certificate_issued_on, rules=rules).appeal_by


def cease_takes_effect_on(
    decision_notice_sent_on: date,
    appeal_lodged_on: date | None = None,
    appeal_decided_on: date | None = None,
    *,
    certificate_issued_on: date | None = None,
    rules: RuleBook | None = None,
) -> date | None:
    """The first day the plan is no longer in force: the day after the last day to appeal when no appeal was
    lodged; the day the Tribunal dismissed an appeal (the council ceases at once, reg 44(2)(a)); ``None`` while
    an appeal waits for the Tribunal."""
    until = plan_in_force_until(decision_notice_sent_on, appeal_lodged_on, appeal_decided_on,
                                certificate_issued_on=certificate_issued_on, rules=rules)
    if until is None:
        return None
    return until if appeal_lodged_on is not None else until + timedelta(days=1)
