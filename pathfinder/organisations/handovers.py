"""The seam through which work held by a member is passed on when they leave an organisation.

Why a registry: the work (advice requests) belongs to assessments, a higher layer, which organisations may not
import. assessments registers, from its AppConfig.ready(), a handler that counts a member's open work and one
that passes it on; organisations.services calls them when an administrator removes a colleague.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

#: handover(membership, to_user or None for the queue, on, acting_user) -> how many items were passed on
Handover = Callable[..., int]
#: open_work(membership) -> how many open items the member holds
OpenWork = Callable[..., int]


@dataclass(frozen=True)
class WorkKind:
    name: str  # plural noun for pages: "advice requests"
    open_work: OpenWork
    handover: Handover


_KINDS: list[WorkKind] = []


def register_work_kind(name: str, *, open_work: OpenWork, handover: Handover) -> WorkKind:
    kind = WorkKind(name, open_work, handover)
    if all(k.name != name for k in _KINDS):
        _KINDS.append(kind)
    return kind


def open_work_of(membership) -> dict[str, int]:
    """How much open work of each kind the member holds (for the page that asks where it should go)."""
    return {kind.name: kind.open_work(membership) for kind in _KINDS}


def work_pass_on(membership, *, to_user, on: date, acting_user) -> dict[str, int]:
    """Pass the member's open work to ``to_user`` (a colleague), or back to the organisation's queue (None)."""
    return {kind.name: kind.handover(membership, to_user=to_user, on=on, acting_user=acting_user) for kind in _KINDS}
