"""Mediation, step by step (SEND Regulations 2014, regs 32 to 42; spec 6.2): the one place its status changes.

    adviser_contacted ──adviser_certificate──▶ certificate ──agreement_done──▶ agreement_done
        │                                          ▲    (council_told: certificate ─▶ certificate)
        └──council_informed──▶ council_informed ───┼──arrange──▶ arranged ──held──▶ held ──mediator_certificate──┘
              (notify_health: council_informed ─▶ council_informed)      (agreement: held ─▶ held)
        council_informed, arranged ──cannot_arrange──▶ cannot_arrange ──deemed_certificate──▶ certificate

Every step is one date (and, for some, a few facts). Before it is saved the whole mediation, with the new step, is
checked by ``statutory.mediation_problems``: a step refused changes nothing. The mediation service may record the
steps that are its own (certificates, arranging and holding mediation, the agreement); the council records all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

import statutory
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.core.workflow import Move, Workflow
from pathfinder.disagreements.agreements import appealable_agreement_reached
from pathfinder.disagreements.cease_certificate import CERTIFICATE_STEPS, cessation_certificate_sync
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.disagreements.models_mediation import MediationCase
from pathfinder.disagreements.models_mediation import MediationStatus as S
from pathfinder.organisations.models import Organisation, OrganisationKind


def _record(*, acting_user, record: MediationCase, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.decision.child, obj=record,
                       what=f"mediation: {what}")


WORKFLOW = Workflow("mediation", (
    Move("adviser_certificate", "Record the adviser's certificate (no mediation)", (S.ADVISER_CONTACTED,),
         S.CERTIFICATE),
    Move("council_informed", "Record that the family wants mediation", (S.ADVISER_CONTACTED,), S.COUNCIL_INFORMED),
    Move("notify_health", "Record that the health commissioners were told", (S.COUNCIL_INFORMED,),
         S.COUNCIL_INFORMED),
    Move("arrange", "Record that mediation is arranged", (S.COUNCIL_INFORMED,), S.ARRANGED),
    Move("cannot_arrange", "Record that mediation cannot be arranged in time", (S.COUNCIL_INFORMED, S.ARRANGED),
         S.CANNOT_ARRANGE),
    Move("deemed_certificate", "Record the certificate (mediation could not be arranged)", (S.CANNOT_ARRANGE,),
         S.CERTIFICATE),
    Move("held", "Record that mediation took place", (S.ARRANGED,), S.HELD),
    Move("agreement", "Record the mediation agreement", (S.HELD,), S.HELD),
    Move("mediator_certificate", "Record the mediator's certificate", (S.HELD,), S.CERTIFICATE),
    Move("council_told", "Record that the health commissioner told the council", (S.CERTIFICATE,), S.CERTIFICATE),
    Move("agreement_done", "Record that what was agreed has been done", (S.CERTIFICATE,), S.AGREEMENT_DONE),
), record=_record, noun="the mediation")


@dataclass(frozen=True)
class Step:
    """What a step sets: its date field, and the other facts it needs from the form."""

    date_field: str
    extra: tuple[str, ...] = ()
    by_mediation_service: bool = False


STEPS: dict[str, Step] = {
    "adviser_certificate": Step("adviser_certificate", by_mediation_service=True),
    "council_informed": Step("council_informed", ("issues", "health_in_issue", "health_sought")),
    "notify_health": Step("health_notified"),
    "arrange": Step("arranged_for", by_mediation_service=True),
    "cannot_arrange": Step("council_cannot_arrange"),
    "deemed_certificate": Step("deemed_certificate", by_mediation_service=True),
    "held": Step("mediation_held", by_mediation_service=True),
    "agreement": Step("agreement_on", ("agreement_appealable", "council_party", "agreement_summary"),
                      by_mediation_service=True),
    "mediator_certificate": Step("mediator_certificate", by_mediation_service=True),
    "council_told": Step("council_told_of_agreement"),
    "agreement_done": Step("agreement_done"),
}
MEDIATION_SERVICE_STEPS = frozenset(action for action, step in STEPS.items() if step.by_mediation_service)
# Steps whose date may be ahead: mediation is arranged for a day to come.
_MAY_BE_AHEAD = frozenset({"arrange"})


def mediation_facts(case: MediationCase) -> statutory.MediationFacts:
    """The mediation as the law reads it (plain dates)."""
    return statutory.MediationFacts(
        notice_sent=case.decision.notice_sent or case.decision.decided_on,
        adviser_contacted=case.adviser_contacted, wants_mediation=case.wants_mediation,
        adviser_certificate=case.adviser_certificate, council_informed=case.council_informed,
        health_in_issue=case.health_in_issue, health_notified=case.health_notified,
        council_cannot_arrange=case.council_cannot_arrange, deemed_certificate=case.deemed_certificate,
        mediation_held=case.mediation_held, mediator_certificate=case.mediator_certificate,
        agreement_on=case.agreement_on, agreement_appealable=case.agreement_appealable,
        council_party=case.council_party, agreement_done=case.agreement_done,
        council_told_of_agreement=case.council_told_of_agreement,
    )


def _refuse_problems(case: MediationCase, field_map: dict[str, str] | None = None) -> None:
    problems = statutory.mediation_problems(mediation_facts(case))
    if problems:
        first = problems[0]
        raise ServiceError(first.message, field=(field_map or {}).get(first.field, first.field))


def _not_future(on: date, field: str) -> None:
    if on > timezone.localdate():
        raise ServiceError("The date cannot be in the future", field=field)


def mediation_services() -> list[Organisation]:
    """The organisations a mediation may be referred to."""
    return list(Organisation.objects.filter(kind=OrganisationKind.MEDIATION).order_by("name"))


def mediation_start(*, acting_user, decision: AppealableDecision, adviser_contacted: date,
                    mediation_service: Organisation | None = None) -> MediationCase:
    """Record that the family contacted the mediation adviser about a decision (reg 33): the mediation begins."""
    _not_future(adviser_contacted, "adviser_contacted")
    if mediation_service is not None and mediation_service.kind != OrganisationKind.MEDIATION:
        raise ServiceError("Choose a mediation service", field="mediation_service")
    with transaction.atomic():
        locked = AppealableDecision.objects.select_for_update().get(pk=decision.pk)
        if MediationCase.objects.filter(decision=locked).exists():
            raise ServiceError("Mediation on this decision has already been recorded.")
        if locked.notice_sent is None:
            raise ServiceError("The notice of this decision has not been sent, so mediation cannot start yet.")
        user = acting_user if getattr(acting_user, "is_authenticated", False) else None
        case = MediationCase(decision=locked, adviser_contacted=adviser_contacted,
                             mediation_service=mediation_service, created_by=user)
        _refuse_problems(case)
        case.save()
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=locked.child, obj=case,
                           what=f"mediation: family contacted the adviser on {adviser_contacted:%d %B %Y}")
    return case


def mediation_step_record(*, acting_user, case: MediationCase, action: str, on: date, expected_version: int,
                          by_mediation_service: bool = False, mediation_service: Organisation | None = None,
                          **facts: object) -> MediationCase:
    """Record one step of the mediation on the day ``on``, or raise ServiceError and change nothing."""
    step = STEPS.get(action)
    if step is None or action not in WORKFLOW:
        raise ServiceError(f"Unknown step: {action}")
    if by_mediation_service and action not in MEDIATION_SERVICE_STEPS:
        raise ServiceError("This step is the council's to record.")
    if action not in _MAY_BE_AHEAD:
        _not_future(on, "on")
    unknown = set(facts) - set(step.extra)
    if unknown:
        raise ServiceError(f"Not part of this step: {', '.join(sorted(unknown))}")
    if action == "agreement" and facts.get("agreement_appealable") is None:
        raise ServiceError("Say whether the agreement is about matters that could be appealed to the Tribunal",
                           field="agreement_appealable")

    def check(current: MediationCase) -> None:
        setattr(current, step.date_field, on)
        for name, value in facts.items():
            setattr(current, name, value.strip() if isinstance(value, str) else value)
        if action == "adviser_certificate":
            current.wants_mediation = False
        if action == "council_informed":
            current.wants_mediation = True
        if action == "agreement_done" and current.agreement_on is None:
            raise ServiceError("Record the mediation agreement first.", field="on")
        if mediation_service is not None:
            if mediation_service.kind != OrganisationKind.MEDIATION:
                raise ServiceError("Choose a mediation service", field="mediation_service")
            current.mediation_service = mediation_service
        _refuse_problems(current, {step.date_field: "on"})

    with transaction.atomic():
        case = WORKFLOW.transition(case, action, acting_user=acting_user, expected_version=expected_version,
                                   check=check, what=f"{WORKFLOW[action].label.lower()} ({on:%d %B %Y})")
        if action == "agreement" and case.agreement_appealable:
            appealable_agreement_reached(acting_user=acting_user, case=case)  # reg 42(2): the order clocks
        if action in CERTIFICATE_STEPS:  # a cease decision's plan stays in force until the later last day
            cessation_certificate_sync(acting_user=acting_user, case=case, facts=mediation_facts(case))
    return case


def allowed_steps(case: MediationCase, *, by_mediation_service: bool = False) -> list[Move]:
    """The steps open now (for the mediation service, only its own)."""
    return [m for m in WORKFLOW.allowed(case) if not by_mediation_service or m.action in MEDIATION_SERVICE_STEPS]


def mediation_timeline(case: MediationCase, today: date) -> statutory.Deadlines:
    return statutory.mediation_timeline(mediation_facts(case), today=today)


def mediation_appeal_by(case: MediationCase) -> date:
    """The family's last day to appeal, moved by the certificate (later of the two, HESC r.20(1)(c), r.12)."""
    return statutory.mediation_appeal_by(mediation_facts(case))
