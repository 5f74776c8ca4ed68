"""The jobs that must run once a day, registered by the apps that own them; core names no app.

Why a registry: each daily job (reminders, plans ceasing when the appeal period ends, feeds harvested, the search
vocabulary rebuilt, old comments deleted ...) used to be a management command that nothing ran. Now one command,
``manage.py run_daily_jobs`` (cron or a systemd timer, see the README), runs every registered job. An app declares
its jobs in its own ``<app>/daily_jobs.py``, found at start-up like ``worklist.py``::

    from pathfinder.core.daily_jobs import register_daily_job

    @register_daily_job("send_reminders", "Remind caseworkers of steps due soon and overdue", order=90)
    def send_reminders(today):
        return f"Sent {reminders_send(today)} reminders"

A job is ``(today) -> str``: it does its work and returns one line saying what it did; it raises to say it
failed. Jobs run in ascending ``order`` (then in the order they were registered): changes to records first, messages
about them last. Each runs on its own: one failing is logged and the rest still run (:func:`daily_jobs_run`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

logger = logging.getLogger(__name__)

DailyJobFunction = Callable[[date], str]
DEFAULT_ORDER = 50  # 10: records change (plans cease); 50: upkeep; 90: messages about the day's state


@dataclass(frozen=True)
class DailyJob:
    name: str
    description: str
    run: DailyJobFunction
    order: int = DEFAULT_ORDER


@dataclass(frozen=True)
class JobOutcome:
    """What one job did: its line of summary, or the error it failed with."""

    name: str
    ok: bool
    summary: str
    seconds: float


_JOBS: dict[str, DailyJob] = {}


def register_daily_job(name: str, description: str, *, order: int = DEFAULT_ORDER
                       ) -> Callable[[DailyJobFunction], DailyJobFunction]:
    """Register ``(today) -> str`` as the daily job ``name`` (a decorator). Names are unique: registering a
    different function under a name already taken is a mistake and raises; the same function again is ignored."""

    def decorate(function: DailyJobFunction) -> DailyJobFunction:
        existing = _JOBS.get(name)
        if existing is not None and existing.run is not function:
            raise ValueError(f"A daily job called {name!r} is already registered")
        _JOBS[name] = DailyJob(name=name, description=description, run=function, order=order)
        return function

    return decorate


def unregister_daily_job(name: str) -> None:
    """Take a job out again (tests use this to clean up)."""
    _JOBS.pop(name, None)


def daily_jobs() -> tuple[DailyJob, ...]:
    """Every registered job, in the order they run."""
    return tuple(sorted(_JOBS.values(), key=lambda job: job.order))  # sorted() is stable: registration order


def daily_jobs_run(today: date, *, only: tuple[str, ...] = ()) -> list[JobOutcome]:
    """Run every job (or those named in ``only``) for ``today``, each isolated from the others.

    A job that raises is logged with its traceback and reported as failed; the next job runs all the same. A
    database error inside a job rolls back that job's own transaction (services run in ``transaction.atomic``)."""
    outcomes = []
    for job in daily_jobs():
        if only and job.name not in only:
            continue
        started = time.monotonic()
        try:
            summary = job.run(today)
        except Exception as error:  # noqa: BLE001 - one job's failure must not stop the others
            logger.exception("Daily job %s failed", job.name)
            outcomes.append(JobOutcome(job.name, False, f"{type(error).__name__}: {error}",
                                       time.monotonic() - started))
            continue
        outcomes.append(JobOutcome(job.name, True, summary or "Done", time.monotonic() - started))
    return outcomes
