"""A seam: lines a later domain shows at the top of a plan's page ("Ceasing decided: in force until ...").

A plan's life after it is issued (reviews, ceasing, a move of council) belongs to domains above plans in the
layers, so plans cannot ask them. Each registers a provider from its ``AppConfig.ready()``:
``provider(request, plan) -> iterable of PlanNote``; the plan's page shows every note, in registration order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class PlanNote:
    """One line about the plan, with an optional link to where it is dealt with."""

    text: str
    link_text: str = ""
    url: str = ""


PlanNotes = Callable[[HttpRequest, object], Iterable[PlanNote]]
PLAN_NOTE_PROVIDERS: list[PlanNotes] = []


def register_plan_notes(provider: PlanNotes) -> PlanNotes:
    if provider not in PLAN_NOTE_PROVIDERS:
        PLAN_NOTE_PROVIDERS.append(provider)
    return provider


def plan_notes(request: HttpRequest, plan) -> list[PlanNote]:
    return [note for provider in PLAN_NOTE_PROVIDERS for note in provider(request, plan)]
