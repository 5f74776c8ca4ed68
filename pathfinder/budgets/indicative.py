"""The indicative budget: the caseworker answers the stream's published RAS questionnaire for a child's request,
and the answers, points, band, amount and working are kept (IndicativeBudget), with the caseworker's reasons if
the council sets a different amount.

R (KM) v Cambridgeshire CC [2012] UKSC 23: the RAS gives a *starting point*; the council must check it against
the child's assessed needs and give reasons for the amount it sets. So the RAS amount is never the last word:
the caseworker may set another amount, and must then say why (the reasons letter shows both).
The request moves to "indicative" through REQUEST_WORKFLOW (work_out); working it out again replaces the
stream's row, so the request has at most one indicative budget per stream.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from pathfinder.budgets.models import BudgetRequest, IndicativeBudget
from pathfinder.budgets.models_ras import AllocationSystem, RasBand, Stream
from pathfinder.budgets.ras import questionnaire_of, ras_current, ras_get
from pathfinder.budgets.workflow import REQUEST_WORKFLOW
from pathfinder.core.errors import ServiceError
from statutory.allocation import allocate

NEW_VERSION = (
    "A new version of the questionnaire was published while you were answering it, so nothing was saved. "
    "Answer the questions again."
)


def pounds(amount: Decimal | None) -> str:
    """£1,200.50 (and £1,200 for whole pounds): how the letter and the pages show money."""
    if amount is None:
        return ""
    text = f"£{amount:,.2f}"
    return text.removesuffix(".00")


def question_field(question_id: str) -> str:
    """The form field (and ServiceError field) for a question's answer."""
    return f"q_{question_id}"


def asked_streams(request: BudgetRequest) -> list[str]:
    """The streams the family asked about, in the council's order (education, social care, health, transport): the
    only ones worked out and explained to them. A request recorded with none (before streams were asked) is
    open to every stream, so it can still be worked out."""
    asked = set(request.streams or Stream.values)
    return [stream for stream in Stream.values if stream in asked]


def indicative_questionnaire(stream: str, today: date | None = None) -> AllocationSystem | None:
    """The published version the caseworker answers today, with its questions and bands loaded."""
    current = ras_current(stream, today or timezone.localdate())
    return ras_get(current.pk) if current else None


def indicative_budget_work_out(
    request: BudgetRequest,
    stream: str,
    answers: dict[str, str],
    user,
    expected_version: int,
    *,
    system_id: int | None = None,
    amount: Decimal | None = None,
    reasons: str = "",
    today: date | None = None,
) -> IndicativeBudget:
    """Work out the stream's indicative budget from the answers (question id to option id) and save it.

    ``system_id`` is the version the page showed: if another was published since, nothing is saved. ``amount``
    is an amount the council sets instead of the RAS amount, with ``reasons`` (required then: KM).
    """
    today = today or timezone.localdate()
    if stream not in Stream.values:
        raise ServiceError("There is no such funding stream")
    if stream not in asked_streams(request):
        raise ServiceError(f"The family did not ask for a personal budget for {Stream(stream).label.lower()}. "
                           "Work out only what they asked about.")
    system = indicative_questionnaire(stream, today)
    if system is None:
        raise ServiceError(f"The council has not published a questionnaire for {Stream(stream).label} yet")
    if system_id is not None and int(system_id) != system.pk:
        raise ServiceError(NEW_VERSION)
    result = allocate(questionnaire_of(system), {str(k): str(v) for k, v in answers.items()})
    if not result.ok:
        first = result.problems[0]
        raise ServiceError(first.message, field=question_field(first.question_id) if first.question_id else None)
    if amount is not None and amount != result.amount and not reasons.strip():
        raise ServiceError("Give the reasons for setting a different amount from the RAS amount", field="reasons")
    band = next(b for b in system.bands.all() if b.name == result.band.name and b.min_points == result.band.min_points)

    def apply(current: BudgetRequest) -> None:
        IndicativeBudget.objects.update_or_create(
            request=current,
            stream=stream,
            defaults={
                "system": system,
                "answers": {line.question_id: line.option_id for line in result.working},
                "points": result.points,
                "band": band,
                "yearly_amount": amount if amount is not None else result.amount,
                "working": [
                    {
                        "question_id": w.question_id,
                        "question": w.question,
                        "option_id": w.option_id,
                        "answer": w.answer,
                        "points": w.points,
                    }
                    for w in result.working
                ],
                "reasons": reasons.strip() if amount is not None and amount != result.amount else "",
                "worked_out_on": today,
                "worked_out_by": user,
            },
        )

    REQUEST_WORKFLOW.transition(
        request,
        "work_out",
        acting_user=user,
        expected_version=expected_version,
        apply=apply,
        what=f"worked out the {Stream(stream).label.lower()} indicative budget",
    )
    return IndicativeBudget.objects.get(request=request, stream=stream)


# -- the reasons letter -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterLine:
    question: str
    answer: str
    points: int


@dataclass(frozen=True)
class LetterBudget:
    """One stream's indicative budget as the letter explains it."""

    stream: str
    stream_label: str
    version: str
    lines: list[LetterLine]
    points: int
    band: str
    band_range: str
    ras_amount: str
    amount: str
    departs: bool
    reasons: str
    worked_out_on: date


def _band_range(band: RasBand) -> str:
    if band.max_points is None:
        return f"{band.min_points} points or more"
    return f"{band.min_points} to {band.max_points} points"


def letter_budgets(request: BudgetRequest) -> list[LetterBudget]:
    """Each indicative budget of the streams the family asked about, answer by answer, as they read it (one
    query)."""
    budgets = (request.indicative_budgets.filter(stream__in=asked_streams(request)).select_related("system", "band")
               .order_by("stream"))
    result = []
    for b in budgets:
        ras_amount = b.band.yearly_amount
        result.append(
            LetterBudget(
                stream=b.stream,
                stream_label=b.get_stream_display(),
                version=f"version {b.system.number}, in use from {b.system.effective_from:%-d %B %Y}"
                if b.system.effective_from
                else f"version {b.system.number}",
                lines=[LetterLine(w["question"], w["answer"], w["points"]) for w in b.working],
                points=b.points,
                band=b.band.name,
                band_range=_band_range(b.band),
                ras_amount=pounds(ras_amount),
                amount=pounds(b.yearly_amount),
                departs=ras_amount != b.yearly_amount,
                reasons=b.reasons,
                worked_out_on=b.worked_out_on,
            )
        )
    return result
