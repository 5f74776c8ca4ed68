"""The resource allocation system (RAS) as a pure calculation: a questionnaire version and the answers in; the
points, the band, the amount and the working out (plain data, no Django, no clock).

The law it serves:

* Children and Families Act 2014, s.49: a council that maintains or is preparing an EHC plan must prepare a
  personal budget if the child's parent or the young person asks for one.
* SEND (Personal Budgets) Regulations 2014 (SI 2014/1652), reg 4: the council must prepare it when asked while
  the plan is drafted, reviewed or re-assessed, and must say why if it cannot identify an amount.
* R (KM) v Cambridgeshire CC [2012] UKSC 23: a resource allocation system is lawful only as a *starting point*;
  the council must then check the amount against the assessed need and give reasons for the amount it sets.
  So every answer's points, the band and the band's price are returned as working, line by line, for the
  reasons letter, and the caseworker may depart from the amount with reasons (kept outside this module).

Nothing here throws half-way: every problem (a missing answer, an answer not among the question's options, a band
without a price, a gap or an overlap between bands) is returned as a :class:`Problem`, so a page can show them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

CFA_S49 = "Children and Families Act 2014, s.49"
PB_REG_4 = "SEND (Personal Budgets) Regulations 2014, reg 4"
KM = "R (KM) v Cambridgeshire CC [2012] UKSC 23"


@dataclass(frozen=True)
class Option:
    """One answer to a question and the points it scores: more need, more points."""

    id: str
    label: str
    points: int


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Band:
    """Totals from ``min_points`` to ``max_points`` (both included; ``None`` for the open top band) and the
    yearly price of the band (``None`` while it has not been priced)."""

    name: str
    min_points: int
    max_points: int | None
    yearly_amount: Decimal | None

    def holds(self, points: int) -> bool:
        return self.min_points <= points and (self.max_points is None or points <= self.max_points)


@dataclass(frozen=True)
class Questionnaire:
    """One version of one stream's RAS."""

    questions: tuple[Question, ...]
    bands: tuple[Band, ...]

    @property
    def most_points(self) -> int:
        """The highest total any set of answers can score."""
        return sum(max((o.points for o in q.options), default=0) for q in self.questions)


@dataclass(frozen=True)
class Problem:
    """Something that stops the calculation (or the version being published), in words a manager can act on.
    ``question_id`` points at the question it is about, if any (a form shows it by that question)."""

    code: str
    message: str
    question_id: str | None = None


@dataclass(frozen=True)
class WorkingLine:
    """One answer as the reasons letter shows it."""

    question_id: str
    question: str
    option_id: str
    answer: str
    points: int


@dataclass(frozen=True)
class Allocation:
    """The result: with no problems, ``points`` is the sum of the working's points, ``band`` holds it and
    ``amount`` is the band's price. With problems, the working holds the answers that could be read."""

    working: tuple[WorkingLine, ...]
    points: int | None = None
    band: Band | None = None
    amount: Decimal | None = None
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems


def version_problems(version: Questionnaire) -> list[Problem]:
    """Why this version cannot be used (or published) yet: no questions, a question without answers, bands that
    leave a total without a band or give one total two bands, a band without a price, or a band that pays less
    than the band below it (more need must never give less money: that would be no rational starting point, KM)."""
    problems: list[Problem] = []
    if not version.questions:
        problems.append(Problem("no_questions", "Add at least one question"))
    for question in version.questions:
        if not question.options:
            problems.append(Problem("no_options", f"Add answers to the question “{question.text}”", question.id))
    bands = sorted(version.bands, key=lambda b: (b.min_points, b.max_points is None, b.max_points or 0))
    if not bands:
        problems.append(Problem("no_bands", "Add at least one band of points with its price"))
        return problems
    for band in bands:
        if band.max_points is not None and band.max_points < band.min_points:
            problems.append(Problem("band_backwards", f"{band.name} ends before it starts: check its points"))
        if band.yearly_amount is None:
            problems.append(Problem("band_unpriced", f"Give {band.name} a price for a year"))
        elif band.yearly_amount < 0:
            problems.append(Problem("band_negative", f"The price of {band.name} must be £0 or more"))
    if bands[0].min_points > 0:
        problems.append(
            Problem("gap", f"No band holds 0 to {bands[0].min_points - 1} points: start the first band at 0")
        )
    for lower, upper in zip(bands, bands[1:], strict=False):
        if lower.max_points is None or upper.min_points <= lower.max_points:
            problems.append(Problem("overlap", f"{lower.name} and {upper.name} overlap: a total must fall in one band"))
        elif upper.min_points > lower.max_points + 1:
            problems.append(
                Problem(
                    "gap",
                    f"No band holds {lower.max_points + 1} to {upper.min_points - 1} points, between "
                    f"{lower.name} and {upper.name}",
                )
            )
        if (
            lower.yearly_amount is not None
            and upper.yearly_amount is not None
            and upper.yearly_amount < lower.yearly_amount
        ):
            problems.append(
                Problem(
                    "less_for_more", f"{upper.name} pays less than {lower.name}: more need must never give less money"
                )
            )
    top = bands[-1]
    if top.max_points is not None and top.max_points < version.most_points:
        problems.append(
            Problem(
                "gap",
                f"No band holds more than {top.max_points} points, but the answers can score "
                f"{version.most_points}: leave the top band's highest points empty",
            )
        )
    return problems


def answer_problems(version: Questionnaire, answers: Mapping[str, str]) -> tuple[list[WorkingLine], list[Problem]]:
    """Read the answers (question id to option id) against the questions: one working line per answer given,
    a problem for each question not answered or answered with something not among its options."""
    working: list[WorkingLine] = []
    problems: list[Problem] = []
    for question in version.questions:
        chosen = answers.get(question.id)
        if chosen in (None, ""):
            problems.append(Problem("missing_answer", f"Select an answer to “{question.text}”", question.id))
            continue
        option = question.option(str(chosen))
        if option is None:
            problems.append(
                Problem("unknown_answer", f"Select one of the answers given to “{question.text}”", question.id)
            )
            continue
        working.append(WorkingLine(question.id, question.text, option.id, option.label, option.points))
    return working, problems


def band_for(bands: tuple[Band, ...], points: int) -> Band | None:
    """The band holding this total (in a valid version there is exactly one)."""
    return next((b for b in bands if b.holds(points)), None)


def allocate(version: Questionnaire, answers: Mapping[str, str]) -> Allocation:
    """Work out the indicative amount: the points of each answer, their total, its band and the band's price.

    Problems with the version itself come first (a version that cannot price every total prices none), then
    problems with the answers. Answers to questions not in this version are ignored (the version decides what
    is asked), so re-running stored answers against a new version needs only the questions it still asks.
    """
    working, problems = answer_problems(version, answers)
    problems = version_problems(version) + problems
    if problems:
        return Allocation(working=tuple(working), problems=tuple(problems))
    points = sum(line.points for line in working)
    band = band_for(version.bands, points)
    if band is None or band.yearly_amount is None:  # pragma: no cover - a valid version has one priced band
        return Allocation(
            working=tuple(working), points=points, problems=(Problem("no_band", f"No band holds {points} points"),)
        )
    return Allocation(working=tuple(working), points=points, band=band, amount=band.yearly_amount)
