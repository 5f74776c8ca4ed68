"""What the assessment tells families and advisers, in plain words (found at start-up by notifications).

Only dates and a link to sign in: no names, no needs, nothing about the child (notifications.kinds).
"""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

REQUEST_RECEIVED = register_message_kind(MessageKind(
    "assessments.request_received",
    email_subject="We have a request for an EHC needs assessment",
    email_body=(
        "We have a request for an education, health and care (EHC) needs assessment for your child. "
        "It counts as received on {date}.\n\n"
        "We must tell you by {decide_by} whether we will carry out the assessment.\n\n"
        "Sign in to follow what happens: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we have a request for an EHC needs assessment. We must tell you by {decide_by} "
             "whether we will assess. Sign in: {link}",
    letter_body=(
        "We have a request for an education, health and care (EHC) needs assessment for your child. "
        "It counts as received on {date}.\n\n"
        "We must tell you by {decide_by} whether we will carry out the assessment.\n\n"
        "You can follow what happens online: {link}"
    ),
    values=("date", "decide_by", "link"),
))

DECIDED_TO_ASSESS = register_message_kind(MessageKind(
    "assessments.decided_to_assess",
    email_subject="We will carry out an EHC needs assessment",
    email_body=(
        "We have decided to carry out an education, health and care (EHC) needs assessment for your child.\n\n"
        "We will ask for advice from the people who know your child. We must tell you by {decide_by} whether "
        "we will make an EHC plan.\n\n"
        "Sign in to read our letter and to give your views: {link}"
    ),
    sms_body="{council_name}: we will carry out the EHC needs assessment. We must tell you by {decide_by} whether "
             "we will make an EHC plan. Sign in: {link}",
    letter_body=(
        "We have decided to carry out an education, health and care (EHC) needs assessment for your child.\n\n"
        "We will ask for advice from the people who know your child. We must tell you by {decide_by} whether "
        "we will make an EHC plan.\n\nYou can read more and give your views online: {link}"
    ),
    values=("decide_by", "link"),
))

REFUSED = register_message_kind(MessageKind(
    "assessments.refused",
    email_subject="Our decision about an EHC needs assessment",
    email_body=(
        "We have decided not to carry out an education, health and care (EHC) needs assessment for your child.\n\n"
        "Sign in to read our letter. It says why, and what you can do if you disagree: {link}\n\n"
        "You can talk to us about it. Phone {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we have made a decision about the EHC needs assessment. Sign in to read our "
             "letter: {link}",
    letter_body=(
        "We have decided not to carry out an education, health and care (EHC) needs assessment for your child.\n\n"
        "Our letter with the reasons, and what you can do if you disagree, is online: {link}\n\n"
        "You can talk to us about it. Phone {council_phone}."
    ),
    values=("link",),
))

ADVICE_REQUESTED = register_message_kind(MessageKind(
    "assessments.advice_requested",
    email_subject="A request for advice for an EHC needs assessment",
    email_body=(
        "{council_name} has asked you for advice for an education, health and care (EHC) needs assessment.\n\n"
        "Please give your advice by {due_on}.\n\n"
        "Sign in to see the request: {link}"
    ),
    sms_body="{council_name}: you have a request for advice for an EHC needs assessment, due by {due_on}. "
             "Sign in: {link}",
    letter_body=(
        "{council_name} has asked you for advice for an education, health and care (EHC) needs assessment.\n\n"
        "Please give your advice by {due_on}. You can see the request online: {link}"
    ),
    values=("due_on", "link"),
))
