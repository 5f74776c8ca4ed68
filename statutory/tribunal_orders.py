"""Doing what the Tribunal orders (SEND Regulations 2014 reg 44), unopposed appeals (reg 45), the council's
response to an appeal and to health and social care recommendations (spec 6.3, 6.4).

Why a module of its own: the Ombudsman keeps finding orders a council lost and never carried out. Each order
becomes dated duties here, on the SEND Regulations' own clocks, so the caseworker's worklist and the manager's
page show the same dates. These are not Tribunal Rules periods: HESC r.12 (next working day, August and
Christmas) does not move them; "within N weeks of X" is X + 7N days and "at once" is the day itself.

Duties by :class:`OrderKind` (step code: rule, from the day of the order; reg 45 the same from the day the
council told the Tribunal it will not oppose, rows ``unopposed_*``):

* CEASE (an appeal against ceasing dismissed): ``cease`` at once (44(2)(a)).
* ASSESS / REASSESS: ``notify_will_assess`` 2 weeks, then ``notify_no_plan`` 10 weeks or ``final_plan``
  14 weeks (44(2)(b)); which of the two applies follows ``DutyFacts.decided_to_issue`` (both, until decided).
* MAKE_PLAN: ``draft_plan`` 5 weeks, ``final_plan`` 11 weeks (44(2)(c)).
* AMEND_CONTENTS (sections B/F, or continue and amend): ``amended_plan`` 5 weeks (44(2)(e) [S]).
* CHANGE_SCHOOL (section I alone): ``amended_plan`` 2 weeks (44(2)(f) [S]).
* CONTINUE_TO_MAINTAIN (an appeal against ceasing allowed): ``continue`` at once [S].

Reg 44(3) (and reg 45, by reference) excuses a late duty when doing it in time was impractical because of
exceptional personal circumstances (T1), an absence from the area of at least 2 weeks in a row (T2), or any of
the assessment's reg 10(4) circumstances (E1 to E4) [S]. They never move a date; a late or overdue duty shows
"late_exception_applies" / "overdue_exception_applies" exactly as the assessment's do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from statutory.appealable import AppealableKind, Problem, as_kind
from statutory.calendar import WorkingDayCalendar
from statutory.deadlines import Deadline, Deadlines, deadline
from statutory.exceptions import ASSESSMENT_EXCEPTIONS, ORDER_EXCEPTIONS, ExceptionRecord
from statutory.rules import RULES, RuleBook


class OrderKind(StrEnum):
    """What the Tribunal ordered (or what the council must do after not opposing)."""

    CEASE = "cease"  # appeal against ceasing dismissed: cease at once, 44(2)(a)
    ASSESS = "assess"  # 44(2)(b): notify 2 weeks; then no-plan 10 weeks or final plan 14 weeks
    REASSESS = "reassess"
    MAKE_PLAN = "make_plan"  # 44(2)(c): draft 5 weeks, final 11 weeks
    AMEND_CONTENTS = "amend_contents"  # sections B/F (and continue and amend): amended plan 5 weeks
    CHANGE_SCHOOL = "change_school"  # section I: amended plan 2 weeks
    CONTINUE_TO_MAINTAIN = "continue_to_maintain"  # cease appeal allowed: at once


#: Reg 44(3)(a), (b) and (c) (the reg 10(4) circumstances): the exceptions a duty can claim.
ORDER_ALLOWED_EXCEPTIONS: frozenset[str] = frozenset(ORDER_EXCEPTIONS) | frozenset(ASSESSMENT_EXCEPTIONS)

#: What each appealed decision can lead the Tribunal to order.
ORDERS_FOR_DECISION: dict[AppealableKind, frozenset[OrderKind]] = {
    AppealableKind.NOT_TO_ASSESS: frozenset({OrderKind.ASSESS}),
    AppealableKind.NOT_TO_REASSESS: frozenset({OrderKind.REASSESS, OrderKind.ASSESS}),
    AppealableKind.NOT_TO_ISSUE: frozenset({OrderKind.MAKE_PLAN}),
    AppealableKind.PLAN_CONTENTS: frozenset({OrderKind.AMEND_CONTENTS, OrderKind.CHANGE_SCHOOL}),
    AppealableKind.AMENDED_PLAN_CONTENTS: frozenset({OrderKind.AMEND_CONTENTS, OrderKind.CHANGE_SCHOOL}),
    AppealableKind.NOT_TO_AMEND: frozenset({OrderKind.AMEND_CONTENTS, OrderKind.CHANGE_SCHOOL}),
    AppealableKind.TO_CEASE: frozenset({OrderKind.CEASE, OrderKind.CONTINUE_TO_MAINTAIN, OrderKind.AMEND_CONTENTS}),
}

_ASSESS = (("notify_will_assess", "notify_will_assess", "Tell the family the council will assess"),
           ("notify_no_plan", "notify_no_plan", "Tell the family, with reasons, that no plan will be issued"),
           ("final_plan", "final_plan_after_assessment", "Issue the finalised EHC plan"))
#: Step code, rule code suffix, label: by kind of order.
DUTY_STEPS: dict[OrderKind, tuple[tuple[str, str, str], ...]] = {
    OrderKind.CEASE: (("cease", "cease", "Cease to maintain the EHC plan"),),
    OrderKind.ASSESS: _ASSESS,
    OrderKind.REASSESS: (("notify_will_assess", "notify_will_assess", "Tell the family the council will "
                                                                      "re-assess"),) + _ASSESS[1:],
    OrderKind.MAKE_PLAN: (("draft_plan", "draft_plan", "Issue a draft EHC plan"),
                          ("final_plan", "final_plan", "Issue the finalised EHC plan")),
    OrderKind.AMEND_CONTENTS: (("amended_plan", "amended_plan", "Issue the amended EHC plan"),),
    OrderKind.CHANGE_SCHOOL: (("amended_plan", "amended_plan_school", "Issue the amended EHC plan naming the "
                                                                      "school or college"),),
    OrderKind.CONTINUE_TO_MAINTAIN: (("continue", "continue", "Continue to maintain the EHC plan"),),
}
DUTY_STEP_CODES: frozenset[str] = frozenset(step for steps in DUTY_STEPS.values() for step, _, _ in steps)


@dataclass(frozen=True)
class DutyFacts:
    """What has been done, by step code (``{"draft_plan": date(...)}``), and what excuses lateness."""

    done: Mapping[str, date] = field(default_factory=lambda: MappingProxyType({}))
    decided_to_issue: bool | None = None  # after an ordered assessment: plan (14 weeks) or no plan (10 weeks)
    exceptions: Sequence[ExceptionRecord] = ()  # reg 44(3), handled as the assessment's are
    #: Days advice was asked of a school or setting (the closure exceptions E1, E2 need them).
    advice_requested_on: Sequence[date] = ()


#: The default facts: nothing done yet, no exception claimed.
NOTHING_DONE = DutyFacts()


def _as_order(kind: OrderKind | str) -> OrderKind:
    try:
        return OrderKind(kind)
    except ValueError:
        raise ValueError(f"{kind!r} is not a kind of Tribunal order") from None


def _duties(prefix: str, kind: OrderKind | str, start: date, facts: DutyFacts, today: date, trigger_label: str,
            rules: RuleBook | None) -> Deadlines:
    book = rules or RULES
    order = _as_order(kind)
    out: list[Deadline] = []
    for step, code, label in DUTY_STEPS[order]:
        applicable, why_not = True, ""
        if step == "notify_no_plan" and facts.decided_to_issue is True:
            applicable, why_not = False, "The council decided to issue a plan."
        if step == "final_plan" and order in (OrderKind.ASSESS, OrderKind.REASSESS) and facts.decided_to_issue is False:
            applicable, why_not = False, "The council decided not to issue a plan."
        out.append(deadline(
            step, label, book.lookup(f"{prefix}_{code}", start), start, today=today,
            completed_on=facts.done.get(step), trigger_label=trigger_label, exceptions=facts.exceptions,
            allowed_exceptions=ORDER_ALLOWED_EXCEPTIONS, advice_requested_on=facts.advice_requested_on,
            applicable=applicable, why_not=why_not,
        ))
    return Deadlines(today=today, deadlines=tuple(sorted(out, key=lambda d: d.due)))


def order_duties(kind: OrderKind | str, ordered_on: date, facts: DutyFacts = NOTHING_DONE, *, today: date,
                 rules: RuleBook | None = None) -> Deadlines:
    """The dated duties a Tribunal order made on ``ordered_on`` puts on the council (reg 44), as on ``today``.

    A mediation agreement on appealable matters runs on the same clocks from the day of the agreement (reg 42(2)):
    pass that day as ``ordered_on``.
    """
    return _duties("order", kind, ordered_on, facts, today, "the Tribunal's order", rules)


def unopposed_duties(kind: OrderKind | str, tribunal_told_on: date, facts: DutyFacts = NOTHING_DONE, *,
                     today: date, rules: RuleBook | None = None) -> Deadlines:
    """The duties after the council told the Tribunal on ``tribunal_told_on`` that it will not oppose (reg 45).

    A ceasing appeal the council does not oppose means the plan continues: use CONTINUE_TO_MAINTAIN (and
    AMEND_CONTENTS if it also agreed to amend). CEASE cannot follow from not opposing, so it raises ValueError.
    """
    if _as_order(kind) == OrderKind.CEASE:
        raise ValueError("Not opposing an appeal against ceasing means continuing to maintain the plan, not ceasing")
    return _duties("unopposed", kind, tribunal_told_on, facts, today, "the council telling the Tribunal it will "
                   "not oppose the appeal", rules)


def tribunal_response_due(appeal_sent_on: date, calendar: WorkingDayCalendar | None = None,
                          rules: RuleBook | None = None) -> date:
    """The last day for the council's response to an appeal: 30 working days after the Tribunal sent it [S].

    The Tribunal's directions in each case give the actual date; this is the usual period, for the worklist.
    Working days under the Tribunal's rules are England's (r.1(3)): do not pass the council's own closures.
    """
    return (rules or RULES).lookup("tribunal_response", appeal_sent_on).due_from(appeal_sent_on, calendar)


def recommendation_response_due(recommendation_on: date, rules: RuleBook | None = None) -> date:
    """The last day to respond to the Tribunal's health or social care recommendations: 5 weeks [R]."""
    return (rules or RULES).lookup("recommendation_response", recommendation_on).due_from(recommendation_on)


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def order_problems(
    kind: OrderKind | str, ordered_on: date, facts: DutyFacts = NOTHING_DONE, *,
    appeal_registered_on: date | None = None, decision: AppealableKind | str | None = None,
    today: date | None = None,
) -> list[Problem]:
    """What cannot be true of a Tribunal order (or a reg 45 notice: pass the day the Tribunal was told as
    ``ordered_on``), in plain English, each naming its field: ``kind``, ``ordered_on``, ``decided_to_issue``,
    ``done:<step>``. ``decision`` is the decision that was appealed against, when known."""
    try:
        order = OrderKind(kind)
    except ValueError:
        return [Problem("kind", "Choose what the Tribunal ordered.")]
    problems: list[Problem] = []
    if appeal_registered_on is not None and ordered_on < appeal_registered_on:
        problems.append(Problem("ordered_on", f"The order cannot be dated {_d(ordered_on)}: that is before the "
                                              f"appeal it decides was registered on {_d(appeal_registered_on)}."))
    if today is not None and ordered_on > today:
        problems.append(Problem("ordered_on", "The date of the order cannot be in the future."))
    appealed = as_kind(decision) if decision is not None else None
    if decision is not None and appealed is None:
        problems.append(Problem("decision", "This decision cannot be appealed to the SEND Tribunal, so there can "
                                            "be no order about it."))
    elif appealed is not None and order not in ORDERS_FOR_DECISION[appealed]:
        problems.append(Problem("kind", "This order does not fit the appeal: check what the Tribunal ordered and "
                                        "which decision was appealed."))
    if facts.decided_to_issue is not None and order not in (OrderKind.ASSESS, OrderKind.REASSESS):
        problems.append(Problem("decided_to_issue", "Whether to issue a plan is decided only after an ordered "
                                                    "assessment or re-assessment."))
    steps = {step for step, _, _ in DUTY_STEPS[order]}
    for step, day in facts.done.items():
        if step not in steps:
            problems.append(Problem(f"done:{step}", "This order does not ask the council to do this."))
        elif day < ordered_on:
            problems.append(Problem(f"done:{step}", f"This cannot be done before the order ({_d(day)} is before "
                                                    f"{_d(ordered_on)})."))
        elif today is not None and day > today:
            problems.append(Problem(f"done:{step}", "This date cannot be in the future."))
    done = facts.done
    if done.get("final_plan") and done.get("draft_plan") and done["final_plan"] < done["draft_plan"]:
        problems.append(Problem("done:final_plan", "The final plan cannot be issued before the draft plan."))
    if order in (OrderKind.ASSESS, OrderKind.REASSESS):
        if done.get("notify_no_plan") and facts.decided_to_issue is not False:
            problems.append(Problem("decided_to_issue", "The family was told no plan will be issued: record the "
                                                        "decision not to issue one."))
        if done.get("final_plan") and facts.decided_to_issue is not True:
            problems.append(Problem("decided_to_issue", "A final plan was issued: record the decision to issue "
                                                        "one."))
    return problems
