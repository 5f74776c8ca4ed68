"""The facts the SEN2 return needs, read by a few set-based queries (``values()``, no query per child).

Why this shape: a council has tens of thousands of plans, and the return must be ready any day of the year (the
bench times it against reading the same rows with plain ``values()``). Each query reads one table's columns for
the census, and sen2.build puts the rows together in Python. Facts dated after the census day are treated as
not yet happened, so a return built for a past census is the picture on that day.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import FilteredRelation, OuterRef, Q, QuerySet, Subquery

from pathfinder.assessments.constants import OPEN_STATUSES, AssessmentKind
from pathfinder.assessments.models import Assessment
from pathfinder.ceasing.models import CessationStatus
from pathfinder.people.models import Child, ChildNeed
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews.evidence import HELD
from pathfinder.reviews.models import Review
from pathfinder.transfers.models import TransferOutStatus

#: Plan versions that were, or still are, in force (a draft, a stopped or a not-amended plan never was).
WERE_IN_FORCE = (PlanStatus.FINAL, PlanStatus.REPLACED, PlanStatus.CEASED, PlanStatus.TRANSFERRED)
ENDED = (PlanStatus.CEASED, PlanStatus.TRANSFERRED)
CHUNK = 900  # ids per IN (...) list: well under SQLite's limit on query parameters

ASSESSMENT_FIELDS = (
    "id", "child_id", "caseworker_id", "request_source", "received_on", "decision_to_assess_on", "decided_to_assess",
    "decision_to_issue_on", "decided_to_issue", "final_issued_on", "final_plan_exception_applies", "withdrawn_on",
    "status", "decision_due_on", "not_issue_due_on", "final_plan_due_on",
)
PLAN_FIELDS = ("id", "child_id", "kind", "assessment_id", "amends_id", "issued_on", "first_made_on", "status",
               "ended_on", "placement_urn", "placement_type")
CHILD_FIELDS = ("id", "legal_last_name", "legal_first_name", "preferred_name", "date_of_birth", "sex", "postcode", "upn", "uln",
                "setting_urn", "setting_ukprn", "setting_code", "setting_phase")
REVIEW_FIELDS = ("id", "plan_id", "kind", "meeting_on", "status", "decision", "decided_on",
                 "amendment__draft_sent_on", "amendment__issued_on", "plan__child_id", "plan__first_made_on",
                 "plan__status", "plan__ended_on")


@dataclass
class Facts:
    """Every row the return is built from, as plain dicts."""

    census: date
    year_start: date
    year_end: date
    assessments: list[dict]
    plans: list[dict]
    reviews: list[dict]
    children: dict[int, dict]
    needs: dict[int, list[tuple[str, int]]]
    cease_reasons: dict[int, str]  # plan id -> SEN2 CeaseReason
    transfers_in: dict[int, dict]  # plan id -> {"from_la_code", "transferred_on"}


def _rows(queryset: QuerySet) -> list[dict]:
    """The rows of a ``values()`` query, as ``values()`` would give them, read straight from the driver.

    Why not ``values()`` itself: at council scale its per-row converters (each SQLite date parsed by a regular
    expression, each value passed through a chain of functions) cost as much as reading the rows. The same SQL is
    run; only the columns that need it are converted, dates by ``date.fromisoformat`` (SQLite keeps ISO text;
    psycopg returns dates already) and booleans by ``bool``; any other converter Django has is applied as it is.
    """
    query = queryset.query
    compiler = query.get_compiler(queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return []
    names = (*query.extra_select, *query.values_select, *query.annotation_select)
    connection = connections[queryset.db]
    converters = compiler.get_converters([column for column, _, _ in compiler.select])
    sqlite = connection.vendor == "sqlite"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not converters or not rows:
        return [dict(zip(names, row, strict=True)) for row in rows]
    # Column by column, in comprehensions: no Python function call per date or per boolean.
    columns: list = list(zip(*rows, strict=True))
    parse = date.fromisoformat
    for index, (functions, expression) in converters.items():
        kind, column = expression.output_field.get_internal_type(), columns[index]
        if kind == "DateField" and sqlite:
            columns[index] = [parse(value) if value.__class__ is str else value for value in column]
        elif kind == "BooleanField":
            columns[index] = [value if value is None else bool(value) for value in column]
        else:
            convert = _django(functions, expression, connection)
            columns[index] = [convert(value) for value in column]
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _django(functions: list, expression: object, connection: object) -> Callable[[object], object]:
    def convert(value: object) -> object:
        for function in functions:
            value = function(value, expression, connection)
        return value
    return convert


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


ChildIds = Collection[int] | QuerySet | None


def _scoped(queryset, child_ids: ChildIds, field: str = "child_id"):
    return queryset if child_ids is None else queryset.filter(**{f"{field}__in": child_ids})


def _need(rank: int, child: str = "pk") -> Subquery:
    return Subquery(ChildNeed.objects.filter(child_id=OuterRef(child), rank=rank).values("need_type")[:1])


#: A caseworker's few children are read with their requests and plans (the worklist's query budget); the
#: council's, in chunks by id (tens of thousands of rows would each carry them twice).
CHILD_VIA = tuple(f"child__{name}" for name in CHILD_FIELDS if name != "id")
WITH_CHILD = {"child_need_1": _need(1, "child_id"), "child_need_2": _need(2, "child_id")}


def _children_from(rows: list[dict], children: dict[int, dict], needs: dict[int, list[tuple[str, int]]]) -> None:
    for row in rows:
        if row["child_id"] not in children:
            children[row["child_id"]] = {"id": row["child_id"], **{name: row[f"child__{name}"]
                                                                     for name in CHILD_FIELDS if name != "id"}}
            needs[row["child_id"]] = [(row[f"child_need_{rank}"], rank) for rank in (1, 2)
                                      if row[f"child_need_{rank}"]]


def facts_gather(census: date, year_start: date, year_end: date, child_ids: ChildIds = None) -> Facts:
    """Read the facts for a census: the whole council, or only ``child_ids`` (a caseworker's cases: a list, or a
    query of ids, which the database reads as a subquery)."""
    since = year_start
    activity = (Q(received_on__gte=since) | Q(decision_to_assess_on__gte=since) | Q(decision_to_issue_on__gte=since)
                | Q(final_issued_on__gte=since) | Q(withdrawn_on__gte=since)
                | Q(status__in=OPEN_STATUSES, final_issued_on__isnull=True) | Q(plan__isnull=False))
    scoped = child_ids is not None
    with_child = (*CHILD_VIA, *WITH_CHILD) if scoped else ()
    assessments = _rows(_scoped(Assessment.objects.filter(kind=AssessmentKind.INITIAL, received_on__lte=census),
                                child_ids).filter(activity).annotate(**WITH_CHILD if scoped else {})
                        .values(*ASSESSMENT_FIELDS, *with_child).order_by("child_id", "id"))
    plans = []
    seen: set[int] = set()
    ceased = FilteredRelation("cessations", condition=Q(cessations__status=CessationStatus.CEASED))
    sent_away = FilteredRelation("transfers_out", condition=Q(transfers_out__status=TransferOutStatus.SENT))
    # How a plan ended and where it came from are joined onto its row (a plan ceases once, moves away once, and
    # came from at most one council), rather than read by queries of their own.
    for row in _rows(_scoped(Plan.objects.filter(status__in=WERE_IN_FORCE, issued_on__lte=census), child_ids)
                     .annotate(ceased=ceased, sent_away=sent_away, **WITH_CHILD if scoped else {})
                     .values(*PLAN_FIELDS, "ceased__reason", "sent_away__sen2_cease_reason",
                             "transfer_in__from_la_code", "transfer_in__transferred_on", *with_child)
                     .order_by("child_id", "issued_on", "id")):
        if row["id"] not in seen:
            seen.add(row["id"])
            plans.append(row)
    held = Review.objects.filter(meeting_on__range=(year_start, year_end), status__in=HELD)
    if scoped:  # a few children: by their plans (a review is of a final plan, so one of these)
        held = held.filter(plan_id__in=[row["id"] for row in plans])
    reviews = _rows(held.values(*REVIEW_FIELDS).order_by("meeting_on", "id"))
    children: dict[int, dict] = {}
    needs: dict[int, list[tuple[str, int]]] = {}
    if scoped:
        _children_from(assessments, children, needs)
        _children_from(plans, children, needs)
    wanted = set() if scoped else {row["child_id"] for row in assessments} | {row["child_id"] for row in plans}
    for chunk in _chunks(wanted):
        # SEN2 has a primary and a secondary need (ranks 1 and 2): read with the child, not by a query of their own.
        rows = Child.objects.filter(pk__in=chunk).annotate(need_1=_need(1), need_2=_need(2))
        for row in _rows(rows.values(*CHILD_FIELDS, "need_1", "need_2")):
            children[row["id"]] = row
            needs[row["id"]] = [(row[f"need_{rank}"], rank) for rank in (1, 2) if row[f"need_{rank}"]]
    cease_reasons = {row["id"]: row["ceased__reason"] or row["sent_away__sen2_cease_reason"] for row in plans
                     if row["ceased__reason"] or row["sent_away__sen2_cease_reason"]}
    transfers_in = {row["id"]: {"from_la_code": row["transfer_in__from_la_code"],
                                "transferred_on": row["transfer_in__transferred_on"]}
                    for row in plans if row["transfer_in__from_la_code"]}
    return Facts(census=census, year_start=year_start, year_end=year_end, assessments=assessments, plans=plans,
                 reviews=reviews, children=children, needs=needs, cease_reasons=cease_reasons,
                 transfers_in=transfers_in)
