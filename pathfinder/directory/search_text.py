"""Matching words: SQLite FTS5 or PostgreSQL full-text, ranked, after `search_query.understand` has worked out
what was meant (synonyms, everyday phrases, typing slips).

`understand=False` gives the search as it was before that (every typed word must match, the last as a prefix):
`make bench` measures both, and a council can compare.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import FloatField, QuerySet, Value

from pathfinder.directory.models import Service
from pathfinder.directory.search_index import FTS_TABLE, pg_search_vector
from pathfinder.directory.search_query import QueryPlan, understand
from pathfinder.directory.search_vocabulary import word_rarity

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def _fts5_query(text: str) -> str:
    """Turn what someone typed into a safe FTS5 query: every word must match (prefix match on the last one)."""
    words = _WORD_RE.findall(text.lower())[:12]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
    return " ".join(quoted)


def _fts5_match(text: str, plan: QueryPlan | None, any_group: bool) -> str:
    return plan.fts5(any_group=any_group) if plan is not None else _fts5_query(text)


def _pg_query(text: str, plan: QueryPlan | None, any_group: bool):
    from django.contrib.postgres.search import SearchQuery

    if plan is not None:
        return plan.pg_query(any_group=any_group)
    return SearchQuery(text, search_type="websearch", config="english")


def _pg_rank(vector, query, plan: QueryPlan | None):
    """PostgreSQL's rank when more than one thing was typed: every word or phrase looked for ranked by ts_rank,
    weighed by how rare it is (`word_rarity`) and summed, so a rare word counts for more than a common one, as in
    SQLite's bm25 (which also sums over each phrase of the query with its own weight).

    One thing typed ("deaf", "can't sleep"), or the search as typed, keeps plain ts_rank: weighing one part's
    synonyms against each other put the rarest expansion first ("overnight" for "can't sleep") where the judged
    queries prefer where the words occur (bench/relevance)."""
    from django.contrib.postgres.search import SearchRank

    if plan is None or len(plan.groups) < 2:
        return SearchRank(vector, query)
    parts = [(alt, plan.groups[n].prefix and alt == plan.groups[n].typed.lower(), one)
             for n in range(len(plan.groups)) for alt, one in plan.pg_alternatives(n).items()]
    if plan.rarity is None:  # once per plan: the any-part fallback reads the same words again
        plan.rarity = word_rarity([alt for alt, _, _ in parts],
                                  prefixes=frozenset(i for i, p in enumerate(parts) if p[1]))
    rank = None
    for weight, (_, _, one) in zip(plan.rarity, parts, strict=True):
        term = SearchRank(vector, one) * Value(weight, output_field=FloatField())
        rank = term if rank is None else rank + term
    return rank


def text_plan(text: str, *, understood: bool = True) -> QueryPlan | None:
    """The plan for these words (None for the plain search, or when nothing was typed)."""
    text = (text or "").strip()
    return understand(text) if understood and text else None


def apply_text_search(queryset: QuerySet[Service], text: str, *, plan: QueryPlan | None = None,
                      understood: bool = True, any_group: bool = False) -> QuerySet[Service]:
    """Keep services matching the words, annotated with `rank` (higher is better). Blank text changes nothing.

    With `understood` (the default) the words are read through `search_query.understand` (or the `plan` given);
    `any_group` keeps services matching any part of it rather than every part (the fallback when nothing matches
    everything)."""
    text = (text or "").strip()
    if not text:
        return queryset
    if plan is None and understood:
        plan = understand(text)
    if plan is not None and (plan.finds_nothing or not plan.groups):
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())).none()
    if connection.vendor == "postgresql":

        query = _pg_query(text, plan, any_group)
        vector = pg_search_vector()
        return queryset.annotate(search=vector, rank=_pg_rank(vector, query, plan)).filter(search=query)
    match = _fts5_match(text, plan, any_group)
    if not match:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())).none()
    # bm25 is lower-is-better; weights: name 10, description 1, organisation/terms 4.
    return queryset.extra(
        select={"rank": f"-bm25({FTS_TABLE}, 10.0, 1.0, 4.0)"},
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.rowid = directory_service.rowid", f"{FTS_TABLE} MATCH %s"],
        params=[match],
    )


def filter_related_text(queryset: QuerySet, text: str, via: str = "service") -> QuerySet:
    """Keep rows (e.g. ServiceAtLocation) whose related service matches the words (read as the search page
    reads them). No ranking."""
    text = (text or "").strip()
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        return queryset.filter(**{f"{via}__in": apply_text_search(Service.objects.all(), text).values("pk")})
    plan = understand(text)
    if plan.finds_nothing or not plan.groups:
        return queryset.none()
    match = plan.fts5()
    if not match:
        return queryset.none()
    # Filtering on a service column makes Django join directory_service under its own name for the FTS join.
    return queryset.filter(**{f"{via}__is_published": True}).extra(
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.rowid = directory_service.rowid", f"{FTS_TABLE} MATCH %s"],
        params=[match],
    )
