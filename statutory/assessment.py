"""EHC needs assessment: its facts, its timeline and the checks on its facts (spec section 1).

How the clock works (spec 1.2) and why it is coded this way:

* Every deadline is a fixed date: trigger + the duration in the :mod:`statutory.rules` row in force on the
  trigger date ("within 6 weeks of X" = X + 42 days; on time iff done on or before that date). A deadline and
  its status are the general machinery of :mod:`statutory.deadlines`.
* Exceptions (reg 5(4), 8(2), 10(4), 13(3)) NEVER move a date. They only excuse lateness, and only when
  the exception is claimed for that step, overlaps the step's period (trigger .. due) and has a causal note
  saying why it made the deadline impractical (:mod:`statutory.exceptions`). Every other step keeps its own
  deadline (CoP 9.42).
* A step appears in the timeline when its trigger date is known (decision to assess, decision not to issue
  and final plan always; representations once a draft is served; one row per advice request/consultation).
  A step whose duty has gone (withdrawal, refusal to assess, decision not to issue, decision to issue for the
  "no plan" step, final plan issued for outstanding advice/consultations) is kept with status "not_applicable"
  and a note, unless it had already been completed, in which case it keeps its real status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from statutory.appeals import earliest_final_plan_date
from statutory.assessment_checks import validate_assessment_facts
from statutory.assessment_facts import (
    STEP_EXCEPTIONS,
    STEP_FAMILIES,
    STEP_HELP,
    AdviceRequestFacts,
    AssessmentFacts,
    ConsultationFacts,
)
from statutory.calendar import WorkingDayCalendar
from statutory.deadlines import (
    DONE_LATE,
    DONE_ON_TIME,
    DUE,
    LATE_EXCEPTION_APPLIES,
    LATE_STATUSES,
    NOT_APPLICABLE,
    OPEN_STATUSES,
    OVERDUE,
    OVERDUE_EXCEPTION_APPLIES,
    OVERDUE_STATUSES,
    Deadline,
    Deadlines,
    Status,
    deadline,
)
from statutory.exceptions import (
    ADVICE_EXCEPTIONS,
    ALL_EXCEPTION_CODES,
    ASSESSMENT_EXCEPTIONS,
    ExceptionRecord,
    exception_description,
)
from statutory.rules import RULES, RuleBook

#: Also importable from here, as before the split: the facts (statutory.assessment_facts), their checks
#: (statutory.assessment_checks), deadlines (statutory.deadlines) and exceptions (statutory.exceptions).
__all__ = [
    "ADVICE_EXCEPTIONS",
    "ALL_EXCEPTION_CODES",
    "ASSESSMENT_EXCEPTIONS",
    "DONE_LATE",
    "DONE_ON_TIME",
    "DUE",
    "LATE_EXCEPTION_APPLIES",
    "LATE_STATUSES",
    "NOT_APPLICABLE",
    "OPEN_STATUSES",
    "OVERDUE",
    "OVERDUE_EXCEPTION_APPLIES",
    "OVERDUE_STATUSES",
    "STEP_EXCEPTIONS",
    "STEP_FAMILIES",
    "STEP_HELP",
    "AdviceRequestFacts",
    "AssessmentFacts",
    "ConsultationFacts",
    "Deadline",
    "ExceptionRecord",
    "Status",
    "Timeline",
    "assessment_timeline",
    "exception_description",
    "validate_assessment_facts",
]


def _fmt(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Timeline(Deadlines):
    """All deadlines for one assessment, ordered by due date, as they stood on ``today``."""

    #: First day the final plan may lawfully be issued (draft served + 15), once a draft is served.
    earliest_final_plan_date: date | None = None
    problems: tuple[str, ...] = field(default=())


def _closure_reason(facts: AssessmentFacts) -> str:
    """Why the assessment no longer needs outstanding steps ("" while it is still running).

    The earliest closing event wins; an outcome recorded without a date counts as earliest.
    """
    events: list[tuple[date, str]] = []
    if facts.withdrawn_on:
        events.append((facts.withdrawn_on, "The request was withdrawn"))
    if facts.refused_assessment:
        events.append((facts.decision_to_assess or date.min, "The council decided not to assess"))
    if facts.decided_not_to_issue:
        events.append((facts.decision_to_issue or date.min, "The council decided not to issue a plan"))
    if facts.final_plan_issued:
        events.append((facts.final_plan_issued, "The final plan has been issued"))
    return min(events)[1] if events else ""


def assessment_timeline(
    facts: AssessmentFacts,
    *,
    today: date,
    calendar: WorkingDayCalendar | None = None,
    rules: RuleBook | None = None,
    kind: str = "initial",
) -> Timeline:
    """Every deadline for one request for an EHC needs assessment, as it stood on ``today``.

    ``kind="reassessment"`` counts a re-assessment of a child who already has a plan on its own clocks: the
    decision by rule ``reassessment_decision`` (reg 25(1)) and the final plan by ``reassessment_final`` from the
    decision to re-assess (reg 27(2)); it has no separate "no plan" deadline and no final-plan row until the
    council has decided to re-assess. The same steps and exceptions otherwise (reg 27(3)).

    ``rules`` defaults to :data:`statutory.rules.RULES`; pass another book to model a change in the law.
    Raises ``LookupError`` if no rule was in force on a trigger date (e.g. before 1 September 2014).
    """
    book = rules or RULES
    cal = calendar or WorkingDayCalendar()
    closed_why = _closure_reason(facts)
    issuing = facts.issuing
    advice_dates = tuple(a.requested_on for a in facts.advice_requests if a.kind in ("", "b"))
    out: list[Deadline] = []

    def add(
        step: str,
        label: str,
        rule_code: str,
        trigger: date,
        trigger_label: str,
        completed_on: date | None,
        *,
        applicable: bool = True,
        why_not: str = "",
        exceptions: tuple[ExceptionRecord, ...] = (),
        note: str = "",
        began_with: str = "",
    ) -> None:
        if applicable and completed_on is None and closed_why:
            applicable, why_not = False, closed_why + "."
        out.append(
            deadline(
                step,
                label,
                book.lookup(rule_code, trigger),
                trigger,
                today=today,
                completed_on=completed_on,
                trigger_label=trigger_label,
                calendar=cal,
                exceptions=facts.exceptions + exceptions,
                allowed_exceptions=STEP_EXCEPTIONS[step.split(":", 1)[0]][0],
                advice_requested_on=advice_dates,
                applicable=applicable,
                why_not=why_not,
                note=note,
                began_with=began_with,
            )
        )

    received = facts.request_received
    again = kind == "reassessment"
    add(
        "decision_to_assess",
        "Decide whether to re-assess and tell the family" if again else "Decide whether to assess and tell the family",
        "reassessment_decision" if again else "decision_to_assess",
        received,
        "the request being received",
        facts.decision_to_assess,
    )
    for advice in facts.advice_requests:
        add(
            f"advice:{advice.key}",
            f"Advice from {advice.adviser or advice.key}",
            "advice",
            advice.clock_start,
            "the adviser receiving the request",
            advice.received_on,
            exceptions=advice.exceptions,
        )
    if not again:
        add(
            "decision_not_to_issue",
            "If no plan will be issued, tell the family",
            "decision_not_to_issue",
            received,
            "the request being received",
            facts.decision_to_issue if issuing is False else None,
            applicable=issuing is not True,
            why_not="The council decided to issue a plan, so the 20-week final plan deadline applies instead.",
        )
    earliest_final: date | None = None
    if facts.draft_plan_served:
        served = facts.draft_plan_served
        earliest_final = earliest_final_plan_date(served, book)
        window_rule = book.lookup("representations_close", served)
        window_end = window_rule.due_from(served, cal)
        finalised = facts.final_plan_issued
        window_note = ""
        if finalised and finalised <= window_end:
            window_note = (
                f"The plan was finalised on {_fmt(finalised)}, before the window closed; "
                f"the earliest lawful date was {_fmt(window_end + timedelta(days=1))}."
            )
            window_done: date | None = finalised
        elif today > window_end or finalised:
            window_done = window_end
        else:
            window_done = None
        add(
            "representations_close",
            "Family's time to comment on the draft plan ends",
            "representations_close",
            served,
            "the draft plan being served",
            window_done,
            note=window_note,
            began_with="the draft plan was served",
        )
    for consultation in facts.consultations:
        add(
            f"consultation:{consultation.key}",
            f"Reply from {consultation.institution or consultation.key} to the consultation",
            "consultation",
            consultation.sent_on,
            "the consultation being sent",
            consultation.responded_on,
        )
    final_note = ""
    if facts.final_plan_issued and earliest_final and facts.final_plan_issued < earliest_final:
        final_note = (
            f"Issued before the family's {window_rule.duration_text} to comment on the draft had ended "
            f"(earliest lawful date {_fmt(earliest_final)})."
        )
    if not again:
        add("final_plan", "Issue the final EHC plan", "final_plan", received, "the request being received",
            facts.final_plan_issued, note=final_note)
    elif facts.decision_to_assess and facts.decided_to_assess:
        add("final_plan", "Issue the final EHC plan after the re-assessment", "reassessment_final",
            facts.decision_to_assess, "telling the family we will re-assess", facts.final_plan_issued,
            note=final_note)

    order = {family: i for i, family in enumerate(STEP_FAMILIES)}
    ordered = sorted(out, key=lambda d: (d.due, order[d.family], d.step))
    return Timeline(
        today=today,
        deadlines=tuple(ordered),
        earliest_final_plan_date=earliest_final,
        problems=tuple(validate_assessment_facts(facts)),
    )
