"""Appealable decisions (CFA 2014 s.51(2)), the certificate exemption (s.55) and bad appeals, and the appeal
deadline's later-of rule with a mediation certificate (HESC r.20(1)(c), r.12), with literal dates."""

from datetime import date

import pytest

from statutory import (
    APPEALABLE_SECTIONS,
    RULES,
    AppealableKind,
    MediationFacts,
    appeal_dates,
    appeal_problems,
    appealable_kind_text,
    appealable_rule,
    certificate_date,
    certificate_needed,
    mediation_appeal_by,
)

K = AppealableKind


def test_every_kind_has_plain_words_and_a_cited_rule() -> None:
    letters = {K.NOT_TO_ASSESS: "(a)", K.NOT_TO_ISSUE: "(b)", K.PLAN_CONTENTS: "(c)", K.AMENDED_PLAN_CONTENTS: "(c)",
               K.NOT_TO_REASSESS: "(d)", K.NOT_TO_AMEND: "(e)", K.TO_CEASE: "(f)"}
    for kind in K:
        rule = appealable_rule(kind)
        assert rule.citation == f"Children and Families Act 2014, s.51(2){letters[kind]}"
        assert rule.url == "https://www.legislation.gov.uk/ukpga/2014/6/section/51"
        assert "[R]" in rule.note  # the paragraph letters are not re-verified: the row says so
        assert appealable_rule(kind.value) == rule
        text = appealable_kind_text(kind)
        assert text[0].islower() and "_" not in text
    assert appealable_kind_text("not_to_assess") == "not to carry out an education, health and care (EHC) needs " \
                                                    "assessment"
    assert APPEALABLE_SECTIONS == ("B", "F", "I")


def test_a_decision_that_cannot_be_appealed_is_refused_by_the_helpers() -> None:
    with pytest.raises(ValueError, match="not a decision that can be appealed"):
        appealable_kind_text("not_to_fund_transport")
    with pytest.raises(ValueError, match="not a decision that can be appealed"):
        appealable_rule("not_to_fund_transport")


@pytest.mark.parametrize(("kind", "sections", "needed"), [
    (K.PLAN_CONTENTS, ["I"], False),  # placement alone: no certificate (s.55(2))
    (K.AMENDED_PLAN_CONTENTS, ["i "], False),  # read as entered on a form
    (K.PLAN_CONTENTS, ["I", "F"], True),  # placement and provision: certificate needed
    (K.PLAN_CONTENTS, ["B"], True),
    (K.PLAN_CONTENTS, [], True),
    (K.NOT_TO_ASSESS, [], True),
    (K.TO_CEASE, ["I"], True),  # only a contents appeal is exempt
    (K.NOT_TO_AMEND, ["I"], True),
])
def test_certificate_needed_except_for_a_contents_appeal_about_section_i_alone(kind, sections, needed) -> None:
    assert certificate_needed(kind, sections) is needed


def test_good_appeals_have_no_problems() -> None:
    assert appeal_problems(K.PLAN_CONTENTS, ["B", "F", "I"]) == []
    assert appeal_problems("amended_plan_contents", ["F"]) == []
    assert appeal_problems(K.NOT_TO_ASSESS) == []
    assert appeal_problems(K.NOT_TO_AMEND, ["F"]) == []
    assert appeal_problems(K.NOT_TO_AMEND) == []


def test_an_appeal_against_a_decision_that_is_not_appealable() -> None:
    [problem] = appeal_problems("school_transport", ["B"])
    assert problem.field == "kind"
    assert problem.message.startswith("This decision cannot be appealed to the SEND Tribunal.")
    assert "not to carry out an education, health and care (EHC) needs assessment" in problem.message


def test_an_appeal_naming_a_section_the_tribunal_cannot_decide() -> None:
    [problem] = appeal_problems(K.PLAN_CONTENTS, ["F", "C", "G"])
    assert problem.field == "sections_in_dispute"
    assert problem.message.startswith("Section C, G cannot be appealed")


def test_a_contents_appeal_without_sections_and_sections_on_an_appeal_that_has_none() -> None:
    [empty] = appeal_problems(K.PLAN_CONTENTS, ["", "  "])
    assert empty.field == "sections_in_dispute" and empty.message.startswith("Choose the sections")
    [stray] = appeal_problems(K.NOT_TO_ASSESS, ["F"])
    assert stray.field == "sections_in_dispute"
    assert "not to carry out an education, health and care (EHC) needs assessment is not about sections" \
        in stray.message


# -- The appeal deadline: later of 2 months from the notice and 1 month from the certificate ------------------

def test_later_of_the_notice_and_the_certificate_certificate_wins() -> None:
    # 2 months from Wed 20 October 2027 is Mon 20 December 2027; 1 month from the adviser's certificate on Thu
    # 23 December 2027 is Sun 23 January 2028 -> Mon 24 January 2028 (r.12(2)).
    facts = MediationFacts(notice_sent=date(2027, 10, 20), adviser_contacted=date(2027, 12, 20),
                           wants_mediation=False, adviser_certificate=date(2027, 12, 23))
    assert certificate_date(facts) == date(2027, 12, 23)
    assert mediation_appeal_by(facts) == date(2028, 1, 24)
    assert mediation_appeal_by(MediationFacts(notice_sent=date(2027, 10, 20))) == date(2027, 12, 20)


def test_later_of_the_notice_and_the_certificate_notice_wins() -> None:
    # 2 months from Mon 1 March 2027 is Sat 1 May 2027; Mon 3 May is the early May bank holiday: Tue 4 May.
    # A certificate on 5 March gives only 5 April, so the notice's date stands.
    facts = MediationFacts(notice_sent=date(2027, 3, 1), adviser_contacted=date(2027, 3, 2), wants_mediation=False,
                           adviser_certificate=date(2027, 3, 5))
    assert mediation_appeal_by(facts) == date(2027, 5, 4)


def test_the_later_of_is_taken_before_the_august_rule() -> None:
    # Notice Tue 1 June 2027: 2 months ends Sun 1 August -> first working day after 31 August: Wed 1 September.
    # Mediator's certificate Tue 10 August 2027: 1 month ends Fri 10 September 2027, later still.
    assert appeal_dates(date(2027, 6, 1)).appeal_by == date(2027, 9, 1)
    facts = MediationFacts(notice_sent=date(2027, 6, 1), adviser_contacted=date(2027, 6, 3), wants_mediation=True,
                           council_informed=date(2027, 6, 4), mediation_held=date(2027, 7, 2),
                           mediator_certificate=date(2027, 8, 10))
    assert mediation_appeal_by(facts) == date(2027, 9, 10)
    # A certificate ending its month in August (15 July -> 15 August) is carried to 1 September as well.
    assert appeal_dates(date(2027, 5, 10), certificate_issued=date(2027, 7, 15)).appeal_by == date(2027, 9, 1)


def test_the_certificate_that_counts_is_the_last_issued() -> None:
    facts = MediationFacts(notice_sent=date(2027, 1, 4), council_informed=date(2027, 1, 6),
                           council_cannot_arrange=date(2027, 2, 1), deemed_certificate=date(2027, 2, 3))
    assert certificate_date(facts) == date(2027, 2, 3)
    # 2 months from 4 January is Thu 4 March 2027; 1 month from 3 February is Wed 3 March: the notice wins.
    assert mediation_appeal_by(facts) == date(2027, 3, 4)
    assert certificate_date(MediationFacts(notice_sent=date(2027, 1, 4))) is None


def test_christmas_and_easter_move_the_appeal_deadline() -> None:
    # Notice Mon 25 October 2027: 2 months ends Sat 25 December 2027 -> first working day after 1 January 2028:
    # Sat 1 January, Mon 3 January is New Year's Day (observed): Tue 4 January 2028.
    assert appeal_dates(date(2027, 10, 25)).appeal_by == date(2028, 1, 4)
    # Notice Fri 1 October 2027: ends Wed 1 December, a working day: not moved.
    assert appeal_dates(date(2027, 10, 1)).appeal_by == date(2027, 12, 1)
    # Notice Tue 26 January 2027: ends Good Friday 26 March 2027; Easter Monday 29 March: Tue 30 March.
    assert appeal_dates(date(2027, 1, 26)).appeal_by == date(2027, 3, 30)


def test_month_ends_and_leap_years() -> None:
    # "2 months after 31 December": the corresponding day does not exist, so the month's last day (Rule.due_from
    # with add_months, as for every "months" row): Tue 29 February 2028 in a leap year ...
    assert appeal_dates(date(2027, 12, 31)).appeal_by == date(2028, 2, 29)
    # ... Sun 28 February 2027 otherwise, which r.12(2) moves to Mon 1 March 2027.
    assert appeal_dates(date(2026, 12, 31)).appeal_by == date(2027, 3, 1)
    # The reg 33 contact date is not a Tribunal Rules act: it stays on Sunday 28 February.
    assert appeal_dates(date(2026, 12, 31)).mediation_contact_by == date(2027, 2, 28)
    # 1 month from a certificate on 31 January 2028 is 29 February 2028; from 29 February 2028, 29 March 2028.
    rule = RULES.lookup("appeal_after_certificate", date(2028, 1, 31))
    assert rule.due_from(date(2028, 1, 31)) == date(2028, 2, 29)
    assert rule.due_from(date(2028, 2, 29)) == date(2028, 3, 29)
    assert appeal_dates(date(2027, 11, 30), certificate_issued=date(2028, 1, 31)).appeal_by == date(2028, 2, 29)
