"""Saving a plan page unchanged changes nothing: no new version, no new entry in the history of changes.

Every save of a plan bumps its version (so that a colleague's open page is told it is out of date) and writes
history. A caseworker who opens a need and presses Save without changing it has changed nothing, so neither
should happen; otherwise two people reading the same plan keep making each other's pages stale.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def item_unchanged(item: Any, values: dict[str, Any], links: dict[str, Iterable[Any]] | None = None) -> bool:
    """True when saving `values` (field: value) and `links` (many-to-many name: objects) would leave `item` as
    it is."""
    if any(getattr(item, name) != value for name, value in values.items()):
        return False
    for name, linked in (links or {}).items():
        if {obj.pk for obj in getattr(item, name).all()} != {obj.pk for obj in linked}:
            return False
    return True
