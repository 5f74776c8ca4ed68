"""Ceasing's daily job (run by `manage.py run_daily_jobs`, see pathfinder.core.daily_jobs)."""

from __future__ import annotations

from datetime import date

from config.jinja2env import plural
from pathfinder.core.daily_jobs import register_daily_job


@register_daily_job("cease_plans_due", "Cease every plan whose decision to cease can no longer be appealed", order=10)
def cease_plans_due(today: date) -> str:
    from pathfinder.ceasing.workflow import cessations_take_effect

    return f"Ceased {plural(len(cessations_take_effect(today)), 'plan')}"
