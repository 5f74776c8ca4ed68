"""The notifications app's daily jobs (run by `manage.py run_daily_jobs`, see pathfinder.core.daily_jobs)."""

from __future__ import annotations

from datetime import date

from config.jinja2env import plural
from pathfinder.core.daily_jobs import register_daily_job


@register_daily_job("send_reminders", "Remind each caseworker and adviser of the steps due soon and overdue",
                    order=90)  # last: after the day's changes (plans ceasing), so the counts are today's
def send_reminders(today: date) -> str:
    from pathfinder.notifications.reminders import reminders_send

    return f"Sent {plural(reminders_send(today), 'reminder')}"


@register_daily_job("notifications_check_delivery", "Record Notify's delivery status of messages still on their way")
def notifications_check_delivery(today: date) -> str:
    from pathfinder.notifications.notify import notify_configured
    from pathfinder.notifications.services import delivery_check

    if not notify_configured():
        return "GOVUK_NOTIFY_API_KEY is not set: nothing was sent, so nothing to check"
    counts = delivery_check()
    return ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "Nothing to check"
