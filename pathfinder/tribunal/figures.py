"""The manager's figures on appeals and orders: which decisions are appealed, about which sections, how appeals
end, whether the council did what it was ordered on time, and which teams' decisions are overturned.

Counted over one calendar year (the year England's appeal rate is published for): appeals by the day the Tribunal
registered them, duties by their due date. Only children the manager may see.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.tribunal.constants import OVERTURNED, AppealOutcome, DutyBasis
from pathfinder.tribunal.models import Appeal, OrderDuty
from pathfinder.tribunal.national import DFE_APPEAL_RATE


def percent(part: int, whole: int) -> str:
    """"12.5%", or a dash when there is nothing to divide (no appeals is not 0%)."""
    return f"{100 * part / whole:.1f}%" if whole else "–"


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    overturned: int = 0
    finished: int = 0

    @property
    def overturn_rate(self) -> str:
        return percent(self.overturned, self.finished)


@dataclass(frozen=True)
class Compliance:
    basis: str
    due: int
    on_time: int
    late: int
    overdue: int

    @property
    def on_time_rate(self) -> str:
        return percent(self.on_time, self.on_time + self.late + self.overdue)


@dataclass(frozen=True)
class Figures:
    year: int
    total: int
    decisions: int
    by_kind: list[Row]
    by_section: list[Row]
    by_outcome: list[Row]
    by_team: list[Row]
    compliance: list[Compliance]

    @property
    def appeal_rate(self) -> str:
        return percent(self.total, self.decisions)

    @property
    def england(self):
        return next((r for r in DFE_APPEAL_RATE if r.year == self.year), DFE_APPEAL_RATE[-1])


def _finished(appeal: Appeal) -> bool:
    return appeal.outcome not in ("", AppealOutcome.WITHDRAWN)


def _row(label: str, appeals: list[Appeal]) -> Row:
    return Row(label, len(appeals), sum(a.outcome in OVERTURNED for a in appeals), sum(map(_finished, appeals)))


def _grouped(appeals: list[Appeal], key, labels: dict[str, str]) -> list[Row]:
    groups: dict[str, list[Appeal]] = {k: [] for k in labels}
    for appeal in appeals:
        for k in key(appeal):
            groups.setdefault(k, []).append(appeal)
    return [_row(labels.get(k, k), rows) for k, rows in groups.items()]


def _compliance(children, year: int, today: date) -> list[Compliance]:
    duties = OrderDuty.objects.filter(order__child__in=children, applies=True, due_on__year=year,
                                      due_on__lte=today).select_related("order")
    counts: dict[str, Counter] = {b.value: Counter() for b in DutyBasis}
    for duty in duties:
        if duty.done_on is None:
            counts[duty.order.basis]["overdue"] += 1
        else:
            counts[duty.order.basis]["on_time" if duty.done_on <= duty.due_on else "late"] += 1
    return [Compliance(DutyBasis(b).label, sum(c.values()), c["on_time"], c["late"], c["overdue"])
            for b, c in counts.items()]


def appeal_figures(children, year: int, today: date) -> Figures:
    """The year's figures for these children (the manager's: ``children_visible_to``)."""
    appeals = list(Appeal.objects.filter(child__in=children, registered_on__year=year)
                   .select_related("decision", "child__team"))
    decisions = AppealableDecision.objects.filter(child__in=children, decided_on__year=year).count()
    teams = {str(a.child.team_id): a.child.team.name for a in appeals}
    return Figures(
        year=year, total=len(appeals), decisions=decisions,
        by_kind=_grouped(appeals, lambda a: [a.decision.kind], dict(AppealableKind.choices)),
        by_section=_grouped(appeals, lambda a: a.sections, {s: f"Section {s}" for s in ("B", "F", "I")}),
        by_outcome=_grouped(appeals, lambda a: [a.outcome or "open"],
                            {**dict(AppealOutcome.choices), "open": "Not finished yet"}),
        by_team=sorted(_grouped(appeals, lambda a: [str(a.child.team_id)], teams), key=lambda r: r.label),
        compliance=_compliance(children, year, today),
    )
