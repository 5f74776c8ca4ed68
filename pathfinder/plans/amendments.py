"""Amending a final EHC plan (SEND Regulations 2014 reg 22): propose, serve the notice, then issue or not amend.

An amendment is a plan of its own (``kind`` amendment, ``amends`` the final plan it would change), so it is
written with the same pages as any draft and moves through the same workflow table (plans.workflow):

    amendment_start ──▶ draft ──amendment_notice_send──▶ draft_sent ──amendment_issue──▶ final (the plan it amends
                          │                                  │                                  is replaced)
                          └─────────amendment_not_make───────┴──▶ not_amended (reg 22(4), with reasons)

The dates are the law's (statutory.amendments): the notice within 4 weeks of the review meeting it came from (reg
20(10), reg 22(2), R (L, M, P) v Devon CC [2022] EWHC 493 (Admin)), the family's 15 days to comment beginning with
the day of service (reg 22(2)(c)) and the amended plan, or the decision not to amend, within 8 weeks of the notice
(reg 22(3)). This contract is used by the reviews app: keep its names and keyword arguments.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

import statutory
from pathfinder.assessments.family_messages import family_tell
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.people.decisions import appealable_decision_made
from pathfinder.plans import messages, quality
from pathfinder.plans.amendment_follow_ups import AMENDMENT_NOTICE_FOLLOW_UPS
from pathfinder.plans.changes import draft_snapshot_take, plan_content
from pathfinder.plans.checks import not_future
from pathfinder.plans.models import DRAFT_STATUSES, Plan, PlanKind, PlanStatus
from pathfinder.plans.selectors import plan_snapshot
from pathfinder.plans.tracked import has_changes
from pathfinder.plans.workflow import WORKFLOW, PlanProblems, _things, plan_final_issue

# The copied plan's own content: the free-text sections and section I (placement).
COPIED_FIELDS = ("section_a", "section_c", "section_d", "section_j", "placement_name", "placement_type",
                 "placement_urn")


def _is_amendment(plan: Plan) -> None:
    if plan.kind != PlanKind.AMENDMENT or plan.amends_id is None:
        raise ServiceError("This is not an amendment to a plan.")


def _copy_items(source: Plan, amendment: Plan) -> None:
    """Every need, outcome and provision of ``source`` onto ``amendment``, with the links between them."""
    needs = {}
    for need in source.needs.all():
        old_pk = need.pk
        need.pk = None
        need.plan = amendment
        need.save()
        needs[old_pk] = need
    outcomes = {}
    for outcome in source.outcomes.prefetch_related("needs"):
        old_pk, linked = outcome.pk, [needs[n.pk] for n in outcome.needs.all()]
        outcome.pk = None
        outcome.plan = amendment
        outcome.save()
        outcome.needs.set(linked)
        outcomes[old_pk] = outcome
    for provision in source.provisions.prefetch_related("needs", "outcomes"):
        linked_needs = [needs[n.pk] for n in provision.needs.all()]
        linked_outcomes = [outcomes[o.pk] for o in provision.outcomes.all()]
        provision.pk = None
        provision.plan = amendment
        provision.save()
        provision.needs.set(linked_needs)
        provision.outcomes.set(linked_outcomes)


def amendment_start(*, acting_user, plan: Plan, reason: str, review_meeting_on: date | None = None) -> Plan:
    """Propose amendments to the child's final plan: a new draft amendment, a full copy of the plan to change.

    Refused if the plan is not the final plan, or another plan or amendment is being written for the child.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Enter why the plan is being amended", field="reason")
    if review_meeting_on is not None:
        not_future(review_meeting_on, "review_meeting_on", "The date of the review meeting")
    with transaction.atomic():
        source = Plan.objects.select_for_update(of=("self",)).select_related("child").get(pk=plan.pk)
        if source.status != PlanStatus.FINAL:
            raise ServiceError("Only the final plan can be amended.")
        if review_meeting_on is not None and source.issued_on and review_meeting_on < source.issued_on:
            raise ServiceError("The review meeting cannot be before the plan was issued.", field="review_meeting_on")
        if Plan.objects.filter(child_id=source.child_id, status__in=DRAFT_STATUSES).exists():
            raise ServiceError("A plan or an amendment is already being written for this child. Finish or stop "
                               "that one first.")
        try:
            with transaction.atomic():
                amendment = Plan.objects.create(
                    child=source.child, kind=PlanKind.AMENDMENT, amends=source, status=PlanStatus.DRAFT,
                    amendment_reason=reason, review_meeting_on=review_meeting_on,
                    updated_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
                    **{name: getattr(source, name) for name in COPIED_FIELDS},
                )
        except IntegrityError as error:  # someone started one at the same moment (one_plan_being_written_per_child)
            raise ServiceError("A plan or an amendment is already being written for this child.") from error
        _copy_items(source, amendment)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=source.child, obj=amendment,
                           what=f"proposed amendments to the EHC plan: {reason}"[:200])
    return amendment


def amendment_problems_to_send(amendment: Plan, on: date) -> list[quality.Problem]:
    """The plan's content checks for the amendment notice. Section I may name the school already named in the
    plan: the s.38(5) blank-section-I rule is for a new plan's draft only."""
    return [p for p in quality.draft_problems(plan_snapshot(amendment, on=on)) if p.code != "placement_in_draft"]


def amendment_notice_send(*, acting_user, amendment: Plan, on: date, expected_version: int) -> Plan:
    """Serve the amendment notice with the proposed amendments (reg 22(2)): starts the family's 15 days."""
    _is_amendment(amendment)
    not_future(on, "on", "The date")

    def check(current: Plan) -> None:
        if current.review_meeting_on and on < current.review_meeting_on:
            raise ServiceError("The notice cannot be served before the review meeting it came from.", field="on")
        if not has_changes(plan_content(current.amends), plan_content(current)):
            raise ServiceError("The proposed amendments do not change anything in the plan yet. Change at least "
                               "one section before sending the notice.")
        problems = amendment_problems_to_send(current, on)
        if problems:
            raise PlanProblems(f"The amendment notice cannot be sent yet: {_things(problems)} to put right first.",
                               problems)

    def apply(current: Plan) -> None:
        current.draft_sent_on = on
        draft_snapshot_take(current, on)  # the proposed amendments as the family was sent them
        current.updated_by = acting_user if getattr(acting_user, "is_authenticated", False) else None

    with transaction.atomic():
        sent = WORKFLOW.transition(amendment, "send_draft", acting_user=acting_user,
                                   expected_version=expected_version, check=check, apply=apply,
                                   what=f"amendment notice sent to the family on {on:%d %B %Y}")
        family_tell(child=sent.child, kind=messages.AMENDMENT_NOTICE.key, on=on,
                    values={"last_day": statutory.amendment_comments_last_day(on)})
        for follow_up in AMENDMENT_NOTICE_FOLLOW_UPS:
            follow_up(amendment=sent, on=on, acting_user=acting_user)
    return sent


def amendment_issue(
    *, acting_user, amendment: Plan, on: date, placement_type: str, placement_name: str = "",
    placement_urn: str = "", expected_version: int,
) -> Plan:
    """Issue the amended plan (reg 22(3)): after the family's 15 days; the plan it amends is replaced and its review
    clock carried. Late (more than 8 weeks after the notice) is allowed and shown as late on the timeline."""
    _is_amendment(amendment)
    return plan_final_issue(acting_user=acting_user, plan=amendment, on=on, placement_type=placement_type,
                            placement_name=placement_name, placement_urn=placement_urn,
                            expected_version=expected_version)


def amendment_not_make(*, acting_user, amendment: Plan, on: date, reasons: str, expected_version: int) -> Plan:
    """The council decides not to amend the plan after all (reg 22(4)): the family is told why and how to appeal.

    Before the notice was served nothing has reached the family, so the proposal is simply dropped (with reasons).
    """
    _is_amendment(amendment)
    reasons = (reasons or "").strip()
    if not reasons:
        raise ServiceError("Enter why the plan will not be amended", field="reasons")
    not_future(on, "on", "The date")

    def check(current: Plan) -> None:
        if current.draft_sent_on and on < current.draft_sent_on:
            raise ServiceError("The decision cannot be before the amendment notice was served.", field="on")

    def apply(current: Plan) -> None:
        current.not_amended_on = on
        current.not_amended_reasons = reasons
        current.updated_by = acting_user if getattr(acting_user, "is_authenticated", False) else None

    with transaction.atomic():
        was_sent = Plan.objects.filter(pk=amendment.pk, status=PlanStatus.DRAFT_SENT).exists()
        decided = WORKFLOW.transition(amendment, "not_amend", acting_user=acting_user,
                                      expected_version=expected_version, check=check, apply=apply,
                                      what=f"decided not to amend the plan, on {on:%d %B %Y}")
        if was_sent:  # the family had the proposal, so this is a decision they may appeal (s.51(2)(d))
            appealable_decision_made(child=decided.child, kind="not_to_amend", decided_on=on, notice_sent=on,
                                     source_type="plans.plan", source_id=decided.pk, acting_user=acting_user,
                                     summary="Decided not to amend the EHC plan after proposing amendments")
            family_tell(child=decided.child, kind=messages.NOT_AMENDED.key, on=on,
                        values={"date": on, "last_day": statutory.appeal_dates(on).appeal_by})
    return decided


def amendment_facts(amendment: Plan) -> statutory.AmendmentFacts:
    """The amendment's dates as the statutory module reads them."""
    finished = amendment.issued_on if amendment.status == PlanStatus.FINAL or amendment.issued_on else (
        amendment.not_amended_on)
    amended = True if amendment.issued_on else (False if amendment.not_amended_on else None)
    return statutory.AmendmentFacts(review_meeting=amendment.review_meeting_on, notice_served=amendment.draft_sent_on,
                                    finished=finished, amended=amended)


def amendment_timeline_for(amendment: Plan, *, today: date) -> statutory.Deadlines:
    """The amendment's deadlines (statutory.amendment_timeline) as they stood on ``today``."""
    return statutory.amendment_timeline(amendment_facts(amendment), today=today)
