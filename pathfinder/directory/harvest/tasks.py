"""Harvests on the project's task queue (django-tasks): "Harvest now" enqueues one; `manage.py db_worker` runs it."""

from __future__ import annotations

from django_tasks import task

from pathfinder.directory.harvest.models import HarvestRun
from pathfinder.directory.harvest.services import feed_harvest


@task()
def feed_harvest_task(*, run_id: str) -> str:
    """Run a queued harvest; the run row keeps the report (the page reads it, not the task's result)."""
    run = HarvestRun.objects.select_related("subscription", "started_by").get(pk=run_id)
    if run.status != HarvestRun.Status.QUEUED:
        return run.status
    return feed_harvest(subscription=run.subscription, acting_user=run.started_by, run=run, full=run.full).status
