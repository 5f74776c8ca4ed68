from datetime import date

import pytest

from statutory import AssessmentFacts, assessment_timeline
from statutory.rules import RULES, Rule, RuleBook, rule_in_force


def test_assessment_rules_match_the_spec() -> None:
    expected = {
        "decision_to_assess": (6, "weeks", "reg 5(1)", "/regulation/5"),
        "advice": (6, "weeks", "reg 8(1)", "/regulation/8"),
        "decision_not_to_issue": (16, "weeks", "reg 10(1)", "/regulation/10"),
        "representations_close": (15, "calendar_days", "reg 13(1)(a)", "/regulation/13"),
        "consultation": (15, "calendar_days", "s.39", "/ukpga/2014/6/section/39"),
        "final_plan": (20, "weeks", "reg 13(2)", "/regulation/13"),
        "appeal": (2, "months", "r.20(1)(c)", "/uksi/2008/2699/rule/20"),
        "appeal_after_certificate": (1, "months", "r.20(1)(c)", "/uksi/2008/2699/rule/20"),
        "mediation_contact": (2, "months", "reg 33", "/regulation/33"),
        "mediation_certificate": (3, "working_days", "reg 34", "/regulation/34"),
    }
    for code, (amount, unit, cite, url_tail) in expected.items():
        rule = rule_in_force(code, date(2026, 11, 23))
        assert (rule.amount, rule.unit) == (amount, unit), code
        assert cite in rule.citation
        assert rule.url.startswith("https://www.legislation.gov.uk/") and rule.url.endswith(url_tail)
        assert rule.effective_from == date(2014, 9, 1)


def test_no_rule_before_the_2014_regime() -> None:
    with pytest.raises(LookupError):
        RULES.lookup("final_plan", date(2014, 8, 31))


def test_a_change_in_the_law_is_a_new_row_picked_by_trigger_date() -> None:
    amended = RULES.with_rules(
        [
            Rule(
                code="final_plan",
                summary="Hypothetical amendment: 18 weeks",
                citation="Hypothetical SEND (Amendment) Regulations 2029, reg 3",
                url="https://www.legislation.gov.uk/uksi/2029/1/regulation/3",
                amount=18,
                unit="weeks",
                effective_from=date(2029, 9, 1),
            )
        ]
    )
    assert amended.lookup("final_plan", date(2029, 8, 31)).amount == 20
    assert amended.lookup("final_plan", date(2029, 9, 1)).amount == 18
    old = assessment_timeline(AssessmentFacts(date(2029, 8, 31)), today=date(2029, 9, 1), rules=amended)
    new = assessment_timeline(AssessmentFacts(date(2029, 9, 1)), today=date(2029, 9, 1), rules=amended)
    assert old["final_plan"].due == date(2030, 1, 18)  # 20 weeks
    assert new["final_plan"].due == date(2030, 1, 5)  # 18 weeks
    assert new["decision_to_assess"].rule.amount == 6  # other rows unchanged


def test_rulebook_rejects_duplicate_rows_and_bad_units() -> None:
    rule = RULES.lookup("advice", date(2020, 1, 1))
    with pytest.raises(ValueError):
        RuleBook((rule, rule))
    with pytest.raises(ValueError):
        Rule("x", "x", "x", "x", 1, "fortnights", date(2014, 9, 1))  # type: ignore[arg-type]


def test_working_day_rules_use_the_calendar() -> None:
    book = RuleBook(
        (
            Rule(
                "transfer",
                "15 working days",
                "SEND Regulations 2014, reg 15(2)",
                "u",
                15,
                "working_days",
                date(2014, 9, 1),
            ),
        )
    )
    rule = book.lookup("transfer", date(2026, 12, 18))
    assert rule.due_from(date(2026, 12, 18)) == date(2027, 1, 13)
    assert rule.duration_text == "15 working days"


def test_the_representations_window_reads_15_days_like_the_law_and_ends_on_served_plus_14() -> None:
    """Reg 13(1)(a): "at least 15 days, beginning with the day on which the draft plan was served"."""
    rule = rule_in_force("representations_close", date(2027, 2, 1))
    assert rule.duration_text == "15 days"
    assert rule.begins_with_trigger
    assert rule.due_from(date(2027, 2, 1)) == date(2027, 2, 15)
    assert "15 days" in rule.summary and "14" not in rule.summary


def test_help_text_and_timeliness_labels_read_the_rows() -> None:
    from statutory import STEP_HELP, timeliness_report

    for code, text in STEP_HELP.items():
        assert rule_in_force(code, date.max).duration_text in text, code
    amended = RULES.with_rules(
        [
            Rule(
                code="final_plan",
                summary="Hypothetical amendment: 18 weeks",
                citation="Hypothetical Regulations 2030, reg 1",
                url="https://www.legislation.gov.uk/",
                amount=18,
                unit="weeks",
                effective_from=date(2030, 1, 1),
            )
        ]
    )
    report = timeliness_report([], period_start=date(2030, 1, 1), period_end=date(2030, 12, 31), rules=amended)
    assert report.final_plans_including_exceptions.label == "EHC plans issued within 18 weeks (including exceptions)"
    assert report.final_plans_excluding_exceptions.citation == "Hypothetical Regulations 2030, reg 1"
    assert report.decisions_to_assess.label == "Decisions whether to assess made within 6 weeks"
    assert report.decisions_to_assess.citation == "SEND Regulations 2014, reg 5(1)"


def test_every_disagreement_row_is_cited_linked_and_tagged() -> None:
    from statutory.rules_disagreements import DISAGREEMENT_RULE_ROWS

    assert len({row["code"] for row in DISAGREEMENT_RULE_ROWS}) == len(DISAGREEMENT_RULE_ROWS)
    for row in DISAGREEMENT_RULE_ROWS:
        rule = RULES.lookup(row["code"], date.max)
        assert rule.url.startswith("https://www.legislation.gov.uk/"), rule.code
        assert rule.citation and rule.summary[0].isupper(), rule.code
        assert any(tag in rule.note for tag in ("[V]", "[S]", "[R]")), rule.code
