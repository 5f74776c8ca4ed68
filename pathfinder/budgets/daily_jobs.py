"""Budgets' daily job (run by `manage.py run_daily_jobs`, see pathfinder.core.daily_jobs)."""

from __future__ import annotations

from datetime import date

from config.jinja2env import plural
from pathfinder.core.daily_jobs import register_daily_job


@register_daily_job("ras_retire_replaced", "Retire each RAS version a later published version has replaced", order=10)
def ras_retire_replaced(today: date) -> str:
    from pathfinder.budgets.ras import ras_retire_replaced as retire

    return f"Retired {plural(retire(today=today), 'version')} of the resource allocation system"
