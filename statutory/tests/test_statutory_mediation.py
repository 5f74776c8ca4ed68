"""Mediation steps (SEND Regulations 2014 regs 32-42) with literal dates through Christmas, August, Easter and
leap years, and every kind of impossible mediation record."""

from datetime import date

import pytest

from statutory import MediationFacts, WorkingDayCalendar, mediation_problems, mediation_timeline


def test_a_family_that_does_not_want_mediation_gets_a_certificate_in_3_working_days_over_easter() -> None:
    # Told the adviser on Thu 25 March 2027: Good Friday 26 March and Easter Monday 29 March are not working
    # days, so the 3 working days are Tue 30, Wed 31 March and Thu 1 April 2027.
    facts = MediationFacts(notice_sent=date(2027, 2, 1), adviser_contacted=date(2027, 3, 25), wants_mediation=False)
    timeline = mediation_timeline(facts, today=date(2027, 4, 2))
    assert timeline.steps == ("contact_adviser", "adviser_certificate")  # same day: in the order they happen
    certificate = timeline["adviser_certificate"]
    assert certificate.due == date(2027, 4, 1)
    assert certificate.status == "overdue"
    assert certificate.rule.citation == "SEND Regulations 2014, reg 34"
    assert timeline["contact_adviser"].due == date(2027, 4, 1)  # 2 months after 1 February: reg 33
    assert timeline["contact_adviser"].status == "done_on_time"
    done = mediation_timeline(MediationFacts(**{**facts.__dict__, "adviser_certificate": date(2027, 4, 1)}),
                              today=date(2027, 4, 2))
    assert done["adviser_certificate"].status == "done_on_time"


def test_the_contact_period_is_calendar_months_and_not_moved_by_august_or_weekends() -> None:
    # Notice Tue 15 June 2027: reg 33's 2 months end Sun 15 August 2027 and stay there (the r.12(3) August
    # rule moves the appeal deadline only).
    timeline = mediation_timeline(MediationFacts(notice_sent=date(2027, 6, 15)), today=date(2027, 8, 16))
    assert timeline["contact_adviser"].due == date(2027, 8, 15)
    assert timeline["contact_adviser"].status == "overdue"
    # "2 months after 31 December": end of February, 29th in a leap year.
    leap = mediation_timeline(MediationFacts(notice_sent=date(2027, 12, 31)), today=date(2028, 1, 1))
    assert leap["contact_adviser"].due == date(2028, 2, 29)


def test_mediation_over_christmas_health_notice_and_30_days() -> None:
    # The family told the council on Thu 23 December 2027. Health notice: 3 working days, skipping Christmas Day
    # (observed Mon 27) and Boxing Day (observed Tue 28): Fri 24, Wed 29, Thu 30 December 2027.
    # Mediation within 30 days: Sat 22 January 2028 (calendar days, not moved).
    facts = MediationFacts(notice_sent=date(2027, 11, 1), adviser_contacted=date(2027, 12, 20), wants_mediation=True,
                           council_informed=date(2027, 12, 23), health_in_issue=True,
                           health_notified=date(2027, 12, 31))
    timeline = mediation_timeline(facts, today=date(2028, 1, 5))
    assert timeline["notify_health"].due == date(2027, 12, 30)
    assert timeline["notify_health"].status == "done_late"
    assert timeline["hold_mediation"].due == date(2028, 1, 22)
    assert timeline["hold_mediation"].status == "due"
    assert "adviser_certificate" not in timeline.steps
    without_health = mediation_timeline(MediationFacts(**{**facts.__dict__, "health_in_issue": False,
                                                          "health_notified": None}), today=date(2028, 1, 5))
    assert "notify_health" not in without_health.steps


def test_mediation_30_days_from_the_council_being_told_in_a_leap_year() -> None:
    # Told Mon 31 January 2028: 30 days later is Wed 1 March 2028 (February has 29 days).
    facts = MediationFacts(notice_sent=date(2028, 1, 10), adviser_contacted=date(2028, 1, 28), wants_mediation=True,
                           council_informed=date(2028, 1, 31), mediation_held=date(2028, 3, 1))
    timeline = mediation_timeline(facts, today=date(2028, 3, 2))
    assert timeline["hold_mediation"].due == date(2028, 3, 1)
    assert timeline["hold_mediation"].status == "done_on_time"
    # The mediator's certificate: 3 working days after Wed 1 March 2028 is Mon 6 March 2028.
    assert timeline["mediator_certificate"].due == date(2028, 3, 6)
    assert timeline["mediator_certificate"].status == "due"


def test_a_deemed_certificate_when_the_council_cannot_arrange_mediation() -> None:
    # The council told the adviser on Wed 25 August 2027 it could not arrange mediation: 3 working days skip
    # the late summer bank holiday (Mon 30 August): Thu 26, Fri 27 August, Tue 31 August 2027. August does not
    # move a SEND Regulations period.
    facts = MediationFacts(notice_sent=date(2027, 6, 1), adviser_contacted=date(2027, 7, 20), wants_mediation=True,
                           council_informed=date(2027, 7, 26), council_cannot_arrange=date(2027, 8, 25))
    timeline = mediation_timeline(facts, today=date(2027, 9, 1))
    assert timeline["deemed_certificate"].due == date(2027, 8, 31)
    assert timeline["deemed_certificate"].status == "overdue"
    assert timeline["hold_mediation"].status == "not_applicable"
    assert "could not arrange" in timeline["hold_mediation"].note


def test_a_councils_own_closure_day_is_not_a_working_day_for_its_steps() -> None:
    facts = MediationFacts(notice_sent=date(2027, 2, 1), adviser_contacted=date(2027, 3, 1), wants_mediation=False)
    closed = WorkingDayCalendar(frozenset({date(2027, 3, 2)}))
    assert mediation_timeline(facts, today=date(2027, 3, 1))["adviser_certificate"].due == date(2027, 3, 4)
    assert mediation_timeline(facts, today=date(2027, 3, 1), calendar=closed)["adviser_certificate"].due \
        == date(2027, 3, 5)


def test_agreements_non_appealable_2_weeks_and_health_tells_the_council_in_1_week() -> None:
    # Agreement Fri 18 February 2028: non-appealable matters done within 2 weeks, by Fri 3 March 2028 (over
    # 29 February); a health commissioner tells the council within 1 week, by Fri 25 February 2028.
    facts = MediationFacts(notice_sent=date(2027, 12, 1), adviser_contacted=date(2027, 12, 10), wants_mediation=True,
                           council_informed=date(2028, 1, 20), mediation_held=date(2028, 2, 18),
                           mediator_certificate=date(2028, 2, 21), agreement_on=date(2028, 2, 18),
                           agreement_appealable=False, council_party=False, agreement_done=date(2028, 3, 6))
    timeline = mediation_timeline(facts, today=date(2028, 3, 6))
    assert timeline["agreement_non_appealable"].due == date(2028, 3, 3)
    assert timeline["agreement_non_appealable"].status == "done_late"
    assert timeline["agreement_non_appealable"].rule.citation == "SEND Regulations 2014, reg 42(3)"
    assert timeline["health_tells_council"].due == date(2028, 2, 25)
    assert timeline["health_tells_council"].status == "overdue"
    assert timeline["mediator_certificate"].status == "done_on_time"
    # An agreement on appealable matters runs on the Tribunal order clocks instead (reg 42(2)).
    appealable = mediation_timeline(MediationFacts(**{**facts.__dict__, "agreement_appealable": True,
                                                      "council_party": True}), today=date(2028, 3, 6))
    assert not {"agreement_non_appealable", "health_tells_council"} & set(appealable.steps)


def test_mediation_rules_flag_their_evidence() -> None:
    facts = MediationFacts(notice_sent=date(2027, 1, 4), adviser_contacted=date(2027, 1, 5), wants_mediation=True,
                           council_informed=date(2027, 1, 6), health_in_issue=True, council_cannot_arrange=date(2027, 2, 1),
                           mediation_held=date(2027, 2, 3))
    timeline = mediation_timeline(facts, today=date(2027, 2, 4))
    for step in ("notify_health", "deemed_certificate", "mediator_certificate"):
        assert "[S]" in timeline[step].rule.note, step
    assert timeline["hold_mediation"].status == "done_on_time"  # held after all: it still counts


def test_a_good_record_has_no_problems() -> None:
    facts = MediationFacts(notice_sent=date(2027, 1, 4), adviser_contacted=date(2027, 1, 5), wants_mediation=True,
                           council_informed=date(2027, 1, 6), health_in_issue=True, health_notified=date(2027, 1, 7),
                           mediation_held=date(2027, 2, 3), mediator_certificate=date(2027, 2, 4),
                           agreement_on=date(2027, 2, 3), agreement_appealable=False, agreement_done=date(2027, 2, 10))
    assert mediation_problems(facts) == []


N = date(2027, 3, 1)  # the notice of the decision


@pytest.mark.parametrize(("facts", "field", "words"), [
    (MediationFacts(N, adviser_contacted=date(2027, 3, 10), wants_mediation=False,
                    adviser_certificate=date(2027, 3, 8)), "adviser_certificate", "before the family contacted"),
    (MediationFacts(N, adviser_certificate=date(2027, 3, 8)), "adviser_certificate", "contacted the mediation adviser"),
    (MediationFacts(N, adviser_contacted=date(2027, 2, 20)), "adviser_contacted", "before the notice"),
    (MediationFacts(N, adviser_contacted=date(2027, 3, 2), wants_mediation=True,
                    adviser_certificate=date(2027, 3, 3)), "adviser_certificate", "does not want mediation"),
    (MediationFacts(N, adviser_contacted=date(2027, 3, 2), wants_mediation=True, council_informed=date(2027, 3, 10),
                    mediation_held=date(2027, 3, 5)), "mediation_held", "before the family told the council"),
    (MediationFacts(N, adviser_contacted=date(2027, 3, 2), wants_mediation=True, mediation_held=date(2027, 3, 20)),
     "mediation_held", "enter the day the council was told"),
    (MediationFacts(N, adviser_contacted=date(2027, 3, 10), wants_mediation=True, council_informed=date(2027, 3, 5)),
     "council_informed", "after contacting the mediation adviser"),
    (MediationFacts(N, adviser_contacted=date(2027, 3, 2), wants_mediation=True, council_informed=date(2027, 3, 3),
                    mediation_held=date(2027, 3, 20), agreement_on=date(2027, 3, 19), agreement_appealable=True),
     "agreement_on", "before mediation"),
    (MediationFacts(N, agreement_on=date(2027, 3, 19), agreement_appealable=True), "agreement_on", "day mediation ended"),
    (MediationFacts(N, adviser_contacted=date(2027, 3, 2), wants_mediation=True, council_informed=date(2027, 3, 3),
                    mediation_held=date(2027, 3, 20), mediator_certificate=date(2027, 3, 18)),
     "mediator_certificate", "before mediation ended"),
    (MediationFacts(N, mediator_certificate=date(2027, 3, 18)), "mediator_certificate", "enter the day mediation"),
    (MediationFacts(N, council_informed=date(2027, 3, 3), council_cannot_arrange=date(2027, 4, 2),
                    deemed_certificate=date(2027, 4, 1)), "deemed_certificate", "before the council told the adviser"),
    (MediationFacts(N, deemed_certificate=date(2027, 4, 1)), "deemed_certificate", "could not arrange it"),
    (MediationFacts(N, council_informed=date(2027, 3, 3), health_notified=date(2027, 3, 4)), "health_notified",
     "tick that it is"),
    (MediationFacts(N, council_informed=date(2027, 3, 3), health_in_issue=True, health_notified=date(2027, 3, 2)),
     "health_notified", "before the family told the council"),
    (MediationFacts(N, council_cannot_arrange=date(2027, 4, 2)), "council_cannot_arrange", "enter the day"),
    (MediationFacts(N, adviser_contacted=date(2027, 3, 2), wants_mediation=False, council_informed=date(2027, 3, 3)),
     "wants_mediation", "changed their mind"),
    (MediationFacts(N, adviser_contacted=date(2027, 3, 2), wants_mediation=True, council_informed=date(2027, 3, 3),
                    mediation_held=date(2027, 3, 20), agreement_on=date(2027, 3, 20)),
     "agreement_appealable", "could be appealed"),
    (MediationFacts(N, adviser_contacted=date(2027, 3, 2), wants_mediation=True, council_informed=date(2027, 3, 3),
                    mediation_held=date(2027, 3, 20), agreement_on=date(2027, 3, 20), agreement_appealable=False,
                    agreement_done=date(2027, 3, 19)), "agreement_done", "before the mediation agreement"),
    (MediationFacts(N, agreement_done=date(2027, 3, 19)), "agreement_done", "day of the mediation agreement"),
    (MediationFacts(N, adviser_contacted=date(2027, 3, 2), wants_mediation=True, council_informed=date(2027, 3, 3),
                    mediation_held=date(2027, 3, 20), agreement_on=date(2027, 3, 20), agreement_appealable=False,
                    council_party=False, council_told_of_agreement=date(2027, 3, 1)),
     "council_told_of_agreement", "before the mediation agreement"),
])
def test_each_impossible_record_names_its_field(facts: MediationFacts, field: str, words: str) -> None:
    problems = mediation_problems(facts)
    assert any(p.field == field and words in p.message for p in problems), problems
    assert all(p.message[0].isupper() and p.message.endswith(".") for p in problems)
