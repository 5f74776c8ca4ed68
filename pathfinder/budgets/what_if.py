"""What if a draft version were adopted: every current indicative or agreed budget of the stream worked out again
with the draft, from the answers stored with it, before the council publishes it.

A draft is a copy of the version in use, so its rows are new, but each question and answer carries its ``code``
across versions (copied with the draft, kept when its words are changed: models_ras, ras.option_codes_kept).
Stored answers (IndicativeBudget.answers: the old version's question and answer ids) are matched to the draft by
those codes, so rewording a question or an answer does not lose anyone's answer. Only where no code matches (a
budget whose answers were not kept by id) are the words as they were shown (IndicativeBudget.working) used, and
the row says so. A question the draft no longer asks is simply not asked; a question it asks that the family was
never asked (a new one) "needs answering again" and that family is counted apart, never guessed.

Two queries (the budgets with their children; the codes of their answers), the calculation in Python
(statutory.allocation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pathfinder.budgets.indicative import pounds
from pathfinder.budgets.models import IndicativeBudget, RequestStatus
from pathfinder.budgets.models_ras import AllocationSystem, RasOption
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
    by_words: bool = False  # some answer was matched by its words, not its code

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

    @property
    def matched_by_words(self) -> int:
        return sum(1 for r in self.rows if r.by_words)


def what_if(draft: AllocationSystem) -> WhatIf:
    """The cost of the stream's current budgets if worked out with ``draft`` (loaded with ras.ras_get)."""
    version = questionnaire_of(draft)
    problems = version_problems(version)
    if problems:
        return WhatIf(problems=problems)
    by_words = {(q.text, o.label): (q.id, o.id) for q in version.questions for o in q.options}
    by_code = {(q.code, o.code): (str(q.pk), str(o.pk)) for q in draft.questions.all() for o in q.options.all()}
    budgets = list(
        IndicativeBudget.objects.filter(stream=draft.stream, request__status__in=CURRENT)
        .select_related("request__child")
        .order_by("request__child__legal_last_name", "request__child_id")
    )
    codes = _answer_codes(budgets)
    result = WhatIf()
    for budget in budgets:
        answers: dict[str, str] = {}
        for option_id in (budget.answers or {}).values():
            match = by_code.get(codes.get(str(option_id), ("", "")))
            if match:
                answers[match[0]] = match[1]
        by_words_used = False
        for line in budget.working:  # only for a question no code matched
            match = by_words.get((line.get("question"), line.get("answer")))
            if match and match[0] not in answers:
                answers[match[0]] = match[1]
                by_words_used = True
        allocation = allocate(version, answers)
        if allocation.ok:
            result.rows.append(WhatIfRow(budget, budget.yearly_amount, allocation.amount, allocation.band.name, [],
                                         by_words_used))
        else:
            unanswered = [q.text for q in version.questions if q.id not in answers]
            result.rows.append(WhatIfRow(budget, budget.yearly_amount, None, "", unanswered, by_words_used))
    return result


def _answer_codes(budgets: list[IndicativeBudget]) -> dict[str, tuple[str, str]]:
    """Each stored answer id: its question's code and its own (one query for every budget)."""
    ids = {int(option_id) for budget in budgets for option_id in (budget.answers or {}).values()
           if str(option_id).isdigit()}
    rows = RasOption.objects.filter(pk__in=ids).values_list("pk", "question__code", "code")
    return {str(pk): (question_code, code) for pk, question_code, code in rows}
