"""The return's personal budget items on each plan in force (NamedPlan ``PB``, ``OA``, ``DP``), from the agreed
budgets (budgets.figures.lines_in_place): one set-based query for the whole council or one caseworker's cases.

- ``PB`` 1: the plan has a personal budget in place on the census day (an agreed request agreed by then, with an
  agreed line not ended). Written only for such plans: Pathfinder leaves the item out rather than writing 0 for a
  plan whose family never asked (the DfE's items are optional; the sample writes 0, which we cannot tell from
  "not recorded" for a plan imported from an old system).
- ``OA`` 1 when any line is an organised arrangement, else 0 (written with PB).
- ``DP``: what the direct payment lines cover, E (education, including home-to-school transport), S (social care),
  H (health), or I (integrated: more than one), the same rule as the manager's figures (budgets.figures.area_code).
  Only when there is a direct payment line.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from pathfinder.budgets.figures import area_code, lines_in_place
from pathfinder.budgets.models import Delivery

YES, NO = "1", "0"


@dataclass(frozen=True)
class BudgetFlags:
    pb: str
    oa: str
    dp: str | None


def budget_flags(census: date, child_ids=None) -> dict[int, BudgetFlags]:
    """The flags for each child with a personal budget in place on ``census``, by child id."""
    rows = lines_in_place(census).filter(request__agreed_on__lte=census)
    if child_ids is not None:
        rows = rows.filter(request__child_id__in=child_ids)
    deliveries: dict[int, set[str]] = defaultdict(set)
    dp_streams: dict[int, set[str]] = defaultdict(set)
    for child_id, stream, delivery in rows.values_list("request__child_id", "stream", "delivery").distinct():
        deliveries[child_id].add(delivery)
        if delivery == Delivery.DIRECT_PAYMENT:
            dp_streams[child_id].add(stream)
    return {child_id: BudgetFlags(pb=YES, oa=YES if Delivery.ARRANGEMENT in kinds else NO,
                                  dp=area_code(dp_streams[child_id]) if child_id in dp_streams else None)
            for child_id, kinds in deliveries.items()}
