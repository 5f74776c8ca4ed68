"""The Local Offer search's relevance test set and its scorer (nDCG@10), read by `python -m bench.relevance`.

`queries.json` holds at least 50 queries a family or professional might type, each with graded judgements of the
demo Local Offer (pathfinder.directory.demo, seed 2026 as `load_demo` builds it). Judgements are rules, not ids, so
they survive a change of seed: a service gets the highest grade of any rule it meets.

    "name:Speech and language drop-in": 3    services whose name starts with this (a demo service pattern)
    "kind:short-breaks": 3                   services linked to this kind of support (support-kinds term code)
    "need:SLCN": 1                           services linked to this need (send-needs term code, SEN2)
    "org:Autism": 1                          services run by an organisation whose name contains this

Grades: 3 what they asked for, 2 closely related, 1 a reasonable next step, 0 (unlisted) not relevant.
`worse_because` (optional) explains a query the understood search scores lower than the plain one.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

QUERIES = Path(__file__).with_name("queries.json")
RULE_KINDS = ("name", "kind", "need", "org")
K = 10


@dataclass(frozen=True)
class Judged:
    query: str
    grades: dict[str, int]
    worse_because: str = ""
    why: str = ""


@dataclass(frozen=True)
class ServiceFacts:
    """What a judgement rule can look at."""

    name: str
    organisation: str
    kinds: frozenset[str] = field(default_factory=frozenset)
    needs: frozenset[str] = field(default_factory=frozenset)


def load(path: Path = QUERIES) -> list[Judged]:
    """The judged queries; raises ValueError on a malformed rule so a typo cannot quietly score zero."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    judged = []
    for row in rows:
        for rule, grade in row["grades"].items():
            kind, _, value = rule.partition(":")
            if kind not in RULE_KINDS or not value or grade not in (1, 2, 3):
                raise ValueError(f"Bad judgement {rule!r}: {grade!r} for {row['query']!r}")
        judged.append(Judged(row["query"], dict(row["grades"]), row.get("worse_because", ""), row.get("why", "")))
    return judged


def grade(facts: ServiceFacts, grades: Mapping[str, int]) -> int:
    """The highest grade of any rule this service meets (0 if none)."""
    best = 0
    for rule, value in grades.items():
        kind, _, wanted = rule.partition(":")
        met = ((kind == "name" and facts.name.startswith(wanted)) or (kind == "kind" and wanted in facts.kinds)
               or (kind == "need" and wanted in facts.needs) or (kind == "org" and wanted in facts.organisation))
        if met:
            best = max(best, value)
    return best


def dcg(gains: Iterable[int], k: int = K) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(list(gains)[:k]))


def ndcg(ranked_grades: list[int], all_grades: Iterable[int], k: int = K) -> float:
    """nDCG@k of one ranking, against the best ranking possible from every judged service. A query with nothing
    relevant in the data scores 1.0 if it returns nothing relevant either (there was nothing to find)."""
    ideal = dcg(sorted(all_grades, reverse=True), k)
    return dcg(ranked_grades, k) / ideal if ideal else 1.0
