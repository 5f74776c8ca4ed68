"""What is due on a member of staff's cases: a registry of providers the apps fill in. Core names no app.

A provider is a function ``(user, today) -> iterable of WorklistItem``, declared in an app's ``worklist.py``::

    from pathfinder.core.worklist import register_worklist_provider

    @register_worklist_provider
    def reviews_due(user, today):
        for review in ...:
            yield WorklistItem(child=review.child, title="Annual review", due=review.due_on, url=...,
                               reason="SEND Regulations 2014, reg 18", today=today)

Discovery is the navigation's (see pathfinder.core.navigation): ``CoreConfig.ready()`` runs
``autodiscover_modules("worklist")``, so installing an app plugs its provider in. A page (the caseworker's
home, in insights) calls :func:`worklist_items` and groups what comes back; it never knows which app a step
came from. ``today`` is always passed in, never read from the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class WorklistItem:
    """One thing due on one child's case.

    ``child`` is the child's record (shown by ``full_name``, audited as read); ``url`` the page where the work is
    done; ``reason`` the citation (the law, or why it is due) and ``reason_url`` where to read it. ``overdue`` is
    the provider's verdict (by default: the due date has passed) and ``excused`` says an overdue step is
    excused (an exception applies). ``notes`` are extra lines shown under the title. Items due the same day are
    ordered by ``sort_key``: the child's surname, then a number.
    """

    child: Any
    title: str
    due: date
    url: str
    reason: str
    today: date
    reason_url: str = ""
    overdue: bool | None = None
    excused: bool = False
    notes: tuple[str, ...] = ()
    sort_key: tuple[str, int] = ("", 0)

    @property
    def is_overdue(self) -> bool:
        return self.due < self.today if self.overdue is None else self.overdue

    @property
    def days_left(self) -> int:
        """Days until the due date; negative once overdue."""
        return (self.due - self.today).days

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)


class ProvidedItems(tuple):
    """What a provider may return instead of a plain iterable, to say how many open cases it looked at.

    A case with nothing due still counts (the caseworker's home says "your 3 open cases").
    """

    case_count: int

    def __new__(cls, items: Iterable[WorklistItem] = (), case_count: int = 0) -> ProvidedItems:
        provided = super().__new__(cls, items)
        provided.case_count = case_count
        return provided


WorklistProvider = Callable[[Any, date], Iterable[WorklistItem]]
_PROVIDERS: list[WorklistProvider] = []


def register_worklist_provider(provider: WorklistProvider) -> WorklistProvider:
    """Add a provider (usable as a decorator). Registering the same function twice adds it once."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def unregister_worklist_provider(provider: WorklistProvider) -> None:
    """Take a provider out again (tests use this to clean up)."""
    _PROVIDERS.remove(provider)


def worklist_providers() -> tuple[WorklistProvider, ...]:
    return tuple(_PROVIDERS)


@dataclass(frozen=True)
class Gathered:
    """Every provider's items, in the order the providers gave them, and the open cases they looked at."""

    items: tuple[WorklistItem, ...]
    case_count: int


def worklist_items(user: Any, today: date) -> Gathered:
    """Ask every registered provider what is due for ``user`` on ``today``."""
    items: list[WorklistItem] = []
    case_count = 0
    for provider in _PROVIDERS:
        provided = provider(user, today)
        case_count += getattr(provided, "case_count", 0)
        items.extend(provided)
    return Gathered(items=tuple(items), case_count=case_count)
