"""Notifications' own message: the daily reminder to caseworkers and advisers (reminders.py)."""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

REMINDER = register_message_kind(MessageKind(
    "notifications.reminder",
    email_subject="Your cases today: {due_steps} due this week, {overdue_steps} overdue",
    email_body=(
        "Good morning. On your cases today, {date}:\n\n"
        "Due in the next week: {due_steps}.\n"
        "Overdue: {overdue_steps}.\n\n"
        "Sign in to see them: {link}\n\n"
        "{council_name}"
    ),
    sms_body="{council_name}: on your cases, due this week: {due_steps}; overdue: {overdue_steps}. "
             "Sign in to see them: {link}",
    letter_body=(
        "On your cases on {date}, due in the next week: {due_steps}; overdue: {overdue_steps}.\n\n"
        "Sign in to see them: {link}"
    ),
    values=("date", "due_steps", "overdue_steps", "link"),
))
