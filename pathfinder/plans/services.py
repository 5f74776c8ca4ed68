"""Changes to an EHC plan: writing the draft, sending it, placements and consultations, and the final plan.

Every change takes the acting user, runs in one transaction, checks the plan's version (so two caseworkers
editing at once never overwrite each other silently) and writes an audit event. Status moves of the assessment
go through assessments.transitions.assessment_transition, never directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.facts import assessment_timeline_for
from pathfinder.assessments.letters import period_text
from pathfinder.assessments.models import Assessment
from pathfinder.assessments.transitions import assessment_transition
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.plans import quality
from pathfinder.plans.models import (
    Consultation,
    InstitutionType,
    Plan,
    PlanNeed,
    PlanOutcome,
    PlanProvision,
    PlanStatus,
    ProvisionSection,
)
from pathfinder.plans.selectors import plan_snapshot
from pathfinder.plans.unchanged import item_unchanged

STALE_MESSAGE = (
    "Someone else saved this plan while you were editing it, so your changes were not saved. "
    "Your changes are still in the form: check the plan as it is now, then save again."
)
TEXT_SECTIONS = {"A": "section_a", "C": "section_c", "D": "section_d", "J": "section_j"}


def _today() -> date:
    return timezone.localdate()


def _locked(plan: Plan, expected_version: int) -> Plan:
    """The plan, locked for this transaction, if nobody saved it since the form was opened."""
    current = Plan.objects.select_for_update().select_related("assessment", "assessment__child").get(pk=plan.pk)
    if current.version != expected_version:
        raise StaleEdit(STALE_MESSAGE)
    return current


def _editable(plan: Plan) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise ServiceError("The final plan has been issued, so it cannot be changed here. Changes need a review "
                           "and an amendment notice.")


def _saved(plan: Plan, acting_user, what: str, obj=None) -> Plan:
    """Bump the version, save, and audit: the end of every change to a plan."""
    plan.version += 1
    plan.updated_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
    plan._change_reason = what[:100]
    plan.save()
    audit_event_record(
        acting_user=acting_user, action=AuditAction.UPDATE, child=plan.assessment.child, obj=obj or plan,
        what=f"{'final' if plan.status == PlanStatus.FINAL else 'draft'} plan: {what}",
    )
    return plan


def _required(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ServiceError(message, field=field)
    return value


def plan_start(*, acting_user, assessment: Assessment) -> Plan:
    """Start the draft plan once the council has decided to issue one."""
    if assessment.status != AssessmentStatus.DRAFTING:
        raise ServiceError("A draft plan can be started only after the council has decided to issue a plan.")
    with transaction.atomic():
        plan, created = Plan.objects.get_or_create(assessment=assessment, defaults={"updated_by": acting_user})
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
    area = _required(area, "area", "Enter the area of need")
    description = _required(description, "description", "Describe the need")
    with transaction.atomic():
        current = _locked(plan, expected_version)
        _editable(current)
        order = (current.needs.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        need = PlanNeed.objects.create(plan=current, area=area, description=description, order=order)
        _saved(current, acting_user, f"need added in section B ({area})", need)
    return need


def plan_need_update(*, acting_user, need: PlanNeed, area: str, description: str, expected_version: int) -> PlanNeed:
    area = _required(area, "area", "Enter the area of need")
    description = _required(description, "description", "Describe the need")
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
    description = _required(description, "description", "Describe the outcome sought")
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
    description = _required(description, "description", "Describe the outcome sought")
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
    description = _required(description, "description", "Describe the provision: what will be done")
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
) -> PlanProvision:
    """Add provision. It is saved even if vague or unquantified, so work is never lost; sending is what checks."""
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
        item = PlanProvision.objects.create(plan=current, section=section, order=order,
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


class PlanProblems(ServiceError):
    """The plan cannot go yet; `problems` lists everything to put right."""

    def __init__(self, message: str, problems: list[quality.Problem]) -> None:
        super().__init__(message)
        self.problems = problems


def plan_draft_send(*, acting_user, plan: Plan, on: date, expected_version: int) -> Plan:
    """Serve the draft on the family (CFA s.38(2)). Refused while any check fails; starts their 15 days."""
    with transaction.atomic():
        current = _locked(plan, expected_version)
        _editable(current)
        assessment = current.assessment
        if assessment.status != AssessmentStatus.DRAFTING:
            raise ServiceError(f"The draft cannot be sent now: the case is at “{assessment.get_status_display()}”.")
        if current.placement_name.strip() or current.placement_type:
            raise ServiceError(
                "The draft names a school or college, or a type of school, in section I. A draft plan must leave "
                "section I blank (Children and Families Act 2014, section 38(5)): the family first has the "
                "chance to ask for a school."
            )
        problems = quality.draft_problems(plan_snapshot(current, on=on))
        if problems:
            raise PlanProblems(
                f"The draft cannot be sent yet: {len(problems)} thing{'s' if len(problems) != 1 else ''} to put "
                "right first.", problems,
            )
        assessment_transition(assessment=assessment, action="send_draft", acting_user=acting_user, on=on,
                              expected_version=assessment.version)
        current.assessment.refresh_from_db()
        return _saved(current, acting_user, f"draft sent to the family on {on:%d %B %Y}")


# -- Representations, placement requests and consultations -----------------------------------------------------


def _not_future(day: date, field: str, what: str) -> None:
    if day > _today():
        raise ServiceError(f"{what} cannot be in the future", field=field)


def _valid_type(institution_type: str, field: str) -> None:
    if institution_type not in InstitutionType.values:
        raise ServiceError("Select the type of school or college", field=field)


def consultation_send(
    *, acting_user, plan: Plan, institution_name: str, institution_type: str, sent_on: date
) -> Consultation:
    """The council consults a school or college before naming it; it has 15 days to reply (s.39(2))."""
    name = _required(institution_name, "institution_name", "Enter the name of the school or college")
    _valid_type(institution_type, "institution_type")
    _not_future(sent_on, "sent_on", "The date the consultation was sent")
    if plan.status != PlanStatus.DRAFT:
        raise ServiceError("The final plan has been issued, so there is nothing to consult on.")
    if sent_on < plan.assessment.received_on:
        raise ServiceError("The consultation cannot be sent before the request was received", field="sent_on")
    with transaction.atomic():
        consultation = Consultation.objects.create(
            plan=plan, institution_name=name, institution_type=institution_type, sent_on=sent_on
        )
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=plan.assessment.child,
                           obj=consultation, what=f"consulted {name} ({sent_on:%d %b %Y})")
    return consultation


def consultation_response_record(
    *, acting_user, consultation: Consultation, responded_on: date, response: str, can_meet_needs: bool | None
) -> Consultation:
    _not_future(responded_on, "responded_on", "The date of the reply")
    if responded_on < consultation.sent_on:
        raise ServiceError("The reply cannot be before the consultation was sent", field="responded_on")
    response = _required(response, "response", "Summarise the reply")
    with transaction.atomic():
        consultation.responded_on, consultation.response = responded_on, response
        consultation.can_meet_needs = can_meet_needs
        consultation.save()
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE,
                           child=consultation.plan.assessment.child, obj=consultation,
                           what=f"recorded reply from {consultation.institution_name}")
    return consultation


# -- The final plan ---------------------------------------------------------------------------------------------


def plan_final_issue(
    *, acting_user, plan: Plan, on: date, placement_name: str = "", placement_type: str, placement_urn: str = "",
    expected_version: int,
) -> Plan:
    """Issue the final plan (reg 13(2), reg 14): only after the family's 15 days, with section I filled in."""
    with transaction.atomic():
        current = _locked(plan, expected_version)
        assessment = current.assessment
        if current.status == PlanStatus.FINAL or assessment.status == AssessmentStatus.FINAL_ISSUED:
            raise ServiceError("The final plan has already been issued.")
        if assessment.status != AssessmentStatus.DRAFT_SENT or not assessment.draft_served_on:
            raise ServiceError(
                "The final plan can be issued only after the draft plan has been sent to the family and they "
                f"have had {period_text('representations_close')} to comment on it. Send the draft plan first."
            )
        timeline = assessment_timeline_for(assessment, today=_today())
        earliest = timeline.earliest_final_plan_date
        if earliest and on < earliest:
            raise ServiceError(
                f"The family has until {earliest - timedelta(days=1):%-d %B %Y} to comment on the draft "
                f"({period_text('representations_close')} from {assessment.draft_served_on:%-d %B %Y}, SEND Regulations "
                f"2014, regulation 13(1)). The final plan can be issued from {earliest:%-d %B %Y}.",
                field="on",
            )
        if not placement_type:
            raise ServiceError("Select the type of school or other institution for section I", field="placement_type")
        _valid_type(placement_type, "placement_type")
        urn = (placement_urn or "").strip()
        if urn and not (urn.isdigit() and len(urn) in (6, 8)):
            raise ServiceError("The URN must be 6 numbers, or a UKPRN 8 numbers", field="placement_urn")
        current.placement_name = (placement_name or "").strip()
        current.placement_type = placement_type
        current.placement_urn = urn
        problems = quality.draft_problems(plan_snapshot(current, on=on, as_final=True))
        if problems:
            raise PlanProblems(
                f"The final plan cannot be issued yet: {len(problems)} thing{'s' if len(problems) != 1 else ''} to "
                "put right first.", problems,
            )
        assessment_transition(assessment=assessment, action="issue_final", acting_user=acting_user, on=on,
                              expected_version=assessment.version)
        current.status = PlanStatus.FINAL
        _saved(current, acting_user, f"final plan issued on {on:%d %B %Y}")
        _enqueue_pdf(current)
    return current


def plan_pdf_request(*, acting_user, plan: Plan) -> None:
    """Make the PDF again (for example if the first attempt failed)."""
    if plan.status != PlanStatus.FINAL:
        raise ServiceError("Only a final plan has a PDF.")
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=plan.assessment.child, obj=plan,
                       what="asked for the final plan PDF to be made again")
    _enqueue_pdf(plan)


def _enqueue_pdf(plan: Plan) -> None:
    # Enqueued inside the transaction: with the database queue the job row commits with the plan (or not at all).
    from pathfinder.plans.tasks import plan_pdf_render

    plan_pdf_render.enqueue(plan.pk)

