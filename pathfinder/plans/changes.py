"""What changed in the plan since the draft the family was sent: the final plan says so, section by section.

Families used to compare Word files with tracked changes. Instead, sending the draft keeps a copy of its content
(a ``PlanSnapshot``, made inside ``plans.workflow.plan_draft_send``, in the same transaction), and the final plan
compares today's content with it. Content is plain JSON: for each section a list of items, each with a stable
``key`` (the row's id, or "text" for a free-text section), the ``label`` the family reads (B1, F3) and its
``text``. The comparison (``content_diff``) is plain Python over those dicts, so it is tested without a database.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

from pathfinder.plans.models import PLAN_SECTIONS, Plan, PlanSnapshot, SnapshotKind
from pathfinder.plans.selectors import labelled_items

CONTENT_VERSION = 1  # the shape of a snapshot's JSON; a later shape must still read this one


@dataclass(frozen=True)
class Changed:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class SectionChanges:
    """One section's changes in plain words: what was added, what was taken out, and what was reworded."""

    section: str
    title: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


def _text_items(text: str) -> list[dict]:
    """A free-text section as one item per paragraph, so one new paragraph shows as added, not as all changed."""
    return [{"key": f"p{i}", "label": "", "text": p} for i, p in enumerate(_paragraphs(text), 1)]


def _provision_text(p) -> str:
    parts = [p.description]
    for name, value in (("How much", p.amount), ("How often", p.frequency), ("Who provides it", p.provided_by)):
        if value:
            parts.append(f"{name}: {value}")
    return ". ".join(part.rstrip(".") for part in parts) + "."


def plan_content(plan: Plan) -> dict:
    """The plan's content as plain JSON: {"version": 1, "sections": {"A": [items], ...}}."""
    items = labelled_items(plan)
    sections: dict[str, list[dict]] = {
        "A": _text_items(plan.section_a),
        "B": [{"key": str(n.pk), "label": n.label, "text": f"{n.area}: {n.description}"} for n in items["needs"]],
        "C": _text_items(plan.section_c),
        "D": _text_items(plan.section_d),
        "E": [{"key": str(o.pk), "label": o.label, "text": o.description} for o in items["outcomes"]],
    }
    for letter in ("F", "G", "H1", "H2"):
        sections[letter] = [{"key": str(p.pk), "label": p.label, "text": _provision_text(p)} for p in items[letter]]
    placement = ", ".join(v for v in (plan.placement_name, plan.get_placement_type_display() if plan.placement_type
                                      else "") if v)
    sections["I"] = [{"key": "placement", "label": "", "text": placement}] if placement else []
    sections["J"] = _text_items(plan.section_j)
    return {"version": CONTENT_VERSION, "sections": sections}


def _text_diff(before: list[dict], after: list[dict]) -> tuple[list[str], list[str], list[Changed]]:
    """Paragraphs compared in order: inserted, deleted, or one paragraph replaced by another."""
    old, new = [i["text"] for i in before], [i["text"] for i in after]
    added, removed, changed = [], [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "insert":
            added += new[j1:j2]
        elif op == "delete":
            removed += old[i1:i2]
        elif op == "replace":
            pairs = min(i2 - i1, j2 - j1)
            changed += [Changed("", old[i1 + k], new[j1 + k]) for k in range(pairs)]
            removed += old[i1 + pairs:i2]
            added += new[j1 + pairs:j2]
    return added, removed, changed


def _label(item: dict) -> str:
    return f"{item['label']}: {item['text']}" if item.get("label") else item["text"]


def _item_diff(before: list[dict], after: list[dict]) -> tuple[list[str], list[str], list[Changed]]:
    """Items matched by their key: new keys were added, missing keys removed, same key with other words changed."""
    old = {i["key"]: i for i in before}
    new = {i["key"]: i for i in after}
    added = [_label(i) for k, i in new.items() if k not in old]
    removed = [_label(i) for k, i in old.items() if k not in new]
    changed = [Changed(new[k]["label"] or old[k]["label"], old[k]["text"], new[k]["text"])
               for k in new if k in old and old[k]["text"] != new[k]["text"]]
    return added, removed, changed


TEXT_SECTIONS = frozenset({"A", "C", "D", "J"})


def content_diff(before: dict, after: dict) -> list[SectionChanges]:
    """Every section that differs between two contents, in the plan's order; an unchanged section is left out."""
    result = []
    old, new = before.get("sections", {}), after.get("sections", {})
    for letter, title in PLAN_SECTIONS.items():
        a, b = old.get(letter, []), new.get(letter, [])
        if a == b:
            continue
        added, removed, changed = (_text_diff if letter in TEXT_SECTIONS else _item_diff)(a, b)
        if added or removed or changed:
            result.append(SectionChanges(letter, title, added, removed, changed))
    return result


def draft_snapshot_take(plan: Plan, on: date) -> PlanSnapshot:
    """Keep the draft as sent to the family. Called inside plan_draft_send's transaction, so no draft is sent
    without its copy (and no copy is kept of a draft that was not sent)."""
    snapshot, _ = PlanSnapshot.objects.update_or_create(
        plan=plan, kind=SnapshotKind.DRAFT_SENT, defaults={"taken_on": on, "content": plan_content(plan)},
    )
    return snapshot


@dataclass(frozen=True)
class SinceDraft:
    """What the final plan page says about the draft: when it was sent and what changed; ``known`` is False for a
    plan sent before copies were kept (the page then says there is no copy to compare)."""

    known: bool
    sent_on: date | None
    sections: list[SectionChanges]


def changes_since_draft(plan: Plan) -> SinceDraft:
    """The plan now against the draft the family was sent."""
    snapshot = PlanSnapshot.objects.filter(plan=plan, kind=SnapshotKind.DRAFT_SENT).first()
    if snapshot is None:
        return SinceDraft(known=False, sent_on=plan.draft_sent_on, sections=[])
    return SinceDraft(known=True, sent_on=snapshot.taken_on, sections=content_diff(snapshot.content,
                                                                                    plan_content(plan)))
