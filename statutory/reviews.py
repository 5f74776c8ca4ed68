"""The annual review of an EHC plan as deadlines (CFA s.44; SEND Regulations 2014 regs 18 to 21; spec section 3.1).

Why its own module: a review has its own clock around one day, the review meeting. Some steps must happen *before*
it (everyone invited with at least 2 weeks' notice, reg 20(3); advice circulated at least 2 weeks before,
reg 20(4)) and some *after* it (the report within 2 weeks, reg 20(7); the council's decision within 4 weeks,
reg 20(10)). The plan's own "review within 12 months" comes from :mod:`statutory.review_clock`.

* A step that must happen "at least N weeks before the meeting" is due on the meeting day minus N weeks: that is
  the latest safe day; done on or before it is on time.
* A review is *complete* only when the meeting was held and the report and the council's decision (with the day
  the family was told) are recorded: a review cannot be complete without its evidence (:func:`review_is_complete`).
* Under-5s: the council should consider a review every 3 to 6 months (CoP 9.178, guidance):
  :func:`statutory.review_clock.early_years_review_prompt`. From Year 9 the review must consider preparing for
  adulthood (reg 20(6)): :func:`review_covers_adulthood`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from statutory.calendar import WorkingDayCalendar
from statutory.deadlines import Deadline, Deadlines, deadline, deadline_status
from statutory.people import age_on, is_year_9_or_above
from statutory.review_clock import early_years_review_prompt, review_due
from statutory.rules import RULES, Rule, RuleBook

DECISIONS = ("maintain", "amend", "cease")
#: Steps due a number of weeks *before* the meeting (the latest safe day).
BEFORE_MEETING = frozenset({"invitations", "advice_circulated"})
EARLY_YEARS_UNTIL_AGE = 5


@dataclass(frozen=True)
class ReviewFacts:
    """What is recorded about one review, as plain values.

    ``invited_on`` holds each invitee's invitation date (None for one not yet invited); ``meeting_held`` says the
    meeting on ``meeting_on`` took place (before that, ``meeting_on`` is the day arranged). ``decided_on`` is the day
    the family was told the council's decision.
    """

    first_made_on: date
    last_reviewed_on: date | None = None
    transferred_in_on: date | None = None
    date_of_birth: date | None = None
    meeting_on: date | None = None
    meeting_held: bool = False
    invited_on: tuple[date | None, ...] = ()
    advice_circulated_on: date | None = None
    report_sent_on: date | None = None
    decision: str | None = None
    decided_on: date | None = None


def _fmt(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B %Y}"


def latest_safe_day(rule: Rule, meeting_on: date) -> date:
    """The last day a step "at least <rule's period> before the meeting" can be done: meeting minus the period."""
    return WorkingDayCalendar().add(meeting_on, -rule.amount, rule.unit)


def _before(step: str, label: str, rule: Rule, meeting_on: date, completed_on: date | None, today: date) -> Deadline:
    due = latest_safe_day(rule, meeting_on)
    return Deadline(step=step, label=label, due=due, rule=rule, completed_on=completed_on,
                    status=deadline_status(due, completed_on, today), exception_codes=(), trigger=meeting_on,
                    trigger_label="the review meeting")


def _all_invited(invited_on: tuple[date | None, ...]) -> date | None:
    """The day the last invitee was invited, or None while anyone is still to be invited (or no one is listed)."""
    if not invited_on or any(day is None for day in invited_on):
        return None
    return max(day for day in invited_on if day is not None)


def review_timeline(facts: ReviewFacts, *, today: date, rules: RuleBook | None = None) -> Deadlines:
    """Every deadline of the review as it stood on ``today``, ordered by due date.

    Steps: ``review`` (the plan's 12 months, or the reg 15(5) floor after a move), ``early_years`` (under-5s,
    guidance), and once a meeting date is set ``invitations``, ``advice_circulated``, ``report``, ``decision``.
    """
    book = rules or RULES
    due = review_due(first_made_on=facts.first_made_on, last_reviewed_on=facts.last_reviewed_on,
                     transferred_in_on=facts.transferred_in_on, rules=book)
    items = [deadline("review", "Review the plan", due.rule, due.trigger, today=today, completed_on=facts.decided_on,
                      trigger_label=due.trigger_label)]
    if facts.date_of_birth is not None and age_on(facts.date_of_birth, max(today, facts.date_of_birth)) < \
            EARLY_YEARS_UNTIL_AGE:
        prompt = early_years_review_prompt(made_or_reviewed_on=due.trigger, rules=book)
        items.append(deadline("early_years", "Consider an early review (child under 5)", prompt.rule, prompt.trigger,
                              today=today, completed_on=facts.decided_on, trigger_label=prompt.trigger_label))
    meeting = facts.meeting_on
    if meeting is not None:
        items.append(_before("invitations", "Invite everyone to the meeting",
                             book.lookup("review_invitation_notice", meeting), meeting,
                             _all_invited(facts.invited_on), today))
        items.append(_before("advice_circulated", "Send the advice to everyone invited",
                             book.lookup("review_advice_circulated", meeting), meeting, facts.advice_circulated_on,
                             today))
        items.append(deadline("report", "Send the review report", book.lookup("review_report", meeting), meeting,
                              today=today, completed_on=facts.report_sent_on, trigger_label="the review meeting"))
        items.append(deadline("decision", "Decide and tell the family", book.lookup("review_decision", meeting),
                              meeting, today=today, completed_on=facts.decided_on,
                              trigger_label="the review meeting"))
    return Deadlines(today=today, deadlines=tuple(sorted(items, key=lambda d: (d.due, d.step))))


_STATUS_WORDS = {"done_on_time": "On time.", "done_late": "Late.", "overdue": "Overdue.", "due": "Not yet done."}


def review_step_explain(step: Deadline) -> str:
    """A plain-English sentence for a review step: "before the meeting" steps read as a latest safe day, and the
    plan's own period as "within 12 months starting with" its trigger (CFA s.44(1))."""
    done = f" Done on {_fmt(step.completed_on)}." if step.completed_on else ""
    status = _STATUS_WORDS.get(step.status, "")
    if step.step in BEFORE_MEETING:
        if step.status == "done_late":
            status = "Late: less notice than the law requires."
        return (f"{step.label}: by {_fmt(step.due)}, at least {step.rule.duration_text} before the meeting on "
                f"{_fmt(step.trigger)} ({step.rule.citation}).{done} {status}").strip()
    if step.step in ("review", "early_years"):
        how = "starting with" if step.rule.begins_with_trigger else "after"
        return (f"{step.label}: by {_fmt(step.due)}, within {step.rule.duration_text} {how} the day "
                f"{step.trigger_label} ({_fmt(step.trigger)}) ({step.rule.citation}).{done} {status}").strip()
    return step.explain()


def review_problems(facts: ReviewFacts, *, today: date | None = None) -> list[str]:
    """Plain-English errors for dates that cannot be right (checked before anything is saved)."""
    problems: list[str] = []
    meeting = facts.meeting_on
    if meeting is not None:
        if any(day is not None and day > meeting for day in facts.invited_on):
            problems.append("An invitation cannot be sent after the meeting")
        if facts.advice_circulated_on is not None and facts.advice_circulated_on > meeting:
            problems.append("The advice cannot be circulated after the meeting")
        if facts.report_sent_on is not None and facts.report_sent_on < meeting:
            problems.append("The report cannot be sent before the meeting")
        if facts.decided_on is not None and facts.decided_on < meeting:
            problems.append("The decision cannot be made before the meeting")
        if meeting < facts.first_made_on:
            problems.append("The meeting cannot be before the plan was first made")
    elif facts.report_sent_on is not None or facts.decided_on is not None:
        problems.append("Record the meeting before the report or the decision")
    if facts.decision is not None and facts.decision not in DECISIONS:
        problems.append("The decision must be to keep, amend or cease the plan")
    if (facts.decision is None) != (facts.decided_on is None):
        problems.append("A decision needs both what was decided and the day the family was told")
    if today is not None:
        recorded = [*facts.invited_on, facts.advice_circulated_on, facts.report_sent_on, facts.decided_on]
        if facts.meeting_held:
            recorded.append(meeting)
        if any(day is not None and day > today for day in recorded):
            problems.append("A date that has happened cannot be in the future")
    return problems


def review_is_complete(facts: ReviewFacts) -> bool:
    """Complete only with its evidence: the meeting held, the report sent and the decision made and told."""
    return bool(facts.meeting_on and facts.meeting_held and facts.report_sent_on and facts.decision
                and facts.decided_on)


def review_covers_adulthood(facts: ReviewFacts, on: date) -> bool:
    """From Year 9 a review must consider preparing for adulthood (SEND Regulations 2014, reg 20(6))."""
    return facts.date_of_birth is not None and on >= facts.date_of_birth and is_year_9_or_above(
        facts.date_of_birth, on)
