"""Which council decisions a family can appeal to the SEND Tribunal, and what an appeal must say (spec 6.1).

Why a module of its own: the notice of an appealable decision must give the appeal deadline and the mediation
information (reg 32), and an appeal is only possible against the decisions Children and Families Act 2014
s.51(2) lists. Every place that records a decision or an appeal asks here, so the list lives once.

* s.51(2): (a) not to secure an EHC needs assessment; (b) after an assessment, that a plan is not necessary;
  (c) the plan's contents: the needs (section B), the special educational provision (section F) and the school
  or other institution, or type, named in section I (or that none is named), in a plan as first issued or as
  amended; (d) not to secure a re-assessment; (e) not to amend the plan after a review or re-assessment; (f) to
  cease to maintain the plan. Paragraph letters [R]: as recalled from the Act (spec 6.1 letters them
  differently, re-assessment under (a)); the list of decisions itself agrees with the spec.
* A family must have a mediation certificate before appealing (CFA s.55(3)), except when the appeal is only
  about section I: the school or other institution named, its type, or that none is named (s.55(2)) [S].
* Sections B, F and I are the only parts of a plan the Tribunal decides on; it may make non-binding
  recommendations on health and social care (sections C, D, G, H) only within such an appeal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from statutory.rules import RULES, Rule, RuleBook


class AppealableKind(StrEnum):
    """A decision that can be appealed to the First-tier Tribunal (SEND), CFA 2014 s.51(2)."""

    NOT_TO_ASSESS = "not_to_assess"  # s.51(2)(a)
    NOT_TO_REASSESS = "not_to_reassess"  # s.51(2)(d) [R letter]
    NOT_TO_ISSUE = "not_to_issue"  # s.51(2)(b)
    PLAN_CONTENTS = "plan_contents"  # s.51(2)(c): sections B, F, I of a (first or new) plan
    AMENDED_PLAN_CONTENTS = "amended_plan_contents"  # s.51(2)(c): sections B, F, I of an amended plan
    NOT_TO_AMEND = "not_to_amend"  # s.51(2)(e): after a review or re-assessment [R letter]
    TO_CEASE = "to_cease"  # s.51(2)(f) [R letter]


#: The sections of a plan the Tribunal can be asked to change (s.51(2)(c)).
APPEALABLE_SECTIONS: tuple[str, ...] = ("B", "F", "I")
#: Appeals about what a plan says: they must name the sections in dispute.
CONTENTS_KINDS: frozenset[AppealableKind] = frozenset({AppealableKind.PLAN_CONTENTS,
                                                       AppealableKind.AMENDED_PLAN_CONTENTS})
#: Appeals that may name sections (a refusal to amend is about what the plan should say).
SECTION_KINDS: frozenset[AppealableKind] = CONTENTS_KINDS | {AppealableKind.NOT_TO_AMEND}
#: The section an appeal may be about alone without a mediation certificate (CFA s.55(2)) [S].
PLACEMENT_SECTION = "I"

SECTION_TEXT = {"B": "section B (special educational needs)", "F": "section F (special educational provision)",
                "I": "section I (the school or college named)"}

_KIND_TEXT: dict[AppealableKind, str] = {
    AppealableKind.NOT_TO_ASSESS: "not to carry out an education, health and care (EHC) needs assessment",
    AppealableKind.NOT_TO_REASSESS: "not to carry out a new EHC needs assessment (a re-assessment)",
    AppealableKind.NOT_TO_ISSUE: "not to issue an EHC plan after an EHC needs assessment",
    AppealableKind.PLAN_CONTENTS: "what the EHC plan says about needs (section B), provision (section F) or the "
                                  "school or college (section I)",
    AppealableKind.AMENDED_PLAN_CONTENTS: "what the amended EHC plan says about needs (section B), provision "
                                          "(section F) or the school or college (section I)",
    AppealableKind.NOT_TO_AMEND: "not to change the EHC plan after a review or re-assessment",
    AppealableKind.TO_CEASE: "to stop maintaining the EHC plan",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with what was entered, in words a caseworker can act on, and the field it belongs to
    (the name of the argument or dataclass field, e.g. ``"sections_in_dispute"``, ``"done:final_plan"``)."""

    field: str
    message: str


def as_kind(kind: AppealableKind | str) -> AppealableKind | None:
    """``kind`` as an :class:`AppealableKind`, or None if it is not a decision that can be appealed."""
    try:
        return AppealableKind(kind)
    except ValueError:
        return None


def appealable_kind_text(kind: AppealableKind | str) -> str:
    """The decision in plain English, to follow "the council's decision ...": "not to carry out an ..."."""
    found = as_kind(kind)
    if found is None:
        raise ValueError(f"{kind!r} is not a decision that can be appealed to the SEND Tribunal")
    return _KIND_TEXT[found]


def appealable_rule(kind: AppealableKind | str, on: date | None = None, rules: RuleBook | None = None) -> Rule:
    """The rule that makes ``kind`` appealable (its citation and legislation.gov.uk link), as in force on
    ``on`` (default: today's law, i.e. the latest row)."""
    found = as_kind(kind)
    if found is None:
        raise ValueError(f"{kind!r} is not a decision that can be appealed to the SEND Tribunal")
    return (rules or RULES).lookup(f"appealable_{found.value}", on or date.max)


def _sections(sections_in_dispute: Iterable[str]) -> list[str]:
    return [s.strip().upper() for s in sections_in_dispute if s and s.strip()]


def certificate_needed(kind: AppealableKind | str, sections_in_dispute: Iterable[str] = ()) -> bool:
    """Whether the family needs a mediation certificate before appealing (CFA s.55).

    False only when a contents appeal is about section I alone (the school or college named, its type, or
    that none is named); every other appeal needs one, whether or not the family chose mediation.
    """
    found = as_kind(kind)
    return not (found in CONTENTS_KINDS and set(_sections(sections_in_dispute)) == {PLACEMENT_SECTION})


def appeal_problems(kind: AppealableKind | str, sections_in_dispute: Iterable[str] = ()) -> list[Problem]:
    """What is wrong with an appeal's decision and sections, in plain English (empty when nothing is).

    Fields: ``kind`` (the decision appealed against) and ``sections_in_dispute``.
    """
    found = as_kind(kind)
    sections = _sections(sections_in_dispute)
    if found is None:
        allowed = "; ".join(_KIND_TEXT.values())
        return [Problem("kind", f"This decision cannot be appealed to the SEND Tribunal. A family can appeal "
                                f"against a council's decision {allowed} (Children and Families Act 2014, s.51).")]
    problems: list[Problem] = []
    wrong = sorted({s for s in sections if s not in APPEALABLE_SECTIONS})
    if wrong:
        problems.append(Problem("sections_in_dispute", (
            f"Section {', '.join(wrong)} cannot be appealed to the SEND Tribunal. An appeal can only be about "
            f"section B (needs), section F (provision) or section I (school or college). The Tribunal can make "
            f"recommendations about health and social care only as part of such an appeal."
        )))
    if found in CONTENTS_KINDS and not sections:
        problems.append(Problem("sections_in_dispute", (
            "Choose the sections of the plan the appeal is about: section B (needs), section F (provision) "
            "or section I (school or college)."
        )))
    if found not in SECTION_KINDS and sections:
        problems.append(Problem("sections_in_dispute", (
            f"An appeal against a decision {_KIND_TEXT[found]} is not about sections of a plan: leave the "
            f"sections empty, or record it as an appeal about what the plan says."
        )))
    return problems
