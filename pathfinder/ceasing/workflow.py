"""Ceasing a plan: the one place a cessation's status changes (CFA s.45, SEND Regulations 2014 regs 29 to 31).

    proposed ──consult──▶ consulting ──decide──▶ decided ──cease──────────▶ ceased     (the plan moves to "ceased")
       │  ▲                  │  │                 │ │ ├─appeal_lodge─▶ decided           (the plan stays in force)
       │  │                  │  │                 │ │ ├─mediation_certificate─▶ decided  (a later last day to appeal)
       │  └────consult───────┘  │                 │ └──appeal_upheld──▶ withdrawn        (the plan continues)
       └────────────withdraw────┴─────────────────┴────withdraw───────▶ withdrawn        (the council keeps the plan)

Reg 31: the council informs and consults the family and the head or principal (``consult``, which may be recorded
again as more views come in), then decides and sends the notice with the right to appeal and mediation
(``decide``). The plan and its provision continue while the family may appeal, and while an appeal waits for the
Tribunal: the plan itself moves only when the cessation takes effect (``cease``), through
``plans.workflow.WORKFLOW`` in the same transaction, as part of that one act. A Tribunal that upholds the appeal
keeps the plan (``appeal_upheld``); one that dismisses it lets the council cease at once (reg 44(2)(a)).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

import statutory
from pathfinder.assessments.family_messages import family_tell
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.ceasing import messages
from pathfinder.ceasing.follow_ups import CEASE_DECISION_FOLLOW_UPS
from pathfinder.ceasing.models import Cessation
from pathfinder.ceasing.models import CessationStatus as S
from pathfinder.ceasing.professionals import professional_recipients, professionals_tell_decided
from pathfinder.core.errors import ServiceError
from pathfinder.core.workflow import Move, Workflow
from pathfinder.people.decisions import appealable_decision_made
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.plans.workflow import WORKFLOW as PLAN_WORKFLOW

STALE_MESSAGE = (
    "Someone else changed this proposal to cease the plan while you were working on it, so your change was not "
    "saved. Check it as it is now, then try again."
)


def _record(*, acting_user, record: Cessation, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.plan.child, obj=record,
                       what=f"ceasing the plan: {what}")


WORKFLOW = Workflow(
    "cessation",
    (
        Move("consult", "Record the consultation", (S.PROPOSED, S.CONSULTING), S.CONSULTING),
        Move("decide", "Decide to cease the plan", (S.CONSULTING,), S.DECIDED),
        Move("appeal_lodge", "Record an appeal", (S.DECIDED,), S.DECIDED),
        Move("mediation_certificate", "Record a mediation certificate", (S.DECIDED,), S.DECIDED),
        Move("appeal_upheld", "Keep the plan: the Tribunal upheld the appeal", (S.DECIDED,), S.WITHDRAWN),
        Move("cease", "Cease the plan", (S.DECIDED,), S.CEASED),
        Move("withdraw", "Keep the plan", (S.PROPOSED, S.CONSULTING, S.DECIDED), S.WITHDRAWN),
    ),
    record=_record,
    stale_message=STALE_MESSAGE,
    noun="the proposal to cease the plan",
)


def cease_facts(cessation: Cessation, **changes) -> statutory.CeaseFacts:
    """The cessation's facts as plain values for statutory.cease_problems, with ``changes`` applied."""
    values = {
        "date_of_birth": cessation.plan.child.date_of_birth,
        "reason": cessation.reason,
        "proposed_on": cessation.proposed_on,
        "in_education_or_training": cessation.in_education_or_training,
        "reviewed_does_not_wish_to_return": cessation.reviewed_does_not_wish_to_return,
        "attends_institution": bool(cessation.plan.placement_name),
        "family_consulted_on": cessation.family_consulted_on,
        "head_consulted_on": cessation.head_consulted_on,
        "decided_on": cessation.decided_on,
        "appeal_lodged_on": cessation.appeal_lodged_on,
        "appeal_decided_on": cessation.appeal_decided_on,
    }
    values.update(changes)
    return statutory.CeaseFacts(**values)


def _refuse_problems(facts: statutory.CeaseFacts, today: date) -> None:
    problems = statutory.cease_problems(facts, today=today)
    if problems:
        raise ServiceError(problems[0].message, field=problems[0].field)


def _today() -> date:
    from django.utils import timezone

    return timezone.localdate()


def cessation_propose(
    *,
    acting_user,
    plan: Plan,
    reason: str,
    proposed_on: date,
    in_education_or_training: bool = True,
    reviewed_does_not_wish_to_return: bool = False,
) -> Cessation:
    """Propose to cease a final plan for one of the reasons the law allows for this person, and tell the family
    the council is thinking of it (reg 31(1): inform, then consult)."""
    reason = str(reason)
    with transaction.atomic():
        plan = Plan.objects.select_for_update().select_related("child").get(pk=plan.pk)
        if plan.status != PlanStatus.FINAL:
            raise ServiceError("Only a final plan can be ceased.", field="reason")
        if plan.cessations.filter(status__in=[S.PROPOSED, S.CONSULTING, S.DECIDED]).exists():
            raise ServiceError("Ceasing this plan is already under way.", field="reason")
        cessation = Cessation(plan=plan, reason=reason, proposed_on=proposed_on, created_by=acting_user,
                              in_education_or_training=in_education_or_training,
                              reviewed_does_not_wish_to_return=reviewed_does_not_wish_to_return)
        _refuse_problems(cease_facts(cessation), _today())
        cessation.legal_ground = statutory.cease_reason(reason).ground_text
        cessation._change_reason = "Propose to cease the plan"
        cessation.save()
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=plan.child, obj=cessation,
                           what=f"ceasing the plan: proposed ({cessation.cease_reason.label})")
        family_tell(child=plan.child, kind=messages.PROPOSED.key, values={"date": proposed_on}, on=proposed_on)
    return cessation


def cessation_consultation_record(
    *,
    acting_user,
    cessation: Cessation,
    expected_version: int,
    family_consulted_on: date | None,
    head_consulted_on: date | None = None,
    views_received: str = "",
) -> Cessation:
    """Record when the family and the head or principal were consulted and what they said (reg 31(1))."""
    if family_consulted_on is None and head_consulted_on is None:
        raise ServiceError("Give the date the family or the school or college was consulted.",
                           field="family_consulted_on")

    def check(current: Cessation) -> None:
        _refuse_problems(cease_facts(current, family_consulted_on=family_consulted_on,
                                     head_consulted_on=head_consulted_on), _today())

    def apply(current: Cessation) -> None:
        current.family_consulted_on = family_consulted_on
        current.head_consulted_on = head_consulted_on
        current.views_received = views_received.strip()

    return WORKFLOW.transition(cessation, "consult", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply)


def cessation_decide(*, acting_user, cessation: Cessation, expected_version: int, decided_on: date) -> Cessation:
    """Decide to cease and send the notice (reg 31(2)): the reasons, the right to appeal and by when, mediation.

    The family is told through their chosen way (a printed letter for those told by post). Every function in
    ``CEASE_DECISION_FOLLOW_UPS`` runs in the same transaction (a review records its decision); if one refuses,
    nothing is saved and nothing is sent. The plan stays in force until the appeal period ends.
    """

    def check(current: Cessation) -> None:
        _refuse_problems(cease_facts(current, decided_on=decided_on), _today())

    def apply(current: Cessation) -> None:
        current.decided_on = decided_on
        current.notice_includes_rights = True

    professionals = [o.name for o in professional_recipients(cessation.plan, decided_on)]
    what = "decided to cease; notice sent to the family" + (f" and to {', '.join(professionals)}"
                                                            if professionals else "")
    with transaction.atomic():
        decided = WORKFLOW.transition(cessation, "decide", acting_user=acting_user,
                                      expected_version=expected_version, check=check, apply=apply, what=what)
        for follow_up in CEASE_DECISION_FOLLOW_UPS:
            follow_up(cessation=decided, decided_on=decided_on, acting_user=acting_user)
        appealable_decision_made(child=decided.plan.child, kind="to_cease", decided_on=decided_on,
                                 notice_sent=decided_on, source_type="ceasing.cessation", source_id=decided.pk,
                                 summary="Decided to cease to maintain the EHC plan", acting_user=acting_user)
        appeal = statutory.appeal_dates(decided_on)
        family_tell(child=decided.plan.child, kind=messages.DECIDED.key,
                    values={"date": decided_on, "last_day": appeal.appeal_by}, on=decided_on)
        professionals_tell_decided(decided.plan, decided_on=decided_on, last_day=appeal.appeal_by,
                                   acting_user=acting_user)
    return decided


def _cease_plan(cessation: Cessation, *, ceases_on: date, acting_user) -> None:
    """Move the plan to "ceased" as part of the cessation's own act (one audit event: the cessation's)."""

    def apply(plan: Plan) -> None:
        plan.ended_on = ceases_on
        plan.review_due_on = None

    PLAN_WORKFLOW.transition(cessation.plan, "cease", acting_user=acting_user, expected_version=None,
                             apply=apply, record=False)
    family_tell(child=cessation.plan.child, kind=messages.CEASED.key, values={"date": ceases_on}, on=ceases_on)


def cessation_appeal_record(
    *,
    acting_user,
    cessation: Cessation,
    expected_version: int,
    lodged_on: date,
    decided_on: date | None = None,
    upheld: bool | None = None,
) -> Cessation:
    """Record an appeal to the Tribunal, and later its decision. While it waits the plan stays in force; upheld,
    the plan continues; dismissed, the plan ceases on the day of the Tribunal's decision (reg 44(2)(a))."""
    if decided_on is not None and upheld is None:
        raise ServiceError("Say whether the Tribunal upheld the appeal.", field="upheld")
    if decided_on is None and upheld is not None:
        raise ServiceError("Give the date of the Tribunal's decision.", field="appeal_decided_on")
    action = "appeal_lodge" if decided_on is None else ("appeal_upheld" if upheld else "cease")

    def check(current: Cessation) -> None:
        if current.appeal_lodged_on is not None and decided_on is None:
            raise ServiceError("An appeal is already recorded: record the Tribunal's decision.",
                               field="appeal_decided_on")
        _refuse_problems(cease_facts(current, appeal_lodged_on=lodged_on, appeal_decided_on=decided_on), _today())

    def apply(current: Cessation) -> None:
        current.appeal_lodged_on = lodged_on
        current.appeal_decided_on = decided_on
        current.appeal_upheld = upheld
        if action == "cease":
            current.ceases_on = decided_on
            _cease_plan(current, ceases_on=decided_on, acting_user=acting_user)

    what = {"appeal_lodge": "appeal recorded", "appeal_upheld": "the Tribunal upheld the appeal: the plan continues",
            "cease": "the Tribunal dismissed the appeal: the plan ceased"}[action]
    return WORKFLOW.transition(cessation, action, acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply, what=what)


def cessation_mediation_certificate_record(*, acting_user, cessation: Cessation, expected_version: int,
                                           certificate_on: date) -> Cessation:
    """Record the mediation certificate (regs 33-34): if it came late, the family may appeal until 1 month after
    it (HESC Rules r.20(1)(c)), and the plan stays in force until then."""

    def check(current: Cessation) -> None:
        if current.appeal_lodged_on is not None:
            raise ServiceError("An appeal is already recorded.", field="certificate_on")
        if certificate_on > _today():
            raise ServiceError("The date of the certificate is in the future.", field="certificate_on")
        if certificate_on < current.decided_on:
            raise ServiceError("The certificate is dated before the decision was sent.", field="certificate_on")

    def apply(current: Cessation) -> None:
        current.mediation_certificate_on = certificate_on

    return WORKFLOW.transition(cessation, "mediation_certificate", acting_user=acting_user,
                               expected_version=expected_version, check=check, apply=apply)


def cessation_withdraw(*, acting_user, cessation: Cessation, expected_version: int, withdrawn_on: date,
                       reason: str) -> Cessation:
    """The council decides to keep the plan after all (after hearing the family's views, say)."""
    if not reason.strip():
        raise ServiceError("Say why the plan is being kept.", field="reason")

    def check(current: Cessation) -> None:
        if withdrawn_on > _today():
            raise ServiceError("The date is in the future.", field="withdrawn_on")
        if withdrawn_on < current.proposed_on:
            raise ServiceError("The date is before ceasing was proposed.", field="withdrawn_on")

    def apply(current: Cessation) -> None:
        current.withdrawn_on = withdrawn_on
        current.withdrawn_reason = reason.strip()

    return WORKFLOW.transition(cessation, "withdraw", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply)


def cessations_take_effect(today: date, *, acting_user=None) -> list[Cessation]:
    """Cease every plan whose decision's appeal period has ended with no appeal (run daily). A plan with an
    appeal lodged stays in force until the Tribunal decides."""
    ceased = []
    due = Cessation.objects.filter(status=S.DECIDED, appeal_lodged_on__isnull=True).select_related("plan__child")
    for cessation in due:
        ceases_on = statutory.cease_takes_effect_on(cessation.decided_on,
                                                    certificate_issued_on=cessation.mediation_certificate_on)
        if ceases_on is None or ceases_on > today:
            continue

        def apply(current: Cessation, ceases_on: date = ceases_on,
                  certificate: date | None = cessation.mediation_certificate_on) -> None:
            if current.appeal_lodged_on is not None or current.mediation_certificate_on != certificate:
                raise ServiceError("An appeal or a mediation certificate was recorded meanwhile.")
            current.ceases_on = ceases_on
            _cease_plan(current, ceases_on=ceases_on, acting_user=acting_user)

        try:
            ceased.append(WORKFLOW.transition(cessation, "cease", acting_user=acting_user, expected_version=None,
                                              apply=apply, what="the appeal period ended: the plan ceased"))
        except ServiceError:
            continue
    return ceased
