"""The facts the SEN2 return needs, read by a few set-based queries (no query per child), as plain tuples.

Why this shape: a council has tens of thousands of plans, and the return must be ready any day of the year (the
bench times it against the raw SQL of the same rows: within three times that, issue 10). Each query reads one
table's columns for the census, and sen2.build puts the rows together in Python. Rows stay the tuples the driver
gives, in the order of the ``*_FIELDS`` below (sen2.build unpacks them in that order): a dict per row was a third
of the time spent above the database. Only the columns the return uses are read. Facts dated after the census day
are treated as not yet happened, so a return built for a past census is the picture on that day.
"""

from __future__ import annotations

from collections.abc import Collection
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

ASSESSMENT_FIELDS = (
    "id", "child_id", "caseworker_id", "request_source", "received_on", "decision_to_assess_on", "decided_to_assess",
    "decision_to_issue_on", "decided_to_issue", "final_issued_on", "final_plan_exception_applies", "withdrawn_on",
)
#: With how the plan ended (ceased, or moved away) and where it came from (a council it was transferred from).
PLAN_FIELDS = ("id", "child_id", "assessment_id", "amends_id", "issued_on", "first_made_on", "status", "ended_on",
               "placement_urn", "placement_type", "ceased__reason", "sent_away__sen2_cease_reason",
               "transfer_in__from_la_code", "transfer_in__transferred_on")
#: With the SEN2 primary and secondary needs (ranks 1 and 2) as the last two columns.
CHILD_FIELDS = ("id", "legal_last_name", "legal_first_name", "preferred_name", "date_of_birth", "sex", "postcode",
                "upn", "uln", "setting_urn", "setting_ukprn", "setting_code", "setting_phase")
REVIEW_FIELDS = ("id", "kind", "meeting_on", "status", "decision", "decided_on", "amendment__draft_sent_on",
                 "amendment__issued_on", "plan__child_id", "plan__first_made_on", "plan__status", "plan__ended_on")


@dataclass
class Facts:
    """Every row the return is built from, as tuples in the order of the ``*_FIELDS``."""

    census: date
    year_start: date
    year_end: date
    assessments: list[tuple]  # ASSESSMENT_FIELDS, by child and id
    plans: list[tuple]  # PLAN_FIELDS, by child, issue date and id
    reviews: list[tuple]  # REVIEW_FIELDS, by meeting date and id
    children: dict[int, tuple]  # CHILD_FIELDS + (need rank 1, need rank 2), by id


def _rows(queryset: QuerySet, fields: tuple[str, ...]) -> list[tuple]:
    """The rows of ``queryset.values(*fields)``, as the driver's tuples in that order.

    Why not ``values()`` itself: at council scale its per-row work (a dict per row, each value passed through a
    chain of converters) cost as much as reading the rows. The same SQL is run. The driver has typed the columns
    already (psycopg; Django's SQLite connection parses declared date and bool columns): a column whose values
    still need Django's converters (an expression with no declared type) gets them, column by column.
    """
    query = queryset.values(*fields).query
    names = tuple(query.selected or ())
    if names != fields:  # the SQL's column order is what build unpacks: never let it drift silently
        raise ValueError(f"Columns {names} are not in the order asked for {fields}")
    compiler = query.get_compiler(queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return []
    connection = connections[queryset.db]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows:
        return rows
    converters = compiler.get_converters([column for column, _, _ in compiler.select])
    pending = []
    for index, (functions, expression) in converters.items():
        kind = expression.output_field.get_internal_type()
        typed = {"DateField": date, "BooleanField": bool}.get(kind)
        sample = next((row[index] for row in rows if row[index] is not None), None)
        if sample is None or (typed is not None and isinstance(sample, typed)):
            continue  # all empty, or typed by the driver
        pending.append((index, functions, expression))
    if not pending:
        return rows
    columns = list(zip(*rows, strict=True))
    for index, functions, expression in pending:
        values = columns[index]
        for function in functions:
            values = [function(value, expression, connection) for value in values]
        columns[index] = values
    return list(zip(*columns, strict=True))


ChildIds = Collection[int] | QuerySet | None


def _scoped(queryset, child_ids: ChildIds, field: str = "child_id"):
    return queryset if child_ids is None else queryset.filter(**{f"{field}__in": child_ids})


def _need(rank: int, child: str = "pk") -> Subquery:
    return Subquery(ChildNeed.objects.filter(child_id=OuterRef(child), rank=rank).values("need_type")[:1])


#: A caseworker's few children are read with their requests and plans (the worklist's query budget); the
#: council's by one query of their own (tens of thousands of rows would each carry them twice).
CHILD_VIA = tuple(f"child__{name}" for name in CHILD_FIELDS if name != "id")
WITH_CHILD = {"child_need_1": _need(1, "child_id"), "child_need_2": _need(2, "child_id")}
CHILD_TAIL = (*CHILD_VIA, *WITH_CHILD)


def _split_children(rows: list[tuple], width: int, children: dict[int, tuple]) -> list[tuple]:
    """A caseworker's rows carry their child's columns after the row's own ``width``: kept by child, cut off."""
    for row in rows:
        children.setdefault(row[1], (row[1], *row[width:]))
    return [row[:width] for row in rows]


def facts_gather(census: date, year_start: date, year_end: date, child_ids: ChildIds = None) -> Facts:
    """Read the facts for a census: the whole council, or only ``child_ids`` (a caseworker's cases: a list, or a
    query of ids, which the database reads as a subquery)."""
    since = year_start
    activity = (Q(received_on__gte=since) | Q(decision_to_assess_on__gte=since) | Q(decision_to_issue_on__gte=since)
                | Q(final_issued_on__gte=since) | Q(withdrawn_on__gte=since)
                | Q(status__in=OPEN_STATUSES, final_issued_on__isnull=True) | Q(plan__isnull=False))
    scoped = child_ids is not None
    tail = CHILD_TAIL if scoped else ()
    requests = _scoped(Assessment.objects.filter(kind=AssessmentKind.INITIAL, received_on__lte=census),
                       child_ids).filter(activity)
    assessments = _rows(requests.annotate(**WITH_CHILD if scoped else {}).order_by("child_id", "id"),
                        (*ASSESSMENT_FIELDS, *tail))
    ceased = FilteredRelation("cessations", condition=Q(cessations__status=CessationStatus.CEASED))
    sent_away = FilteredRelation("transfers_out", condition=Q(transfers_out__status=TransferOutStatus.SENT))
    # How a plan ended and where it came from are joined onto its row (a plan ceases once, moves away once, and
    # came from at most one council), rather than read by queries of their own.
    in_force = _scoped(Plan.objects.filter(status__in=WERE_IN_FORCE, issued_on__lte=census), child_ids)
    plans = []
    seen: set[int] = set()
    for row in _rows(in_force.annotate(ceased=ceased, sent_away=sent_away, **WITH_CHILD if scoped else {})
                     .order_by("child_id", "issued_on", "id"), (*PLAN_FIELDS, *tail)):
        if row[0] not in seen:
            seen.add(row[0])
            plans.append(row)
    held = Review.objects.filter(meeting_on__range=(year_start, year_end), status__in=HELD)
    if scoped:  # a few children: by their plans (a review is of a final plan, so one of these)
        held = held.filter(plan_id__in=[row[0] for row in plans])
    reviews = _rows(held.order_by("meeting_on", "id"), REVIEW_FIELDS)
    children: dict[int, tuple] = {}
    if scoped:
        assessments = _split_children(assessments, len(ASSESSMENT_FIELDS), children)
        plans = _split_children(plans, len(PLAN_FIELDS), children)
    else:
        # The children of those requests and plans, by the same filters as a subquery: one query, not one per
        # few hundred ids. SEN2 has a primary and a secondary need (ranks 1 and 2), read with the child.
        wanted = Q(pk__in=requests.values("child_id")) | Q(pk__in=in_force.values("child_id"))
        for row in _rows(Child.objects.filter(wanted).annotate(need_1=_need(1), need_2=_need(2)),
                         (*CHILD_FIELDS, "need_1", "need_2")):
            children[row[0]] = row
    return Facts(census=census, year_start=year_start, year_end=year_end, assessments=assessments, plans=plans,
                 reviews=reviews, children=children)
