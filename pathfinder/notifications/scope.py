"""Which messages a member of staff may see: those about children they may see. A seam people fills in.

Why a seam: people sits above notifications in the layers, so this module cannot ask people which children a
user may see. people's own ``messages.py`` registers its selector here at start-up (found by autodiscovery).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

# (user, today) -> queryset of the children the user may see; (ids) -> queryset of those children (for the audit).
_VISIBLE: list[Callable[[Any, date], Any]] = []
_BY_IDS: list[Callable[[Iterable[int]], Any]] = []


def register_child_scope(*, visible: Callable[[Any, date], Any], by_ids: Callable[[Iterable[int]], Any]) -> None:
    """Say how to find the children a user may see, and children by id. Registered once (by people)."""
    _VISIBLE[:] = [visible]
    _BY_IDS[:] = [by_ids]


def visible_child_ids(user: Any, today: date) -> Any:
    """The ids of children ``user`` may see (a queryset or list), or none if no domain registered a scope."""
    return _VISIBLE[0](user, today).values_list("pk", flat=True) if _VISIBLE else []


def children_by_ids(ids: Iterable[int]) -> list[Any]:
    """The children with these ids (to audit that a page showed their messages)."""
    wanted = [i for i in ids if i]
    return list(_BY_IDS[0](wanted)) if _BY_IDS and wanted else []
