"""Checks on an EHC plan before it goes to the family: the rules are the law's and live in statutory.

``statutory.plan_content`` holds every rule (reg 12, CFA s.38(5), Code of Practice 9.69), each citing where it
comes from, and ``statutory.plan_wording`` the vague-wording checks; both take plain data, never models. This
module is the plans app's door to them, so views, services and templates keep calling ``quality.draft_problems``,
``quality.vague_wording``, ``quality.highlight_parts`` and reading ``quality.Problem`` as before. The Plan rows are
turned into the plain :class:`PlanSnapshot` by ``pathfinder.plans.selectors.plan_snapshot``.
"""

from __future__ import annotations

from statutory.plan_content import (
    PLAN_RULES,
    NeedSnapshot,
    OutcomeSnapshot,
    PlanRule,
    PlanSnapshot,
    Problem,
    ProvisionSnapshot,
    draft_problems,
)
from statutory.plan_wording import VAGUE_PATTERNS, Flag, VaguePattern, highlight_parts, vague_wording

__all__ = [
    "PLAN_RULES",
    "VAGUE_PATTERNS",
    "Flag",
    "NeedSnapshot",
    "OutcomeSnapshot",
    "PlanRule",
    "PlanSnapshot",
    "Problem",
    "ProvisionSnapshot",
    "VaguePattern",
    "draft_problems",
    "highlight_parts",
    "vague_wording",
]
