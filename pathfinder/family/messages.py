"""What the family portal tells people, in plain words (found at start-up by notifications).

Only dates and a link: no names, nothing about the child (notifications.kinds). The invitation's link is the
single-use link itself, so the message is the way it reaches the family; it works once, and only until its date.
"""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

INVITED = register_message_kind(MessageKind(
    "family.invited",
    email_subject="You can now see your case online",
    email_body=(
        "You can now see your case with us online. We use a service called Pathfinder.\n\n"
        "Set up your sign-in by {last_day} with this link. It works once: {link}\n\n"
        "If you did not expect this, phone {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: you can now follow your case online. Set up your sign-in by {last_day}: {link}",
    letter_body=(
        "You can now see your case with us online. We use a service called Pathfinder.\n\n"
        "Type this address into a web browser to set up your sign-in by {last_day}. It works once:\n{link}\n\n"
        "If you would rather not go online, phone us on {council_phone}."
    ),
    values=("last_day", "link"),
))

ONLINE_REQUEST_RECEIVED = register_message_kind(MessageKind(
    "family.online_request_received",
    email_subject="We have your request for an EHC needs assessment",
    email_body=(
        "Thank you. We have your request for an education, health and care (EHC) needs assessment.\n\n"
        "It counts as received on {date}. We must tell you by {decide_by} whether we will carry out the "
        "assessment.\n\n"
        "A caseworker will contact you. If you have a question, phone {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we have your request for an EHC needs assessment. We must tell you by {decide_by} "
             "whether we will assess.",
    letter_body=(
        "Thank you. We have your request for an education, health and care (EHC) needs assessment.\n\n"
        "It counts as received on {date}. We must tell you by {decide_by} whether we will carry out the "
        "assessment.\n\nA caseworker will contact you. If you have a question, phone us on {council_phone}."
    ),
    values=("date", "decide_by"),
))

CONSENT_GIVEN = register_message_kind(MessageKind(
    "family.consent_given",
    email_subject="You can still see the case online",
    email_body=(
        "The young person has said you may go on seeing their case with us online.\n\n"
        "Sign in to see it: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: the young person has said you may go on seeing their case online. Sign in: {link}",
    letter_body=(
        "The young person has said you may go on seeing their case with us online.\n\n"
        "You can see it here: {link}. If you have a question, phone us on {council_phone}."
    ),
    values=("link",),
))

CONSENT_WITHDRAWN = register_message_kind(MessageKind(
    "family.consent_withdrawn",
    email_subject="You can no longer see the case online",
    email_body=(
        "The young person has chosen that you will no longer see their case with us online. "
        "This starts today.\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: the young person has chosen that you will no longer see their case online.",
    letter_body=(
        "The young person has chosen that you will no longer see their case with us online. This starts today.\n\n"
        "If you have a question, phone us on {council_phone}."
    ),
))
