"""Reading reviews: the facts for the law, who may act for the school, and the council's list of reviews due.

Lists are counted from ``Plan.review_due_on`` (indexed with the plan's status) and open reviews (indexed by status),
so the figures hold at national scale; only the rows shown are read in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.organisations.selectors import membership_of
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews.models import OPEN_STATUSES, Review, ReviewStatus
from statutory import ReviewFacts

LIST_LIMIT = 50


def review_facts(review: Review, **changes) -> ReviewFacts:
    """The review as plain values for statutory.reviews; ``changes`` are values about to be saved."""
    plan = review.plan
    values = dict(
        first_made_on=plan.first_made_on or plan.issued_on or review.started_on,
        last_reviewed_on=review.previous_reviewed_on,  # the year this review is due in, not the next one
        transferred_in_on=plan.transferred_in_on,
        date_of_birth=plan.child.date_of_birth,
        meeting_on=review.meeting_on,
        meeting_held=review.status in (ReviewStatus.MEETING_HELD, ReviewStatus.REPORT_RECEIVED,
                                       ReviewStatus.DECIDED),
        invited_on=tuple(i.invited_on for i in review.invitees.all()),
        advice_circulated_on=review.advice_circulated_on,
        report_sent_on=review.report_received_on,
        decision=review.decision or None,
        decided_on=review.decided_on,
    )
    values.update(changes)
    return ReviewFacts(**values)


def user_runs_review(user, review: Review) -> bool:
    """Case staff, or a member today of the school running the review."""
    if getattr(user, "role", None) in CASE_STAFF:
        return True
    return review.run_by_id is not None and membership_of(user, review.run_by) is not None


def review_get(plan: Plan, review_id: int) -> Review | None:
    return (Review.objects.select_related("plan__child", "run_by", "amendment")
            .filter(plan=plan, pk=review_id).first())


def plan_for_child(child, plan_id: int) -> Plan | None:
    return Plan.objects.select_related("child").filter(child=child, pk=plan_id).first()


def term_end(today: date) -> date:
    """The last day of the school term ``today`` falls in (autumn to December, spring to April, summer to August)."""
    if today.month >= 9:
        return date(today.year, 12, 31)
    if today.month <= 4:
        return date(today.year, 4, 30)
    return date(today.year, 8, 31)


@dataclass(frozen=True)
class ReviewLists:
    overdue: list[Plan]
    overdue_count: int
    due_this_term: list[Plan]
    due_count: int
    in_progress: list[Review]
    in_progress_count: int
    term_ends: date

    @property
    def children(self) -> list:
        return [p.child for p in self.overdue + self.due_this_term] + [r.plan.child for r in self.in_progress]


def _plans_for(user) -> QuerySet[Plan]:
    plans = Plan.objects.filter(status=PlanStatus.FINAL)
    if user.role == Role.MANAGER:
        return plans
    return plans.filter(child__team_id=user.team_id) if user.team_id else plans.none()


def review_lists(user, today: date) -> ReviewLists:
    """Reviews overdue, due by the end of this term, and in progress, for the user's team (a manager: everyone)."""
    plans = _plans_for(user)
    ends = term_end(today)
    overdue = plans.filter(review_due_on__lt=today).order_by("review_due_on", "pk")
    due = plans.filter(review_due_on__gte=today, review_due_on__lte=ends).order_by("review_due_on", "pk")
    open_reviews = Review.objects.filter(status__in=OPEN_STATUSES, plan__in=plans.values("pk")).order_by(
        "started_on", "pk")
    return ReviewLists(
        overdue=list(overdue.select_related("child")[:LIST_LIMIT]), overdue_count=overdue.count(),
        due_this_term=list(due.select_related("child")[:LIST_LIMIT]), due_count=due.count(),
        in_progress=list(open_reviews.select_related("plan__child")[:LIST_LIMIT]),
        in_progress_count=open_reviews.count(), term_ends=ends,
    )
