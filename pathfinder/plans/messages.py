"""What the plan tells the family, in plain words (found at start-up by notifications).

Only dates and a link to sign in: no names, no needs, nothing about the child (notifications.kinds).
"""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

DRAFT_SENT = register_message_kind(MessageKind(
    "plans.draft_sent",
    email_subject="The draft EHC plan is ready to read",
    email_body=(
        "The draft EHC plan for your child is ready to read. You have until {last_day} to comment on it, "
        "to ask to meet us, and to tell us which school or college you would like.\n\n"
        "Sign in to read it: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: the draft EHC plan for your child is ready. You have until {last_day} to comment. "
             "Sign in to read it: {link}",
    letter_body=(
        "The draft EHC plan for your child is ready to read. You have until {last_day} to comment on it, "
        "to ask to meet us, and to tell us which school or college you would like.\n\n"
        "You can read it online: {link}. If you would like a printed copy, phone us on {council_phone}."
    ),
    values=("last_day", "link"),
))

FINAL_ISSUED = register_message_kind(MessageKind(
    "plans.final_issued",
    email_subject="The final EHC plan has been issued",
    email_body=(
        "The final EHC plan for your child was issued on {date}.\n\n"
        "Sign in to read it, and to see what you can do if you disagree with it: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: the final EHC plan for your child was issued on {date}. Sign in to read it: {link}",
    letter_body=(
        "The final EHC plan for your child was issued on {date}.\n\n"
        "You can read it online, with what you can do if you disagree with it: {link}. "
        "If you would like a printed copy, phone us on {council_phone}."
    ),
    values=("date", "link"),
))

COMMENT_ANSWERED = register_message_kind(MessageKind(
    "plans.comment_answered",
    email_subject="We have answered your comment on the draft EHC plan",
    email_body=(
        "We have answered your comment on the draft EHC plan.\n\n"
        "Sign in to read our answer: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we have answered your comment on the draft EHC plan. Sign in to read it: {link}",
    letter_body=(
        "We have answered your comment on the draft EHC plan.\n\n"
        "You can read our answer online: {link}. If you would like it on paper, phone us on {council_phone}."
    ),
    values=("link",),
))

FAMILY_WROTE = register_message_kind(MessageKind(
    "plans.family_wrote",
    email_subject="A family has written about a draft EHC plan",
    email_body="A family has commented on a draft EHC plan or asked to meet, on one of your cases.\n\n"
               "Sign in to read it and answer: {link}",
    sms_body="A family has written about a draft EHC plan on one of your cases. Sign in: {link}",
    letter_body="A family has commented on a draft EHC plan or asked to meet, on one of your cases. "
                "Sign in to read it and answer: {link}",
    values=("link",),
))

AMENDMENT_NOTICE = register_message_kind(MessageKind(
    "plans.amendment_notice",
    email_subject="We want to change your child's EHC plan",
    email_body=(
        "We want to make some changes to your child's EHC plan. You can read the changes we suggest.\n\n"
        "You have until {last_day} to tell us what you think, to ask to meet us, and to ask for a school or "
        "college.\n\n"
        "Sign in to read the changes: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we want to change your child's EHC plan. You have until {last_day} to comment. "
             "Sign in to read the changes: {link}",
    letter_body=(
        "We want to make some changes to your child's EHC plan. You have until {last_day} to tell us what you "
        "think, to ask to meet us, and to ask for a school or college.\n\n"
        "You can read the changes online: {link}. If you would like a printed copy, phone us on {council_phone}."
    ),
    values=("last_day", "link"),
))

AMENDED_ISSUED = register_message_kind(MessageKind(
    "plans.amended_issued",
    email_subject="Your child's amended EHC plan has been issued",
    email_body=(
        "The amended EHC plan for your child was issued on {date}. It replaces the plan before it.\n\n"
        "Sign in to read it, to see what changed, and what you can do if you disagree: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: the amended EHC plan for your child was issued on {date}. Sign in to read it: {link}",
    letter_body=(
        "The amended EHC plan for your child was issued on {date}. It replaces the plan before it.\n\n"
        "You can read it online, with what changed and what you can do if you disagree: {link}. "
        "If you would like a printed copy, phone us on {council_phone}."
    ),
    values=("date", "link"),
))

NOT_AMENDED = register_message_kind(MessageKind(
    "plans.not_amended",
    email_subject="We will not change your child's EHC plan",
    email_body=(
        "On {date} we decided not to make the changes we suggested to your child's EHC plan. The plan stays as "
        "it is.\n\n"
        "Sign in to read why: {link}\n\n"
        "If you disagree, you can appeal to the SEND Tribunal. It must get your appeal by {last_day}. "
        "You can talk to a mediation adviser first.\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we will not change your child's EHC plan after all. Sign in to read why and how to "
             "appeal (by {last_day}): {link}",
    letter_body=(
        "On {date} we decided not to make the changes we suggested to your child's EHC plan. The plan stays as "
        "it is.\n\n"
        "You can read why online: {link}. If you disagree, you can appeal to the SEND Tribunal. It must get your "
        "appeal by {last_day}. If you would like this on paper, phone us on {council_phone}."
    ),
    values=("date", "last_day", "link"),
))
