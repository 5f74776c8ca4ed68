"""What organisations tell their members, in plain words (found at start-up by notifications).

Joining and leaving an organisation: only a link, never the organisation's name (notifications.kinds). A person
may belong to more than one, and the message reaches an inbox or a phone outside the council's systems.
"""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

MEMBER_ADDED = register_message_kind(MessageKind(
    "organisations.member_added",
    email_subject="You have been added to an organisation in Pathfinder",
    email_body=(
        "You have been added to an organisation in Pathfinder. Sign in to see its work: {link}\n\n"
        "{council_name}"
    ),
    sms_body="{council_name}: you have been added to an organisation in Pathfinder. Sign in to see its work: {link}",
    letter_body="You have been added to an organisation in Pathfinder. Sign in to see its work: {link}",
    values=("link",),
))

MEMBER_REMOVED = register_message_kind(MessageKind(
    "organisations.member_removed",
    email_subject="You no longer have access to your organisation's work",
    email_body=(
        "You no longer have access to your organisation's work in Pathfinder. If this is wrong, contact your "
        "organisation's administrator.\n\n"
        "{council_name}"
    ),
    sms_body="{council_name}: you no longer have access to your organisation's work in Pathfinder. If this is "
             "wrong, contact your organisation's administrator.",
    letter_body="You no longer have access to your organisation's work in Pathfinder. If this is wrong, contact "
                "your organisation's administrator.",
    values=(),
))
