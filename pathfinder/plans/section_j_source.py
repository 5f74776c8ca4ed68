"""A seam: where section J (personal budget and direct payments) comes from, when a higher domain writes it.

Section J is written from the agreed personal budget (budgets, above plans in the layers), not typed by hand, and
the plan's check needs to know whether there is a direct payment (reg 12(1)(j)). Plans cannot ask budgets, so
budgets registers one provider from its ``AppConfig.ready()``: ``provider(plan) -> SectionJSource | None``
(None: no personal budget for this plan, so section J is typed as before).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SectionJSource:
    """Section J is written elsewhere: what it says, where it is managed, and whether there is a direct payment
    (None: the budget is not agreed yet, so the check cannot say)."""

    text: str
    link_text: str
    url: str
    has_direct_payment: bool | None


SectionJProvider = Callable[[object], "SectionJSource | None"]
SECTION_J_PROVIDERS: list[SectionJProvider] = []


def register_section_j_source(provider: SectionJProvider) -> SectionJProvider:
    if provider not in SECTION_J_PROVIDERS:
        SECTION_J_PROVIDERS.append(provider)
    return provider


def section_j_source(plan) -> SectionJSource | None:
    """The first provider's answer for this plan, or None when section J is the caseworker's to type."""
    for provider in SECTION_J_PROVIDERS:
        found = provider(plan)
        if found is not None:
            return found
    return None
