"""Wording that looks as if it names a person or a school, so the officer is warned before publishing it.

Published comments must identify nobody (reg 56(3)); the comment form asks families not to name anyone, but
they do ("my son Alfie at St Mary's Primary"). Names cannot be recognised for certain, so this only warns: the
officer removes the name, or confirms the wording identifies nobody (a school's own name, say, in a comment
about the school's provision in general). Patterns, all needing capital letters as names are written:
a title and a name ("Mrs Patel"); a relative and a name ("my daughter Isla"); "called"/"named" and a name;
two capitalised words that are not a place, organisation or everyday word ("Tom Baker"); and a school,
college, academy or nursery named with capitalised words ("Wealdbury Academy", "St Mary's Primary").
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_TITLE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.?\s+{_NAME}")
_RELATIVE = re.compile(
    rf"\b(?i:my|our|his|her|their|the)\s+(?i:son|daughter|child|boy|girl|grandson|granddaughter|brother|sister|"
    rf"nephew|niece|stepson|stepdaughter|foster child|teacher|key worker|SENCO|TA)\s*,?\s+(?:(?i:is\s+)?(?i:called|named)\s+)?"
    rf"({_NAME})"
)
_CALLED = re.compile(rf"\b(?i:called|named)\s+({_NAME})")
_SCHOOL = re.compile(
    r"\b((?:St\.?\s+)?(?:[A-Z][\w'’-]*\s+){1,4}"
    r"(?:Primary|Infants?|Juniors?|Secondary|High|Grammar|Academy|College|School|Nursery|Pre-?school)"
    r"(?:\s+(?:School|Academy))?)\b"
)
_FULL_NAME = re.compile(rf"\b({_NAME})\s+({_NAME})\b")
# Capitalised words that are places, organisations or services, not people.
_NOT_NAMES = {
    "academy", "advice", "autism", "borough", "care", "centre", "clinic", "college", "council", "county", "day",
    "education", "ehc", "england", "family", "group", "health", "hospital", "hub", "infants", "junior", "juniors",
    "leisure", "library", "local", "nhs", "nursery", "offer", "park", "plan", "play", "primary", "road", "school",
    "secondary", "send", "service", "services", "short", "breaks", "social", "street", "support", "swim", "team",
    "therapy", "trust", "unit", "wealdmoor", "wealdbury", "youth", "club", "saturday", "sunday", "monday",
    "tuesday", "wednesday", "thursday", "friday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "i", "we", "you", "they", "the", "a", "my", "our",
    "his", "her", "their", "thank", "thanks", "please", "dear", "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame",
}


def names_in(text: str) -> list[str]:
    """Each piece of the wording that may name a person or a school, in order, without repeats."""
    text = text or ""
    found: list[str] = []
    for match in _TITLE.finditer(text):
        found.append(match.group(0))
    for pattern in (_RELATIVE, _CALLED):
        found += [m.group(1) for m in pattern.finditer(text)]
    schools = [m.group(1).strip() for m in _SCHOOL.finditer(text)]
    found += schools
    for match in _FULL_NAME.finditer(text):
        first, last = match.group(1), match.group(2)
        if {first.lower(), last.lower()} & _NOT_NAMES or any(match.group(0) in s for s in schools + found):
            continue
        found.append(match.group(0))
    return list(dict.fromkeys(name for name in found if name.lower() not in _NOT_NAMES))
