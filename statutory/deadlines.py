"""Deadlines: a due date, the rule it comes from and how a case stands against it (spec section 1.2).

Why a module of its own: every statutory process (the EHC needs assessment, annual reviews, appeals, personal
budgets) ends up with the same question for each step: when was it due, was it done, and if it was late or is
overdue, does a recorded exception excuse it? The answer is worked out here once:

* the due date is trigger + the duration of the :mod:`statutory.rules` row ("within 6 weeks of X" = X + 42
  days); a step is on time iff done on or before that date;
* an exception never moves the date; it can only turn "late" into "late, but an exception applies" (and
  "overdue" into "overdue, but an exception applies"), and only when :func:`statutory.exceptions.excusing`
  finds one that is claimed for the step, overlaps its period, meets its own conditions and has a causal note;
* a step whose duty has gone (the request was withdrawn, ...) is "not_applicable" unless it had already been
  done, in which case it keeps its real status.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from statutory.calendar import WorkingDayCalendar
from statutory.exceptions import ExceptionRecord, exception_description, excusing
from statutory.rules import Rule

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

STATUS_TEXT: dict[str, str] = {
    DONE_ON_TIME: "Done on time",
    DONE_LATE: "Done late",
    LATE_EXCEPTION_APPLIES: "Done late, but an exception applies",
    OVERDUE: "Overdue",
    OVERDUE_EXCEPTION_APPLIES: "Overdue, but an exception applies",
    DUE: "Not yet done",
    NOT_APPLICABLE: "No longer applies",
}
#: A window for the family (e.g. representations on a draft plan) is not a duty on the council.
WINDOW_STATUS_TEXT: dict[str, str] = {DUE: "Still open", DONE_ON_TIME: "Closed", NOT_APPLICABLE: "No longer applies"}


def _fmt(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B %Y}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def deadline_status(
    due: date, completed_on: date | None, today: date, *, excused: bool = False, applicable: bool = True
) -> Status:
    """Where a step stands on ``today``: done on time or late (excused or not), overdue (excused or not), due,
    or not applicable (the duty has gone). A completed step keeps its real status even if the duty has gone."""
    if completed_on is not None:
        if completed_on <= due:
            return DONE_ON_TIME
        return LATE_EXCEPTION_APPLIES if excused else DONE_LATE
    if not applicable:
        return NOT_APPLICABLE
    if today > due:
        return OVERDUE_EXCEPTION_APPLIES if excused else OVERDUE
    return DUE


@dataclass(frozen=True)
class Deadline:
    """One statutory deadline, the rule it comes from and how the case stands against it.

    A window for the family (the rule's period *begins with* the trigger day, e.g. ``representations_close``)
    is not a duty on the council: it is "due" while open and "done_on_time" once closed (``completed_on`` = its
    last day, or the day it was cut short - then ``note`` says so).
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
    #: For a window: the trigger as a clause for "beginning with the day ...", e.g. "the draft plan was served".
    began_with: str = ""

    @property
    def family(self) -> str:
        return self.step.split(":", 1)[0]

    @property
    def citation(self) -> str:
        return self.rule.citation

    @property
    def is_window(self) -> bool:
        return self.rule.begins_with_trigger

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
        if self.is_window:
            text = (
                f"{self.label}: last day {_fmt(self.due)}, the {_ordinal(self.rule.amount)} day beginning with the "
                f"day {self.began_with or self.trigger_label} ({_fmt(self.trigger)}) ({self.rule.citation})."
            )
            status_text = WINDOW_STATUS_TEXT.get(self.status, self.status)
            if self.status == DONE_ON_TIME and self.completed_on and self.completed_on < self.due:
                status_text = "Cut short"
        else:
            text = (
                f"{self.label}: due {_fmt(self.due)}, {self.rule.duration_text} from {self.trigger_label} "
                f"on {_fmt(self.trigger)} ({self.rule.citation})."
            )
            status_text = STATUS_TEXT[self.status]
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


def deadline(
    step: str,
    label: str,
    rule: Rule,
    trigger: date,
    *,
    today: date,
    completed_on: date | None = None,
    trigger_label: str = "",
    calendar: WorkingDayCalendar | None = None,
    exceptions: Iterable[ExceptionRecord] = (),
    allowed_exceptions: Iterable[str] = (),
    advice_requested_on: Iterable[date] = (),
    applicable: bool = True,
    why_not: str = "",
    note: str = "",
    began_with: str = "",
) -> Deadline:
    """The deadline for ``step`` counted by ``rule`` from ``trigger``, as it stood on ``today``.

    ``exceptions`` are the records claimed on the case; only those whose code is in ``allowed_exceptions`` (the
    list the law gives for this step) can excuse it (:func:`statutory.exceptions.excusing`).
    ``advice_requested_on`` are the days advice was asked of a school or setting (closure exceptions E1, E2).
    ``why_not`` is put before ``note`` when the step is not applicable.
    """
    due = rule.due_from(trigger, calendar)
    shown, unshown = excusing(
        step, trigger, due, tuple(exceptions), allowed=frozenset(allowed_exceptions),
        advice_requested_on=tuple(advice_requested_on),
    )
    status = deadline_status(due, completed_on, today, excused=bool(shown), applicable=applicable)
    if status == NOT_APPLICABLE and why_not:
        note = f"{why_not} {note}".strip()
    return Deadline(
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
        began_with=began_with,
    )


@dataclass(frozen=True)
class Deadlines:
    """The deadlines of one case, ordered by due date, as they stood on ``today``."""

    today: date
    deadlines: tuple[Deadline, ...]

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
        """The earliest open deadline falling on or after ``today`` (default: the set's today)."""
        on = self.today if today is None else today
        return next((d for d in self.deadlines if d.is_open and d.due >= on), None)
