"""The EHC plan workflow: the one place a plan's status changes.

    draft ──send_draft──▶ draft_sent ──issue_final──▶ final ──(a later plan is issued)──▶ replaced
      │                      │                           ├──cease──────────▶ ceased       (CFA s.45, regs 29-31)
      │                      │                           └──transfer_out───▶ transferred  (reg 15)
      ├──────stop────────────┴──▶ stopped      (the request was withdrawn before the final plan)
      └──────not_amend───────┴──▶ not_amended  (an amendment the council decided not to make, reg 22(4))

An amendment is a plan of its own (kind "amendment") that goes the same way: "send_draft" serves the amendment
notice with the proposed changes (reg 22(2)), "issue_final" issues the amended plan and replaces the one it amends. Sending the draft starts the family's 15 days to comment (reg 13(1)); the
final plan can be issued once they have passed (reg 13(2), reg 14). Both acts also stamp the date on the assessment
the plan came from, in the same transaction, because the assessment's 20-week clock runs until the final plan: that
is a fact of the assessment, not a second state change, so each act writes one audit event.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

import statutory
from pathfinder.assessments.facts import assessment_facts, assessment_timeline_for
from pathfinder.assessments.family_messages import family_tell
from pathfinder.assessments.letters import period_text
from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.core.workflow import Move, Workflow
from pathfinder.people.decisions import appealable_decision_made
from pathfinder.plans import clock, messages, quality
from pathfinder.plans.changes import draft_snapshot_take
from pathfinder.plans.checks import institution_type_valid, not_future
from pathfinder.plans.models import Plan, PlanKind, PlanStatus
from pathfinder.plans.models import PlanStatus as S
from pathfinder.plans.selectors import plan_snapshot

STALE_MESSAGE = (
    "Someone else saved this plan while you were editing it, so your changes were not saved. "
    "Your changes are still in the form: check the plan as it is now, then save again."
)


def _record(*, acting_user, record: Plan, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.child, obj=record,
                       what=f"{'final' if record.status == PlanStatus.FINAL else 'draft'} plan: {what}")


WORKFLOW = Workflow(
    "plan",
    (
        Move("send_draft", "Send the draft plan", (S.DRAFT,), S.DRAFT_SENT),
        Move("issue_final", "Issue the final plan", (S.DRAFT_SENT,), S.FINAL),
        Move("replace", "Replace with a later plan", (S.FINAL,), S.REPLACED),
        Move("stop", "Stop the plan: the request was withdrawn", (S.DRAFT, S.DRAFT_SENT), S.STOPPED),
        Move("not_amend", "Decide not to amend the plan", (S.DRAFT, S.DRAFT_SENT), S.NOT_AMENDED),
        Move("cease", "Cease the plan", (S.FINAL,), S.CEASED),
        Move("transfer_out", "Transfer the plan to another council", (S.FINAL,), S.TRANSFERRED),
    ),
    record=_record,
    stale_message=STALE_MESSAGE,
    noun="the plan",
)


class PlanProblems(ServiceError):
    """The plan cannot go yet; `problems` lists everything to put right."""

    def __init__(self, message: str, problems: list[quality.Problem]) -> None:
        super().__init__(message)
        self.problems = problems


def _things(problems: list) -> str:
    return f"{len(problems)} thing{'s' if len(problems) != 1 else ''}"


def _lock_assessment(plan: Plan) -> Assessment | None:
    if plan.assessment_id is None:
        return None
    return Assessment.objects.select_for_update().get(pk=plan.assessment_id)


def _stamp_assessment(assessment: Assessment | None, **dates: date) -> None:
    """Record on the assessment the day its clock reached this step, checked against the law's order of steps."""
    if assessment is None:
        return
    facts = {"draft_served_on": "draft_plan_served", "final_issued_on": "final_plan_issued"}
    problems = statutory.validate_assessment_facts(
        assessment_facts(assessment, **{facts[field]: day for field, day in dates.items()}),
        today=timezone.localdate(),
    )
    if problems:
        raise ServiceError(problems[0], field="on")
    for field, day in dates.items():
        setattr(assessment, field, day)
    assessment.version += 1
    assessment._change_reason = "Plan: " + ", ".join(dates)
    assessment.save()


def plan_draft_send(*, acting_user, plan: Plan, on: date, expected_version: int) -> Plan:
    """Serve the draft on the family (CFA s.38(2)). Refused while any check fails; starts their 15 days."""
    not_future(on, "on", "The date")

    def check(current: Plan) -> None:
        # The s.38(5) blank section I is for a new plan's draft: an amendment keeps the school already named.
        if current.kind != PlanKind.AMENDMENT and (current.placement_name.strip() or current.placement_type):
            raise ServiceError(
                "The draft names a school or college, or a type of school, in section I. A draft plan must leave "
                "section I blank (Children and Families Act 2014, section 38(5)): the family first has the "
                "chance to ask for a school."
            )
        problems = [p for p in quality.draft_problems(plan_snapshot(current, on=on))
                    if current.kind != PlanKind.AMENDMENT or p.code != "placement_in_draft"]
        if problems:
            raise PlanProblems(f"The draft cannot be sent yet: {_things(problems)} to put right first.", problems)

    def apply(current: Plan) -> None:
        _stamp_assessment(_lock_assessment(current), draft_served_on=on)
        current.draft_sent_on = on
        # The draft as the family reads it, kept so that the final plan can show what changed since.
        draft_snapshot_take(current, on)
        current.updated_by = acting_user if getattr(acting_user, "is_authenticated", False) else None

    with transaction.atomic():
        sent = WORKFLOW.transition(plan, "send_draft", acting_user=acting_user, expected_version=expected_version,
                                   check=check, apply=apply, what=f"draft sent to the family on {on:%d %B %Y}")
        # The family hears once the draft is saved as sent, with the last day of their time to comment.
        family_tell(child=sent.child, kind=messages.DRAFT_SENT.key, on=on,
                    values={"last_day": statutory.representations_last_day(on)})
    return sent


def plan_final_issue(
    *, acting_user, plan: Plan, on: date, placement_name: str = "", placement_type: str, placement_urn: str = "",
    expected_version: int,
) -> Plan:
    """Issue the final plan (reg 13(2), reg 14): only after the family's 15 days, with section I filled in."""
    not_future(on, "on", "The date")
    if plan.status == PlanStatus.FINAL:
        raise ServiceError("The final plan has already been issued.")
    if plan.status == PlanStatus.DRAFT and plan.kind == PlanKind.AMENDMENT:
        raise ServiceError(
            "The amended plan can be issued only after the amendment notice has been sent to the family and they "
            f"have had {period_text('amendment_representations_close')} to comment. Send the notice first."
        )
    if plan.status == PlanStatus.DRAFT:
        raise ServiceError(
            "The final plan can be issued only after the draft plan has been sent to the family and they "
            f"have had {period_text('representations_close')} to comment on it. Send the draft plan first."
        )

    def check(current: Plan) -> None:
        if current.kind == PlanKind.AMENDMENT:
            _amendment_may_issue(current, on)
            earliest = None
        elif current.assessment_id is not None:
            timeline = assessment_timeline_for(current.assessment, today=timezone.localdate())
            earliest = timeline.earliest_final_plan_date
        else:
            earliest = statutory.earliest_final_plan_date(current.draft_sent_on) if current.draft_sent_on else None
        if earliest and on < earliest:
            raise ServiceError(
                f"The family has until {earliest - timedelta(days=1):%-d %B %Y} to comment on the draft "
                f"({period_text('representations_close')} from {current.draft_sent_on:%-d %B %Y}, SEND "
                f"Regulations 2014, regulation 13(1)). The final plan can be issued from {earliest:%-d %B %Y}.",
                field="on",
            )
        if not placement_type:
            raise ServiceError("Select the type of school or other institution for section I", field="placement_type")
        institution_type_valid(placement_type, "placement_type")
        urn = (placement_urn or "").strip()
        if urn and not (urn.isdigit() and len(urn) in (6, 8)):
            raise ServiceError("The URN must be 6 numbers, or a UKPRN 8 numbers", field="placement_urn")
        current.placement_name = (placement_name or "").strip()
        current.placement_type = placement_type
        current.placement_urn = urn
        problems = quality.draft_problems(plan_snapshot(current, on=on, as_final=True))
        if problems:
            raise PlanProblems(f"The final plan cannot be issued yet: {_things(problems)} to put right first.",
                               problems)

    def apply(current: Plan) -> None:
        _stamp_assessment(_lock_assessment(current), final_issued_on=on)
        earlier = Plan.objects.filter(child_id=current.child_id, status=PlanStatus.FINAL).exclude(pk=current.pk)
        for old in earlier.select_for_update():
            WORKFLOW.transition(old, "replace", acting_user=acting_user, expected_version=None, record=False)
        if current.kind == PlanKind.AMENDMENT and current.amends_id is not None:
            clock.review_clock_carry(current, from_plan=current.amends)
        elif current.kind == PlanKind.NEW:
            clock.review_clock_start(current, made_on=on)
        current.issued_on = on
        current.updated_by = acting_user if getattr(acting_user, "is_authenticated", False) else None

    with transaction.atomic():
        issued = WORKFLOW.transition(plan, "issue_final", acting_user=acting_user, expected_version=expected_version,
                                     check=check, apply=apply, what=f"final plan issued on {on:%d %B %Y}")
        _enqueue_pdf(issued)
        kind = messages.AMENDED_ISSUED if issued.kind == PlanKind.AMENDMENT else messages.FINAL_ISSUED
        amended = issued.kind == PlanKind.AMENDMENT
        appealable_decision_made(  # s.51(2)(c): the family may appeal sections B, F and I (people.decisions)
            child=issued.child, kind="amended_plan_contents" if amended else "plan_contents", decided_on=on,
            notice_sent=on, sections=("B", "F", "I"), source_type="plans.plan", source_id=issued.pk,
            summary="Issued the amended EHC plan" if amended else "Issued the final EHC plan", acting_user=acting_user)
        family_tell(child=issued.child, kind=kind.key, on=on, values={"date": on})
    return issued


def _amendment_may_issue(current: Plan, on: date) -> None:
    """An amended plan waits for the family's 15 days beginning with the day of the notice (reg 22(2)(c))."""
    earliest = statutory.amendment_earliest_final(current.draft_sent_on)
    if on < earliest:
        raise ServiceError(
            f"The family has until {earliest - timedelta(days=1):%-d %B %Y} to comment on the proposed amendments "
            f"({period_text('amendment_representations_close')} beginning with {current.draft_sent_on:%-d %B %Y}, "
            f"SEND Regulations 2014, regulation 22(2)(c)). The amended plan can be issued from {earliest:%-d %B %Y}.",
            field="on",
        )


def plan_stop_on_withdrawal(assessment: Assessment, acting_user) -> None:
    """The request was withdrawn before the final plan: the plan being written stops with it (recorded once, as
    the withdrawal). Registered in assessments.transitions.WITHDRAWAL_FOLLOW_UPS by this app's ready()."""
    plan = Plan.objects.filter(assessment=assessment, status__in=WORKFLOW["stop"].sources).first()
    if plan is not None:
        WORKFLOW.transition(plan, "stop", acting_user=acting_user, expected_version=None, record=False)


def plan_pdf_request(*, acting_user, plan: Plan) -> None:
    """Make the PDF again (for example if the first attempt failed)."""
    if plan.status != PlanStatus.FINAL:
        raise ServiceError("Only a final plan has a PDF.")
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=plan.child, obj=plan,
                       what="asked for the final plan PDF to be made again")
    _enqueue_pdf(plan)


def _enqueue_pdf(plan: Plan) -> None:
    # Enqueued inside the transaction: with the database queue the job row commits with the plan (or not at all).
    from pathfinder.plans.tasks import plan_pdf_render

    plan_pdf_render.enqueue(plan.pk)
