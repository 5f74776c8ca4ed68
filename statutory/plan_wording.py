"""Vague wording in an EHC plan: phrases that make provision unenforceable (spec section 2).

Why: the Code of Practice (para 9.69) says provision "must be detailed and specific and should normally be
quantified", and Tribunals strike out words like "access to" and "as required" because nobody can tell whether
the child got what the plan promised. Each pattern says why it is vague and gives a better example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Provision "must be detailed and specific and should normally be quantified".
VAGUE_WORDING_CITATION = "SEND Code of Practice 2015, para 9.69"


@dataclass(frozen=True)
class Flag:
    """One vague phrase found in a piece of text."""

    phrase: str  # the words as written
    start: int
    end: int
    explanation: str
    better: str


@dataclass(frozen=True)
class VaguePattern:
    pattern: str
    explanation: str
    better: str


VAGUE_PATTERNS: tuple[VaguePattern, ...] = (
    VaguePattern(
        r"\b(?:have |has |given |with )?access to\b",
        "“Access to” promises a chance to use something, not that it will happen. Say what the child will get.",
        "“45 minutes of speech and language therapy each week, delivered by a speech and language therapist”",
    ),
    VaguePattern(
        r"\bas (?:and when )?(?:needed|required|necessary)\b",
        "“As needed” leaves it to someone else to decide later whether the child gets the help at all.",
        "“A trained adult checks in with Sam at the start of every lesson”",
    ),
    VaguePattern(
        r"\bregular(?:ly)?\b",
        "“Regular” does not say how often. Give the number of times in a day, week or term.",
        "“three times a week” or “every morning before lessons”",
    ),
    VaguePattern(
        r"\bopportunit(?:y|ies) (?:for|to)\b",
        "“Opportunities” describe what might be offered, not what will be provided.",
        "“Two 20-minute small-group social skills sessions each week, run by the SENCO”",
    ),
    VaguePattern(
        r"\bsupport as appropriate\b|\bas appropriate\b",
        "“As appropriate” does not say what support, how much, or who decides what is appropriate.",
        "“One-to-one support from a teaching assistant for 15 hours a week”",
    ),
    VaguePattern(
        r"\bmay benefit\b|\bwould benefit\b|\bcould benefit\b",
        "“May benefit” is an opinion, not a promise. If the child needs it, write it as provision.",
        "“Weekly occupational therapy, 30 minutes, for one term, then reviewed”",
    ),
    VaguePattern(
        r"\bup to\b",
        "“Up to” sets a ceiling, so zero would still comply. Give the amount the child will get.",
        "“20 hours a week” rather than “up to 20 hours a week”",
    ),
    VaguePattern(
        r"\bwhere (?:possible|appropriate|practicable)\b|\bif possible\b|\bwhen possible\b",
        "“Where possible” lets the provision be skipped. Provision in section F must be made.",
        "“Sam sits near the front in every lesson”",
    ),
    VaguePattern(
        r"\bshould (?:have|receive|be offered|be given)\b",
        "“Should” sounds optional. Use “will”.",
        "“Sam will have…”",
    ),
    VaguePattern(
        r"\b(?:some|additional|extra) (?:support|help|adult support)\b",
        "This does not say how much support or what kind.",
        "“An extra 30 minutes of one-to-one reading with a trained teaching assistant each school day”",
    ),
    VaguePattern(
        r"\bon occasion\b|\boccasional(?:ly)?\b|\bfrom time to time\b|\bperiodic(?:ally)?\b",
        "This does not say how often. Give the number of times.",
        "“once every half term”",
    ),
    VaguePattern(
        r"\bsome time\b|\bsome (?:minutes|hours|sessions)\b",
        "“Some time” does not say how much. Give the number of minutes or hours.",
        "“30 minutes each school day”",
    ),
    VaguePattern(
        r"\b(?:school |setting |college |support |teaching |trained |nursery )?staff\b(?! training)",
        "“Staff” does not say who will provide it or what training they have.",
        "“a teaching assistant trained in Lego therapy” or “a specialist teacher for hearing impairment”",
    ),
    VaguePattern(
        r"\bencouraged to\b",
        "Encouragement is not provision. Say what adults will do to help.",
        "“A teaching assistant will model turn-taking in a small group twice a week”",
    ),
)

_COMPILED = tuple((re.compile(p.pattern, re.IGNORECASE), p) for p in VAGUE_PATTERNS)


def vague_wording(text: str) -> list[Flag]:
    """Every vague phrase in ``text``, in reading order, without overlaps."""
    if not text:
        return []
    found: list[Flag] = []
    for regex, pattern in _COMPILED:
        for match in regex.finditer(text):
            found.append(Flag(match.group(0).strip(), match.start(), match.end(), pattern.explanation, pattern.better))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    result: list[Flag] = []
    for flag in found:
        if result and flag.start < result[-1].end:
            continue  # the longer, earlier phrase already covers it
        result.append(flag)
    return result


def highlight_parts(text: str) -> list[tuple[str, Flag | None]]:
    """Split text into plain parts and flagged parts, for showing the flags in place (with <mark>)."""
    parts: list[tuple[str, Flag | None]] = []
    position = 0
    for flag in vague_wording(text):
        if flag.start > position:
            parts.append((text[position:flag.start], None))
        parts.append((text[flag.start:flag.end], flag))
        position = flag.end
    if position < len(text):
        parts.append((text[position:], None))
    return parts
