"""Demo review histories for the county's final plans, written in bulk.

Most plans are reviewed each year on time (meeting a few weeks before the plan's date, invitations with proper
notice, the report within days and the decision within the law's weeks); some decisions come late; some plans are
not reviewed this year (overdue); some reviews are in progress now, at each stage. Each plan's ``last_reviewed_on``
and ``review_due_on`` are set through plans.clock, exactly as the services set them. Only the last
``HISTORY_KEPT`` decided reviews of each plan are written as rows (the bench builds 640,000 plans). Dates come from
the rule book (statutory.reviews), so they agree with the law.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, timedelta

import statutory
from pathfinder.plans import clock
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews.models import InviteeRole, Review, ReviewDecision, ReviewInvitee, ReviewStatus
from statutory.review_clock import review_due

HISTORY_KEPT = 2
AMEND_SHARE = 0.62
AMEND_WORDS = "Update section B and the outcomes in section E; more speech and language therapy in section F."
MODES = (("on_time", 72), ("late", 12), ("overdue", 7), ("in_progress", 9))
OPEN_STAGES = (ReviewStatus.PLANNED, ReviewStatus.MEETING_ARRANGED, ReviewStatus.MEETING_HELD,
               ReviewStatus.REPORT_RECEIVED)
INVITEES = ((InviteeRole.FAMILY, "Parent or carer"), (InviteeRole.HEAD, "Head teacher"),
            (InviteeRole.SEN_OFFICER, "SEN officer"), (InviteeRole.HEALTH, "Community paediatrician"))


def _pick(rng: random.Random) -> str:
    roll, total = rng.randint(1, 100), 0
    for mode, weight in MODES:
        total += weight
        if roll <= total:
            return mode
    return "on_time"


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, high))


class ReviewPeriods:
    """The review's periods in days, from the rule book in force on ``today`` (the demo's one clock)."""

    def __init__(self, today: date) -> None:
        def days(code: str) -> int:
            return (statutory.rule_in_force(code, today).due_from(today) - today).days

        self.notice, self.report, self.decision = (days("review_invitation_notice"), days("review_report"),
                                                   days("review_decision"))


def _decided_review(rng: random.Random, periods: ReviewPeriods, *, due: date, previous: date | None,
                    late: bool) -> dict:
    """One past review as plain values (a model row is made only for the reviews kept): the meeting some weeks
    before the plan's date, then its report and the decision."""
    lead, decision_by = periods.notice, periods.decision
    meeting = due - _days(rng, decision_by + 1, decision_by + 40)
    decided = meeting + (_days(rng, decision_by + 1, decision_by * 2) if late else _days(rng, 5, decision_by))
    return {"started_on": meeting - _days(rng, lead + 7, lead * 3), "previous_reviewed_on": previous,
            "meeting_on": meeting, "advice_circulated_on": meeting - _days(rng, lead, lead + 7),
            "report_received_on": meeting + _days(rng, 2, periods.report), "decided_on": decided}


def _decided_row(plan: Plan, values: dict) -> Review:
    return Review(plan=plan, meeting_place="School", status=ReviewStatus.DECIDED, **values)


def _with_outcomes(rng: random.Random, history: list[dict]) -> None:
    """Earlier reviews decided "amend" about as often as in England (DfE 2024: 219,538 amend to 135,264 maintain);
    the latest decided review keeps the plan as it is, since the plan in force is the one it reviewed."""
    for index, values in enumerate(history):
        amend = index < len(history) - 1 and rng.random() < AMEND_SHARE
        values["decision"] = ReviewDecision.AMEND if amend else ReviewDecision.MAINTAIN
        values["recommendations"] = AMEND_WORDS if amend else "Keep the plan as it is."


def _open_review_values(rng: random.Random, periods: ReviewPeriods, *, today: date, previous: date | None) -> dict:
    """A review in progress today, at a stage picked at random, with dates that agree with it (plain values)."""
    stage = rng.choice(OPEN_STAGES)
    notice, report_by = periods.notice, periods.report
    review = {"status": stage, "previous_reviewed_on": previous, "started_on": today - _days(rng, 0, 20)}
    if stage == ReviewStatus.MEETING_ARRANGED:
        review["meeting_on"] = today + _days(rng, notice + 1, notice * 3)
    elif stage == ReviewStatus.MEETING_HELD:
        review["meeting_on"] = today - _days(rng, 1, report_by - 1)
    elif stage == ReviewStatus.REPORT_RECEIVED:
        review["meeting_on"] = today - _days(rng, report_by, report_by * 2)
        review["report_received_on"] = review["meeting_on"] + _days(rng, 2, report_by - 1)
        review["recommendations"] = "Keep the plan, and update section F now that therapy has moved to school."
    if review.get("meeting_on") is not None:
        review["meeting_place"] = "School"
        review["started_on"] = min(review["started_on"], review["meeting_on"] - _days(rng, notice + 7, notice * 3))
    return review


class PlanReviews:
    """One final plan's drawn review history: the decided reviews (oldest first), the review in progress (if any)
    and the plan's resulting clock dates."""

    __slots__ = ("history", "late", "last_reviewed_on", "review_due_on", "open_review")

    def __init__(self) -> None:
        self.history: list[dict] = []
        self.late = 0
        self.last_reviewed_on: date | None = None
        self.review_due_on: date | None = None
        self.open_review: dict | None = None


def plan_reviews(rng: random.Random, periods: ReviewPeriods, *, first_made_on: date, today: date) -> PlanReviews:
    """Draw a plan's reviews since it was first made: plain values, so the demo county (ORM rows) and the bench's
    lean rows (demo.bulk) tell the same story."""
    drawn = PlanReviews()
    mode = _pick(rng)
    last: date | None = None
    while True:
        try:
            due = review_due(first_made_on=first_made_on, last_reviewed_on=last).due
        except LookupError:  # a plan older than the 2014 law: no review clock to run
            break
        late = mode == "late" and rng.random() < 0.5
        past = _decided_review(rng, periods, due=due, previous=last, late=late)
        if past["decided_on"] > today or (mode == "overdue" and due < today + timedelta(days=60)):
            break
        drawn.history.append(past)
        drawn.late += late
        last = past["decided_on"]
    _with_outcomes(rng, drawn.history)
    drawn.last_reviewed_on = last
    try:
        drawn.review_due_on = review_due(first_made_on=first_made_on, last_reviewed_on=last).due
    except LookupError:
        drawn.review_due_on = None
    recent = first_made_on.year >= today.year  # a plan made this year is not reviewed yet
    overdue = drawn.review_due_on is not None and drawn.review_due_on < today
    if not recent and drawn.review_due_on is not None and (mode == "in_progress" or (overdue and mode != "overdue")):
        drawn.open_review = _open_review_values(rng, periods, today=today, previous=last)
    return drawn


def build_reviews(rng: random.Random, plans: Iterable[Plan], *, today: date) -> dict[str, int]:
    """Review histories for the final plans among ``plans`` (already saved); returns counts for the demo log."""
    finals = [p for p in plans if p.status == PlanStatus.FINAL and p.first_made_on is not None]
    periods = ReviewPeriods(today)
    reviews: list[Review] = []
    open_reviews: list[Review] = []
    counts = {"reviews_decided": 0, "reviews_late": 0, "reviews_in_progress": 0, "plans_overdue": 0}
    for plan in finals:
        drawn = plan_reviews(rng, periods, first_made_on=plan.first_made_on, today=today)
        plan.last_reviewed_on = drawn.last_reviewed_on
        clock.review_clock_refresh(plan)
        counts["plans_overdue"] += bool(plan.review_due_on and plan.review_due_on < today)
        if drawn.open_review is not None:
            open_reviews.append(Review(plan=plan, **drawn.open_review))
            counts["reviews_in_progress"] += 1
        counts["reviews_decided"] += len(drawn.history)
        counts["reviews_late"] += drawn.late
        reviews.extend(_decided_row(plan, values) for values in drawn.history[-HISTORY_KEPT:])
    Plan.objects.bulk_update(finals, ["last_reviewed_on", "review_due_on"], batch_size=2000)
    Review.objects.bulk_create(reviews + open_reviews, batch_size=2000)
    invitees = [
        ReviewInvitee(review=review, role=role, name=name,
                      invited_on=min(review.meeting_on - _days(rng, periods.notice, periods.notice * 2), today),
                      attended=True if review.status != ReviewStatus.MEETING_ARRANGED else None)
        for review in open_reviews if review.meeting_on is not None for role, name in INVITEES
    ]
    ReviewInvitee.objects.bulk_create(invitees, batch_size=2000)
    counts["review_invitees"] = len(invitees)
    return counts
