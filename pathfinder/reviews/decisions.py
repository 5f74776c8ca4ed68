"""The council's decision after a review (reg 20(10)): keep the plan, amend it or cease it.

* Keep ("maintain"): recorded here, with a notice to the family giving their appeal and mediation rights
  (statutory.appeal_dates) and the plan's review clock stamped in the same transaction.
* Amend: "Propose amendments" starts a draft amendment (plans.amendments, built alongside); the decision is recorded
  when the amendment notice is served with the proposed changes (R (L, M, P) v Devon CC [2022] EWHC 493 (Admin)):
  ``review_amend_decided``, registered in plans.amendment_follow_ups.AMENDMENT_NOTICE_FOLLOW_UPS.
* Cease: "Propose to cease" starts a cessation (ceasing.workflow); the decision is recorded when the cease notice
  goes: ``review_cease_decided``, registered in ceasing.follow_ups.CEASE_DECISION_FOLLOW_UPS.

Every route goes through the workflow's "decide" move, only from "report received", so no review is decided without
its meeting and report (statutory.review_is_complete is checked too).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

import statutory
from pathfinder.assessments.family_messages import family_tell
from pathfinder.ceasing.workflow import cessation_propose
from pathfinder.core.errors import ServiceError
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.decisions import appealable_decision_made
from pathfinder.people.involvements import involvement_end_for_source
from pathfinder.plans import clock
from pathfinder.plans.models import Plan
from pathfinder.reviews import messages
from pathfinder.reviews.models import Review, ReviewDecision, ReviewStatus
from pathfinder.reviews.selectors import review_facts
from pathfinder.reviews.workflow import SOURCE, WORKFLOW, _fmt, _not_future


def _decide(review: Review, *, decision: str, decided_on: date, reasons: str, acting_user, expected_version,
            record: bool = True) -> Review:
    """The "decide" move: check the review is complete with this decision, stamp the plan's clock, end the
    school's involvement. The caller is inside its transaction."""

    def check(current: Review) -> None:
        facts = review_facts(current, decision=decision, decided_on=decided_on)
        problems = statutory.review_problems(facts, today=timezone.localdate())
        if problems:
            raise ServiceError(problems[0], field="decided_on")
        if not statutory.review_is_complete(facts):
            raise ServiceError("A review can be decided only after its meeting and report are recorded.")

    def apply(current: Review) -> None:
        current.decision, current.decided_on, current.decision_reasons = decision, decided_on, reasons.strip()
        current.updated_by = acting_user
        plan = Plan.objects.select_for_update().get(pk=current.plan_id)
        clock.review_clock_reviewed(plan, decided_on=decided_on)
        plan.save(update_fields=["last_reviewed_on", "review_due_on"])
        involvement_end_for_source(capacity=InvolvementCapacity.SCHOOL, source_type=SOURCE, source_id=current.pk,
                                   on=decided_on)

    return WORKFLOW.transition(review, "decide", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply, record=record,
                               what=f"decided to {ReviewDecision(decision).label.lower()}, told on {_fmt(decided_on)}")


def review_decide_maintain(*, acting_user, review: Review, decided_on: date, reasons: str = "",
                           expected_version: int) -> Review:
    """Keep the plan as it is; the family is told, with their right to mediation and appeal."""
    _not_future(decided_on, "decided_on", "The day the family was told")
    with transaction.atomic():
        decided = _decide(review, decision=ReviewDecision.MAINTAIN, decided_on=decided_on, reasons=reasons,
                          acting_user=acting_user, expected_version=expected_version)
        appealable_decision_made(child=decided.plan.child, kind="not_to_amend", decided_on=decided_on,
                                 notice_sent=decided_on, source_type="reviews.review", source_id=decided.pk,
                                 summary="Decided after the annual review to keep the EHC plan as it is",
                                 acting_user=acting_user)
        rights = statutory.appeal_dates(decided_on)
        family_tell(child=decided.plan.child, kind=messages.DECIDED.key, on=decided_on,
                    values={"date": decided_on, "last_day": rights.appeal_by})
    return decided


def review_amendment_propose(*, acting_user, review: Review, reason: str, expected_version: int) -> Review:
    """Start a draft amendment of the plan from the review; the decision "amend" waits for its notice."""
    if not reason.strip():
        raise ServiceError("Say what the review recommends changing", field="reason")
    try:
        from pathfinder.plans.amendments import amendment_start  # built alongside: imported when used
    except ImportError:
        raise ServiceError("Amendments cannot be started here yet: ask the plans team.") from None

    def check(current: Review) -> None:
        if current.amendment_id is not None or current.cessation_id is not None:
            raise ServiceError("This review has already proposed a change to the plan.")

    def apply(current: Review) -> None:
        current.amendment = amendment_start(acting_user=acting_user, plan=current.plan, reason=reason.strip(),
                                            review_meeting_on=current.meeting_on)
        current.updated_by = acting_user

    return WORKFLOW.transition(review, "propose_amendment", acting_user=acting_user,
                               expected_version=expected_version, check=check, apply=apply)


def review_cessation_propose(*, acting_user, review: Review, reason: str, proposed_on: date,
                             in_education_or_training: bool = True, reviewed_does_not_wish_to_return: bool = False,
                             expected_version: int) -> Review:
    """Propose to cease the plan for a reason the law allows (reg 31: the family and the school are consulted
    first); the decision "cease" is recorded when the cease notice is sent (``review_cease_decided``)."""
    _not_future(proposed_on, "proposed_on", "The day of the proposal")

    def check(current: Review) -> None:
        if current.amendment_id is not None or current.cessation_id is not None:
            raise ServiceError("This review has already proposed a change to the plan.")

    def apply(current: Review) -> None:
        cessation = cessation_propose(
            acting_user=acting_user, plan=current.plan, reason=reason, proposed_on=proposed_on,
            in_education_or_training=in_education_or_training,
            reviewed_does_not_wish_to_return=reviewed_does_not_wish_to_return)
        current.cessation = cessation
        current.updated_by = acting_user

    return WORKFLOW.transition(review, "propose_cease", acting_user=acting_user, expected_version=expected_version,
                               check=check, apply=apply)


def review_amend_decided(*, amendment: Plan, on: date, acting_user: Any) -> None:
    """The amendment notice was served on ``on``: the review that proposed it is decided "amend" that day.

    Part of the notice's act (which records itself), so no audit event of its own. A notice not from a review
    (a Tribunal order, a change of circumstances) has no review and changes nothing here.
    """
    review = Review.objects.filter(amendment=amendment, status=ReviewStatus.REPORT_RECEIVED).first()
    if review is not None:
        _decide(review, decision=ReviewDecision.AMEND, decided_on=on, reasons="", acting_user=acting_user,
                expected_version=None, record=False)


def review_cease_decided(*, cessation: Any, decided_on: date, acting_user: Any) -> None:
    """The decision to cease was sent on ``decided_on``: the review that proposed it is decided "cease"."""
    review = Review.objects.filter(cessation=cessation, status=ReviewStatus.REPORT_RECEIVED).first()
    if review is not None:
        _decide(review, decision=ReviewDecision.CEASE, decided_on=decided_on, reasons="", acting_user=acting_user,
                expected_version=None, record=False)
