"""The annual review workflow: the one place a review's status changes.

    planned ──arrange_meeting──▶ meeting_arranged ──hold_meeting──▶ meeting_held ──receive_report──▶ report_received
                                   │   ▲ (rearrange,                                                    │  │ propose_amendment,
                                   │   │  record advice)                                                │  │ propose_cease (stay)
                                   └───┘                                                                │  ▼
    (any open status) ──cancel──▶ cancelled                                                 decide ──▶ decided
                                                                                     (maintain / amend / cease)

Invitations must give at least 2 weeks' notice of the meeting (reg 20(3)); a later meeting can be arranged only
with the reason recorded, and is shown as late. The meeting records progress on every outcome of section E
(reg 20(5)); the report follows (reg 20(7)); the decision is told to the family within 4 weeks of the meeting
(reg 20(10)). "Decided" needs the meeting, the report and the decision (statutory.review_is_complete): the table
allows "decide" only from "report received", and the services refuse without the facts.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

import statutory
from pathfinder.assessments.family_messages import family_tell
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.core.workflow import Move, Workflow
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import involvement_end_for_source, involvement_for_source
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews import messages
from pathfinder.reviews.models import (
    OPEN_STATUSES,
    InviteeRole,
    OutcomeProgress,
    Review,
    ReviewAdvice,
    ReviewInvitee,
    ReviewKind,
)
from pathfinder.reviews.models import ReviewStatus as S
from pathfinder.reviews.selectors import review_facts, user_runs_review
from statutory.reviews import latest_safe_day

SOURCE = "reviews.review"
STALE_MESSAGE = (
    "Someone else changed this review while you were working on it, so your change was not saved. "
    "Check the review as it is now, then try again."
)


def _record(*, acting_user, record: Review, move: Move, what: str) -> None:
    audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE, child=record.plan.child, obj=record,
                       what=f"annual review: {what}")


WORKFLOW = Workflow(
    "review",
    (
        Move("arrange_meeting", "Arrange the review meeting", (S.PLANNED, S.MEETING_ARRANGED), S.MEETING_ARRANGED),
        Move("record_advice", "Record advice for the review", (S.MEETING_ARRANGED,), S.MEETING_ARRANGED),
        Move("hold_meeting", "Record the review meeting", (S.MEETING_ARRANGED,), S.MEETING_HELD),
        Move("receive_report", "Record the review report", (S.MEETING_HELD,), S.REPORT_RECEIVED),
        Move("propose_amendment", "Propose amendments to the plan", (S.REPORT_RECEIVED,), S.REPORT_RECEIVED),
        Move("propose_cease", "Propose to cease the plan", (S.REPORT_RECEIVED,), S.REPORT_RECEIVED),
        Move("decide", "Record the council's decision", (S.REPORT_RECEIVED,), S.DECIDED),
        Move("cancel", "Cancel the review", OPEN_STATUSES, S.CANCELLED),
    ),
    record=_record,
    stale_message=STALE_MESSAGE,
    noun="the review",
)


def _fmt(day: date) -> str:
    return f"{day:%-d %B %Y}"


def _not_future(day: date, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise ServiceError(f"{what} cannot be in the future", field=field)


def _problems_refuse(review: Review, field: str | None = None, **changes) -> None:
    """Refuse dates that cannot be right, in the law's plain words (statutory.review_problems)."""
    problems = statutory.review_problems(review_facts(review, **changes), today=timezone.localdate())
    if problems:
        raise ServiceError(problems[0], field=field)


def _may_act_for_school(acting_user, review: Review) -> None:
    """Case staff, or a member of the school that runs the review (the meeting and its report)."""
    if not user_runs_review(acting_user, review):
        raise ServiceError("Only the council or the school running the review can record this.")


# -- starting and arranging ------------------------------------------------------------------------------------


def review_start(*, acting_user, plan: Plan, started_on: date, kind: str = ReviewKind.ANNUAL,
                 run_by=None) -> Review:
    """Start a review of the final plan. The school running it sees the child from today until the decision."""
    _not_future(started_on, "started_on", "The start date")
    if kind not in ReviewKind.values:
        raise ServiceError("Select the kind of review", field="kind")
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.status != PlanStatus.FINAL:
            raise ServiceError("Only a final plan can be reviewed.")
        if Review.objects.filter(plan=plan, status__in=OPEN_STATUSES).exists():
            raise ServiceError("This plan already has a review in progress.")
        review = Review.objects.create(plan=plan, kind=kind, started_on=started_on, run_by=run_by,
                                       previous_reviewed_on=plan.last_reviewed_on, updated_by=acting_user)
        if run_by is not None:
            involvement_for_source(
                child=plan.child, capacity=InvolvementCapacity.SCHOOL, source_type=SOURCE, source_id=review.pk,
                starts_on=started_on, ends_on=None, organisation=run_by,
                reason=f"Runs the review of the EHC plan started on {_fmt(started_on)}",
            )
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=plan.child, obj=review,
                           what=f"annual review started on {_fmt(started_on)}")
    return review


def review_meeting_arrange(*, acting_user, review: Review, meeting_on: date, meeting_place: str,
                           invitees: list[dict], late_notice_reason: str = "", expected_version: int) -> Review:
    """Set the meeting and record who was invited and when (reg 20(2), (3)).

    Each invitee is a dict with ``role``, ``name``, ``invited_on`` and optionally ``organisation``/``user``. Less
    than 2 weeks' notice to anyone is refused unless ``late_notice_reason`` says why: it is then shown as late.
    """
    if not any(i.get("role") == InviteeRole.FAMILY for i in invitees):
        raise ServiceError("Invite the parent or young person (reg 20(2)(a))", field="family_name")
    if any(not i.get("name") or i.get("invited_on") is None for i in invitees):
        raise ServiceError("Give each person invited a name and the day they were invited", field="invited_on")
    for invitee in invitees:
        _not_future(invitee["invited_on"], "invited_on", "The day the invitations were sent")
    rule = statutory.rule_in_force("review_invitation_notice", meeting_on)
    latest = latest_safe_day(rule, meeting_on)
    late = [i for i in invitees if i["invited_on"] > latest]
    if late and not late_notice_reason.strip():
        raise ServiceError(
            f"The meeting gives less than {rule.duration_text}' notice ({rule.citation}): invitations had to go by "
            f"{_fmt(latest)}. Choose a later date, or say why it cannot wait", field="late_notice_reason")
    invited = tuple(i["invited_on"] for i in invitees)

    def check(current: Review) -> None:
        _problems_refuse(current, "meeting_on", meeting_on=meeting_on, invited_on=invited)

    def apply(current: Review) -> None:
        current.meeting_on, current.meeting_place = meeting_on, meeting_place
        current.late_notice_reason = late_notice_reason.strip() if late else ""
        current.updated_by = acting_user
        current.invitees.all().delete()
        ReviewInvitee.objects.bulk_create([
            ReviewInvitee(review=current, role=i["role"], name=i["name"], invited_on=i["invited_on"],
                          organisation=i.get("organisation"), user=i.get("user")) for i in invitees])

    with transaction.atomic():
        arranged = WORKFLOW.transition(
            review, "arrange_meeting", acting_user=acting_user, expected_version=expected_version, check=check,
            apply=apply, what=f"meeting arranged for {_fmt(meeting_on)}" + (" (less notice than required)"
                                                                             if late else ""))
        family_tell(child=arranged.plan.child, kind=messages.MEETING_ARRANGED.key, on=timezone.localdate(),
                    values={"date": meeting_on})
    return arranged


def review_advice_record(*, acting_user, review: Review, from_whom: str, received_on: date,
                         circulated_on: date | None, expected_version: int) -> Review:
    """Record advice for the review and the day it went to everyone invited (reg 20(4))."""
    if not from_whom.strip():
        raise ServiceError("Enter who the advice is from", field="from_whom")
    _not_future(received_on, "received_on", "The day the advice was received")
    if circulated_on is not None:
        _not_future(circulated_on, "circulated_on", "The day the advice was sent out")
        if circulated_on < received_on:
            raise ServiceError("The advice cannot be sent out before it was received", field="circulated_on")

    def check(current: Review) -> None:
        _problems_refuse(current, "circulated_on", advice_circulated_on=circulated_on)

    def apply(current: Review) -> None:
        ReviewAdvice.objects.create(review=current, from_whom=from_whom.strip(), received_on=received_on,
                                    circulated_on=circulated_on)
        days = list(current.advice.values_list("circulated_on", flat=True))
        current.advice_circulated_on = None if None in days else max(days)
        current.updated_by = acting_user

    return WORKFLOW.transition(review, "record_advice", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply, what=f"advice from {from_whom.strip()[:80]} recorded")


# -- the meeting and its report --------------------------------------------------------------------------------


def review_meeting_record(*, acting_user, review: Review, held_on: date, attended: list[int],
                          progress: dict[int, tuple[str, bool]], expected_version: int) -> Review:
    """The meeting was held: who came and the progress towards every outcome of section E (reg 20(5))."""
    _may_act_for_school(acting_user, review)
    _not_future(held_on, "held_on", "The day of the meeting")
    outcomes = list(review.plan.outcomes.all())
    missing = [o for o in outcomes if not (progress.get(o.pk) or ("", False))[0].strip()]
    if missing:
        raise ServiceError(f"Say what progress has been made towards outcome E{missing[0].order}",
                           field=f"progress_{missing[0].pk}")

    def check(current: Review) -> None:
        invited = tuple(current.invitees.values_list("invited_on", flat=True))
        _problems_refuse(current, "held_on", meeting_on=held_on, meeting_held=True, invited_on=invited)

    def apply(current: Review) -> None:
        current.meeting_on = held_on
        current.updated_by = acting_user
        for invitee in current.invitees.all():
            invitee.attended = invitee.pk in attended
            invitee.save(update_fields=["attended"])
        current.progress.all().delete()
        OutcomeProgress.objects.bulk_create([
            OutcomeProgress(review=current, outcome=o, progress=progress[o.pk][0].strip(),
                            on_track=progress[o.pk][1]) for o in outcomes])

    return WORKFLOW.transition(review, "hold_meeting", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply, what=f"meeting held on {_fmt(held_on)}")


def review_report_record(*, acting_user, review: Review, received_on: date, recommendations: str,
                         disagreements: str = "", expected_version: int) -> Review:
    """The report of the meeting, with recommended changes and any disagreement (reg 20(7), (8))."""
    _may_act_for_school(acting_user, review)
    _not_future(received_on, "received_on", "The day the report was sent")
    if not recommendations.strip():
        raise ServiceError("Enter what the meeting recommends", field="recommendations")

    def check(current: Review) -> None:
        _problems_refuse(current, "received_on", report_sent_on=received_on)

    def apply(current: Review) -> None:
        current.report_received_on = received_on
        current.recommendations, current.disagreements = recommendations.strip(), disagreements.strip()
        current.updated_by = acting_user

    return WORKFLOW.transition(review, "receive_report", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply, what=f"report received on {_fmt(received_on)}")


def review_cancel(*, acting_user, review: Review, reason: str, expected_version: int) -> Review:
    """Cancel a review started by mistake (the plan's clock is not touched: it was not reviewed)."""
    if not reason.strip():
        raise ServiceError("Say why the review is cancelled", field="reason")

    def apply(current: Review) -> None:
        current.cancelled_reason = reason.strip()
        current.updated_by = acting_user
        involvement_end_for_source(capacity=InvolvementCapacity.SCHOOL, source_type=SOURCE, source_id=current.pk,
                                   on=timezone.localdate())

    return WORKFLOW.transition(review, "cancel", acting_user=acting_user, expected_version=expected_version,
                               apply=apply)
