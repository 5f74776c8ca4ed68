"""The timeline of one demo request, simulated against the national timeliness (pathfinder/demo/distributions.py).

The county draws each case's timeline here, then each domain writes its rows from it: the assessment with its
decisions (pathfinder.assessments.demo), the plan and its consultations (pathfinder.plans.demo). The dates follow
the law through statutory (due dates come from assessments.services.statutory_due_dates).
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

import statutory
from pathfinder.assessments.services import statutory_due_dates
from pathfinder.demo import distributions as dist


@functools.lru_cache(maxsize=8192)
def due_dates(received_on: date) -> dict[str, date]:
    """statutory_due_dates, remembered per day: at national scale thousands of requests share each day."""
    return statutory_due_dates(received_on)


@dataclass
class Timeline:
    received_on: date
    status: str = "requested"
    decision_to_assess_on: date | None = None
    decided_to_assess: bool | None = None
    decision_to_issue_on: date | None = None
    decided_to_issue: bool | None = None
    draft_served_on: date | None = None
    final_issued_on: date | None = None
    withdrawn_on: date | None = None
    due: dict[str, date] = field(default_factory=dict)


# Counted over the last 12 months, a county looks more timely than the rates it was drawn with: the late decisions
# and plans of recent requests have not happened yet. These draw rates were tuned so that the demo county shows
# the national figures (about 85% of decisions within 6 weeks, about 46% of plans within 20 weeks).
DRAW_DECISION_ON_TIME = dist.DECISION_WITHIN_6_WEEKS - 0.035
DRAW_FINAL_ON_TIME = dist.FINAL_WITHIN_20_WEEKS - 0.08


def simulate(rng: random.Random, received: date, today: date, *, allow_withdraw: bool = True) -> Timeline:
    """Draw what happened to a request received on `received`, as it stands on `today`."""
    due = due_dates(received)
    t = Timeline(received_on=received, due=due)
    decision_days = (due["decision_due_on"] - received).days
    if rng.random() < DRAW_DECISION_ON_TIME:
        d_assess = received + timedelta(days=rng.randint(min(21, decision_days), decision_days))
    else:
        d_assess = due["decision_due_on"] + timedelta(days=rng.randint(1, 35))
    refused = rng.random() < dist.REFUSAL_SHARE_OF_DECISIONS
    d_issue = draft = final = None
    issuing = None
    if not refused:
        issuing = rng.random() < dist.ASSESSMENT_TO_PLAN
        if not issuing:
            # Only about 34% of decisions not to issue are made within 16 weeks (2024).
            d_issue = due["not_issue_due_on"] + timedelta(days=rng.randint(-35, 70))
        else:
            final_days = (due["final_plan_due_on"] - received).days
            if rng.random() < DRAW_FINAL_ON_TIME:
                final = received + timedelta(days=rng.randint(final_days - 35, final_days))
            elif rng.random() < dist.FINAL_OVER_52_WEEKS_SHARE_OF_LATE:
                final = due["final_plan_due_on"] + timedelta(days=rng.randint(32 * 7, 52 * 7))
            else:
                final = due["final_plan_due_on"] + timedelta(days=rng.randint(1, 32 * 7))
            draft = final - timedelta(days=rng.randint(15, 42))
            d_issue = draft - timedelta(days=rng.choice((0, 0, 3, 7, 14, 21, 28)))
        d_issue = max(d_issue, d_assess + timedelta(days=28))
        if draft:
            draft = max(draft, d_issue)
            final = max(final, statutory.earliest_final_plan_date(draft))
    withdraw_at = None
    if allow_withdraw and rng.random() < dist.WITHDRAWN_SHARE * 2:  # half are drawn after the case has ended
        withdraw_at = received + timedelta(days=rng.randint(7, 150))

    steps = [
        (d_assess, "refused" if refused else "assessing"),
        (d_issue, "drafting" if issuing else "not_issuing"),
        (draft, "draft_sent"),
        (final, "final_issued"),
    ]
    for day, status in steps:
        if day is None or day > today:
            break
        if withdraw_at and withdraw_at <= today and withdraw_at < day:
            break
        t.status = status
        if status in ("refused", "assessing"):
            t.decision_to_assess_on, t.decided_to_assess = day, not refused
        elif status in ("drafting", "not_issuing"):
            t.decision_to_issue_on, t.decided_to_issue = day, bool(issuing)
        elif status == "draft_sent":
            t.draft_served_on = day
        else:
            t.final_issued_on = day
    if withdraw_at and withdraw_at <= today and t.status in ("requested", "assessing", "drafting", "draft_sent"):
        t.status, t.withdrawn_on = "withdrawn", withdraw_at
    return t


def forced_draft_sent(received: date) -> Timeline:
    """A request at draft_sent on purpose: the demo parent's child, so the parent sees a draft plan."""
    t = Timeline(received_on=received, due=due_dates(received), status="draft_sent")
    t.decision_to_assess_on, t.decided_to_assess = received + timedelta(days=38), True
    t.decision_to_issue_on, t.decided_to_issue = received + timedelta(days=105), True
    t.draft_served_on = received + timedelta(days=110)
    return t


def historic_timeline(rng: random.Random, dob: date, today: date) -> Timeline:
    """A request from before this year that ended in a plan still in force."""
    lo = max(dob + timedelta(days=180), today - timedelta(days=3650), date(2015, 1, 5))
    hi = today - timedelta(days=400)
    for _ in range(20):
        received = lo + timedelta(days=rng.randint(0, max(0, (hi - lo).days)))
        tl = simulate(rng, received, today - timedelta(days=1), allow_withdraw=False)
        if tl.status == "final_issued":
            return tl
    # A very young child, or an unlucky draw: a plan made on time.
    received = min(lo, hi)
    tl = Timeline(received_on=received, due=due_dates(received), status="final_issued")
    tl.decision_to_assess_on, tl.decided_to_assess = received + timedelta(days=35), True
    tl.decision_to_issue_on, tl.decided_to_issue = received + timedelta(days=100), True
    tl.draft_served_on = received + timedelta(days=100)
    tl.final_issued_on = received + timedelta(days=130)
    return tl
