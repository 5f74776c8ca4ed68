from datetime import date

import pytest

from statutory.people import (
    FamilyContact,
    age_on,
    compulsory_school_age_end,
    decision_maker,
    is_over_compulsory_school_age,
    is_year_9_or_above,
    national_curriculum_year,
    notice_addressees,
    plan_may_continue_until,
)


@pytest.mark.parametrize(
    ("dob", "expected"),
    [
        (date(2010, 9, 1), date(2027, 6, 25)),  # oldest in the 2026/27 Year 11: turns 16 on 1 Sep 2026
        (date(2011, 8, 31), date(2027, 6, 25)),  # youngest in the same year group: turns 16 on 31 Aug 2027
        (date(2010, 8, 31), date(2026, 6, 26)),  # one day older: previous year group
        (date(2011, 9, 1), date(2028, 6, 30)),  # one day younger: next year group; 30 Jun 2028 is a Friday
        (date(2011, 6, 25), date(2027, 6, 25)),  # turns 16 on the school leaving date itself
        (date(2012, 2, 29), date(2028, 6, 30)),  # leap-day birthday
    ],
)
def test_compulsory_school_age_end(dob: date, expected: date) -> None:
    assert compulsory_school_age_end(dob) == expected
    assert expected.weekday() == 4 and expected.month == 6


def test_decision_maker_switches_the_day_after_the_school_leaving_date() -> None:
    dob = date(2011, 8, 31)
    last_day = decision_maker(dob, date(2027, 6, 25))
    first_day = decision_maker(dob, date(2027, 6, 26))
    assert last_day.who == "parent"
    assert "Education Act 1996, s.8" in last_day.citation
    assert first_day.who == "young_person"
    assert "s.83(2)" in first_day.citation
    assert not is_over_compulsory_school_age(dob, date(2027, 6, 25))
    assert is_over_compulsory_school_age(dob, date(2027, 6, 26))


def test_capacity_representative_or_parent() -> None:
    dob = date(2008, 3, 1)
    on = date(2027, 1, 4)
    rep = decision_maker(dob, on, lacks_capacity=True, has_representative=True)
    assert rep.who == "representative"
    assert "s.80" in rep.citation
    parent = decision_maker(dob, on, lacks_capacity=True, has_representative=False)
    assert parent.who == "parent"
    assert "s.80" in parent.citation
    assert decision_maker(dob, on, has_representative=True).who == "young_person"


def test_capacity_is_irrelevant_for_a_child_of_compulsory_school_age() -> None:
    assert decision_maker(date(2015, 1, 1), date(2027, 1, 4), lacks_capacity=True).who == "parent"
    assert decision_maker(
        date(2015, 1, 1), date(2027, 1, 4), lacks_capacity=True, has_representative=True
    ).who == ("parent")


@pytest.mark.parametrize(
    ("dob", "on", "ncy"),
    [
        (date(2010, 9, 1), date(2026, 9, 1), 11),
        (date(2011, 8, 31), date(2026, 9, 1), 11),
        (date(2010, 9, 1), date(2026, 8, 31), 10),
        (date(2011, 9, 1), date(2026, 9, 1), 10),
        (date(2022, 12, 1), date(2027, 9, 1), 0),  # reception
        (date(2022, 12, 1), date(2027, 8, 31), -1),  # the year before reception
        (date(2023, 1, 15), date(2026, 1, 1), -2),
        (date(2007, 10, 1), date(2026, 10, 1), 14),  # a 19-year-old keeps counting past 13
        (date(2003, 5, 1), date(2027, 1, 4), 19),
    ],
)
def test_national_curriculum_year(dob: date, on: date, ncy: int) -> None:
    assert national_curriculum_year(dob, on) == ncy


def test_year_9_boundary() -> None:
    dob = date(2012, 9, 1)
    assert not is_year_9_or_above(dob, date(2026, 8, 31))
    assert is_year_9_or_above(dob, date(2026, 9, 1))


def test_age_on_and_leap_day_birthdays() -> None:
    assert age_on(date(2010, 9, 1), date(2026, 8, 31)) == 15
    assert age_on(date(2010, 9, 1), date(2026, 9, 1)) == 16
    assert age_on(date(2008, 2, 29), date(2034, 2, 28)) == 25
    assert age_on(date(2008, 2, 29), date(2034, 3, 1)) == 26
    assert age_on(date(2008, 2, 29), date(2032, 2, 29)) == 24
    with pytest.raises(ValueError):
        age_on(date(2010, 1, 2), date(2010, 1, 1))


def test_plan_long_stop_is_day_before_26th_birthday() -> None:
    assert plan_may_continue_until(date(2001, 5, 10)) == date(2027, 5, 9)
    assert plan_may_continue_until(date(2001, 1, 1)) == date(2026, 12, 31)
    assert plan_may_continue_until(date(2008, 2, 29)) == date(2034, 2, 28)
    assert plan_may_continue_until(date(2002, 3, 1)) == date(2028, 2, 29)


MUM = FamilyContact("Pat Parent", has_parental_responsibility=True, receives_notices=True)
STEP = FamilyContact("Step Parent", has_parental_responsibility=False, receives_notices=True)
QUIET = FamilyContact("Quiet Parent", has_parental_responsibility=True, receives_notices=False)
DEPUTY = FamilyContact("Dee Deputy", has_parental_responsibility=False, receives_notices=False, is_representative=True)


def test_a_notice_before_the_school_leaving_date_goes_to_parents_who_receive_notices() -> None:
    dob = date(2011, 8, 31)  # school leaving date Friday 25 June 2027
    to = notice_addressees(dob, date(2027, 6, 25), young_person="Sam", family=(MUM, STEP, QUIET, DEPUTY))
    assert to.who == "parent" and to.names == ("Pat Parent",)
    assert to.decision_maker == decision_maker(dob, date(2027, 6, 25))
    assert "s.83(2)" in to.citation and "compulsory school age" in to.reason


def test_from_the_next_day_a_notice_goes_to_the_young_person_alone() -> None:
    to = notice_addressees(date(2011, 8, 31), date(2027, 6, 26), young_person="Sam", family=(MUM, STEP, DEPUTY))
    assert to.who == "young_person" and to.names == ("Sam",)


def test_a_young_person_who_lacks_capacity_is_written_to_through_their_representative_or_parent() -> None:
    dob, on = date(2008, 1, 1), date(2027, 1, 4)
    rep = notice_addressees(dob, on, young_person="Sam", family=(MUM, DEPUTY), lacks_capacity=True)
    assert rep.who == "representative" and rep.names == ("Dee Deputy",) and "s.80(2)" in rep.citation
    parent = notice_addressees(dob, on, young_person="Sam", family=(MUM, STEP, QUIET), lacks_capacity=True)
    assert parent.who == "parent" and parent.names == ("Pat Parent",) and "s.80(2), (6)" in parent.citation


def test_nobody_recorded_gives_no_names() -> None:
    assert notice_addressees(date(2015, 9, 14), date(2027, 1, 4), young_person="Sam").names == ()
    assert notice_addressees(date(2015, 9, 14), date(2027, 1, 4), young_person="Sam", family=(QUIET,)).names == ()
