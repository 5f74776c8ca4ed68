"""What the family is told when the council takes back unspent direct payment money (notifications.kinds).

Only the date and a link: the amount and the reason are on the family's page, behind sign-in. Imported by
budgets.spending (and by budgets.apps at start-up, so the outbox knows the kind before anything is sent).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pathfinder.assessments.family_messages import family_tell
from pathfinder.notifications.kinds import MessageKind, register_message_kind

SURPLUS_RECOVERY = register_message_kind(MessageKind(
    "budgets.surplus_recovery",
    email_subject="We are taking back some unspent direct payment money",
    email_body=(
        "On {date} we decided to take back some of the direct payment money that has not been spent.\n\n"
        "Sign in to read how much and why: {link}\n\n"
        "If you do not agree, or you have plans to spend it, phone {council_name} on {council_phone} or email "
        "{council_email}."
    ),
    sms_body="{council_name}: we are taking back some unspent direct payment money. Sign in to read why: {link}",
    letter_body=(
        "On {date} we decided to take back some of the direct payment money that has not been spent.\n\n"
        "You can read how much and why online: {link}. If you do not agree, or you have plans to spend it, phone "
        "us on {council_phone}."
    ),
    values=("date", "link"),
))


def tell_family_of_recovery(*, child: Any, on: date) -> int:
    """Queue the message for the family (sent once the transaction commits). Returns how many were told."""
    return family_tell(child=child, kind=SURPLUS_RECOVERY.key, values={"date": on}, on=on)
