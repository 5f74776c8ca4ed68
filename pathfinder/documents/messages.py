"""What the documents component tells the person who sent a file (found at start-up by notifications).

Only the day it was sent and a link: never the file's name (it may name the child) or what the scanner found.
"""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

FILE_REFUSED = register_message_kind(MessageKind(
    "documents.file_refused",
    email_subject="A file you sent could not be accepted",
    email_body=(
        "We could not take a file you sent on {date}. Our virus check found a problem with it.\n\n"
        "Please sign in and send a different file: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we could not take a file you sent on {date}. Our virus check found a problem with "
             "it. Please sign in and send a different file: {link}",
    letter_body=(
        "We could not take a file you sent on {date}. Our virus check found a problem with it.\n\n"
        "Please sign in and send a different file: {link}\n\n"
        "If you have a question, phone {council_phone}."
    ),
    values=("date", "link"),
))
