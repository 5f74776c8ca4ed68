"""Finding services: ranked words (SQLite FTS5 or PostgreSQL full-text), filters that all apply together, distance.

`service_matches(SearchInputs(...))` narrows and ranks; the public search page (`service_search`) and the Open
Referral UK API (api.views) both go through it, then order and page with `search_page`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Exists, FloatField, OuterRef, Q, QuerySet, Subquery, Value

from pathfinder.directory.constants import DAY_CODES, TAXONOMY_NEEDS, Delivery
from pathfinder.directory.geo import Point, bounding_box, distance_km_expression, postcode_point
from pathfinder.directory.models import Schedule, Service, ServiceAtLocation, ServiceAttribute, TaxonomyTerm
from pathfinder.directory.search_index import (  # noqa: F401 (migrations)
    FTS_TABLE,
    pg_search_vector,
    search_index_install,
    search_index_remove,
)
from pathfinder.directory.search_query import QueryPlan, why_matched
from pathfinder.directory.search_text import (  # noqa: F401 (api.views and tests import them from here)
    _fts5_query,
    apply_text_search,
    filter_related_text,
    text_plan,
)
from pathfinder.directory.selectors import services_public

MAX_PER_PAGE = 100


# ---------------------------------------------------------------------------------------------------------------
# Filters (each returns a narrowed queryset; they compose with AND)


def _services_linked_to(terms: QuerySet[TaxonomyTerm]) -> QuerySet[ServiceAttribute]:
    """Service ids linked to any of these terms, as an uncorrelated subquery (the database computes it once,
    through the (term, service) index) rather than a per-service EXISTS."""
    return ServiceAttribute.objects.filter(term__in=terms.values("pk")).values("service_id")


def filter_terms(queryset: QuerySet[Service], term_ids) -> QuerySet[Service]:
    """Services linked to ANY of these terms (ids, or a subquery of term ids)."""
    term_ids = term_ids if isinstance(term_ids, QuerySet) else list(term_ids)
    return queryset.filter(pk__in=ServiceAttribute.objects.filter(term_id__in=term_ids).values("service_id"))


def filter_term_codes(queryset: QuerySet[Service], taxonomy_code: str, codes) -> QuerySet[Service]:
    """Services linked to ANY of these term codes (or their child terms) of one taxonomy."""
    codes = list(codes)
    terms = TaxonomyTerm.objects.filter(taxonomy__code=taxonomy_code).filter(
        Q(code__in=codes) | Q(parent__code__in=codes)
    )
    return queryset.filter(pk__in=_services_linked_to(terms))


def filter_age(queryset: QuerySet[Service], age: int) -> QuerySet[Service]:
    """Services open to someone of this age (a missing bound means no limit)."""
    return queryset.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=age)).filter(
        Q(maximum_age__isnull=True) | Q(maximum_age__gte=age)
    )


def filter_schedule(
    queryset: QuerySet[Service],
    *,
    day: str | None = None,
    open_at: time | None = None,
    starts_from: time | None = None,
    ends_by: time | None = None,
) -> QuerySet[Service]:
    """Services with one weekly schedule matching all given conditions."""
    if not any(v is not None for v in (day, open_at, starts_from, ends_by)):
        return queryset
    sched = Schedule.objects.filter(service=OuterRef("pk"))
    if day:
        sched = sched.filter(byday__contains=day)
    if open_at is not None:
        sched = sched.filter(opens_at__lte=open_at, closes_at__gt=open_at)
    if starts_from is not None:
        sched = sched.filter(opens_at__gte=starts_from)
    if ends_by is not None:
        sched = sched.filter(closes_at__lte=ends_by)
    return queryset.filter(Exists(sched))


def filter_delivery(queryset: QuerySet[Service], delivery) -> QuerySet[Service]:
    """Services given in ANY of these ways (Delivery values)."""
    q = Q()
    fields = {Delivery.IN_PERSON: "in_person", Delivery.ONLINE: "online", Delivery.PHONE: "by_phone"}
    for value in delivery:
        if value in fields:
            q |= Q(**{fields[value]: True})
    return queryset.filter(q) if q else queryset


def annotate_distance(
    queryset: QuerySet[Service], point: Point, within_km: float | None, *, venues_first: bool = False
) -> QuerySet[Service]:
    """Add `distance_km` (nearest venue) and, if within_km, keep only services with a venue that close.

    venues_first (with within_km): narrow to the services with a venue within the circle first, found once
    through the venues' (latitude, longitude) index, so the nearest-venue distance is only worked out for services
    near enough and never in the WHERE clause. The cost then follows the services near the postcode, not the words'
    matches: on PostgreSQL a broad word ("club", 47,000 of 100,000 services) within 3 miles took 1.5 s checking each
    match's venues twice, and 0.3 s this way. On SQLite, when words already narrow the search to a few thousand
    matches, checking each match costs less than building the list, so search leaves it off there.
    """
    sal = ServiceAtLocation.objects.filter(service=OuterRef("pk"), location__latitude__isnull=False)
    if within_km is not None:
        lat0, lat1, lon0, lon1 = bounding_box(point, within_km)
        box = {"location__latitude__range": (lat0, lat1), "location__longitude__range": (lon0, lon1)}
        sal = sal.filter(**box)
        if venues_first:
            near = (ServiceAtLocation.objects.filter(**box)
                    .alias(d=distance_km_expression(point, "location__latitude", "location__longitude"))
                    .filter(d__lte=within_km))
            queryset = queryset.filter(pk__in=near.values("service_id"))
    nearest = (
        sal.annotate(d=distance_km_expression(point, "location__latitude", "location__longitude"))
        .order_by("d")
        .values("d")[:1]
    )
    queryset = queryset.annotate(distance_km=Subquery(nearest, output_field=FloatField()))
    if within_km is not None and not venues_first:
        queryset = queryset.filter(distance_km__lte=within_km)
    return queryset


def counted_page(
    queryset: QuerySet[Service], order: list[tuple[str, bool]], start: int, size: int
) -> tuple[int, list[Service]]:
    """One page of a ranked or distance-ordered search and the total, working out the matches only once.

    `order` is [(column, descending)] over "rank", "distance_km" (nulls last), "name" and "id"; the columns a
    page needs are read with the ordering. A COUNT(*) OVER () round the lean match query gives the total in the
    same pass (the window sits outside because SQLite's bm25() may not share a SELECT with a window). The page's
    full rows are then read by primary key. Only a page past the end costs a second count.
    """
    columns = list(dict.fromkeys(["id", "rank", "distance_km", *(name for name, _ in order)]))
    available = set(queryset.query.annotations) | set(queryset.query.extra_select)
    columns = [c for c in columns if c in ("id", "name") or c in available]
    try:
        sql, params = queryset.order_by().values_list(*columns).query.sql_with_params()
    except EmptyResultSet:  # e.g. words with nothing searchable in them
        return 0, []
    quote = connection.ops.quote_name
    order_sql = ", ".join(
        f"{quote(name)} {'DESC' if descending else 'ASC'}{' NULLS LAST' if name == 'distance_km' else ''}"
        for name, descending in order
    )
    select = ", ".join(quote(c) for c in columns)
    # PostgreSQL plans a subquery together with the outer LIMIT and, to hand over the first page early, walks the
    # whole service table in name order checking each row (seconds at national scale), although the window count
    # needs every match anyway. A materialised CTE is planned on its own: the matches are found through their
    # indexes and sorted in memory.
    hits = f"WITH hits AS MATERIALIZED ({sql}) SELECT" if connection.vendor == "postgresql" else None
    statement = (f"{hits} {select}, COUNT(*) OVER () FROM hits" if hits
                 else f"SELECT {select}, COUNT(*) OVER () FROM ({sql}) hits")
    with connection.cursor() as cursor:
        cursor.execute(f"{statement} ORDER BY {order_sql} LIMIT %s OFFSET %s", [*params, size, start])
        rows = cursor.fetchall()
    if not rows:
        return queryset.count(), []
    to_python = Service._meta.pk.to_python
    found = Service.objects.select_related("organisation").in_bulk([to_python(row[0]) for row in rows])
    items = []
    for row in rows:
        item = found[to_python(row[0])]
        values = dict(zip(columns, row, strict=False))
        item.rank = values.get("rank")
        item.distance_km = values.get("distance_km")
        items.append(item)
    return rows[0][-1], items


# ---------------------------------------------------------------------------------------------------------------
# The public search


SORTS = ("relevance", "distance", "name")  # best match (needs words), nearest first (needs a postcode), A to Z


def sort_for(sort: str | None, *, has_text: bool, has_point: bool) -> str:
    """The order a search uses: the one asked for if it can apply, else nearest first with a postcode, best match
    with words, A to Z otherwise (so a family who gives a postcode sees the nearest services first)."""
    if sort == "name" or (sort == "relevance" and has_text) or (sort == "distance" and has_point):
        return sort
    return "distance" if has_point else "relevance" if has_text else "name"


@dataclass
class SearchResult:
    total: int
    page: int
    per_page: int
    items: list[Service] = field(default_factory=list)  # each has .rank (or None) and .distance_km (or None)
    point: Point | None = None
    sort: str = "name"
    requested_page: int = 1  # differs from `page` when a page past the end was asked for (the last is shown)
    notes: list[str] = field(default_factory=list)  # how the words were read ("SALT means ...")
    relaxed: bool = False  # nothing matched every part of the words, so these match some of them

    @property
    def total_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page else 1


@dataclass(frozen=True)
class SearchInputs:
    """What a search asks for: the public search page's filters, and the Open Referral API's, one set of inputs.

    All given filters apply together. need_codes: SEN2 codes ("ASD"); kinds: support-kind term codes
    ("short-breaks"); term_id: one taxonomy term (or its child terms) by id; taxonomy_id: any term of one taxonomy;
    age: open to someone this old; minimum_age_at_least / maximum_age_at_most: the service's own bounds (the API's
    minimum_age and maximum_age); day: "MO".."SU"; open_at_time: open then; starts_from / ends_by: a session that
    opens no earlier / closes no later; delivery: Delivery values; postcode and within_km: distance. understood:
    read the words through the council's synonyms and correct typing slips (False: every word as typed).
    """

    text: str = ""
    need_codes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    term_id: Any = None
    taxonomy_id: Any = None
    age: int | None = None
    minimum_age_at_least: float | None = None
    maximum_age_at_most: float | None = None
    free_only: bool = False
    day: str | None = None
    open_at_time: time | None = None
    starts_from: time | None = None
    ends_by: time | None = None
    delivery: tuple[str, ...] = ()
    postcode: str = ""
    within_km: float | None = None
    understood: bool = True


@dataclass
class Matches:
    """The services a search matches, before ordering: annotated with `rank` (words) and `distance_km` (postcode)."""

    queryset: QuerySet[Service]
    point: Point | None
    has_text: bool
    plan: QueryPlan | None = None  # how the words were read (None: no words, or read as typed)
    unworded: QuerySet[Service] | None = None  # every filter but the words (for the any-part fallback)


def service_matches(inputs: SearchInputs, queryset: QuerySet[Service] | None = None) -> Matches:
    """Narrow public services (or `queryset`) by every input. Raises geo.PostcodeError for a bad postcode."""
    from pathfinder.directory.constants import TAXONOMY_SUPPORT

    qs = queryset if queryset is not None else services_public()
    if inputs.need_codes:
        qs = filter_term_codes(qs, TAXONOMY_NEEDS, inputs.need_codes)
    if inputs.kinds:
        qs = filter_term_codes(qs, TAXONOMY_SUPPORT, inputs.kinds)
    if inputs.term_id:
        qs = filter_terms(qs, TaxonomyTerm.objects.filter(Q(pk=inputs.term_id) | Q(parent_id=inputs.term_id))
                          .values("pk"))
    if inputs.taxonomy_id:
        qs = filter_terms(qs, TaxonomyTerm.objects.filter(taxonomy_id=inputs.taxonomy_id).values("pk"))
    if inputs.age is not None:
        qs = filter_age(qs, inputs.age)
    if inputs.minimum_age_at_least is not None:
        qs = qs.filter(minimum_age__gte=inputs.minimum_age_at_least)
    if inputs.maximum_age_at_most is not None:
        qs = qs.filter(maximum_age__lte=inputs.maximum_age_at_most)
    if inputs.free_only:
        qs = qs.filter(is_free=True)
    if inputs.day and inputs.day not in DAY_CODES:
        raise ValueError(f"Unknown day {inputs.day!r}")
    qs = filter_schedule(qs, day=inputs.day or None, open_at=inputs.open_at_time, starts_from=inputs.starts_from,
                         ends_by=inputs.ends_by)
    if inputs.delivery:
        qs = filter_delivery(qs, inputs.delivery)
    has_text = bool((inputs.text or "").strip())
    point = None
    if inputs.postcode and inputs.postcode.strip():
        point = postcode_point(inputs.postcode)
        qs = annotate_distance(qs, point, inputs.within_km,
                              venues_first=not has_text or connection.vendor == "postgresql")
    else:
        qs = qs.annotate(distance_km=Value(None, output_field=FloatField()))
    plan = text_plan(inputs.text, understood=inputs.understood)
    return Matches(apply_text_search(qs, inputs.text, plan=plan, understood=inputs.understood), point, has_text,
                   plan, qs)


def service_search(
    *,
    text: str = "",
    need_codes=(),
    age: int | None = None,
    kinds=(),
    free_only: bool = False,
    day: str | None = None,
    open_at_time: time | None = None,
    delivery=(),
    postcode: str = "",
    within_km: float | None = None,
    sort: str | None = None,
    page: int = 1,
    per_page: int = 20,
    queryset: QuerySet[Service] | None = None,
    understood: bool = True,
) -> SearchResult:
    """The public search: services matching every filter (see SearchInputs), a page at a time.

    sort: one of SORTS (see sort_for for the default). With a postcode, results carry distance_km. A page past the
    end gives the last page, so the count never sits above an empty list. Raises geo.PostcodeError with a plain
    message for a bad postcode. When no service matches every part of the words, services matching some part are
    shown instead (best first) and `relaxed` says so.
    """
    matches = service_matches(SearchInputs(
        text=text, need_codes=tuple(need_codes), kinds=tuple(kinds), age=age, free_only=free_only, day=day,
        open_at_time=open_at_time, delivery=tuple(delivery), postcode=postcode, within_km=within_km,
        understood=understood,
    ), queryset)
    qs, point, has_text = matches.queryset, matches.point, matches.has_text
    order_by = sort_for(sort, has_text=has_text, has_point=point is not None)
    order = {"relevance": [("rank", True)], "distance": [("distance_km", False)]}.get(order_by, [])
    counted = has_text or point is not None or bool(need_codes or kinds)
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    requested = max(1, page)
    total, items = search_page(qs, order, (requested - 1) * per_page, per_page, counted=counted)
    plan, relaxed = matches.plan, False
    if not total and plan is not None and len(plan.groups) > 1:
        qs = apply_text_search(matches.unworded, text, plan=plan, any_group=True)
        total, items = search_page(qs, order, (requested - 1) * per_page, per_page, counted=counted)
        relaxed = bool(total)
    page = requested
    if not items and total:
        page = math.ceil(total / per_page)
        total, items = search_page(qs, order, (page - 1) * per_page, per_page, counted=counted)
    for item in items:
        item.why = why_matched(plan, item.name, item.description, item.search_document)
        if not has_text:
            item.rank = None
        if point is None:
            item.distance_km = None
    return SearchResult(total=total, page=page, per_page=per_page, items=items, point=point, sort=order_by,
                        requested_page=requested, notes=plan.notes if plan else [], relaxed=relaxed)


def search_page(qs: QuerySet[Service], order: list[tuple[str, bool]], start: int, size: int, *,
                counted: bool) -> tuple[int, list[Service]]:
    """One page of matches and the total: in `order` ([(column, descending)], then name and id) when `counted`,
    else A to Z. A page past the end is empty."""
    if counted:
        # Ranked, nearest first, or narrowed through the term links: every match has to be found before the
        # first page is known, so find them once and count them in the same pass.
        return counted_page(qs, [*order, ("name", False), ("id", False)], start, size)
    # Alphabetical: the (name, id) index gives the page without sorting; the count reads only indexes.
    qs = qs.order_by("name", "id")
    total = qs.count()
    return total, list(qs.select_related("organisation")[start : start + size]) if start < total else []
