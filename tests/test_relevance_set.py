"""The search's judged relevance set still loads and its scorer works (the figures themselves come from
`python -m bench.relevance`, part of `make bench`)."""

from __future__ import annotations

import json

import pytest

from bench.relevance import ServiceFacts, dcg, grade, load, ndcg
from pathfinder.directory.constants import NEED_TERMS, SUPPORT_CHILD_TERMS, SUPPORT_TERMS
from pathfinder.directory.demo import SERVICE_PATTERNS


def test_the_judged_set_loads_with_at_least_50_queries_and_real_rules():
    judged = load()
    assert len(judged) >= 50 and len({j.query for j in judged}) == len(judged)
    patterns = [p[1].replace("{org}", "") for p in SERVICE_PATTERNS]
    kinds = {c for c, _, _ in SUPPORT_TERMS} | {c for _, c, _, _ in SUPPORT_CHILD_TERMS}
    needs = {c for c, _, _ in NEED_TERMS}
    for j in judged:
        assert j.grades, j.query
        for rule in j.grades:
            kind, _, value = rule.partition(":")
            if kind == "name":
                assert any(p.startswith(value) for p in patterns), rule  # a demo service pattern
            elif kind == "kind":
                assert value in kinds, rule
            elif kind == "need":
                assert value in needs, rule


def test_a_malformed_rule_is_refused(tmp_path):
    path = tmp_path / "q.json"
    path.write_text(json.dumps([{"query": "x", "grades": {"nmae:Speech": 3}}]))
    with pytest.raises(ValueError):
        load(path)


def test_the_scorer():
    speech = ServiceFacts("Speech and language drop-in – Ashleigh", "NHS", frozenset({"health"}), frozenset({"SLCN"}))
    swim = ServiceFacts("Sensory swim session – Ashleigh", "Swim School", frozenset({"leisure"}), frozenset())
    grades = {"name:Speech and language drop-in": 3, "need:SLCN": 1}
    assert grade(speech, grades) == 3 and grade(swim, grades) == 0
    assert ndcg([3, 0], [3, 0]) == 1.0
    assert ndcg([0, 3], [3, 0]) == pytest.approx((7 / 1.5849625) / 7)
    assert ndcg([0, 0], [3, 1]) == 0.0
    assert dcg([3, 3, 3], k=2) == pytest.approx(7 + 7 / 1.5849625)
