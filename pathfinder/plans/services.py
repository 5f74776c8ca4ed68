"""Writing an EHC plan: its sections, needs, outcomes and provision, and consultations with schools.

Every change takes the acting user, runs in one transaction, checks the plan's version (so two caseworkers
editing at once never overwrite each other silently) and writes an audit event. Status moves (sending the draft,
issuing the final plan) are in plans.workflow.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.plans.checks import institution_type_valid, not_future, required
from pathfinder.plans.models import (
    DRAFT_STATUSES,
    Consultation,
    Plan,
    PlanNeed,
    PlanOutcome,
    PlanProvision,
    ProvisionSection,
)
from pathfinder.plans.unchanged import item_unchanged
from pathfinder.plans.workflow import STALE_MESSAGE

TEXT_SECTIONS = {"A": "section_a", "C": "section_c", "D": "section_d", "J": "section_j"}


def _today() -> date:
    return timezone.localdate()


def _locked(plan: Plan, expected_version: int) -> Plan:
    """The plan, locked for this transaction, if nobody saved it since the form was opened."""
    current = Plan.objects.select_for_update(of=("self",)).select_related("child", "assessment").get(pk=plan.pk)
    if current.version != expected_version:
        raise StaleEdit(STALE_MESSAGE)
    return current


def _editable(plan: Plan) -> None:
    if not plan.is_editable:
        raise ServiceError("The final plan has been issued, so it cannot be changed here. Changes need a review "
                           "and an amendment notice.")


def _saved(plan: Plan, acting_user, what: str, obj=None) -> Plan:
    """Bump the version, save, and audit: the end of every change to a plan."""
    plan.version += 1
    plan.updated_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
    plan._change_reason = what[:100]
    plan.save()
    audit_event_record(
        acting_user=acting_user, action=AuditAction.UPDATE, child=plan.child, obj=obj or plan,
        what=f"{'final' if plan.is_final else 'draft'} plan: {what}",
    )
    return plan


def plan_start(*, acting_user, assessment: Assessment) -> Plan:
    """Start the draft plan once the council has decided to issue one."""
    if assessment.status != AssessmentStatus.DECIDED_TO_ISSUE or assessment.final_issued_on:
        raise ServiceError("A draft plan can be started only after the council has decided to issue a plan.")
    with transaction.atomic():
        if Plan.objects.filter(child=assessment.child, status__in=DRAFT_STATUSES).exclude(assessment=assessment).exists():
            raise ServiceError("Another plan is being written for this child. Finish or stop that one first.")
        plan, created = Plan.objects.get_or_create(
            assessment=assessment, defaults={"child": assessment.child, "updated_by": acting_user},
        )
        if created:
            audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=assessment.child, obj=plan,
                               what="started the draft EHC plan")
    return plan


def plan_section_save(*, acting_user, plan: Plan, section: str, text: str, expected_version: int) -> Plan:
    """Save the free text of section A, C, D or J."""
    section = section.upper()
    if section == "I":
        raise ServiceError(
            "A draft plan must not name a school or college, or a type of school (Children and Families Act 2014, "
            "section 38(5)). Section I is filled in when the final plan is issued, after consultation.",
            field="text",
        )
    if section not in TEXT_SECTIONS:
        raise ServiceError(f"Section {section} is not written as free text.")
    with transaction.atomic():
        current = _locked(plan, expected_version)
        _editable(current)
        if item_unchanged(current, {TEXT_SECTIONS[section]: (text or "").strip()}):
            return current
        setattr(current, TEXT_SECTIONS[section], (text or "").strip())
        return _saved(current, acting_user, f"section {section} saved")


# -- Section B: needs -------------------------------------------------------------------------------------------


def plan_need_add(*, acting_user, plan: Plan, area: str, description: str, expected_version: int) -> PlanNeed:
    area = required(area, "area", "Enter the area of need")
    description = required(description, "description", "Describe the need")
    with transaction.atomic():
        current = _locked(plan, expected_version)
        _editable(current)
        order = (current.needs.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        need = PlanNeed.objects.create(plan=current, area=area, description=description, order=order)
        _saved(current, acting_user, f"need added in section B ({area})", need)
    return need


def plan_need_update(*, acting_user, need: PlanNeed, area: str, description: str, expected_version: int) -> PlanNeed:
    area = required(area, "area", "Enter the area of need")
    description = required(description, "description", "Describe the need")
    with transaction.atomic():
        current = _locked(need.plan, expected_version)
        _editable(current)
        if item_unchanged(need, {"area": area, "description": description}):
            return need
        need.area, need.description = area, description
        need.save()
        _saved(current, acting_user, f"need changed in section B ({area})", need)
    return need


def plan_need_remove(*, acting_user, need: PlanNeed, expected_version: int) -> None:
    with transaction.atomic():
        current = _locked(need.plan, expected_version)
        _editable(current)
        area = need.area
        need.delete()
        _saved(current, acting_user, f"need removed from section B ({area})")


def _own(plan: Plan, model, ids: Iterable, field: str, what: str) -> list:
    """Only needs or outcomes of this plan may be linked."""
    ids = [int(i) for i in ids or []]
    found = list(model.objects.filter(plan=plan, pk__in=ids))
    if len(found) != len(set(ids)):
        raise ServiceError(f"Select {what} from this plan", field=field)
    return found


# -- Section E: outcomes ----------------------------------------------------------------------------------------


def plan_outcome_add(
    *, acting_user, plan: Plan, description: str, needs: Iterable, preparing_for_adulthood: bool = False,
    expected_version: int,
) -> PlanOutcome:
    description = required(description, "description", "Describe the outcome sought")
    with transaction.atomic():
        current = _locked(plan, expected_version)
        _editable(current)
        linked = _own(current, PlanNeed, needs, "needs", "needs")
        if not linked:
            raise ServiceError("Select the needs in section B that this outcome is about", field="needs")
        order = (current.outcomes.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        outcome = PlanOutcome.objects.create(plan=current, description=description, order=order,
                                             preparing_for_adulthood=preparing_for_adulthood)
        outcome.needs.set(linked)
        _saved(current, acting_user, "outcome added in section E", outcome)
    return outcome


def plan_outcome_update(
    *, acting_user, outcome: PlanOutcome, description: str, needs: Iterable, preparing_for_adulthood: bool = False,
    expected_version: int,
) -> PlanOutcome:
    description = required(description, "description", "Describe the outcome sought")
    with transaction.atomic():
        current = _locked(outcome.plan, expected_version)
        _editable(current)
        linked = _own(current, PlanNeed, needs, "needs", "needs")
        if not linked:
            raise ServiceError("Select the needs in section B that this outcome is about", field="needs")
        if item_unchanged(outcome, {"description": description, "preparing_for_adulthood": preparing_for_adulthood},
                          {"needs": linked}):
            return outcome
        outcome.description, outcome.preparing_for_adulthood = description, preparing_for_adulthood
        outcome.save()
        outcome.needs.set(linked)
        _saved(current, acting_user, "outcome changed in section E", outcome)
    return outcome


def plan_outcome_remove(*, acting_user, outcome: PlanOutcome, expected_version: int) -> None:
    with transaction.atomic():
        current = _locked(outcome.plan, expected_version)
        _editable(current)
        outcome.delete()
        _saved(current, acting_user, "outcome removed from section E")


# -- Sections F, G, H1, H2: provision ---------------------------------------------------------------------------


def _provision_values(section: str, description: str, amount: str, frequency: str, provided_by: str,
                      health_commissioner_agreed: bool, health_commissioner_agreed_by: str) -> dict:
    if section not in ProvisionSection.values:
        raise ServiceError("Select section F, G, H1 or H2")
    description = required(description, "description", "Describe the provision: what will be done")
    agreed_by = (health_commissioner_agreed_by or "").strip()
    if section == ProvisionSection.G and health_commissioner_agreed and not agreed_by:
        raise ServiceError("Enter who agreed this for the health commissioner", field="health_commissioner_agreed_by")
    return {
        "description": description, "amount": (amount or "").strip(), "frequency": (frequency or "").strip(),
        "provided_by": (provided_by or "").strip(),
        "health_commissioner_agreed": bool(health_commissioner_agreed) if section == ProvisionSection.G else False,
        "health_commissioner_agreed_by": agreed_by if section == ProvisionSection.G else "",
    }


def plan_provision_add(
    *, acting_user, plan: Plan, section: str, description: str, amount: str = "", frequency: str = "",
    provided_by: str = "", needs: Iterable = (), outcomes: Iterable = (), preparing_for_adulthood: bool = False,
    health_commissioner_agreed: bool = False, health_commissioner_agreed_by: str = "", expected_version: int,
    from_advice=None,
) -> PlanProvision:
    """Add provision. It is saved even if vague or unquantified, so work is never lost; sending is what checks.
    ``from_advice``: the advice's provision row it was taken from (plans.from_advice), kept as the link back."""
    values = _provision_values(section, description, amount, frequency, provided_by, health_commissioner_agreed,
                               health_commissioner_agreed_by)
    with transaction.atomic():
        current = _locked(plan, expected_version)
        _editable(current)
        linked_needs = _own(current, PlanNeed, needs, "needs", "needs")
        if section == ProvisionSection.F and not linked_needs:
            raise ServiceError("Select the needs in section B that this provision meets", field="needs")
        linked_outcomes = _own(current, PlanOutcome, outcomes, "outcomes", "outcomes")
        order = (current.provisions.filter(section=section).order_by("-order").values_list("order", flat=True)
                 .first() or 0) + 1
        item = PlanProvision.objects.create(plan=current, section=section, order=order, from_advice=from_advice,
                                            preparing_for_adulthood=preparing_for_adulthood, **values)
        item.needs.set(linked_needs)
        item.outcomes.set(linked_outcomes)
        _saved(current, acting_user, f"provision added in section {section}", item)
    return item


def plan_provision_update(
    *, acting_user, provision: PlanProvision, description: str, amount: str = "", frequency: str = "",
    provided_by: str = "", needs: Iterable = (), outcomes: Iterable = (), preparing_for_adulthood: bool = False,
    health_commissioner_agreed: bool = False, health_commissioner_agreed_by: str = "", expected_version: int,
) -> PlanProvision:
    section = provision.section
    values = _provision_values(section, description, amount, frequency, provided_by, health_commissioner_agreed,
                               health_commissioner_agreed_by)
    with transaction.atomic():
        current = _locked(provision.plan, expected_version)
        _editable(current)
        linked_needs = _own(current, PlanNeed, needs, "needs", "needs")
        if section == ProvisionSection.F and not linked_needs:
            raise ServiceError("Select the needs in section B that this provision meets", field="needs")
        linked_outcomes = _own(current, PlanOutcome, outcomes, "outcomes", "outcomes")
        if item_unchanged(provision, {**values, "preparing_for_adulthood": preparing_for_adulthood},
                          {"needs": linked_needs, "outcomes": linked_outcomes}):
            return provision
        for name, value in values.items():
            setattr(provision, name, value)
        provision.preparing_for_adulthood = preparing_for_adulthood
        provision.save()
        provision.needs.set(linked_needs)
        provision.outcomes.set(linked_outcomes)
        _saved(current, acting_user, f"provision changed in section {section}", provision)
    return provision


def plan_provision_remove(*, acting_user, provision: PlanProvision, expected_version: int) -> None:
    with transaction.atomic():
        current = _locked(provision.plan, expected_version)
        _editable(current)
        section = provision.section
        provision.delete()
        _saved(current, acting_user, f"provision removed from section {section}")


# -- Sending the draft ------------------------------------------------------------------------------------------


# -- Representations, placement requests and consultations -----------------------------------------------------




def consultation_send(
    *, acting_user, plan: Plan, institution_name: str, institution_type: str, sent_on: date
) -> Consultation:
    """The council consults a school or college before naming it; it has 15 days to reply (s.39(2))."""
    name = required(institution_name, "institution_name", "Enter the name of the school or college")
    institution_type_valid(institution_type, "institution_type")
    not_future(sent_on, "sent_on", "The date the consultation was sent")
    if not plan.is_editable:
        raise ServiceError("The final plan has been issued, so there is nothing to consult on.")
    if plan.assessment_id and sent_on < plan.assessment.received_on:
        raise ServiceError("The consultation cannot be sent before the request was received", field="sent_on")
    with transaction.atomic():
        consultation = Consultation.objects.create(
            plan=plan, institution_name=name, institution_type=institution_type, sent_on=sent_on
        )
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=plan.child,
                           obj=consultation, what=f"consulted {name} ({sent_on:%d %b %Y})")
    return consultation


def consultation_response_record(
    *, acting_user, consultation: Consultation, responded_on: date, response: str, can_meet_needs: bool | None
) -> Consultation:
    not_future(responded_on, "responded_on", "The date of the reply")
    if responded_on < consultation.sent_on:
        raise ServiceError("The reply cannot be before the consultation was sent", field="responded_on")
    response = required(response, "response", "Summarise the reply")
    with transaction.atomic():
        consultation.responded_on, consultation.response = responded_on, response
        consultation.can_meet_needs = can_meet_needs
        consultation.save()
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE,
                           child=consultation.plan.child, obj=consultation,
                           what=f"recorded reply from {consultation.institution_name}")
    return consultation
