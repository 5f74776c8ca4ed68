"""Feedback's daily job (run by `manage.py run_daily_jobs`, see pathfinder.core.daily_jobs)."""

from __future__ import annotations

from datetime import date

from config.jinja2env import plural
from pathfinder.core.daily_jobs import register_daily_job


@register_daily_job("delete_expired_comments", "Delete Local Offer comments received more than 3 years ago")
def delete_expired_comments(today: date) -> str:
    from pathfinder.feedback.services import comments_delete_expired

    return f"Deleted {plural(comments_delete_expired(today=today), 'comment')} older than 3 years"
