"""What a review tells the family, in plain words (found at start-up by notifications).

Only dates and a link to sign in: no names, no needs, nothing about the child (notifications.kinds).
"""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

MEETING_ARRANGED = register_message_kind(MessageKind(
    "reviews.meeting_arranged",
    email_subject="The review meeting for your child's EHC plan",
    email_body=(
        "We have arranged the meeting to review your child's EHC plan. It is on {date}.\n\n"
        "You can come and say what you think. Sign in to see the details: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: the meeting to review your child's EHC plan is on {date}. Sign in for details: {link}",
    letter_body=(
        "We have arranged the meeting to review your child's EHC plan. It is on {date}.\n\n"
        "You can come and say what you think. You can read the details online: {link}. "
        "If you cannot come on that day, phone us on {council_phone}."
    ),
    values=("date", "link"),
))

DECIDED = register_message_kind(MessageKind(
    "reviews.decided",
    email_subject="Our decision after the review of your child's EHC plan",
    email_body=(
        "We have decided what happens to your child's EHC plan after its review. We told you on {date}.\n\n"
        "If you disagree, you can appeal to the Tribunal until {last_day}. First you must talk to a mediation "
        "adviser. Sign in to read the decision, your rights and the dates for mediation: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we have decided about your child's EHC plan after its review. "
             "You can appeal until {last_day}. Sign in to read it: {link}",
    letter_body=(
        "We have decided what happens to your child's EHC plan after its review. We told you on {date}.\n\n"
        "If you disagree, you can appeal to the Tribunal until {last_day}. First you must talk to a mediation "
        "adviser. You can read the decision, your rights and the dates for mediation online: {link}. "
        "If you would like it on paper, phone us on {council_phone}."
    ),
    values=("date", "last_day", "link"),
))
