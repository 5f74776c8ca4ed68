"""Phase transfers: the plan naming a child's next school must be final before the law's long stop (reg 18).

A child moving from one phase of education to the next has their plan reviewed and amended, naming the new school
or college, by a fixed date (SEND Regulations 2014, reg 18(1), phases defined in reg 2(1)):

* early years to school, infant to junior, primary to middle, primary to secondary, middle to secondary:
  before 15 February in the calendar year of the transfer (reg 18(1)(b));
* secondary school to a post-16 institution: before 31 March in the calendar year of the transfer (reg 18(1)(a));
* a move between post-16 institutions at any other time: at least 5 months before the transfer (reg 18(2)).

"Before 15 February" is read strictly (spec section 0): the last safe day is 14 February.

Which children transfer depends on the phase of the school they are at now: a child going into year 3 transfers
only from an infant school, a child going into year 5 or 6 only from a first school to a middle school. When the
phase is not known the common points are assumed: into reception from an early years setting, into year 7 from a
primary school, into year 12 from a secondary school. The council sees the whole cohort in the autumn.

Each step of the review and amendment has a latest safe date worked back from the long stop, using the longest
time the law allows each step, so a review held on its latest safe date still finishes before the long stop even
if every step takes its full time: the amended plan on the last safe day; the amendment notice with the decision
the family's 15 days before (reg 22(2)(c), the day of service being day 1); the meeting 4 weeks before the notice
(reg 20(10)); invitations and advice 2 weeks before the meeting (reg 20(3), (4)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from statutory.calendar import add_months
from statutory.people import national_curriculum_year
from statutory.rules import REGS, RULES, Rule, RuleBook

Phase = Literal["early_years", "infant", "first", "primary", "junior", "middle", "secondary", "all_through",
                "post_16", ""]

#: Going into this national curriculum year from this phase is a phase transfer (reg 2(1)). A phase of "" (not
#: known) assumes the common points.
TRANSFER_POINTS: dict[tuple[str, int], str] = {
    ("early_years", 0): "early years to school",
    ("", 0): "early years to school",
    ("infant", 3): "infant to junior",
    ("first", 5): "primary to middle",
    ("first", 6): "primary to middle",
    ("primary", 7): "primary to secondary",
    ("", 7): "primary to secondary",
    ("junior", 7): "primary to secondary",
    ("middle", 9): "middle to secondary",
    ("secondary", 12): "secondary to post-16",
    ("", 12): "secondary to post-16",
    ("all_through", 12): "secondary to post-16",
}
POST_16 = "secondary to post-16"

SCHOOL_LONG_STOP_CITATION = "SEND Regulations 2014, reg 18(1)(b)"
POST_16_LONG_STOP_CITATION = "SEND Regulations 2014, reg 18(1)(a)"


@dataclass(frozen=True)
class SafeDate:
    """The latest day a step can be done and still leave the law's full time for every step after it."""

    step: str
    label: str
    latest: date
    citation: str


@dataclass(frozen=True)
class PhaseTransfer:
    """One child's transfer next September: what kind, the long stop, and each step's latest safe date."""

    kind: str
    transfer_on: date  # 1 September of the year of transfer
    long_stop: date  # the last day the amended plan can be final
    citation: str
    url: str
    safe_dates: tuple[SafeDate, ...]

    def safe_date(self, step: str) -> date:
        return next(s.latest for s in self.safe_dates if s.step == step)


def transfer_kind(*, date_of_birth: date, phase: str, transfer_year: int) -> str | None:
    """The kind of phase transfer the child makes on 1 September of ``transfer_year``, or None."""
    going_into = national_curriculum_year(date_of_birth, date(transfer_year, 9, 1))
    return TRANSFER_POINTS.get((phase or "", going_into))


def long_stop(kind: str, transfer_year: int) -> tuple[date, str]:
    """The last day the amended plan naming the new school can be final, and the law that says so."""
    if kind == POST_16:
        return date(transfer_year, 3, 30), POST_16_LONG_STOP_CITATION  # before 31 March
    return date(transfer_year, 2, 14), SCHOOL_LONG_STOP_CITATION  # before 15 February


def post_16_move_long_stop(transfer_on: date, rules: RuleBook | None = None) -> date:
    """A move between post-16 institutions at any other time: reviewed and amended at least 5 months before
    (reg 18(2)). The last safe day is the day 5 months before the transfer."""
    rule = (rules or RULES).lookup("post_16_transfer", transfer_on)
    return add_months(transfer_on, -rule.amount)


def _back(rule: Rule, day: date) -> date:
    """The latest trigger whose deadline under ``rule`` still falls on or before ``day``."""
    latest = day
    while rule.due_from(latest) > day:
        latest -= timedelta(days=1)
    return latest


def safe_dates(final_by: date, rules: RuleBook | None = None) -> tuple[SafeDate, ...]:
    """Each step's latest safe date, worked back from the day the amended plan must be final."""
    book = rules or RULES
    window = book.lookup("amendment_representations_close", final_by)
    decision = book.lookup("review_decision", final_by)
    notice_rule = book.lookup("review_invitation_notice", final_by)
    advice_rule = book.lookup("review_advice_circulated", final_by)
    # The amended plan may be issued once the family's 15 days (beginning with the day of service) are over.
    notice_by = _back(window, final_by - timedelta(days=1))
    meeting_by = _back(decision, notice_by)
    invite_by = meeting_by - (notice_rule.due_from(meeting_by) - meeting_by)
    advice_by = meeting_by - (advice_rule.due_from(meeting_by) - meeting_by)
    return (
        SafeDate("invitations", "Invite everyone to the review meeting", invite_by, notice_rule.citation),
        SafeDate("advice", "Send round the advice", advice_by, advice_rule.citation),
        SafeDate("meeting", "Hold the review meeting", meeting_by, decision.citation),
        SafeDate("amendment_notice", "Send the decision with the proposed amendments", notice_by,
                 f"{window.citation}; R (L, M, P) v Devon CC [2022] EWHC 493 (Admin)"),
        SafeDate("final", "Issue the amended plan naming the new school or college", final_by,
                 "SEND Regulations 2014, reg 18(1)"),
    )


def phase_transfer(*, date_of_birth: date, phase: str, transfer_year: int,
                   rules: RuleBook | None = None) -> PhaseTransfer | None:
    """The child's phase transfer on 1 September of ``transfer_year``, with its long stop and safe dates."""
    kind = transfer_kind(date_of_birth=date_of_birth, phase=phase, transfer_year=transfer_year)
    if kind is None:
        return None
    final_by, citation = long_stop(kind, transfer_year)
    return PhaseTransfer(kind=kind, transfer_on=date(transfer_year, 9, 1), long_stop=final_by, citation=citation,
                         url=f"{REGS}18", safe_dates=safe_dates(final_by, rules))


def next_transfer_year(today: date) -> int:
    """The September the council is planning for: this year's until the long stops have passed (end of March),
    then next year's. In the autumn of 2026 that is September 2027."""
    return today.year if today.month <= 3 else today.year + 1
