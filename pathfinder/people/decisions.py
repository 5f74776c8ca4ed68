"""The seam through which a decision the family may appeal is recorded (CFA 2014 s.51(2)).

Decisions are made in lower domains (assessments, plans, reviews, ceasing), but they are recorded, with the
notice's date and what the family may do next, by ``pathfinder.disagreements``, which sits above them all. So the
deciding service calls ``appealable_decision_made`` inside the transaction that sends the letter, and
disagreements registers the one recorder from its ``AppConfig.ready()``; people never imports it (layers).

Why a single recorder rather than a list: a decision must be recorded exactly once, and a second registration is
a wiring mistake worth failing on at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol


class DecisionRecorder(Protocol):
    def __call__(self, *, child, kind: str, decided_on: date, notice_sent: date | None, sections: Sequence[str],
                 source_type: str, source_id: str, summary: str, acting_user) -> object: ...


_RECORDER: list[DecisionRecorder] = []
_REBUILDERS: list[Callable[[], int]] = []


def register_decision_recorder(recorder: DecisionRecorder, *, rebuild: Callable[[], int] | None = None) -> None:
    """Install the one function that records appealable decisions, and optionally the one that rebuilds them
    from rows written in bulk. Registering the same function again is harmless; a different one is refused."""
    if _RECORDER and _RECORDER[0] is not recorder:
        raise ValueError("An appealable decision recorder is already registered")
    _RECORDER[:] = [recorder]
    if rebuild is not None:
        _REBUILDERS[:] = [rebuild]


def appealable_decision_made(*, child, kind: str, decided_on: date, notice_sent: date | None,
                             sections: Sequence[str] = (), source_type: str, source_id: str | int, summary: str,
                             acting_user) -> object | None:
    """Record that the council made a decision the family may appeal. Call it inside the transaction that sends
    the notice, so the decision and its letter stand or fall together. Returns the recorder's record, or None when
    no recorder is installed (a deployment without the disagreements app)."""
    if not _RECORDER:
        return None
    return _RECORDER[0](child=child, kind=str(kind), decided_on=decided_on, notice_sent=notice_sent,
                        sections=list(sections), source_type=source_type, source_id=str(source_id),
                        summary=summary, acting_user=acting_user)


def appealable_decisions_rebuild() -> int:
    """After rows were written in bulk (the demo county, a caseload import), record the decisions they hold that
    no service recorded. Idempotent; returns how many decisions were added."""
    return sum(rebuild() for rebuild in _REBUILDERS)


# What the family is told about a decision now (its appeal and mediation dates, moved by a certificate): worded
# once, by disagreements, and shown by the lower domains' pages (the plan page's "not amended" summary) through
# this seam, so every page gives the same days in the same words.
DecisionLines = Callable[..., "list[str] | None"]
_EXPLAINERS: list[DecisionLines] = []


def register_decision_lines(explainer: DecisionLines) -> None:
    """Install ``explainer(source_type=..., source_id=..., kind=..., today=...) -> list[str] | None``."""
    _EXPLAINERS[:] = [explainer]


def appealable_decision_lines(*, source_type: str, source_id: str | int, kind: str, today: date) -> list[str] | None:
    """The sentences the family's case page gives for the decision this record made, or None when it is not
    recorded (or no disagreements app is installed): the caller then says what it can from the notice alone."""
    if not _EXPLAINERS:
        return None
    return _EXPLAINERS[0](source_type=source_type, source_id=str(source_id), kind=str(kind), today=today)
