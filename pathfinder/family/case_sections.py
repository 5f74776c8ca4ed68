"""Sections a later domain adds to the family's case page (family sits below them, so it owns this seam).

A provider ``(child, today) -> CaseSection | None`` says something in short sentences; the page shows each section
with a heading and its lines. ``pathfinder.disagreements`` registers one for the decisions the family may appeal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class CaseItem:
    """One thing within a section: a heading of its own and its sentences."""

    heading: str
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CaseSection:
    heading: str
    items: list[CaseItem] = field(default_factory=list)


CaseSectionProvider = Callable[[object, date], CaseSection | None]
_PROVIDERS: list[CaseSectionProvider] = []


def register_case_section(provider: CaseSectionProvider) -> CaseSectionProvider:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def case_sections(child, today: date) -> list[CaseSection]:
    """What the later domains have to say about this child's case today, in registration order."""
    return [section for provider in _PROVIDERS if (section := provider(child, today)) is not None]
