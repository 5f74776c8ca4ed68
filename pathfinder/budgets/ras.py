"""The council's resource allocation system, version by version: start a draft (a copy of the version in use),
change its questions, points and bands, and publish it through RAS_WORKFLOW.

A published version is never changed: budgets worked out with it keep pointing at it (IndicativeBudget.system)
and must still explain themselves (R (KM) v Cambridgeshire CC [2012] UKSC 23). So every change is a new draft, and
every save below refuses anything but a draft. The calculation itself is statutory.allocation; this module turns
rows into its plain data (:func:`questionnaire_of`) and back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Prefetch

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets.models_ras import (
    AllocationSystem,
    RasBand,
    RasOption,
    RasQuestion,
    RasStatus,
    Stream,
    new_code,
)
from pathfinder.budgets.workflow import RAS_WORKFLOW, STALE_MESSAGE
from pathfinder.core.errors import ServiceError, StaleEdit
from statutory.allocation import Band, Option, Problem, Question, Questionnaire, version_problems

ONLY_DRAFTS = (
    "Only a draft version can be changed: a published version is never edited, because budgets worked out with it "
    "must still explain themselves. Start a new version instead."
)


# -- reading ----------------------------------------------------------------------------------------------------


def ras_get(pk: int) -> AllocationSystem | None:
    """One version with its questions, answers and bands (three queries, whatever their number)."""
    return (
        AllocationSystem.objects.filter(pk=pk)
        .prefetch_related(Prefetch("questions", RasQuestion.objects.prefetch_related("options")), "bands")
        .first()
    )


def questionnaire_of(system: AllocationSystem) -> Questionnaire:
    """The version as the pure calculation reads it: ids as strings (how the answers are stored in JSON)."""
    return Questionnaire(
        questions=tuple(
            Question(str(q.pk), q.text, tuple(Option(str(o.pk), o.label, o.points) for o in q.options.all()))
            for q in system.questions.all()
        ),
        bands=tuple(Band(b.name, b.min_points, b.max_points, b.yearly_amount) for b in system.bands.all()),
    )


def ras_current(stream: str, today: date) -> AllocationSystem | None:
    """The version budgets of this stream are worked out with today: the published one that took effect last."""
    return (
        AllocationSystem.objects.filter(stream=stream, status=RasStatus.PUBLISHED, effective_from__lte=today)
        .order_by("-effective_from", "-number")
        .first()
    )


@dataclass(frozen=True)
class StreamVersions:
    stream: str
    label: str
    current: AllocationSystem | None
    coming: list[AllocationSystem]  # published, taking effect later
    drafts: list[AllocationSystem]
    retired: list[AllocationSystem]


def ras_versions_by_stream(today: date) -> list[StreamVersions]:
    """Every stream with the version in use, those published to take effect later, drafts and retired ones."""
    systems = list(AllocationSystem.objects.order_by("stream", "-number"))
    result = []
    for stream in Stream:
        mine = [s for s in systems if s.stream == stream]
        current = ras_current(stream, today)
        result.append(
            StreamVersions(
                stream=stream.value,
                label=stream.label,
                current=current,
                coming=[s for s in mine if s.status == RasStatus.PUBLISHED and s != current],
                drafts=[s for s in mine if s.status == RasStatus.DRAFT],
                retired=[s for s in mine if s.status == RasStatus.RETIRED],
            )
        )
    return result


# -- changing a draft --------------------------------------------------------------------------------------------


def _locked_draft(system: AllocationSystem, expected_version: int) -> AllocationSystem:
    current = AllocationSystem.objects.select_for_update().get(pk=system.pk)
    if int(expected_version) != current.version:
        raise StaleEdit(STALE_MESSAGE)
    if current.status != RasStatus.DRAFT:
        raise ServiceError(ONLY_DRAFTS)
    return current


def _saved(current: AllocationSystem, acting_user, what: str) -> AllocationSystem:
    current.version += 1
    current._change_reason = what
    current.save()
    audit_event_record(
        acting_user=acting_user, action=AuditAction.UPDATE, obj=current, what=f"resource allocation system: {what}"
    )
    return current


def ras_draft_start(*, acting_user, stream: str) -> AllocationSystem:
    """A new draft version of the stream, copied from the version in use (or the newest version, or empty), so
    that a change is always a new version and the one in use stays as it was."""
    if stream not in Stream.values:
        raise ServiceError("Select a funding stream")
    with transaction.atomic():
        # Lock the stream's versions (PostgreSQL refuses FOR UPDATE with an aggregate, so count in Python).
        mine = list(AllocationSystem.objects.select_for_update().filter(stream=stream).order_by("-number"))
        number = (mine[0].number if mine else 0) + 1
        published = [s for s in mine if s.status == RasStatus.PUBLISHED]
        source = max(published, key=lambda s: (s.effective_from, s.number)) if published else None
        source = source or (mine[0] if mine else None)
        draft = AllocationSystem.objects.create(
            stream=stream,
            number=number,
            title=source.title if source else f"{Stream(stream).label} allocation",
            agreed_with=source.agreed_with if source else "",
        )
        if source is not None:
            for question in source.questions.prefetch_related("options"):
                copy = RasQuestion.objects.create(
                    system=draft, code=question.code, order=question.order, text=question.text,
                    help_text=question.help_text,
                )  # the same codes: "what if" matches old answers to the draft by them
                RasOption.objects.bulk_create(
                    RasOption(question=copy, code=o.code, order=o.order, label=o.label, points=o.points)
                    for o in question.options.all()
                )
            RasBand.objects.bulk_create(
                RasBand(
                    system=draft,
                    name=b.name,
                    min_points=b.min_points,
                    max_points=b.max_points,
                    yearly_amount=b.yearly_amount,
                )
                for b in source.bands.all()
            )
        copied = f", copied from version {source.number}" if source else ""
        audit_event_record(
            acting_user=acting_user,
            action=AuditAction.CREATE,
            obj=draft,
            what=f"resource allocation system: started draft version {number} of {Stream(stream).label}{copied}",
        )
    return draft


def ras_details_save(
    *,
    acting_user,
    system: AllocationSystem,
    expected_version: int,
    title: str,
    what_changed: str,
    agreed_with: str,
    effective_from: date | None,
) -> AllocationSystem:
    """The draft's title, what it changes, who agreed it and the day it takes effect. Nothing changed: not saved."""
    with transaction.atomic():
        current = _locked_draft(system, expected_version)
        new = {
            "title": title,
            "what_changed": what_changed,
            "agreed_with": agreed_with,
            "effective_from": effective_from,
        }
        if all(getattr(current, k) == v for k, v in new.items()):
            return current
        for key, value in new.items():
            setattr(current, key, value)
        return _saved(current, acting_user, "changed the details of a draft version")


def ras_question_save(
    *,
    acting_user,
    system: AllocationSystem,
    expected_version: int,
    question: RasQuestion | None,
    text: str,
    help_text: str,
    options: list[tuple[str, int]],
) -> AllocationSystem:
    """Add a question to the draft, or change one, with its answers and their points in the order given."""
    if not options:
        raise ServiceError("Enter at least one answer with its points", field="option_1_label")
    with transaction.atomic():
        current = _locked_draft(system, expected_version)
        if question is not None and question.system_id != current.pk:
            raise ServiceError("That question is not part of this version")
        if question is not None:
            same = (
                question.text == text
                and question.help_text == help_text
                and [(o.label, o.points) for o in question.options.all()] == list(options)
            )
            if same:
                return current
            question.text, question.help_text = text, help_text
            question.save()
            codes = option_codes_kept(list(question.options.all()), [label for label, _ in options])
            question.options.all().delete()
        else:
            order = (current.questions.aggregate(n=Max("order"))["n"] or 0) + 1
            question = RasQuestion.objects.create(system=current, order=order, text=text, help_text=help_text)
            codes = [new_code() for _ in options]
        RasOption.objects.bulk_create(
            RasOption(question=question, code=code, order=i, label=label, points=points)
            for i, ((label, points), code) in enumerate(zip(options, codes, strict=True), start=1)
        )
        return _saved(current, acting_user, f"saved the question “{text}”")


def option_codes_kept(old: list[RasOption], labels: list[str]) -> list[str]:
    """The codes of a question's answers after it is saved: an answer keeps its code if its words are unchanged,
    else a reworded answer takes the code of the answer that was in its place; a new answer gets a new one. So
    rewording "Every week" to "Weekly" is still the same answer to "what if"."""
    by_label = {option.label: option.code for option in old}
    used = {by_label[label] for label in labels if label in by_label}
    codes = []
    for place, label in enumerate(labels):
        if label in by_label:
            codes.append(by_label[label])
        elif place < len(old) and old[place].code not in used:
            codes.append(old[place].code)
            used.add(old[place].code)
        else:
            codes.append(new_code())
    return codes


def ras_question_remove(
    *, acting_user, system: AllocationSystem, expected_version: int, question: RasQuestion
) -> AllocationSystem:
    with transaction.atomic():
        current = _locked_draft(system, expected_version)
        if question.system_id != current.pk:
            raise ServiceError("That question is not part of this version")
        text = question.text
        question.delete()
        return _saved(current, acting_user, f"removed the question “{text}”")


def ras_bands_save(
    *,
    acting_user,
    system: AllocationSystem,
    expected_version: int,
    bands: list[tuple[str, int, int | None, Decimal | None]],
) -> AllocationSystem:
    """Replace the draft's bands (name, lowest points, highest points or None for the top band, yearly price).
    Gaps, overlaps and missing prices may be saved while drafting; publishing refuses them."""
    with transaction.atomic():
        current = _locked_draft(system, expected_version)
        existing = [(b.name, b.min_points, b.max_points, b.yearly_amount) for b in current.bands.order_by("min_points")]
        wanted = sorted(bands, key=lambda b: b[1])
        if existing == wanted:
            return current
        current.bands.all().delete()
        RasBand.objects.bulk_create(
            RasBand(system=current, name=n, min_points=lo, max_points=hi, yearly_amount=price)
            for n, lo, hi, price in wanted
        )
        return _saved(current, acting_user, "changed the bands and prices of a draft version")


# -- publishing --------------------------------------------------------------------------------------------------


def ras_publish_problems(system: AllocationSystem, *, today: date, earlier_reason: str = "") -> list[Problem]:
    """Everything that stops this draft being published: the calculation's own checks (statutory.allocation:
    a question, every band priced, no gaps or overlaps, more need never less money), a day it takes effect (not
    before today unless there is a reason), and for health the integrated care board that agreed it."""
    problems = version_problems(questionnaire_of(system))
    if system.effective_from is None:
        problems.append(Problem("no_date", "Enter the day this version takes effect"))
    elif system.effective_from < today and not earlier_reason.strip():
        problems.append(Problem("earlier", "Give the reason this version takes effect before today"))
    if system.stream == Stream.HEALTH and not system.agreed_with.strip():
        problems.append(Problem("not_agreed", "Enter the integrated care board that agreed this version"))
    return problems


def ras_publish(
    *, acting_user, system: AllocationSystem, expected_version: int, today: date, earlier_reason: str = ""
) -> AllocationSystem:
    """Publish the draft. If it takes effect today or earlier, the version it replaces is retired now; if later,
    the version in use stays in use until that day (ras_current) and :func:`ras_retire_replaced` retires it."""

    def check(current: AllocationSystem) -> None:
        fresh = ras_get(current.pk)
        problems = ras_publish_problems(fresh, today=today, earlier_reason=earlier_reason)
        if problems:
            only_the_reason = all(p.code == "earlier" for p in problems)
            raise ServiceError(
                "; ".join(p.message for p in problems)
                if only_the_reason
                else "This version cannot be published yet: " + "; ".join(p.message for p in problems),
                field="earlier_reason" if only_the_reason else None,
            )
        clash = AllocationSystem.objects.filter(
            stream=current.stream, status=RasStatus.PUBLISHED, effective_from=current.effective_from
        ).exclude(pk=current.pk)
        if current.effective_from > today and clash.exists():
            raise ServiceError("Another version of this stream is already published to take effect that day")

    def apply(current: AllocationSystem) -> None:
        current.published_on = today
        current.published_by = acting_user
        if earlier_reason.strip():
            because = f"Takes effect before the day it was published because: {earlier_reason.strip()}"
            current.what_changed = f"{current.what_changed}\n\n{because}".strip()
        if current.effective_from <= today:
            for older in AllocationSystem.objects.filter(
                stream=current.stream, status=RasStatus.PUBLISHED, effective_from__lte=current.effective_from
            ).exclude(pk=current.pk):
                RAS_WORKFLOW.transition(
                    older,
                    "retire",
                    acting_user=acting_user,
                    expected_version=None,
                    what=f"retire version {older.number}: replaced by version {current.number}",
                )

    return RAS_WORKFLOW.transition(
        system,
        "publish",
        acting_user=acting_user,
        expected_version=expected_version,
        check=check,
        apply=apply,
        what=f"publish version {system.number} of {system.get_stream_display()}",
    )


def ras_retire_replaced(*, today: date, acting_user=None) -> int:
    """Retire each published version that a later published version has replaced by today. Run daily (and at
    each publish); returns how many were retired."""
    retired = 0
    for stream in Stream:
        current = ras_current(stream, today)
        if current is None:
            continue
        for older in AllocationSystem.objects.filter(
            stream=stream, status=RasStatus.PUBLISHED, effective_from__lt=current.effective_from
        ):
            RAS_WORKFLOW.transition(
                older,
                "retire",
                acting_user=acting_user,
                expected_version=None,
                what=f"retire version {older.number}: replaced by version {current.number}",
            )
            retired += 1
    return retired
