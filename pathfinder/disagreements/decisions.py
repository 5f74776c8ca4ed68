"""Recording appealable decisions: the recorder behind ``people.decisions`` and its bulk rebuild.

The deciding service (assessments, plans, reviews, ceasing) calls ``people.decisions.appealable_decision_made``
inside the transaction that sends the letter; this module writes the row. A decision already recorded for the same
source and kind is returned as it is, so a retried or repeated call never makes a second decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pathfinder.core.errors import ServiceError
from pathfinder.disagreements.constants import APPEALABLE_SECTIONS, CONTENTS_KINDS, AppealableKind
from pathfinder.disagreements.models import AppealableDecision


def appealable_decision_record(*, child, kind: str, decided_on: date, notice_sent: date | None,
                               sections: Sequence[str], source_type: str, source_id: str, summary: str,
                               acting_user) -> AppealableDecision:
    """Record one decision the family may appeal (CFA 2014 s.51(2)), once per source record and kind."""
    if kind not in AppealableKind.values:
        raise ServiceError(f"Not a decision the family may appeal: {kind}")
    sections = [s for s in APPEALABLE_SECTIONS if s in set(sections)]
    if kind in CONTENTS_KINDS and not sections:
        sections = list(APPEALABLE_SECTIONS)
    if kind not in CONTENTS_KINDS:
        sections = []
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    # No audit event of its own: the deciding service's move is the one act, and it is audited there.
    decision, _ = AppealableDecision.objects.get_or_create(
        source_type=source_type, source_id=str(source_id), kind=kind,
        defaults={"child": child, "decided_on": decided_on, "notice_sent": notice_sent, "sections": sections,
                  "summary": summary[:300], "created_by": user},
    )
    return decision
