"""Notifications' own message: the daily reminder to caseworkers and advisers (reminders.py)."""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

REMINDER = register_message_kind(MessageKind(
    "notifications.reminder",
    email_subject="Your cases: {due_count} steps due this week, {overdue_count} overdue",
    email_body=(
        "Good morning. On your cases today, {date}:\n\n"
        "{due_count} steps are due in the next week.\n"
        "{overdue_count} steps are overdue.\n\n"
        "Sign in to see them: {link}\n\n"
        "{council_name}"
    ),
    sms_body="{council_name}: on your cases, {due_count} steps are due this week and {overdue_count} are overdue. "
             "Sign in to see them: {link}",
    letter_body=(
        "On your cases on {date}, {due_count} steps are due in the next week and {overdue_count} are overdue.\n\n"
        "Sign in to see them: {link}"
    ),
    values=("date", "due_count", "overdue_count", "link"),
))
