"""Reading cessations for pages: the manager's year by SEN2 CeaseReason, and what is under way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import statutory
from pathfinder.ceasing.models import OPEN_STATUSES, Cessation, CessationStatus
from pathfinder.people.selectors import children_visible_to


@dataclass(frozen=True)
class YearSummary:
    """Plans ceased in one calendar year (the SEN2 return counts by calendar year), counted by reason."""

    year: int
    rows: list[Cessation]
    under_way: list[Cessation]
    by_reason: list[tuple[statutory.CeaseReason, int]]

    @property
    def total(self) -> int:
        return len(self.rows)


def ceased_in_year(user, year: int) -> YearSummary:
    """The children this user may see whose plans ceased in ``year``, and every cessation still under way."""
    visible = children_visible_to(user)
    base = Cessation.objects.filter(plan__child__in=visible).select_related("plan__child")
    rows = list(base.filter(status=CessationStatus.CEASED, ceases_on__gte=date(year, 1, 1),
                            ceases_on__lte=date(year, 12, 31)).order_by("ceases_on", "pk"))
    under_way = list(base.filter(status__in=OPEN_STATUSES).order_by("proposed_on", "pk"))
    counts = {code: 0 for code in statutory.CEASE_REASONS}
    for row in rows:
        counts[row.reason] = counts.get(row.reason, 0) + 1
    by_reason = [(statutory.cease_reason(code), n) for code, n in counts.items()]
    return YearSummary(year=year, rows=rows, under_way=under_way, by_reason=by_reason)


def open_cessation(plan) -> Cessation | None:
    """The proposal to cease this plan that is still under way, if there is one."""
    return plan.cessations.filter(status__in=OPEN_STATUSES).first()
