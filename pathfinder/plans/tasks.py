"""Background jobs for plans. Run by `manage.py db_worker` in production; inline in tests (ImmediateBackend)."""

from __future__ import annotations

from django_tasks import task

from pathfinder.plans.models import Plan, PlanStatus


@task()
def plan_pdf_render(plan_id: int) -> str:
    """Make the final plan's PDF and keep it as the plan's document. Safe to run twice: the newest file wins (an
    earlier one stays as a Document row nobody is offered)."""
    plan = Plan.objects.select_related("child", "assessment").get(pk=plan_id)
    if plan.status != PlanStatus.FINAL:
        return ""
    from pathfinder.documents.models import DocumentPurpose
    from pathfinder.documents.services import document_store_generated
    from pathfinder.plans.pdf import plan_pdf_bytes

    data = plan_pdf_bytes(plan)
    name = f"EHC plan - {plan.child.full_name} - {plan.issued_on:%Y-%m-%d}.pdf"
    document = document_store_generated(data, name, plan.child, DocumentPurpose.PLAN_PDF)
    # A direct update: the PDF is derived output, so it neither bumps the version nor adds a history row.
    Plan.objects.filter(pk=plan.pk).update(final_pdf=document)
    return str(document.public_id)
