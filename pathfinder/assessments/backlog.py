"""The council's view of advice still awaited: by organisation and by profession (the kind of advice, reg 6(1)).

Counted by the database (one grouped query each), never by looping over requests in Python, so the page stays
fast at national scale; the advice_by_organisation and advice_by_kind indexes serve it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Min, Q, QuerySet

import statutory
from pathfinder.assessments.constants import OPEN_STATUSES, AdviceKind
from pathfinder.assessments.models import AdviceRequest


def overdue_if_asked_on_or_before(today: date) -> date:
    """The last day a request could have been made and be overdue today: its reg 8(1) due date, read from the
    rule book in force when it was asked, is before today. Searched back from today (the period is weeks, so a
    few dozen steps), so no period is written here."""
    asked = today - timedelta(days=1)
    while statutory.rule_in_force("advice", asked).due_from(asked) >= today:
        asked -= timedelta(days=1)
    return asked


def open_advice() -> QuerySet[AdviceRequest]:
    """Advice asked for and not yet received, on a case still open."""
    return AdviceRequest.objects.filter(received_on__isnull=True, reused_existing=False, requested_on__isnull=False,
                                        assessment__status__in=OPEN_STATUSES)


@dataclass(frozen=True)
class BacklogRow:
    name: str
    open: int
    overdue: int
    oldest_on: date | None
    oldest_days: int | None


def _rows(grouped, name_of, today: date) -> list[BacklogRow]:
    return [BacklogRow(name=name_of(g), open=g["open"], overdue=g["overdue"], oldest_on=g["oldest"],
                       oldest_days=(today - g["oldest"]).days if g["oldest"] else None) for g in grouped]


def _counted(queryset, key: str, today: date):
    cutoff = overdue_if_asked_on_or_before(today)
    return (queryset.values(key).annotate(open=Count("pk"), overdue=Count("pk", filter=Q(requested_on__lte=cutoff)),
                                          oldest=Min("requested_on")).order_by("-overdue", "-open", key))


def backlog_by_organisation(today: date) -> list[BacklogRow]:
    grouped = _counted(open_advice().filter(organisation__isnull=False), "organisation__name", today)
    return _rows(grouped, lambda g: g["organisation__name"], today)


def backlog_by_kind(today: date) -> list[BacklogRow]:
    labels = dict(AdviceKind.choices)
    return _rows(_counted(open_advice(), "kind", today), lambda g: labels.get(g["kind"], g["kind"]), today)
