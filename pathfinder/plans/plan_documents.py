"""Who may open a plan's PDF through the documents component: whoever may read that final plan.

Registered with documents.access from PlansConfig.ready(). The same rule as the plan's own pages: the roles that
read plans (case staff, the family, advisers for their own children), once the plan is final. An older PDF of the
same plan (made again since) is no longer the plan's, so nobody is offered it.
"""

from __future__ import annotations

from pathfinder.accounts.roles import CASE_PARTICIPANTS
from pathfinder.documents.models import Document, DocumentPurpose
from pathfinder.plans.models import Plan
from pathfinder.plans.selectors import plan_visible_to


def plan_pdf_allowed(user, document: Document) -> bool:
    if user.role not in CASE_PARTICIPANTS:
        return False
    plan = Plan.objects.filter(final_pdf=document).first()
    return plan is not None and plan.is_final and plan_visible_to(user, plan)


def plan_document_access_register() -> None:
    from pathfinder.documents.access import register_document_access

    register_document_access(DocumentPurpose.PLAN_PDF, plan_pdf_allowed)
