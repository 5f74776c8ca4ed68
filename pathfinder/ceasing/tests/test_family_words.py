"""What the family is told about ceasing the plan reads at about age 9 (as notifications' readability test)."""

import pytest

from pathfinder.notifications.kinds import message_kinds
from pathfinder.notifications.tests.test_readability import LIMIT, _prose, reading_age


@pytest.mark.parametrize("key", ["ceasing.proposed", "ceasing.decided", "ceasing.ceased"])
def test_each_message_about_ceasing_is_plain(key):
    kind = next(k for k in message_kinds() if k.key == key)
    for body in (kind.email_body, kind.letter_body, kind.sms_body):
        age = reading_age(_prose(body))
        assert age <= LIMIT, f"{key}: reading age {age:.1f}"
