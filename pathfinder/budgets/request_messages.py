"""What the family is told about their personal budget, in plain words (registered with notifications).

Only dates and a link to sign in: no names, no amounts, nothing about the child (notifications.kinds). Kept in
its own module (not messages.py) so that the other parts of budgets can keep their own; imported by requests.py
and from BudgetsConfig.ready().
"""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

_CONTACT = "If you have a question, phone {council_name} on {council_phone} or email {council_email}."

ASKED = register_message_kind(
    MessageKind(
        "budgets.asked",
        email_subject="You asked for a personal budget",
        email_body=(
            "On {date} you asked for a personal budget. We will work out how much it could be and talk to you about "
            "it.\n\nSign in to read what a personal budget can pay for and who can help you: {link}\n\n" + _CONTACT
        ),
        sms_body="{council_name}: you asked for a personal budget on {date}. Sign in to read what happens next: {link}",
        letter_body=(
            "On {date} you asked for a personal budget. We will work out how much it could be and talk to you about "
            "it.\n\nYou can read what a personal budget can pay for and who can help you online: {link}. To get this "
            "on paper, phone us on {council_phone}."
        ),
        values=("date", "link"),
    )
)

REFUSED = register_message_kind(
    MessageKind(
        "budgets.refused",
        email_subject="Our decision about a personal budget",
        email_body=(
            "On {date} we decided not to give a personal budget. Sign in to read why. You can ask us to look at the "
            "decision again.\n\n{link}\n\n" + _CONTACT
        ),
        sms_body="{council_name}: our decision about a personal budget is ready. Sign in to read it: {link}",
        letter_body=(
            "On {date} we decided not to give a personal budget. We have written to say why. You can ask us to look "
            "at the decision again.\n\nYou can read it online: {link}. To get it on paper, phone us on "
            "{council_phone}."
        ),
        values=("date", "link"),
    )
)

AGREED = register_message_kind(
    MessageKind(
        "budgets.agreed",
        email_subject="Your personal budget is agreed",
        email_body=(
            "On {date} we agreed the personal budget. Sign in to read the notice of what it pays for and how much: "
            "{link}\n\n" + _CONTACT
        ),
        sms_body="{council_name}: the personal budget is agreed. Sign in to read the notice: {link}",
        letter_body=(
            "On {date} we agreed the personal budget. You can read the notice of what it pays for and how much "
            "online: {link}. To get it on paper, phone us on {council_phone}."
        ),
        values=("date", "link"),
    )
)

DIRECT_PAYMENT_DECISION = register_message_kind(
    MessageKind(
        "budgets.direct_payment_decision",
        email_subject="News about your direct payment",
        email_body="On {date} something changed about the direct payment. Sign in to read it: {link}\n\n" + _CONTACT,
        sms_body="{council_name}: something changed about the direct payment. Sign in to read it: {link}",
        letter_body=(
            "On {date} something changed about the direct payment. You can read it online: {link}. To get it on "
            "paper, phone us on {council_phone}."
        ),
        values=("date", "link"),
    )
)
