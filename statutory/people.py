"""Ages, school years and who makes decisions (spec section 4).

Why here: from the end of compulsory school age the rights under CFA 2014 Part 3 (requests, representations,
appeals, personal budgets) belong to the young person, not the parent. Getting the switch-over day wrong sends
letters to the wrong person, so it is computed in one place and tested on the boundary days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

EDUCATION_ACT_1996_S8 = "https://www.legislation.gov.uk/ukpga/1996/56/section/8"
CFA_S46 = "https://www.legislation.gov.uk/ukpga/2014/6/section/46"
CFA_S80 = "https://www.legislation.gov.uk/ukpga/2014/6/section/80"
CFA_S83 = "https://www.legislation.gov.uk/ukpga/2014/6/section/83"

Who = Literal["parent", "young_person", "representative"]


def _birthday(date_of_birth: date, year: int) -> date:
    """Birthday in ``year``; someone born on 29 February has their birthday on 1 March in other years."""
    try:
        return date_of_birth.replace(year=year)
    except ValueError:  # 29 Feb in a non-leap year
        return date(year, 3, 1)


def age_on(date_of_birth: date, on: date) -> int:
    """Age in whole years on ``on`` (a birthday counts from the start of that day)."""
    if on < date_of_birth:
        raise ValueError("date is before the date of birth")
    age = on.year - date_of_birth.year
    if on < _birthday(date_of_birth, on.year):
        age -= 1
    return age


def _school_year_ending(day: date) -> int:
    """Calendar year in which the school year (1 Sep - 31 Aug) containing ``day`` ends."""
    return day.year + 1 if day.month >= 9 else day.year


def last_friday_in_june(year: int) -> date:
    day = date(year, 6, 30)
    return day - timedelta(days=(day.weekday() - 4) % 7)


def compulsory_school_age_end(date_of_birth: date) -> date:
    """The school leaving date: the last Friday in June of the school year (1 Sep - 31 Aug) in which the child
    turns 16 (Education Act 1996 s.8(3)-(4)).

    The child stops being of compulsory school age *at the end of* this day, so they are a "young person"
    (CFA s.83(2)) from the following day.
    """
    sixteenth = _birthday(date_of_birth, date_of_birth.year + 16)
    return last_friday_in_june(_school_year_ending(sixteenth))


def is_over_compulsory_school_age(date_of_birth: date, on: date) -> bool:
    return on > compulsory_school_age_end(date_of_birth)


def national_curriculum_year(date_of_birth: date, on: date) -> int:
    """National curriculum year group on ``on`` for a child in their normal cohort.

    Children born 1 Sep Y-1 .. 31 Aug Y start reception (year 0) in September of Y+4; the year group goes up
    each 1 September. Negative before reception (-1 for the year before, and so on); it keeps counting past 13
    (14 for a 19-year-old, ...) so 16-25 cases still get a number. Out-of-cohort placements are not modelled.
    """
    cohort = _school_year_ending(date_of_birth)  # Y: the school year containing the birthday ends in Y
    reception_starts = cohort + 4  # school year Sep(Y+4) - Aug(Y+5), i.e. ending Y+5
    return _school_year_ending(on) - (reception_starts + 1)


def is_year_9_or_above(date_of_birth: date, on: date) -> bool:
    """Year 9 and above triggers preparation-for-adulthood advice (SEND Regulations 2014, reg 6(1)(g))."""
    return national_curriculum_year(date_of_birth, on) >= 9


def plan_may_continue_until(date_of_birth: date) -> date:
    """Absolute long stop for an EHC plan: the day before the 26th birthday (CFA s.46, SEND Regs reg 46)."""
    return _birthday(date_of_birth, date_of_birth.year + 26) - timedelta(days=1)


@dataclass(frozen=True)
class DecisionMaker:
    """Who exercises the Part 3 rights for a given decision, and why."""

    who: Who
    reason: str
    citation: str
    url: str = ""


def decision_maker(
    date_of_birth: date,
    on: date,
    *,
    lacks_capacity: bool = False,
    has_representative: bool = False,
) -> DecisionMaker:
    """Who makes *this* decision on ``on``.

    - Up to and including the last day of compulsory school age: the parent.
    - After it: the young person.
    - If the young person lacks capacity (Mental Capacity Act 2005 sense, decision-specific) for this
      decision: their representative (deputy or attorney) if they have one, otherwise their parent
      (CFA s.80(2), (6)).
    Capacity is ignored for a child of compulsory school age: the parent decides anyway.
    """
    end = compulsory_school_age_end(date_of_birth)
    if on <= end:
        return DecisionMaker(
            who="parent",
            reason=(
                f"The child is of compulsory school age until the end of {_fmt(end)}, "
                "so the parent makes this decision."
            ),
            citation="Education Act 1996, s.8; Children and Families Act 2014, s.83(2)",
            url=EDUCATION_ACT_1996_S8,
        )
    if lacks_capacity and has_representative:
        return DecisionMaker(
            who="representative",
            reason=(
                "The young person lacks capacity for this decision, so their representative "
                "(deputy or attorney) acts for them."
            ),
            citation="Children and Families Act 2014, s.80(2); SEND Regulations 2014, reg 64 and Sch 3",
            url=CFA_S80,
        )
    if lacks_capacity:
        return DecisionMaker(
            who="parent",
            reason=(
                "The young person lacks capacity for this decision and has no representative, "
                "so their parent acts for them."
            ),
            citation="Children and Families Act 2014, s.80(2), (6); SEND Regulations 2014, reg 64 and Sch 3",
            url=CFA_S80,
        )
    return DecisionMaker(
        who="young_person",
        reason=(
            f"Compulsory school age ended on {_fmt(end)}; the young person now makes "
            "this decision themselves."
        ),
        citation="Children and Families Act 2014, s.83(2); SEND Code of Practice 2015, paras 8.13-8.15",
        url=CFA_S83,
    )


@dataclass(frozen=True)
class FamilyContact:
    """A member of the child's family, as the law on notices needs to know them."""

    name: str
    has_parental_responsibility: bool = True
    #: Recorded as someone who must receive letters and notices.
    receives_notices: bool = True
    #: Deputy or attorney acting for a young person who lacks capacity (CFA s.80(2)).
    is_representative: bool = False


@dataclass(frozen=True)
class Addressees:
    """Who a notice or letter is addressed to on a given day, and the rule that says so.

    ``names`` is empty when nobody who should receive it is recorded: the letter must not go until one is.
    """

    who: Who
    names: tuple[str, ...]
    decision_maker: DecisionMaker

    @property
    def reason(self) -> str:
        return self.decision_maker.reason

    @property
    def citation(self) -> str:
        return self.decision_maker.citation


def notice_addressees(
    date_of_birth: date,
    on: date,
    *,
    young_person: str,
    family: Iterable[FamilyContact] = (),
    lacks_capacity: bool = False,
) -> Addressees:
    """Who a notice or letter sent on ``on`` is addressed to: whoever holds the rights then (CFA s.80, s.83(2)).

    - The parent (a child of compulsory school age, or a young person who lacks capacity and has no
      representative): every family member with parental responsibility recorded as receiving notices.
    - The young person: the young person, by ``young_person`` (their name), and nobody else.
    - Their representative (a young person who lacks capacity for the decision, CFA s.80(2)): the deputies or
      attorneys recorded, or, if none is named as one, the family members recorded as receiving notices.
    """
    members = tuple(family)
    maker = decision_maker(
        date_of_birth, on, lacks_capacity=lacks_capacity, has_representative=any(m.is_representative for m in members)
    )
    if maker.who == "young_person":
        names: tuple[str, ...] = (young_person,)
    elif maker.who == "representative":
        names = tuple(m.name for m in members if m.is_representative) or tuple(
            m.name for m in members if m.receives_notices
        )
    else:
        names = tuple(m.name for m in members if m.receives_notices and m.has_parental_responsibility)
    return Addressees(who=maker.who, names=names, decision_maker=maker)


def _fmt(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
