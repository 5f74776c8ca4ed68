"""Every final plan in the demo county gets its PDF, as a plan issued through Pathfinder does.

Rendering about 4,000 PDF/UA files at load would take most of an hour, so the load splits the work:

- the plans the demo sign-ins open first are rendered now: the young person's own plan, and the final plans
  of the first page of the demo caseworker's "Find a child" list (the children the caseworker and the manager
  are shown first);
- every other final plan gets a queued `plans.tasks.plan_pdf_render` task, which the task worker that
  `make run` starts works through in the background (so "The PDF of this plan is being made" is true and ends),
  the demo caseworker's team's plans first. At about 2 s a PDF the worker takes a couple of hours for them all.

The rendering is the plans app's own task, so a demo PDF is the same file a real issue would make.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from pathfinder.plans.models import Plan, PlanStatus

#: How many of the demo caseworker's first children's final plans are rendered at load.
RENDER_NOW_LIMIT = 6
TASK_PATH = "pathfinder.plans.tasks.plan_pdf_render"
#: Queue priorities of the demo's backlog (higher runs first). Both are below the default 0, so a plan that someone
#: issues while the demo runs gets its PDF at once instead of waiting behind thousands of demo plans; of the backlog,
#: the demo caseworker's team's plans go first.
SOONER = -10
LATER = -20


def plans_opened_first() -> list[int]:
    """Final plans the demo sign-ins open first: the young person's, then the caseworker's first-listed children's."""
    finals = Plan.objects.filter(status=PlanStatus.FINAL, final_pdf__isnull=True)
    own = list(finals.filter(assessment__child__user__username="young.person").values_list("pk", flat=True))
    listed = (
        finals.filter(assessment__child__team__members__username="caseworker")
        .order_by("assessment__child__legal_last_name", "assessment__child__legal_first_name", "pk")
        .values_list("pk", flat=True)[:RENDER_NOW_LIMIT]
    )
    return own + [pk for pk in listed if pk not in own]


def demo_plan_pdfs(*, render_now: Iterable[int] | None = None) -> dict[str, int]:
    """Render the PDFs of the plans opened first and queue a task for every other final plan without one."""
    from pathfinder.plans.tasks import plan_pdf_render

    now = []
    for pk in plans_opened_first() if render_now is None else render_now:
        try:
            plan_pdf_render.call(pk)
        except (ImportError, OSError):  # WeasyPrint's system libraries missing: the worker makes it later
            break
        now.append(pk)
    queued = 0
    rest = Plan.objects.filter(status=PlanStatus.FINAL, final_pdf__isnull=True).exclude(pk__in=now)
    # About 2 s a PDF: the demo caseworker's team's plans (what the caseworker and manager browse) go first.
    first = set(rest.filter(assessment__child__team__members__username="caseworker").values_list("pk", flat=True))
    sooner, later = plan_pdf_render.using(priority=SOONER), plan_pdf_render.using(priority=LATER)
    with transaction.atomic():  # one commit for thousands of queue rows
        for pk in rest.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=2000):
            (sooner if pk in first else later).enqueue(pk)
            queued += 1
    return {"pdfs_rendered": len(now), "pdfs_queued": queued}


def queued_pdf_plan_ids() -> set[int]:
    """Plans with a PDF task waiting in the database queue (empty when tasks run inline, as in most tests)."""
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(task_path=TASK_PATH, status__in=("READY", "RUNNING"))
    return {row["args"][0] for row in rows.values_list("args_kwargs", flat=True) if row.get("args")}
