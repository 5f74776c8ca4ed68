"""Personal budgets as plain rules: when a budget may be asked for (reg 4), the shares and agreement checks, the
reg 6 conditions and the head's agreement (CoP 9.119), reasons for a refusal (reg 7), the notice (reg 8), and
review dates from the council's settings (regs 9 to 11)."""

from datetime import date
from decimal import Decimal

import pytest

from statutory import personal_budgets as pb


@pytest.mark.parametrize(
    ("facts", "stage"),
    [
        (pb.PlanFacts("draft"), pb.STAGE_DRAFT_PLAN),
        (pb.PlanFacts("draft_sent"), pb.STAGE_DRAFT_PLAN),
        (pb.PlanFacts("final", review_open=True), pb.STAGE_REVIEW),
        (pb.PlanFacts("final", reassessment_open=True), pb.STAGE_REASSESSMENT),
        (pb.PlanFacts("final"), None),
        (pb.PlanFacts("ceased", review_open=True), None),
        (pb.PlanFacts("replaced"), None),
    ],
)
def test_a_budget_may_be_asked_for_only_while_a_plan_is_drafted_reviewed_or_reassessed(facts, stage):
    assert pb.request_stage(facts) == stage


def test_a_refusal_needs_written_reasons():
    assert pb.refusal_problems("  ")[0].citation.endswith("reg 7")
    assert pb.refusal_problems("The provision is block-commissioned and cannot be separated.") == []


def _line(amount="1200.00", shares=(("council", "1200.00", date(2026, 5, 1)),), **kw):
    return pb.LineFacts(
        "Speech therapy", Decimal(amount), tuple(pb.ShareFacts(f, Decimal(a), on) for f, a, on in shares), **kw
    )


def test_shares_must_add_up_to_the_line_exactly():
    assert pb.shares_problems(Decimal("1200.00"), [pb.ShareFacts("council", Decimal("1199.99"), None)])
    assert (
        pb.shares_problems(
            Decimal("1200.00"),
            [pb.ShareFacts("council", Decimal("700"), None), pb.ShareFacts("icb", Decimal("500.00"), None)],
        )
        == []
    )


def test_a_budget_is_agreed_only_when_every_share_is_agreed_including_the_icb():
    assert pb.agree_problems([]) != []
    assert pb.agree_problems([_line()]) == []
    waiting = _line(shares=(("council", "700", date(2026, 5, 1)), ("icb", "500", None)))
    assert "integrated care board" in pb.agree_problems([waiting])[0].message
    unseparated = _line(cannot_separate=True)
    assert pb.agree_problems([unseparated])[0].citation.endswith("reg 4")


def test_the_notice_needs_agreed_provision():
    assert pb.notice_problems([])[0].citation.endswith("reg 8")
    assert pb.notice_problems([_line()]) == []


def _dp(**changes):
    values = dict(
        recipient_kind="parent",
        recipient_name="Leanne Cartwright",
        consent_given_on=date(2026, 5, 1),
        will_use_appropriately=True,
        acts_in_best_interests=False,
        no_adverse_impact=True,
        efficient_use=True,
        on_school_premises=False,
        head_agreed_on=None,
        head_name="",
        holding="own_account",
    )
    values.update(changes)
    return pb.DirectPaymentFacts(**values)


def test_the_reg_6_conditions_are_each_confirmed_and_6b_only_for_a_nominee():
    assert pb.agreement_problems(_dp()) == []
    assert [p.field for p in pb.conditions_problems(_dp(efficient_use=False))] == ["efficient_use"]
    assert [p.field for p in pb.conditions_problems(_dp(recipient_kind="nominee"))] == ["acts_in_best_interests"]


def test_provision_on_school_premises_needs_the_heads_agreement():
    problems = pb.agreement_problems(_dp(on_school_premises=True))
    assert [p.citation for p in problems] == [pb.COP_9_119]
    assert (
        pb.agreement_problems(_dp(on_school_premises=True, head_agreed_on=date(2026, 5, 2), head_name="Mrs Okafor"))
        == []
    )


def test_no_consent_no_agreement_and_a_prepaid_card_only_by_choice():
    assert [p.field for p in pb.agreement_problems(_dp(consent_given_on=None))] == ["consent_given_on"]
    assert [p.field for p in pb.agreement_problems(_dp(holding="prepaid_card"))] == ["prepaid_card_chosen"]
    assert pb.agreement_problems(_dp(holding="prepaid_card", prepaid_card_chosen=True)) == []
    assert [p.field for p in pb.agreement_problems(_dp(holding="third_party"))] == ["third_party_name"]


def test_stopping_needs_a_reason_and_the_words_for_the_family():
    assert len(pb.stop_problems("", "")) == 2
    assert pb.stop_problems("consent_withdrawn", "Ms Cartwright asked us to stop on 3 June.") == []


def test_review_dates_follow_the_councils_settings():
    dates = pb.review_dates(first_payment_on=date(2026, 5, 31), first_within_months=3, every_months=12)
    assert dates.first_due == date(2026, 8, 31) and dates.next_due == date(2026, 8, 31)
    assert "council's own setting" in dates.rule
    later = pb.review_dates(
        first_payment_on=date(2026, 5, 31), first_within_months=3, every_months=6, last_reviewed_on=date(2026, 8, 20)
    )
    assert later.next_due == date(2027, 2, 20)
