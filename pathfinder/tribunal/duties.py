"""An order's dated duties: the law's answer (statutory.order_duties / unopposed_duties) kept as rows.

Why rows and not only a calculation: the worklist and the manager's page ask "what is overdue across the county"
and the database answers that from ``OrderDuty.due_on``. The rows are rewritten from ``statutory`` whenever a
fact changes (a duty done, the decision after an ordered assessment, an exception claimed), so they never hold a
date the law did not give; the done dates are the only thing people type.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

import statutory
from pathfinder.tribunal.constants import DutyBasis
from pathfinder.tribunal.models import OrderDuty, TribunalOrder


def order_exception_records(order: TribunalOrder) -> tuple[statutory.ExceptionRecord, ...]:
    """The order's claimed reg 44(3) exceptions as plain records."""
    return tuple(
        statutory.ExceptionRecord(code=e.code, period_start=e.period_start, period_end=e.period_end,
                                  causal_note=e.causal_note,
                                  applies_to=frozenset({e.applies_to}) if e.applies_to else frozenset())
        for e in order.exceptions.all()
    )


def order_facts(order: TribunalOrder) -> statutory.DutyFacts:
    """What has been done on the order, as plain values for the statutory clocks."""
    done = {d.step: d.done_on for d in order.duties.all() if d.done_on is not None}
    return statutory.DutyFacts(done=done, decided_to_issue=order.decided_to_issue,
                               exceptions=order_exception_records(order))


def order_deadlines(order: TribunalOrder, today: date | None = None) -> statutory.Deadlines:
    """The order's duties as the law counts them on ``today``: reg 45 from the day the Tribunal was told when the
    council did not oppose, reg 44 from the order otherwise (a reg 42(2) mediation agreement counts as an order)."""
    on = today or timezone.localdate()
    facts = order_facts(order)
    if order.basis == DutyBasis.UNOPPOSED:
        return statutory.unopposed_duties(order.kind, order.made_on, facts, today=on)
    return statutory.order_duties(order.kind, order.made_on, facts, today=on)


def duties_sync(order: TribunalOrder, today: date | None = None) -> list[OrderDuty]:
    """Rewrite the order's duty rows from the law's answer, keeping the done dates people recorded. A step the law
    no longer asks for (the other branch after an ordered assessment) stays, marked as not applying."""
    deadlines = order_deadlines(order, today)
    existing = {d.step: d for d in order.duties.all()}
    seen = set()
    for item in deadlines:
        seen.add(item.step)
        row = existing.get(item.step) or OrderDuty(order=order, step=item.step)
        row.label = item.label[:200]
        row.citation = item.rule.citation[:200]
        row.due_on = item.due
        row.applies = item.status != statutory.NOT_APPLICABLE or row.done_on is not None
        row.save()
    for step, row in existing.items():
        if step not in seen and row.applies:
            row.applies = False
            row.save(update_fields=["applies"])
    return list(order.duties.all())


def unopposed_kind(decision_kind: str, sections) -> str:
    """What not opposing an appeal commits the council to, as the order it stands in for (reg 45): assess or
    re-assess, make a plan, amend it (section I alone: change the school named), or keep it."""
    kinds = statutory.AppealableKind
    sections = set(sections or ())
    if decision_kind == kinds.NOT_TO_ASSESS:
        return statutory.OrderKind.ASSESS
    if decision_kind == kinds.NOT_TO_REASSESS:
        return statutory.OrderKind.REASSESS
    if decision_kind == kinds.NOT_TO_ISSUE:
        return statutory.OrderKind.MAKE_PLAN
    if decision_kind == kinds.TO_CEASE:
        return statutory.OrderKind.CONTINUE_TO_MAINTAIN
    if sections == {"I"}:
        return statutory.OrderKind.CHANGE_SCHOOL
    return statutory.OrderKind.AMEND_CONTENTS
