"""Provision an adviser recommended, added to the draft plan without retyping, with the link back to the advice.

Why a module: it reads the assessments' structured advice (plans sits above assessments) and adds plan
provision through the one service that adds provision (services.plan_provision_add), so every rule of adding
provision (an editable plan, the stale-edit guard, section F meeting a need) holds here too.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from pathfinder.assessments.models import AdviceProvision
from pathfinder.core.errors import ServiceError
from pathfinder.plans.models import Plan, PlanProvision
from pathfinder.plans.services import plan_provision_add


def advice_provision_for_plan(plan: Plan) -> QuerySet[AdviceProvision]:
    """Provision recommended in advice the council has received for the assessment that led to this plan."""
    if plan.assessment_id is None:
        return AdviceProvision.objects.none()
    return (AdviceProvision.objects.filter(advice__assessment_id=plan.assessment_id, advice__received_on__isnull=False)
            .select_related("advice").order_by("advice__kind", "advice_id", "order"))


def advice_provision_rows(plan: Plan) -> list[dict]:
    """Each recommended item with where it already is in this plan (if it has been added)."""
    added = {p.from_advice_id: p for p in plan.provisions.filter(from_advice__isnull=False)}
    return [{"item": item, "added": added.get(item.pk)} for item in advice_provision_for_plan(plan)]


def plan_provision_from_advice(*, acting_user, plan: Plan, advice_provision_id: int, section: str,
                               needs: Iterable = (), expected_version: int) -> PlanProvision:
    """Add the adviser's recommended provision to section F, G, H1 or H2, with its words as they wrote them."""
    item = advice_provision_for_plan(plan).filter(pk=advice_provision_id).first()
    if item is None:
        raise ServiceError("That provision is not in the advice received for this plan")
    existing = plan.provisions.filter(from_advice=item).first()
    if existing is not None:
        raise ServiceError(f"This provision is already in section {existing.section} of the plan")
    if section not in ("F", "G", "H1", "H2"):
        raise ServiceError("Select the section it goes in", field="section")
    return plan_provision_add(
        acting_user=acting_user, plan=plan, section=section, description=item.description, amount=item.amount,
        frequency=item.frequency, provided_by=item.provided_by, needs=needs, expected_version=expected_version,
        from_advice=item,
    )
