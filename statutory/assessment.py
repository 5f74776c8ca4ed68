"""EHC needs assessment timeline: facts in, deadlines out (spec section 1).

How the clock works (spec 1.2) and why it is coded this way:

* Every deadline is a fixed date: trigger + the duration in the :mod:`statutory.rules` row in force on the
  trigger date ("within 6 weeks of X" = X + 42 days; on time iff done on or before that date).
* Exceptions (reg 5(4), 8(2), 10(4), 13(3)) NEVER move a date. They only excuse lateness, and only when
  the exception is claimed for that step, overlaps the step's period (trigger .. due) and has a causal note
  saying why it made the deadline impractical. Every other step keeps its own deadline (CoP 9.42).
* A step appears in the timeline when its trigger date is known (decision to assess, decision not to issue
  and final plan always; representations once a draft is served; one row per advice request/consultation).
  A step whose duty has gone (withdrawal, refusal to assess, decision not to issue, decision to issue for the
  "no plan" step, final plan issued for outstanding advice/consultations) is kept with status "not_applicable"
  and a note, unless it had already been completed, in which case it keeps its real status.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from statutory.appeals import earliest_final_plan_date
from statutory.calendar import WorkingDayCalendar
from statutory.exceptions import exception_meets_conditions
from statutory.rules import RULES, Rule, RuleBook

Status = Literal[
    "done_on_time",
    "done_late",
    "late_exception_applies",
    "overdue",
    "overdue_exception_applies",
    "due",
    "not_applicable",
]
DONE_ON_TIME: Status = "done_on_time"
DONE_LATE: Status = "done_late"
LATE_EXCEPTION_APPLIES: Status = "late_exception_applies"
OVERDUE: Status = "overdue"
OVERDUE_EXCEPTION_APPLIES: Status = "overdue_exception_applies"
DUE: Status = "due"
NOT_APPLICABLE: Status = "not_applicable"
OPEN_STATUSES: frozenset[str] = frozenset({DUE, OVERDUE, OVERDUE_EXCEPTION_APPLIES})
OVERDUE_STATUSES: frozenset[str] = frozenset({OVERDUE, OVERDUE_EXCEPTION_APPLIES})
LATE_STATUSES: frozenset[str] = frozenset({DONE_LATE, LATE_EXCEPTION_APPLIES})

#: Reg 10(4)(a)-(d); the same list is used by reg 5(4) and reg 13(3).
ASSESSMENT_EXCEPTIONS: dict[str, str] = {
    "E1": (
        "Advice was requested from a school or post-16 institution in the period from 1 week before it "
        "closed for 4 or more weeks to 1 week before it re-opened (reg 10(4)(a))"
    ),
    "E2": (
        "Advice was requested from an early years provider in the period from 1 week before it closed for "
        "4 or more weeks to 1 week before it re-opened (reg 10(4)(b))"
    ),
    "E3": (
        "Exceptional personal circumstances affected the child or parent, or the young person (reg 10(4)(c))"
    ),
    "E4": (
        "The child or parent, or the young person, was away from the council's area for 4 or more weeks in a "
        "row (reg 10(4)(d))"
    ),
}
#: Reg 8(2)(a)-(c): a different list that applies only to people giving advice.
ADVICE_EXCEPTIONS: dict[str, str] = {
    "A1": "Exceptional circumstances affected the child or parent, or the young person (reg 8(2)(a))",
    "A2": (
        "The child or parent, or the young person, was away from the council's area for 4 or more weeks in a "
        "row (reg 8(2)(b))"
    ),
    "A3": "The child or young person missed an appointment for an examination or test (reg 8(2)(c))",
}
ALL_EXCEPTION_CODES: frozenset[str] = frozenset(ASSESSMENT_EXCEPTIONS) | frozenset(ADVICE_EXCEPTIONS)

#: Step family -> (exception codes that can excuse it, where the law says so).
STEP_EXCEPTIONS: dict[str, tuple[frozenset[str], str]] = {
    "decision_to_assess": (frozenset(ASSESSMENT_EXCEPTIONS), "SEND Regulations 2014, reg 5(4)"),
    "advice": (frozenset(ADVICE_EXCEPTIONS), "SEND Regulations 2014, reg 8(2)"),
    "decision_not_to_issue": (frozenset(ASSESSMENT_EXCEPTIONS), "SEND Regulations 2014, reg 10(4)"),
    "representations_close": (frozenset(), ""),
    "consultation": (frozenset(), ""),
    "final_plan": (frozenset(ASSESSMENT_EXCEPTIONS), "SEND Regulations 2014, reg 13(3)"),
}
STEP_FAMILIES: tuple[str, ...] = tuple(STEP_EXCEPTIONS)

#: Plain-English explanation of each step family, for help text.
STEP_HELP: dict[str, str] = {
    "decision_to_assess": (
        "The council must tell the parent or young person whether it will carry out an EHC needs assessment "
        "within 6 weeks of receiving the request."
    ),
    "advice": (
        "Each person asked for advice (school, health, educational psychologist, social care, ...) must give "
        "it within 6 weeks of receiving the council's request."
    ),
    "decision_not_to_issue": (
        "If, after assessing, the council decides not to issue a plan it must say so within 16 weeks of the "
        "request. If it decides to issue a plan this step no longer applies."
    ),
    "representations_close": (
        "After the draft plan is served the family has at least 15 days, counting the day of service, to "
        "comment and ask for a school. The plan must not be finalised before the day after this date."
    ),
    "consultation": (
        "A school or college the council consults about being named should reply within 15 days."
    ),
    "final_plan": "The finalised EHC plan must be sent within 20 weeks of the request.",
}


def exception_description(code: str) -> str:
    """The plain description of an exception code, for people (never show "E3" on its own)."""
    return ASSESSMENT_EXCEPTIONS.get(code) or ADVICE_EXCEPTIONS.get(code) or code


def _fmt(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B %Y}"


@dataclass(frozen=True)
class ExceptionRecord:
    """A claimed statutory exception. ``causal_note`` empty means the causal link has not been shown yet, so
    the exception cannot excuse anything (spec 1.2 point 1)."""

    code: str  # "E1".."E4" (reg 10(4)(a)-(d)); advice exceptions "A1".."A3" (reg 8(2)(a)-(c))
    period_start: date
    period_end: date
    causal_note: str = ""
    #: Step codes it is claimed for ("final_plan", "advice:ep") or families ("advice"); empty = all steps.
    applies_to: frozenset[str] = frozenset()

    @property
    def shown(self) -> bool:
        """True when a causal note explains why the exception made the deadline impractical."""
        return bool(self.causal_note.strip())

    def claimed_for(self, step: str) -> bool:
        return not self.applies_to or step in self.applies_to or step.split(":", 1)[0] in self.applies_to

    def overlaps(self, start: date, end: date) -> bool:
        """Inclusive overlap of [period_start, period_end] with [start, end]."""
        return self.period_start <= end and self.period_end >= start


@dataclass(frozen=True)
class AdviceRequestFacts:
    """One request for advice under reg 6. The 6 weeks run from when the adviser *received* the request
    (reg 8(1)); if that is not recorded the date it was sent is used."""

    key: str
    requested_on: date
    received_on: date | None = None
    exceptions: tuple[ExceptionRecord, ...] = ()
    adviser: str = ""  # display name, e.g. "Educational psychologist"
    request_received_by_adviser: date | None = None
    #: Reg 6(1) limb ("b" = educational advice from a school or setting, which the closure exceptions need).
    kind: str = ""

    @property
    def clock_start(self) -> date:
        return self.request_received_by_adviser or self.requested_on


@dataclass(frozen=True)
class ConsultationFacts:
    """A consultation with a school or college about naming it (CFA s.39/s.40)."""

    key: str
    sent_on: date
    responded_on: date | None = None
    institution: str = ""  # display name


@dataclass(frozen=True)
class AssessmentFacts:
    """What has happened on one request for an EHC needs assessment. All dates are notification dates."""

    request_received: date
    decision_to_assess: date | None = None  # date the decision (yes or no) was notified
    decided_to_assess: bool | None = None  # True yes, False refused, None undecided
    decision_to_issue: date | None = None  # date the decision whether to issue a plan was notified
    decided_to_issue: bool | None = None
    draft_plan_served: date | None = None
    final_plan_issued: date | None = None
    exceptions: tuple[ExceptionRecord, ...] = ()
    advice_requests: tuple[AdviceRequestFacts, ...] = ()
    consultations: tuple[ConsultationFacts, ...] = ()
    withdrawn_on: date | None = None

    @property
    def issuing(self) -> bool | None:
        """Decision to issue, inferring "yes" from a draft or final plan when it was not recorded."""
        if self.decided_to_issue is not None:
            return self.decided_to_issue
        if self.draft_plan_served or self.final_plan_issued:
            return True
        return None

    @property
    def refused_assessment(self) -> bool:
        return self.decided_to_assess is False

    @property
    def decided_not_to_issue(self) -> bool:
        return self.issuing is False


@dataclass(frozen=True)
class Deadline:
    """One statutory deadline, the rule it comes from and how the case stands against it.

    ``representations_close`` is a window for the family, not a duty on the council: it is "due" while open
    and "done_on_time" once closed (``completed_on`` = its last day, or the final plan date if the plan was
    finalised early - then ``note`` says so and :func:`validate_assessment_facts` reports it).
    """

    step: str
    label: str
    due: date
    rule: Rule
    completed_on: date | None
    status: Status
    exception_codes: tuple[str, ...]  # exceptions claimed, overlapping and shown (causal note) for this step
    trigger: date = date.min
    trigger_label: str = ""
    #: Exceptions claimed and overlapping but without a causal note: they do not excuse anything yet.
    exceptions_needing_note: tuple[str, ...] = ()
    note: str = ""

    @property
    def family(self) -> str:
        return self.step.split(":", 1)[0]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.status in OVERDUE_STATUSES

    @property
    def is_late(self) -> bool:
        """Completed after the due date (excused or not)."""
        return self.status in LATE_STATUSES

    @property
    def exception_applies(self) -> bool:
        return self.status in (LATE_EXCEPTION_APPLIES, OVERDUE_EXCEPTION_APPLIES)

    def days_until_due(self, today: date) -> int:
        """Negative once overdue."""
        return (self.due - today).days

    def explain(self) -> str:
        """A plain-English sentence for caseworkers and letters."""
        if self.family == "representations_close":
            text = (
                f"{self.label}: last day {_fmt(self.due)}, the 15th day beginning with the day "
                f"the draft plan was served ({_fmt(self.trigger)}) ({self.rule.citation})."
            )
            status_text = {
                DUE: "Still open",
                DONE_ON_TIME: "Closed",
                NOT_APPLICABLE: "No longer applies",
            }.get(self.status, self.status)
            if self.status == DONE_ON_TIME and self.completed_on and self.completed_on < self.due:
                status_text = "Cut short"
        else:
            text = (
                f"{self.label}: due {_fmt(self.due)}, {self.rule.duration_text} from {self.trigger_label} "
                f"on {_fmt(self.trigger)} ({self.rule.citation})."
            )
            status_text = {
                DONE_ON_TIME: "Done on time",
                DONE_LATE: "Done late",
                LATE_EXCEPTION_APPLIES: "Done late, but an exception applies",
                OVERDUE: "Overdue",
                OVERDUE_EXCEPTION_APPLIES: "Overdue, but an exception applies",
                DUE: "Not yet done",
                NOT_APPLICABLE: "No longer applies",
            }[self.status]
            if self.completed_on and self.status != NOT_APPLICABLE:
                status_text += f" ({_fmt(self.completed_on)})"
        text += f" {status_text}."
        if self.exception_codes:
            text += f" An exception applies: {'; '.join(exception_description(c) for c in self.exception_codes)}."
        if self.exceptions_needing_note:
            text += (
                f" Claimed but with no note saying why it made the deadline impractical, so it does not count "
                f"yet: {'; '.join(exception_description(c) for c in self.exceptions_needing_note)}."
            )
        if self.note:
            text += f" {self.note}"
        return text


@dataclass(frozen=True)
class Timeline:
    """All deadlines for one assessment, ordered by due date, as they stood on ``today``."""

    today: date
    deadlines: tuple[Deadline, ...]
    #: First day the final plan may lawfully be issued (draft served + 15), once a draft is served.
    earliest_final_plan_date: date | None = None
    problems: tuple[str, ...] = field(default=())

    def __iter__(self) -> Iterator[Deadline]:
        return iter(self.deadlines)

    def __len__(self) -> int:
        return len(self.deadlines)

    def get(self, step: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.step == step), None)

    def __getitem__(self, step: str) -> Deadline:
        found = self.get(step)
        if found is None:
            raise KeyError(step)
        return found

    @property
    def steps(self) -> tuple[str, ...]:
        return tuple(d.step for d in self.deadlines)

    @property
    def open(self) -> tuple[Deadline, ...]:
        """Not done and still required (due or overdue)."""
        return tuple(d for d in self.deadlines if d.is_open)

    @property
    def overdue(self) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.is_overdue)

    @property
    def late(self) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.is_late)

    @property
    def applicable(self) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.status != NOT_APPLICABLE)

    def next_due(self, today: date | None = None) -> Deadline | None:
        """The earliest open deadline falling on or after ``today`` (default: the timeline's today)."""
        on = self.today if today is None else today
        return next((d for d in self.deadlines if d.is_open and d.due >= on), None)


def _status(due: date, completed_on: date | None, today: date, excused: bool, applicable: bool) -> Status:
    if completed_on is not None:
        if completed_on <= due:
            return DONE_ON_TIME
        return LATE_EXCEPTION_APPLIES if excused else DONE_LATE
    if not applicable:
        return NOT_APPLICABLE
    if today > due:
        return OVERDUE_EXCEPTION_APPLIES if excused else OVERDUE
    return DUE


def _exceptions_for(
    step: str, trigger: date, due: date, candidates: tuple[ExceptionRecord, ...], advice_dates: tuple[date, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(codes shown, codes claimed but lacking a causal note) for ``step`` over its period trigger..due.

    A claim that does not meet its exception's own conditions (statutory.exceptions) is ignored."""
    allowed, _ = STEP_EXCEPTIONS[step.split(":", 1)[0]]
    relevant = [
        e for e in candidates
        if e.code in allowed and e.claimed_for(step)
        and (e.code in ("E1", "E2") or e.overlaps(trigger, due))
        and exception_meets_conditions(
            e.code, e.period_start, e.period_end, period=(trigger, due), advice_requested_on=advice_dates
        )
    ]
    shown = tuple(sorted({e.code for e in relevant if e.shown}))
    unshown = tuple(sorted({e.code for e in relevant if not e.shown} - set(shown)))
    return shown, unshown


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
) -> Timeline:
    """Every deadline for one request for an EHC needs assessment, as it stood on ``today``.

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
    ) -> None:
        rule = book.lookup(rule_code, trigger)
        due = rule.due_from(trigger, cal)
        shown, unshown = _exceptions_for(step, trigger, due, facts.exceptions + exceptions, advice_dates)
        if applicable and completed_on is None and closed_why:
            applicable, why_not = False, closed_why + "."
        status = _status(due, completed_on, today, bool(shown), applicable)
        if status == NOT_APPLICABLE and why_not:
            note = f"{why_not} {note}".strip()
        out.append(
            Deadline(
                step=step,
                label=label,
                due=due,
                rule=rule,
                completed_on=completed_on,
                status=status,
                exception_codes=shown,
                trigger=trigger,
                trigger_label=trigger_label,
                exceptions_needing_note=unshown,
                note=note,
            )
        )

    received = facts.request_received
    add(
        "decision_to_assess",
        "Decide whether to assess and tell the family",
        "decision_to_assess",
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
            f"Issued before the family's 15 days to comment on the draft had ended "
            f"(earliest lawful date {_fmt(earliest_final)})."
        )
    add(
        "final_plan",
        "Issue the final EHC plan",
        "final_plan",
        received,
        "the request being received",
        facts.final_plan_issued,
        note=final_note,
    )

    order = {family: i for i, family in enumerate(STEP_FAMILIES)}
    ordered = sorted(out, key=lambda d: (d.due, order[d.family], d.step))
    return Timeline(
        today=today,
        deadlines=tuple(ordered),
        earliest_final_plan_date=earliest_final,
        problems=tuple(validate_assessment_facts(facts)),
    )


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def validate_assessment_facts(facts: AssessmentFacts, *, today: date | None = None) -> list[str]:
    """Plain-English problems with the recorded facts, for showing as form errors.

    Checks ordering (nothing before the request, final after draft, ...), outcomes recorded without dates and
    vice versa, a final plan issued before the family's 15 days on the draft had ended (reg 13(1)(a)),
    exception records that cannot apply, and (if ``today`` is given) dates in the future.
    """
    problems: list[str] = []
    received = facts.request_received

    def before_request(label: str, day: date | None) -> None:
        if day is not None and day < received:
            problems.append(f"The {label} ({_d(day)}) is before the request was received ({_d(received)}).")

    before_request("decision whether to assess", facts.decision_to_assess)
    before_request("decision whether to issue a plan", facts.decision_to_issue)
    before_request("draft plan", facts.draft_plan_served)
    before_request("final plan", facts.final_plan_issued)
    before_request("withdrawal", facts.withdrawn_on)

    if facts.decision_to_assess is not None and facts.decided_to_assess is None:
        problems.append(
            "A date is recorded for the decision whether to assess, but not whether it was yes or no."
        )
    if facts.decided_to_assess is not None and facts.decision_to_assess is None:
        problems.append("The decision whether to assess is recorded without the date it was sent.")
    if facts.decision_to_issue is not None and facts.decided_to_issue is None:
        problems.append(
            "A date is recorded for the decision whether to issue a plan, but not whether it was yes or no."
        )
    if facts.decided_to_issue is not None and facts.decision_to_issue is None:
        problems.append("The decision whether to issue a plan is recorded without the date it was sent.")

    later_steps_recorded = any(
        (
            facts.decision_to_issue,
            facts.decided_to_issue is not None,
            facts.draft_plan_served,
            facts.final_plan_issued,
        )
    )
    if later_steps_recorded and facts.decided_to_assess is None:
        problems.append("Later steps are recorded but the decision to assess is not.")
    if facts.refused_assessment and later_steps_recorded:
        problems.append(
            "The council decided not to assess, but a decision on the plan or a plan is recorded."
        )
    if (
        facts.decision_to_assess
        and facts.decision_to_issue
        and facts.decision_to_issue < facts.decision_to_assess
    ):
        problems.append(
            f"The decision whether to issue a plan ({_d(facts.decision_to_issue)}) is before the decision to "
            f"assess ({_d(facts.decision_to_assess)})."
        )
    if (
        facts.draft_plan_served
        and facts.decision_to_assess
        and facts.draft_plan_served < facts.decision_to_assess
    ):
        problems.append(
            f"The draft plan ({_d(facts.draft_plan_served)}) was served before the decision to assess "
            f"({_d(facts.decision_to_assess)})."
        )
    if facts.decided_to_issue is False and (facts.draft_plan_served or facts.final_plan_issued):
        problems.append("The council decided not to issue a plan, but a draft or final plan is recorded.")
    if facts.decided_to_issue is None and facts.draft_plan_served:
        problems.append(
            "A draft plan is recorded but the decision to issue a plan is not "
            "(usually the date the draft was sent)."
        )
    if facts.final_plan_issued and not facts.draft_plan_served:
        problems.append(
            "A final plan is recorded without a draft plan; a draft must be served first (CFA s.38)."
        )
    if facts.final_plan_issued and facts.draft_plan_served:
        if facts.final_plan_issued < facts.draft_plan_served:
            problems.append(
                f"The final plan ({_d(facts.final_plan_issued)}) is dated before the draft plan "
                f"({_d(facts.draft_plan_served)})."
            )
        else:
            earliest = earliest_final_plan_date(facts.draft_plan_served)
            if facts.final_plan_issued < earliest:
                problems.append(
                    f"The final plan ({_d(facts.final_plan_issued)}) was issued before the family's 15 days "
                    f"to comment on the draft had ended; the earliest lawful date was {_d(earliest)} "
                    "(SEND Regulations 2014, reg 13(1)(a))."
                )
    if (
        facts.decision_to_issue
        and facts.draft_plan_served
        and facts.decided_to_issue
        and facts.draft_plan_served < facts.decision_to_issue
    ):
        problems.append(
            f"The draft plan ({_d(facts.draft_plan_served)}) is dated before the decision to issue a plan "
            f"({_d(facts.decision_to_issue)})."
        )
    if facts.withdrawn_on:
        for label, day in (
            ("decision whether to assess", facts.decision_to_assess),
            ("decision whether to issue a plan", facts.decision_to_issue),
            ("draft plan", facts.draft_plan_served),
            ("final plan", facts.final_plan_issued),
        ):
            if day and day > facts.withdrawn_on:
                problems.append(
                    f"The {label} ({_d(day)}) is after the request was withdrawn ({_d(facts.withdrawn_on)})."
                )

    problems.extend(_validate_exceptions(facts.exceptions, where="the assessment", advice_key=None))

    seen: set[str] = set()
    for advice in facts.advice_requests:
        name = advice.adviser or advice.key
        if advice.key in seen:
            problems.append(f"Two advice requests share the key {advice.key!r}.")
        seen.add(advice.key)
        before_request(f"request for advice from {name}", advice.requested_on)
        if advice.received_on and advice.received_on < advice.requested_on:
            problems.append(f"Advice from {name} is recorded as received before it was requested.")
        if advice.request_received_by_adviser and advice.request_received_by_adviser < advice.requested_on:
            problems.append(f"{name} is recorded as receiving the advice request before it was sent.")
        problems.extend(
            _validate_exceptions(advice.exceptions, where=f"advice from {name}", advice_key=advice.key)
        )

    seen = set()
    for consultation in facts.consultations:
        name = consultation.institution or consultation.key
        if consultation.key in seen:
            problems.append(f"Two consultations share the key {consultation.key!r}.")
        seen.add(consultation.key)
        before_request(f"consultation with {name}", consultation.sent_on)
        if consultation.responded_on and consultation.responded_on < consultation.sent_on:
            problems.append(f"The reply from {name} is dated before the consultation was sent.")

    if today is not None:
        dated = [
            facts.request_received,
            facts.decision_to_assess,
            facts.decision_to_issue,
            facts.draft_plan_served,
            facts.final_plan_issued,
            facts.withdrawn_on,
            *(a.requested_on for a in facts.advice_requests),
            *(a.received_on for a in facts.advice_requests),
            *(c.sent_on for c in facts.consultations),
            *(c.responded_on for c in facts.consultations),
        ]
        if any(day and day > today for day in dated):
            problems.append(f"Some dates are in the future (after {_d(today)}).")
    return problems


def _valid_step(code: str, advice_key: str | None) -> bool:
    family, _, key = code.partition(":")
    if family not in STEP_EXCEPTIONS:
        return False
    return not (advice_key is not None and (family != "advice" or key not in ("", advice_key)))


def _validate_exceptions(
    records: tuple[ExceptionRecord, ...], *, where: str, advice_key: str | None
) -> list[str]:
    problems: list[str] = []
    for record in records:
        if record.code not in ALL_EXCEPTION_CODES:
            problems.append(f"Exception code {record.code!r} on {where} is not one of E1-E4 or A1-A3.")
        elif advice_key is not None and record.code in ASSESSMENT_EXCEPTIONS:
            problems.append(
                f"Exception {record.code} on {where} cannot excuse late advice; advisers have their own list "
                "A1-A3 (SEND Regulations 2014, reg 8(2))."
            )
        if record.period_end < record.period_start:
            problems.append(f"Exception {record.code} on {where} ends before it starts.")
        for step in sorted(record.applies_to):
            if not _valid_step(step, advice_key):
                problems.append(
                    f"Exception {record.code} on {where} is claimed for an unknown step {step!r}."
                )
        if record.applies_to and all(
            record.code not in STEP_EXCEPTIONS[s.partition(":")[0]][0]
            for s in record.applies_to
            if s.partition(":")[0] in STEP_EXCEPTIONS
        ):
            problems.append(
                f"Exception {record.code} on {where} cannot excuse any of the steps it is claimed for."
            )
    return problems
