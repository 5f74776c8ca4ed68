"""The one way a record changes state: a table of moves and one `transition()`.

Every workflow in Pathfinder (an assessment, a plan, a Local Offer revision, a family's comment) declares its
moves as a `Workflow` at the top of its own module, under a diagram of them. `Workflow.transition()` then does,
in one database transaction and in this order:

1. lock the row (`SELECT ... FOR UPDATE`), so two people acting at once are served one after the other;
2. check the version the person saw is still the version saved, so a stale page cannot undo someone's work;
3. check the move is allowed from where the record stands now;
4. run the domain's own checks (`check`), which raise `ServiceError` to refuse with a plain-English reason;
5. apply the domain's changes (`apply`: stamp dates, copy reasons), set the new status, bump the version;
6. save, and write one audit event through the workflow's `record` callback.

`core` knows no domain, so it does not import the audit trail: each workflow passes the function that records
its acts (for a child's record, `audit.services.audit_event_record`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import models, transaction

from pathfinder.core.errors import ServiceError, StaleEdit

STALE_MESSAGE = (
    "Someone else changed this record while you were working on it. "
    "Your change was not saved: check it as it is now and try again."
)


@dataclass(frozen=True)
class Move:
    """One row of a workflow's table: doing `action` (shown as `label`) from any of `sources` leads to `target`."""

    action: str
    label: str
    sources: tuple[str, ...]
    target: str


class Recorder(Protocol):
    def __call__(self, *, acting_user: Any, record: models.Model, move: Move, what: str) -> None: ...


class Workflow:
    """A named table of moves over one model's status field, with its version guard."""

    def __init__(
        self,
        name: str,
        moves: Iterable[Move],
        *,
        status_field: str = "status",
        version_field: str = "version",
        record: Recorder | None = None,
        stale_message: str = STALE_MESSAGE,
        noun: str = "it",
    ) -> None:
        self.name = name
        self.moves: dict[str, Move] = {}
        for move in moves:
            if move.action in self.moves:
                raise ValueError(f"{name}: the move {move.action!r} is declared twice")
            self.moves[move.action] = move
        self.status_field = status_field
        self.version_field = version_field
        self.record = record
        self.stale_message = stale_message
        self.noun = noun  # how refusals name the record: "You cannot ... now: the case is at ..."

    def __getitem__(self, action: str) -> Move:
        return self.moves[action]

    def __contains__(self, action: str) -> bool:
        return action in self.moves

    def __iter__(self):
        return iter(self.moves.values())

    def status_of(self, obj: models.Model) -> str:
        return getattr(obj, self.status_field)

    def allowed(self, obj: models.Model) -> list[Move]:
        """The moves open from where this record stands, in the table's order."""
        status = self.status_of(obj)
        return [move for move in self.moves.values() if status in move.sources]

    def can(self, obj: models.Model, action: str) -> bool:
        move = self.moves.get(action)
        return move is not None and self.status_of(obj) in move.sources

    def refusal(self, obj: models.Model, move: Move) -> str:
        display = getattr(obj, f"get_{self.status_field}_display", None)
        where = display() if callable(display) else self.status_of(obj)
        return f"You cannot {move.label[0].lower() + move.label[1:]} now: {self.noun} is at “{where}”."

    def transition(
        self,
        obj: models.Model,
        action: str,
        *,
        acting_user: Any,
        expected_version: int | None,
        check: Callable[[Any], None] | None = None,
        apply: Callable[[Any], None] | None = None,
        what: str | None = None,
        lock: Callable[[Any], Any] | None = None,
        record: bool = True,
    ) -> Any:
        """Make one move, or raise `ServiceError` (`StaleEdit` for a stale version) and change nothing.

        `expected_version` is the version the person's page was drawn from; `None` only for moves the system makes
        itself (a scheduled job), never for a person's form. `check` sees the locked row and may refuse; `apply`
        changes it. `lock` may take further locks (a parent row) inside the same transaction. `record=False` only for a
        move made as part of another act that records itself (one audit row per act). Returns the saved row.
        """
        move = self.moves.get(action)
        if move is None:
            raise ServiceError(f"Unknown action: {action}")
        with transaction.atomic():
            current = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
            if lock is not None:
                lock(current)
            if expected_version is not None and int(expected_version) != getattr(current, self.version_field):
                raise StaleEdit(self.stale_message)
            if self.status_of(current) not in move.sources:
                raise ServiceError(self.refusal(current, move))
            if check is not None:
                check(current)
            if apply is not None:
                apply(current)
            setattr(current, self.status_field, move.target)
            setattr(current, self.version_field, getattr(current, self.version_field) + 1)
            current._change_reason = move.label  # django-simple-history shows it as the reason
            current.save()
            if record and self.record is not None:
                self.record(acting_user=acting_user, record=current, move=move, what=what or move.label)
        return current


def diagram_lines(workflow: Workflow) -> list[str]:
    """The table as plain lines ("source --action--> target"), for docs and tests that compare with the diagram."""
    return [f"{source} --{move.action}--> {move.target}" for move in workflow for source in move.sources]
