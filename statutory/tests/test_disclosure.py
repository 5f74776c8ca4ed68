"""The inspectors' look-back window and the subject access deadline (UK GDPR Art.12(3)), from the rule book."""

from datetime import date

from statutory import RULES, Rule, inspection_window_start, subject_access_due


def test_the_window_is_twelve_months_ending_today():
    assert inspection_window_start(date(2026, 12, 7)) == date(2025, 12, 8)


def test_the_window_from_29_february_starts_on_1_march():
    assert inspection_window_start(date(2028, 2, 29)) == date(2027, 3, 1)


def test_a_changed_framework_is_a_new_row():
    shorter = RULES.with_rules([Rule(code="inspection_lookback", summary="x", citation="y", url="z", amount=6,
                                     unit="months", effective_from=date(2027, 1, 1))])
    assert inspection_window_start(date(2027, 7, 7), shorter) == date(2027, 1, 8)
    assert inspection_window_start(date(2026, 7, 7), shorter) == date(2025, 7, 8)


def test_a_request_is_answered_by_the_corresponding_date_next_month():
    assert subject_access_due(date(2026, 9, 3)) == date(2026, 10, 5)  # 3 October 2026 is a Saturday
    assert subject_access_due(date(2026, 11, 10)) == date(2026, 12, 10)


def test_with_no_corresponding_date_the_month_end_counts():
    assert subject_access_due(date(2028, 1, 31)) == date(2028, 2, 29)


def test_a_deadline_on_a_bank_holiday_moves_to_the_next_working_day():
    assert subject_access_due(date(2026, 11, 25)) == date(2026, 12, 29)  # 25 and 28 December (substitute) are off
    # 25 Nov + 1 month = 25 Dec (Christmas), 26 Dec Saturday, 27 Sunday, 28 Boxing Day substitute -> 29 Dec.


def test_the_deadline_cites_article_12():
    assert RULES.lookup("subject_access_response", date(2026, 1, 1)).citation == "UK GDPR, Article 12(3)"
