"""Checks on an EHC plan before it goes to the family. Plain Python: no Django, so it is fast to test.

Two kinds of check:

* ``vague_wording(text)`` finds phrases that make provision unenforceable. The Code of Practice (para 9.69) says
  provision "must be detailed and specific and should normally be quantified", and Tribunals strike out words
  like "access to" and "as required" because nobody can tell whether the child got what the plan promised.
* ``draft_problems(snapshot)`` checks the plan's structure against regulation 12: every need has provision (the
  "golden thread"), provision says how much, how often and who, health provision is agreed by the health
  commissioner, section I is blank in a draft (CFA s.38(5)), and preparing for adulthood from Year 9.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


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


# ---------------------------------------------------------------------------------------------------------------
# Structural checks on the whole plan


@dataclass(frozen=True)
class NeedSnapshot:
    key: str
    label: str  # "B1: Communication and interaction"


@dataclass(frozen=True)
class OutcomeSnapshot:
    key: str
    label: str
    description: str
    need_keys: tuple[str, ...] = ()
    preparing_for_adulthood: bool = False


@dataclass(frozen=True)
class ProvisionSnapshot:
    key: str
    section: str  # F, G, H1, H2
    label: str  # "F2"
    description: str
    amount: str = ""
    frequency: str = ""
    provided_by: str = ""
    need_keys: tuple[str, ...] = ()
    preparing_for_adulthood: bool = False
    health_commissioner_agreed: bool = False
    outcome_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanSnapshot:
    """What the checks need to know about a plan, as plain values."""

    is_draft: bool = True
    needs: tuple[NeedSnapshot, ...] = ()
    outcomes: tuple[OutcomeSnapshot, ...] = ()
    provisions: tuple[ProvisionSnapshot, ...] = ()
    placement_name: str = ""
    placement_type: str = ""
    section_j: str = ""
    year_9_or_above: bool = False
    # None means the council records no personal budget data here, so the section J check is skipped.
    has_direct_payment: bool | None = None


@dataclass(frozen=True)
class Problem:
    """Something that must be put right before the plan can be sent."""

    code: str
    section: str  # the plan section to fix: "B", "F", "I" ...
    message: str
    item_key: str = ""  # which need/outcome/provision, when it is about one
    flags: tuple[Flag, ...] = field(default_factory=tuple)
    text: str = ""  # the text the flags point into


def draft_problems(plan: PlanSnapshot) -> list[Problem]:
    """Everything that stops this plan being sent, in plan order. Empty means it may go."""
    problems: list[Problem] = []
    f_items = [p for p in plan.provisions if p.section == "F"]

    if not plan.needs:
        problems.append(Problem("no_needs", "B", "Section B has no special educational needs. Add at least one."))
    for need in plan.needs:
        if not any(need.key in p.need_keys for p in f_items):
            problems.append(
                Problem(
                    "need_without_provision", "F",
                    f"{need.label} has no special educational provision in section F. Every need in section B "
                    "must have provision to meet it.",
                    item_key=need.key,
                )
            )
    if plan.needs and not plan.outcomes:
        problems.append(Problem("no_outcomes", "E", "Section E has no outcomes. Add the outcomes sought."))
    for need in plan.needs if plan.outcomes else ():
        # The golden thread runs B -> E -> F: a need that no outcome answers has nothing to aim for.
        if not any(need.key in o.need_keys for o in plan.outcomes):
            problems.append(
                Problem("need_without_outcome", "E",
                        f"{need.label} has no outcome in section E. Every need in section B needs an outcome "
                        "that says what the child or young person will achieve.", item_key=need.key)
            )

    for outcome in plan.outcomes:
        flags = tuple(vague_wording(outcome.description))
        if flags:
            problems.append(
                Problem(
                    "vague_outcome", "E",
                    f"{outcome.label} uses vague wording: " + _phrases(flags) + ". Outcomes should be specific.",
                    item_key=outcome.key, flags=flags, text=outcome.description,
                )
            )

    for item in plan.provisions:
        missing = [
            what
            for what, value in (("how much", item.amount), ("how often", item.frequency), ("who provides it",
                                                                                              item.provided_by))
            if not value.strip()
        ]
        if item.section == "F" and missing:
            problems.append(
                Problem(
                    "provision_not_quantified", "F",
                    f"{item.label} does not say {_join(missing, 'or')}. Provision in section F must be specific and "
                    "quantified.",
                    item_key=item.key,
                )
            )
        if item.section == "F" and not item.need_keys:
            problems.append(
                Problem("provision_without_need", "F", f"{item.label} is not linked to a need in section B.",
                        item_key=item.key)
            )
        if item.section == "F" and plan.outcomes and not item.outcome_keys:
            problems.append(
                Problem("provision_without_outcome", "F",
                        f"{item.label} is not linked to an outcome in section E. Say which outcome it helps the "
                        "child or young person achieve (Code of Practice 9.69).", item_key=item.key)
            )
        if item.section in ("F", "G", "H1", "H2"):
            for part, text in (("", item.description), (" (how much)", item.amount), (" (how often)", item.frequency),
                               (" (who provides it)", item.provided_by)):
                flags = tuple(vague_wording(text))
                if flags:
                    problems.append(
                        Problem(
                            "vague_provision", item.section,
                            f"{item.label}{part} uses vague wording: {_phrases(flags)}. "
                            + ("Say who will provide it, and their role and expertise." if part == " (who provides it)"
                               else "Say exactly what will be provided, how much and how often."),
                            item_key=item.key, flags=flags, text=text,
                        )
                    )
        if item.section == "G" and not item.health_commissioner_agreed:
            problems.append(
                Problem(
                    "health_not_agreed", "G",
                    f"{item.label} has not been agreed by the health commissioner (the integrated care board). "
                    "Health provision in section G must be agreed by them.",
                    item_key=item.key,
                )
            )

    if plan.is_draft and (plan.placement_name.strip() or plan.placement_type):
        problems.append(
            Problem(
                "placement_in_draft", "I",
                "A draft plan must not name a school or college, or a type of school (Children and Families Act "
                "2014, section 38(5)). Section I is filled in when the final plan is issued.",
            )
        )
    if not plan.is_draft and not plan.placement_type:
        problems.append(
            Problem("no_placement", "I", "The final plan must give the type of school or other institution in "
                    "section I, and its name if there is one.")
        )

    if plan.year_9_or_above:
        if not any(o.preparing_for_adulthood for o in plan.outcomes):
            problems.append(
                Problem(
                    "no_pfa_outcome", "E",
                    "The young person is in Year 9 or above, so section E needs at least one outcome about "
                    "preparing for adulthood.",
                )
            )
        if not any(p.preparing_for_adulthood for p in plan.provisions):
            problems.append(
                Problem(
                    "no_pfa_provision", "F",
                    "The young person is in Year 9 or above, so the plan needs provision to help them prepare "
                    "for adulthood and independent living.",
                )
            )

    if plan.has_direct_payment is True and not plan.section_j.strip():
        problems.append(
            Problem("no_section_j", "J", "A direct payment is recorded, so section J must say what it pays for.")
        )
    if plan.has_direct_payment is False and plan.section_j.strip():
        problems.append(
            Problem("section_j_without_payment", "J",
                    "Section J is filled in but no direct payment is recorded. Remove it or record the payment.")
        )
    order = {s: i for i, s in enumerate(("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"))}
    return sorted(problems, key=lambda p: order.get(p.section, 99))


def _phrases(flags: tuple[Flag, ...]) -> str:
    seen: list[str] = []
    for f in flags:
        quoted = f"“{f.phrase}”"
        if quoted not in seen:
            seen.append(quoted)
    return _join(seen)


def _join(words: list[str], conjunction: str = "and") -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]
