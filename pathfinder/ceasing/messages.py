"""What the family is told about ceasing the plan, in plain words (found at start-up by notifications).

Only dates and a link to sign in: no names, no reasons, nothing about the child (notifications.kinds).
"""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

PROPOSED = register_message_kind(MessageKind(
    "ceasing.proposed",
    email_subject="We are thinking about ending the EHC plan",
    email_body=(
        "On {date} we started to think about ending the EHC plan. Nothing changes yet. We will ask what you "
        "think before we decide.\n\n"
        "Sign in to read more: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we are thinking about ending the EHC plan. Nothing changes yet. We will ask what "
             "you think. Sign in: {link}",
    letter_body=(
        "On {date} we started to think about ending the EHC plan. Nothing changes yet. We will ask what you "
        "think before we decide.\n\n"
        "You can read more online: {link}. If you have a question, phone us on {council_phone}."
    ),
    values=("date", "link"),
))

DECIDED = register_message_kind(MessageKind(
    "ceasing.decided",
    email_subject="We have decided to end the EHC plan",
    email_body=(
        "On {date} we decided to end the EHC plan. The plan and its help stay until at least {last_day}.\n\n"
        "You can appeal to the Tribunal until {last_day}. You can also ask for mediation. If you appeal, the plan "
        "stays until the Tribunal decides.\n\n"
        "Sign in to read why, and how to appeal: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we have decided to end the EHC plan. You can appeal until {last_day}. "
             "Sign in to read more: {link}",
    letter_body=(
        "On {date} we decided to end the EHC plan. The plan and its help stay until at least {last_day}.\n\n"
        "You can appeal to the Tribunal until {last_day}. You can also ask for mediation. If you appeal, the plan "
        "stays until the Tribunal decides.\n\n"
        "You can read why, and how to appeal, online: {link}. To get this on paper, phone us on {council_phone}."
    ),
    values=("date", "last_day", "link"),
))

CEASED = register_message_kind(MessageKind(
    "ceasing.ceased",
    email_subject="The EHC plan has ended",
    email_body=(
        "The EHC plan ended on {date}.\n\n"
        "Sign in to read more: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: the EHC plan ended on {date}. Sign in to read more: {link}",
    letter_body=(
        "The EHC plan ended on {date}.\n\n"
        "You can read more online: {link}. If you have a question, phone us on {council_phone}."
    ),
    values=("date", "link"),
))

DECIDED_FOR_PROFESSIONALS = register_message_kind(MessageKind(
    "ceasing.decided_for_professionals",
    email_subject="A decision to cease an EHC plan",
    email_body=(
        "On {date} the council decided to cease the EHC plan of a child or young person your organisation works "
        "with. The plan and its provision continue until at least {last_day}, and longer if the family appeals.\n\n"
        "Sign in to read the plan and the decision: {link}\n\n"
        "{council_name}"
    ),
    sms_body="{council_name}: a decision to cease an EHC plan your organisation works with. Sign in: {link}",
    letter_body=(
        "On {date} the council decided to cease the EHC plan of a child or young person your organisation works "
        "with. The plan and its provision continue until at least {last_day}, and longer if the family appeals.\n\n"
        "You can read the plan and the decision online: {link}"
    ),
    values=("date", "last_day", "link"),
))
