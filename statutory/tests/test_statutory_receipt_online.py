"""A request whose arrival time is known (sent online) follows the same rule as one the caseworker records: after
5pm, or on a day that is not a working day, it counts from the next working day (statutory.receipt)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from statutory import request_received_at, request_received_on

LONDON = ZoneInfo("Europe/London")  # the council's local time, as the caller passes it


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


@pytest.mark.parametrize(("sent", "counts_from", "after_hours"), [
    (london(2026, 11, 26, 16, 59), date(2026, 11, 26), False),  # Thursday, before 5pm
    (london(2026, 11, 26, 17, 0), date(2026, 11, 26), False),   # 5pm itself is not after 5pm
    (london(2026, 11, 26, 17, 0, 1), date(2026, 11, 27), True),  # after 5pm: Friday
    (london(2026, 11, 27, 20, 0), date(2026, 11, 30), True),    # Friday evening: Monday
    (london(2026, 11, 29, 9, 0), date(2026, 11, 30), False),    # Sunday: Monday
    (london(2026, 12, 25, 9, 0), date(2026, 12, 29), False),    # Christmas Day: after Boxing Day's substitute
])
def test_online_arrival_counts_from_the_day_the_caseworkers_rule_gives(sent, counts_from, after_hours):
    receipt = request_received_at(sent)
    assert (receipt.counts_from, receipt.after_hours) == (counts_from, after_hours)
    assert receipt == request_received_on(sent.date(), after_hours=after_hours)
