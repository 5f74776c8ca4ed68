"""Tracked changes between two versions of a plan, section by section and word by word.

Families and caseworkers used to read proposed amendments as a Word file with tracked changes. Here two plan
contents (``plans.changes.plan_content``: plain JSON, so a kept snapshot and a live plan compare the same way)
are lined up section by section. Items are matched by their words, not their row ids, because an amendment is a
copy of the plan with new rows: difflib pairs the unchanged items, and an item replaced by another is shown as
one item with the words taken out and put in. Labels (B1, F3) are shown from the newer version and never count
as a change, so adding F1 does not make every later item look changed.

Plain Python over plain dicts: unit-tested without a database.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from pathfinder.plans.models import PLAN_SECTIONS

PieceKind = Literal["same", "added", "removed"]
ItemState = Literal["same", "added", "removed", "changed"]


@dataclass(frozen=True)
class Piece:
    """A run of words that is the same in both versions, only in the newer one (added) or only in the older."""

    kind: PieceKind
    text: str


@dataclass(frozen=True)
class TrackedItem:
    label: str
    state: ItemState
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class TrackedSection:
    letter: str
    title: str
    items: tuple[TrackedItem, ...]

    @property
    def changed(self) -> bool:
        return any(item.state != "same" for item in self.items)

    @property
    def counts(self) -> dict[str, int]:
        return {state: sum(1 for i in self.items if i.state == state) for state in ("added", "removed", "changed")}


def word_diff(before: str, after: str) -> tuple[Piece, ...]:
    """The words of ``after`` against ``before``: runs of same, removed and added words, in reading order (a
    replaced run shows what was taken out before what was put in)."""
    old, new = (before or "").split(), (after or "").split()
    pieces: list[Piece] = []

    def put(kind: PieceKind, words: list[str]) -> None:
        if not words:
            return
        if pieces and pieces[-1].kind == kind:
            pieces[-1] = Piece(kind, f"{pieces[-1].text} {' '.join(words)}")
        else:
            pieces.append(Piece(kind, " ".join(words)))

    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            put("same", old[i1:i2])
        else:
            put("removed", old[i1:i2])
            put("added", new[j1:j2])
    return tuple(pieces)


def _similar(a: str, b: str) -> bool:
    """Two items close enough to read as one item reworded rather than one taken out and another put in."""
    return difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio() >= 0.4


def _section_items(before: list[dict], after: list[dict]) -> tuple[TrackedItem, ...]:
    old, new = [i["text"] for i in before], [i["text"] for i in after]
    out: list[TrackedItem] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            out += [TrackedItem(after[j]["label"], "same", (Piece("same", new[j]),)) for j in range(j1, j2)]
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        while olds and news:
            i, j = olds[0], news[0]
            if _similar(old[i], new[j]):
                out.append(TrackedItem(after[j]["label"] or before[i]["label"], "changed", word_diff(old[i], new[j])))
                olds.pop(0)
                news.pop(0)
            elif len(olds) >= len(news):
                out.append(TrackedItem(before[i]["label"], "removed", (Piece("removed", old[i]),)))
                olds.pop(0)
            else:
                out.append(TrackedItem(after[j]["label"], "added", (Piece("added", new[j]),)))
                news.pop(0)
        out += [TrackedItem(before[i]["label"], "removed", (Piece("removed", old[i]),)) for i in olds]
        out += [TrackedItem(after[j]["label"], "added", (Piece("added", new[j]),)) for j in news]
    return tuple(out)


def tracked_changes(before: dict, after: dict) -> tuple[TrackedSection, ...]:
    """Every section of the plan (A to J), each with its items marked same, added, removed or changed."""
    old, new = before.get("sections", {}), after.get("sections", {})
    return tuple(
        TrackedSection(letter, title, _section_items(old.get(letter, []), new.get(letter, [])))
        for letter, title in PLAN_SECTIONS.items() if letter in old or letter in new
    )


def has_changes(before: dict, after: dict) -> bool:
    """True if any section differs in its words (a renumbering alone is not a change)."""
    return any(section.changed for section in tracked_changes(before, after))
