"""The exceptions to the time limits: what each one is, its own conditions, and how a recorded one excuses
lateness (spec section 1.2).

Why: an exception never moves a date, but it can excuse a late step, so claiming one that the law does not
allow (two days away "excusing" a late plan) would make a council look on time when it was not. Each
condition below is a plain rule citing the paragraph it comes from. The caller gets plain-English reasons
why a claim fails, or none.

SEND Regulations 2014, reg 10(4) (same list for reg 5(4) and reg 13(3)), "impractical ... because":

* (a) E1: the council asked a school or post-16 institution for advice during a period beginning 1 week before
  any date on which it was closed for a continuous period of at least 4 weeks from that date, and ending
  1 week before the date on which it re-opens;
* (b) E2: the same for a provider of relevant early years education;
* (c) E3: exceptional personal circumstances affect the child or parent, or the young person, during that
  time period;
* (d) E4: the child or parent, or the young person, is absent from the council's area for a continuous
  period of at least 4 weeks during that time period.

Reg 8(2), for people giving advice: (a) A1 exceptional circumstances affect the child or parent, or the young
person, during the 6 weeks; (b) A2 absence from the area for a continuous period of at least 4 weeks during
that period; (c) A3 the child or young person fails to keep an appointment for an examination or test during
that period.

How a recorded exception excuses a step (:func:`excusing`): it must be on the law's list for that step, be
claimed for the step, overlap the step's period (trigger .. due; a closure is checked against the advice
requests instead), meet its own conditions above, and have a causal note saying why it made the deadline
impractical (spec 1.2 point 1). Without the note it is reported as "needing a note" and excuses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

REGS_10_4 = "SEND Regulations 2014, reg 10(4)"
REGS_8_2 = "SEND Regulations 2014, reg 8(2)"

#: "a continuous period of not less than 4 weeks": reg 10(4)(a), (b), (d) and reg 8(2)(b).
MIN_CONTINUOUS_DAYS = 4 * 7
MIN_CONTINUOUS_TEXT = "4 weeks"
#: "beginning 1 week before ... ending 1 week before the date on which it re-opens": reg 10(4)(a), (b).
CLOSURE_LEAD_DAYS = 7

CLOSURE_CODES = frozenset({"E1", "E2"})
ABSENCE_CODES = frozenset({"E4", "A2", "T2"})
CIRCUMSTANCE_CODES = frozenset({"E3", "A1", "T1"})
#: "a continuous period of not less than 2 weeks": reg 44(3)(b) [S].
MIN_CONTINUOUS_DAYS_BY_CODE = {"T2": 2 * 7}
MISSED_APPOINTMENT_CODES = frozenset({"A3"})

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
#: Reg 44(3) (and reg 45 by reference), for doing what the Tribunal ordered [S gov.uk SEND18, SENDIASS]: (a) and
#: (b) below, and (c) any of the circumstances of reg 13(3), which are reg 10(4)(a)-(d): E1 to E4 above.
ORDER_EXCEPTIONS: dict[str, str] = {
    "T1": "Exceptional personal circumstances affected the child or parent, or the young person (reg 44(3)(a))",
    "T2": (
        "The child or parent, or the young person, was away from the council's area for 2 or more weeks in a "
        "row (reg 44(3)(b))"
    ),
}
#: The codes an assessment's records may carry (the order exceptions are checked by statutory.tribunal_orders).
ALL_EXCEPTION_CODES: frozenset[str] = frozenset(ASSESSMENT_EXCEPTIONS) | frozenset(ADVICE_EXCEPTIONS)

CITATIONS = {
    "E1": f"{REGS_10_4}(a)",
    "E2": f"{REGS_10_4}(b)",
    "E3": f"{REGS_10_4}(c)",
    "E4": f"{REGS_10_4}(d)",
    "A1": f"{REGS_8_2}(a)",
    "A2": f"{REGS_8_2}(b)",
    "A3": f"{REGS_8_2}(c)",
    "T1": "SEND Regulations 2014, reg 44(3)(a)",
    "T2": "SEND Regulations 2014, reg 44(3)(b)",
}


def exception_description(code: str) -> str:
    """The plain description of an exception code, for people (never show "E3" on its own)."""
    return ASSESSMENT_EXCEPTIONS.get(code) or ADVICE_EXCEPTIONS.get(code) or ORDER_EXCEPTIONS.get(code) or code


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


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def continuous_days(start: date, end: date) -> int:
    """Days in the inclusive period start..end (1 January to 28 January is 28 days)."""
    return (end - start).days + 1


def absence_problem(code: str, start: date, end: date) -> str:
    """Reg 10(4)(d) / 8(2)(b): time away must be one continuous period of at least 4 weeks, reg 44(3)(b) at least
    2 weeks ("" if it is)."""
    length = continuous_days(start, end)
    least = MIN_CONTINUOUS_DAYS_BY_CODE.get(code, MIN_CONTINUOUS_DAYS)
    if length >= least:
        return ""
    return (
        f"Time away from the council's area counts only if it lasts at least {least // 7} weeks in a row "
        f"({least} days). "
        f"This period is {_days(length)} ({CITATIONS.get(code, REGS_10_4)})."
    )


def closure_window(closed_from: date, closed_to: date) -> tuple[date, date]:
    """Reg 10(4)(a)/(b): the days on which asking for advice brings the closure exception into play.

    ``closed_to`` is the last day closed, so the setting re-opens the day after. The window runs from 1 week
    before the first closed day to 1 week before the re-opening day.
    """
    reopens = closed_to + timedelta(days=1)
    return closed_from - timedelta(days=CLOSURE_LEAD_DAYS), reopens - timedelta(days=CLOSURE_LEAD_DAYS)


def closure_problems(code: str, closed_from: date, closed_to: date, advice_requested_on: Iterable[date]) -> list[str]:
    """Reg 10(4)(a)/(b): closed for at least 4 weeks, and advice asked for in the window around it."""
    problems: list[str] = []
    citation = CITATIONS.get(code, REGS_10_4)
    length = continuous_days(closed_from, closed_to)
    if length < MIN_CONTINUOUS_DAYS:
        problems.append(
            f"A closure counts only if the school, college or early years setting was closed for at least 4 "
            f"weeks in a row (28 days). This closure is {_days(length)} ({citation})."
        )
    start, end = closure_window(closed_from, closed_to)
    asked = sorted(advice_requested_on)
    if not any(start <= day <= end for day in asked):
        problems.append(
            f"A closure counts only if the council asked the setting for advice between {_d(start)} (1 week "
            f"before it closed) and {_d(end)} (1 week before it re-opened). "
            + (f"Advice was asked for on {', '.join(_d(d) for d in asked)}." if asked else "No advice was asked for.")
            + f" ({citation})"
        )
    return problems


def within_period_problem(code: str, start: date, end: date, period_start: date, period_end: date, what: str) -> str:
    """Reg 10(4)(c)/(d), 8(2): the circumstances must happen "during that time period" (the step's own)."""
    if start <= period_end and end >= period_start:
        return ""
    return (
        f"The exception must happen during the time allowed for {what}, {_d(period_start)} to "
        f"{_d(period_end)}. This one is from {_d(start)} to {_d(end)} ({CITATIONS.get(code, REGS_10_4)})."
    )


def exception_problems(
    code: str,
    start: date,
    end: date,
    *,
    period: tuple[date, date] | None = None,
    period_what: str = "the step",
    advice_requested_on: Iterable[date] = (),
) -> list[str]:
    """Every condition of exception ``code`` that the claim does not meet, in plain English (empty: it meets
    them all). ``start``/``end`` are the closure (E1, E2), the absence (E4, A2), the circumstances (E3, A1) or
    the missed appointment (A3). ``period`` is the step's own time period, when known."""
    if end < start:
        return ["The end of the period must be the same as or after the start."]
    problems: list[str] = []
    if code in CLOSURE_CODES:
        problems.extend(closure_problems(code, start, end, advice_requested_on))
    if code in ABSENCE_CODES and (problem := absence_problem(code, start, end)):
        problems.append(problem)
    if period is not None and code not in CLOSURE_CODES:
        if problem := within_period_problem(code, start, end, period[0], period[1], period_what):
            problems.append(problem)
    return problems


def exception_meets_conditions(
    code: str, start: date, end: date, *, period: tuple[date, date], advice_requested_on: Iterable[date] = ()
) -> bool:
    """True when a claimed exception meets its own conditions for a step whose period is ``period``.

    A closure (E1, E2) is checked against the advice requests, not the step's period: the advice asked for
    around the closure is what delays the step.
    """
    return not exception_problems(code, start, end, period=period, advice_requested_on=advice_requested_on)


def excusing(
    step: str,
    trigger: date,
    due: date,
    candidates: Iterable[ExceptionRecord],
    *,
    allowed: frozenset[str],
    advice_requested_on: Iterable[date] = (),
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(codes that excuse ``step``, codes claimed for it but still lacking a causal note), for a step whose
    period is ``trigger``..``due`` and whose law allows the exceptions ``allowed``.

    A claim that does not meet its exception's own conditions (:func:`exception_problems`) is ignored.
    """
    asked = tuple(advice_requested_on)
    relevant = [
        e for e in candidates
        if e.code in allowed and e.claimed_for(step)
        and (e.code in CLOSURE_CODES or e.overlaps(trigger, due))
        and exception_meets_conditions(
            e.code, e.period_start, e.period_end, period=(trigger, due), advice_requested_on=asked
        )
    ]
    shown = tuple(sorted({e.code for e in relevant if e.shown}))
    unshown = tuple(sorted({e.code for e in relevant if not e.shown} - set(shown)))
    return shown, unshown
