"""Ceasing a plan: reasons the law allows for this person (CFA s.45-46, regs 29-31), the order of reg 31, and how
long the plan stays in force (HESC Rules r.20(1)(c), r.12)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statutory import (
    CEASE_REASONS,
    CeaseFacts,
    cease_problems,
    cease_reason,
    cease_takes_effect_on,
    compulsory_school_age_end,
    end_of_academic_year_turning_25,
    plan_in_force_until,
    twenty_fifth_birthday,
)

TODAY = date(2027, 6, 1)
DOB = date(2010, 3, 15)  # 16 on 15 March 2026, 18 on 15 March 2028


def facts(**kw) -> CeaseFacts:
    base = dict(date_of_birth=DOB, reason="2", proposed_on=date(2027, 1, 10))
    base.update(kw)
    return CeaseFacts(**base)


def messages(f: CeaseFacts, today: date = TODAY) -> list[str]:
    return [p.message for p in cease_problems(f, today=today)]


class TestReasons:
    def test_every_sen2_code_has_a_ground_and_citation(self) -> None:
        assert sorted(CEASE_REASONS, key=int) == [str(n) for n in range(1, 10)]
        for reason in CEASE_REASONS.values():
            assert reason.ground_text and reason.citation and reason.url.startswith("https://")

    def test_unknown_code(self) -> None:
        with pytest.raises(ValueError):
            cease_reason("10")
        assert messages(facts(reason="10")) == ["Choose a reason the law allows."]

    def test_transfer_is_made_by_a_move_of_council(self) -> None:
        assert "Record a move to another council" in messages(facts(reason="5"))[0]


class TestSixteenthBirthday:
    @pytest.mark.parametrize("reason", ["3", "4"])
    def test_the_day_before_the_16th_birthday_is_refused(self, reason: str) -> None:
        found = messages(facts(reason=reason, proposed_on=date(2026, 3, 14)))
        assert len(found) == 1 and "aged 16 or over" in found[0] and "They were 15" in found[0]

    @pytest.mark.parametrize("reason", ["3", "4"])
    def test_on_the_16th_birthday_it_is_allowed(self, reason: str) -> None:
        assert messages(facts(reason=reason, proposed_on=date(2026, 3, 15))) == []

    def test_paid_work_needs_no_education_for_a_young_person(self) -> None:
        assert messages(facts(reason="4", proposed_on=date(2026, 9, 1), in_education_or_training=False)) == []

    def test_leap_day_child_turns_16_on_1_march(self) -> None:
        leap = date(2008, 2, 29)
        assert messages(facts(date_of_birth=leap, reason="4", proposed_on=date(2024, 2, 28)))
        assert messages(facts(date_of_birth=leap, reason="4", proposed_on=date(2024, 2, 29))) == []  # leap year
        assert messages(facts(date_of_birth=date(2009, 2, 28), reason="4", proposed_on=date(2025, 2, 28))) == []

    def test_end_of_compulsory_school_age_is_not_the_test(self) -> None:
        # Born 15 March 2010: still of compulsory school age until 26 June 2026, yet 16 since 15 March.
        assert compulsory_school_age_end(DOB) == date(2026, 6, 26)
        assert messages(facts(reason="4", proposed_on=date(2026, 4, 1))) == []


class TestEighteenthBirthday:
    def test_under_18_not_in_education_must_be_reviewed_and_amended(self) -> None:  # reg 29
        found = messages(facts(reason="2", proposed_on=date(2028, 3, 14), in_education_or_training=False),
                         date(2028, 4, 1))
        assert len(found) == 1 and "reg 29" in found[0]

    def test_no_longer_engaging_under_18_is_refused_even_in_education(self) -> None:
        found = messages(facts(reason="6", proposed_on=date(2028, 3, 14)), date(2028, 4, 1))
        assert len(found) == 1 and "18 or over" in found[0]

    def test_18_and_left_education_needs_a_review_finding(self) -> None:  # reg 30
        found = cease_problems(facts(reason="6", proposed_on=date(2028, 3, 15), in_education_or_training=False),
                               today=date(2028, 4, 1))
        assert [p.field for p in found] == ["reviewed_does_not_wish_to_return"]
        assert "reg 30" in found[0].message

    def test_18_left_education_and_does_not_wish_to_return(self) -> None:
        f = facts(reason="6", proposed_on=date(2028, 3, 15), in_education_or_training=False,
                  reviewed_does_not_wish_to_return=True)
        assert messages(f, date(2028, 4, 1)) == []

    def test_needs_met_in_education_at_any_age(self) -> None:
        assert messages(facts(reason="2", proposed_on=date(2020, 1, 6))) == []

    @pytest.mark.parametrize("reason", ["7", "8"])
    def test_no_longer_responsible_needs_no_education_test(self, reason: str) -> None:
        assert messages(facts(reason=reason, in_education_or_training=False)) == []


class TestTwentyFifthBirthday:
    def test_max_age_before_the_25th_birthday_is_refused(self) -> None:
        found = messages(facts(reason="1", proposed_on=date(2035, 3, 14)), date(2036, 1, 1))
        assert len(found) == 1 and "15 March 2035" in found[0]

    def test_max_age_on_the_25th_birthday(self) -> None:
        assert messages(facts(reason="1", proposed_on=date(2035, 3, 15)), date(2036, 1, 1)) == []

    def test_leap_day_25th_birthday(self) -> None:
        assert twenty_fifth_birthday(date(2004, 2, 29)) == date(2029, 3, 1)

    def test_end_of_the_academic_year_in_which_they_turn_25(self) -> None:
        assert end_of_academic_year_turning_25(DOB) == date(2035, 7, 31)
        assert end_of_academic_year_turning_25(date(2010, 9, 1)) == date(2036, 7, 31)

    def test_never_beyond_the_day_before_the_26th_birthday(self) -> None:
        # Born 1 August: turns 25 on 1 August 2035, the academic year runs to 31 July 2036, the 26th birthday is
        # 1 August 2036: the day before is the same day.
        assert end_of_academic_year_turning_25(date(2010, 8, 1)) == date(2036, 7, 31)


class TestOrderAndDates:
    def test_decision_without_consultation(self) -> None:
        found = messages(facts(decided_on=date(2027, 2, 1)))
        assert len(found) == 2 and "parent or young person" in found[0] and "head or principal" in found[1]

    def test_decision_before_consultation(self) -> None:
        found = messages(facts(family_consulted_on=date(2027, 2, 1), head_consulted_on=date(2027, 1, 20),
                               decided_on=date(2027, 1, 25)))
        assert found == ["The decision (25 January 2027) is before the family was consulted (1 February 2027)."]

    def test_no_head_to_consult(self) -> None:
        assert messages(facts(attends_institution=False, family_consulted_on=date(2027, 1, 11),
                              decided_on=date(2027, 1, 11))) == []

    def test_consultation_before_the_proposal(self) -> None:
        assert "before the proposal" in messages(facts(family_consulted_on=date(2027, 1, 9)))[0]

    def test_future_dates(self) -> None:
        found = cease_problems(facts(proposed_on=date(2027, 6, 2)), today=TODAY)
        assert [p.field for p in found] == ["proposed_on"]
        assert "2 June 2027" in found[0].message and "future" in found[0].message

    def test_appeal_before_decision(self) -> None:
        f = facts(family_consulted_on=date(2027, 1, 11), head_consulted_on=date(2027, 1, 11),
                  decided_on=date(2027, 2, 1), appeal_lodged_on=date(2027, 1, 30))
        assert [p.field for p in cease_problems(f, today=TODAY)] == ["appeal_lodged_on"]

    def test_appeal_decided_before_lodged(self) -> None:
        f = facts(family_consulted_on=date(2027, 1, 11), head_consulted_on=date(2027, 1, 11),
                  decided_on=date(2027, 2, 1), appeal_lodged_on=date(2027, 3, 1), appeal_decided_on=date(2027, 2, 20))
        assert [p.field for p in cease_problems(f, today=TODAY)] == ["appeal_decided_on"]


class TestPlanInForceUntil:
    def test_two_months_after_the_notice(self) -> None:
        assert plan_in_force_until(date(2027, 1, 12)) == date(2027, 3, 12)

    def test_a_period_ending_in_august_runs_to_1_september(self) -> None:
        assert plan_in_force_until(date(2027, 6, 10)) == date(2027, 9, 1)  # 10 August -> r.12(3)

    def test_a_period_ending_at_christmas_runs_into_january(self) -> None:
        assert plan_in_force_until(date(2026, 10, 27)) == date(2027, 1, 4)  # 27 Dec -> first working day after 1 Jan

    def test_a_weekend_end_moves_to_monday(self) -> None:
        assert plan_in_force_until(date(2027, 1, 13)) == date(2027, 3, 15)  # 13 March 2027 is a Saturday

    def test_month_end_without_a_corresponding_day(self) -> None:
        assert plan_in_force_until(date(2026, 12, 31)) == date(2027, 3, 1)  # 28 Feb 2027 is a Sunday

    def test_an_appeal_lodged_keeps_the_plan_until_decided(self) -> None:
        assert plan_in_force_until(date(2027, 1, 12), date(2027, 2, 1)) is None
        assert plan_in_force_until(date(2027, 1, 12), date(2027, 2, 1), date(2027, 9, 20)) == date(2027, 9, 20)

    def test_a_late_mediation_certificate_gives_a_month_from_the_certificate(self) -> None:
        # Notice 12 January 2027: 2 months end 12 March. A certificate on 1 March 2027 gives until 1 April.
        assert plan_in_force_until(date(2027, 1, 12), certificate_issued_on=date(2027, 3, 1)) == date(2027, 4, 1)
        assert cease_takes_effect_on(date(2027, 1, 12), certificate_issued_on=date(2027, 3, 1)) == date(2027, 4, 2)
        # An early certificate changes nothing.
        assert plan_in_force_until(date(2027, 1, 12), certificate_issued_on=date(2027, 1, 20)) == date(2027, 3, 12)

    def test_the_plan_ceases_the_day_after_the_last_day_to_appeal(self) -> None:
        assert cease_takes_effect_on(date(2027, 1, 12)) == date(2027, 3, 13)
        assert cease_takes_effect_on(date(2027, 6, 10)) == date(2027, 9, 2)

    def test_a_dismissed_appeal_ceases_the_plan_that_day(self) -> None:
        assert cease_takes_effect_on(date(2027, 1, 12), date(2027, 2, 1)) is None
        assert cease_takes_effect_on(date(2027, 1, 12), date(2027, 2, 1), date(2027, 9, 20)) == date(2027, 9, 20)

    @given(st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)))
    def test_the_plan_is_in_force_at_least_until_the_notice_plus_two_months(self, sent: date) -> None:
        until = plan_in_force_until(sent)
        assert until is not None and until > sent + timedelta(days=27)
        # r.12(3) puts a period ending in August into September; a July period that r.12(2) carries over a weekend
        # into the first days of August stays there (statutory.appeals.tribunal_last_day).
        assert until.weekday() < 5 and (until.month != 8 or until.day <= 3)
