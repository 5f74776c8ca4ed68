"""A subject access request's clock (UK GDPR Art.12(3), ICO reading): start, last day, the extension, literal dates."""

from datetime import date

from statutory import RULES, subject_access_clock, subject_access_may_extend


def test_one_month_to_the_corresponding_date():
    clock = subject_access_clock(date(2026, 11, 10))
    assert (clock.starts_on, clock.due_on, clock.extended) == (date(2026, 11, 10), date(2026, 12, 10), False)
    assert clock.citation == "UK GDPR, Article 12(3)"


def test_31_january_runs_to_the_last_day_of_february():
    assert subject_access_clock(date(2027, 1, 31)).due_on == date(2027, 3, 1)  # 28 Feb 2027 is a Sunday
    assert subject_access_clock(date(2028, 1, 31)).due_on == date(2028, 2, 29)  # a leap year, a Tuesday
    assert subject_access_clock(date(2026, 1, 31)).due_on == date(2026, 3, 2)  # 28 Feb 2026 is a Saturday
    assert subject_access_clock(date(2029, 1, 31)).due_on == date(2029, 2, 28)  # a Wednesday


def test_the_time_runs_from_proof_of_identity_when_it_arrives_later():
    clock = subject_access_clock(date(2026, 11, 10), identity_confirmed_on=date(2026, 11, 17))
    assert (clock.starts_on, clock.due_on) == (date(2026, 11, 17), date(2026, 12, 17))
    same_day = subject_access_clock(date(2026, 11, 10), identity_confirmed_on=date(2026, 11, 10))
    assert same_day.due_on == date(2026, 12, 10)


def test_an_extension_gives_two_further_months():
    clock = subject_access_clock(date(2026, 11, 10), extended=True)
    assert (clock.due_on, clock.extend_by, clock.extended) == (date(2027, 2, 10), date(2026, 12, 10), True)
    # 30 November + 3 months = 28 February 2027, a Sunday: the next working day.
    assert subject_access_clock(date(2026, 11, 30), extended=True).due_on == date(2027, 3, 1)


def test_an_extension_must_be_told_within_the_first_month():
    clock = subject_access_clock(date(2026, 11, 10))
    assert subject_access_may_extend(clock, date(2026, 12, 10))
    assert not subject_access_may_extend(clock, date(2026, 12, 11))
    assert not subject_access_may_extend(subject_access_clock(date(2026, 11, 10), extended=True), date(2026, 11, 20))


def test_the_extension_is_a_cited_row_of_the_rule_book():
    rule = RULES.lookup("subject_access_extension", date(2026, 1, 1))
    assert (rule.amount, rule.unit, rule.citation) == (2, "months", "UK GDPR, Article 12(3)")
