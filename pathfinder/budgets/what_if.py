"""What if a draft version were adopted: every current indicative or agreed budget of the stream worked out again
with the draft, from the answers stored with it, before the council publishes it.

A draft is a copy of the version in use, so its rows are new: stored answers are matched to the draft by the
question's words and the answer's words as they were shown (IndicativeBudget.working). A question the draft no
longer asks is simply not asked; a question it asks that the family was never asked (new, or reworded), or an
answer whose words changed, "needs answering again" and that family is counted apart, never guessed.

One query for the budgets (with their children), the calculation in Python (statutory.allocation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pathfinder.budgets.indicative import pounds
from pathfinder.budgets.models import IndicativeBudget, RequestStatus
from pathfinder.budgets.models_ras import AllocationSystem
from pathfinder.budgets.ras import questionnaire_of
from statutory.allocation import Problem, allocate, version_problems

CURRENT = (RequestStatus.INDICATIVE, RequestStatus.AGREED)


@dataclass(frozen=True)
class WhatIfRow:
    budget: IndicativeBudget
    now: Decimal
    new: Decimal | None  # None: needs answering again
    new_band: str
    unanswered: list[str]

    @property
    def change(self) -> Decimal | None:
        return None if self.new is None else self.new - self.now

    @property
    def now_text(self) -> str:
        return pounds(self.now)

    @property
    def new_text(self) -> str:
        return pounds(self.new) if self.new is not None else "Needs answering again"

    @property
    def change_text(self) -> str:
        change = self.change
        if change is None:
            return ""
        return ("+" if change > 0 else "−" if change < 0 else "") + pounds(abs(change))


@dataclass
class WhatIf:
    rows: list[WhatIfRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def worked(self) -> list[WhatIfRow]:
        return [r for r in self.rows if r.new is not None]

    @property
    def total_now(self) -> Decimal:
        return sum((r.now for r in self.rows), Decimal("0"))

    @property
    def total_now_worked(self) -> Decimal:
        """Today's cost of the budgets the draft could work out (so the two totals compare like with like)."""
        return sum((r.now for r in self.worked), Decimal("0"))

    @property
    def total_new(self) -> Decimal:
        return sum((r.new for r in self.worked), Decimal("0"))

    @property
    def up(self) -> int:
        return sum(1 for r in self.worked if r.new > r.now)

    @property
    def down(self) -> int:
        return sum(1 for r in self.worked if r.new < r.now)

    @property
    def same(self) -> int:
        return sum(1 for r in self.worked if r.new == r.now)

    @property
    def needs_answering(self) -> int:
        return len(self.rows) - len(self.worked)


def what_if(draft: AllocationSystem) -> WhatIf:
    """The cost of the stream's current budgets if worked out with ``draft`` (loaded with ras.ras_get)."""
    version = questionnaire_of(draft)
    problems = version_problems(version)
    if problems:
        return WhatIf(problems=problems)
    by_words = {(q.text, o.label): (q.id, o.id) for q in version.questions for o in q.options}
    budgets = (
        IndicativeBudget.objects.filter(stream=draft.stream, request__status__in=CURRENT)
        .select_related("request__child")
        .order_by("request__child__legal_last_name", "request__child_id")
    )
    result = WhatIf()
    for budget in budgets:
        answers = {}
        for line in budget.working:
            match = by_words.get((line.get("question"), line.get("answer")))
            if match:
                answers[match[0]] = match[1]
        allocation = allocate(version, answers)
        if allocation.ok:
            result.rows.append(WhatIfRow(budget, budget.yearly_amount, allocation.amount, allocation.band.name, []))
        else:
            unanswered = [q.text for q in version.questions if q.id not in answers]
            result.rows.append(WhatIfRow(budget, budget.yearly_amount, None, "", unanswered))
    return result
