"""Background jobs for plans. Run by `manage.py db_worker` in production; inline in tests (ImmediateBackend)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django_tasks import task

from pathfinder.plans.models import Plan, PlanStatus


@task()
def plan_pdf_render(plan_id: int) -> str:
    """Make the final plan's PDF and store it. Safe to run twice: the newest file wins."""
    plan = Plan.objects.select_related("assessment", "assessment__child").get(pk=plan_id)
    if plan.status != PlanStatus.FINAL:
        return ""
    from pathfinder.plans.pdf import plan_pdf_bytes

    data = plan_pdf_bytes(plan)
    storage = plan.final_pdf.storage
    name = storage.save(f"plans/{plan.issued_on:%Y}/ehc-plan-{plan.pk}-v{plan.version}.pdf",
                        ContentFile(data))
    # A direct update: the PDF is derived output, so it neither bumps the version nor adds a history row.
    Plan.objects.filter(pk=plan.pk).update(final_pdf=name)
    return name
