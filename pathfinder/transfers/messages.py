"""What a move between councils tells the family, in plain words (found at start-up by notifications).

Only dates and a link: no names, no council names, nothing about the child (notifications.kinds).
"""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

PLAN_SENT = register_message_kind(MessageKind(
    "transfers.plan_sent",
    email_subject="We have sent the EHC plan to your new council",
    email_body=(
        "You are moving to a new council. We sent your child's EHC plan to them on {date}.\n\n"
        "The new council will write to you. They will tell you when they will review the plan.\n\n"
        "Sign in to read the plan: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we sent your child's EHC plan to your new council on {date}. They will write to you.",
    letter_body=(
        "You are moving to a new council. We sent your child's EHC plan to them on {date}.\n\n"
        "The new council will write to you. They will tell you when they will review the plan. "
        "You can read the plan online: {link}. If you have a question, phone us on {council_phone}."
    ),
    values=("date", "link"),
))

_NOTICE = (
    "Your child's EHC plan came to us from your old council on {date}. It is now our plan. "
    "We will give the help it sets out.\n\n"
    "{assess}\n\n"
    "We will review the plan by {due_on}.\n\n"
)

NOTICE_ASSESS = register_message_kind(MessageKind(
    "transfers.notice_assess",
    email_subject="Your child's EHC plan is now with us",
    email_body=_NOTICE.format(date="{date}", due_on="{due_on}", assess=(
        "We will do a new EHC needs assessment. We will write to you about it.")) +
    "Sign in to read more: {link}\n\nIf you have a question, phone {council_name} on {council_phone} or email "
    "{council_email}.",
    sms_body="{council_name}: your child's EHC plan is now with us. We will do a new assessment. "
             "We will review the plan by {due_on}. {link}",
    letter_body=_NOTICE.format(date="{date}", due_on="{due_on}", assess=(
        "We will do a new EHC needs assessment. We will write to you about it.")) +
    "You can read more online: {link}. If you have a question, phone us on {council_phone}.",
    values=("date", "due_on", "link"),
))

NOTICE_NO_ASSESS = register_message_kind(MessageKind(
    "transfers.notice_no_assess",
    email_subject="Your child's EHC plan is now with us",
    email_body=_NOTICE.format(date="{date}", due_on="{due_on}", assess=(
        "We will not do a new EHC needs assessment now.")) +
    "Sign in to read more: {link}\n\nIf you have a question, phone {council_name} on {council_phone} or email "
    "{council_email}.",
    sms_body="{council_name}: your child's EHC plan is now with us. We will review it by {due_on}. {link}",
    letter_body=_NOTICE.format(date="{date}", due_on="{due_on}", assess=(
        "We will not do a new EHC needs assessment now.")) +
    "You can read more online: {link}. If you have a question, phone us on {council_phone}.",
    values=("date", "due_on", "link"),
))
