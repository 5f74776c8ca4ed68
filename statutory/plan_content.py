"""What an EHC plan must contain, as checks on plain data (spec section 2). No Django, so it is fast to test.

Each check cites the law or guidance it comes from (:data:`PLAN_RULES`); the caller passes the plan as plain
values (:class:`PlanSnapshot`), never database rows.

* ``vague_wording(text)`` (:mod:`statutory.plan_wording`) finds phrases that make provision unenforceable
  (CoP 9.69: provision "must be detailed and specific and should normally be quantified").
* ``draft_problems(snapshot)`` checks the plan's structure against regulation 12: every need has provision (the
  "golden thread"), provision says how much, how often and who, health provision is agreed by the health
  commissioner, section I is blank in a draft (CFA s.38(5)), and preparing for adulthood from Year 9.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from statutory.plan_wording import (
    VAGUE_PATTERNS,
    VAGUE_WORDING_CITATION,
    Flag,
    VaguePattern,
    highlight_parts,
    vague_wording,
)

REG_12 = "SEND Regulations 2014, reg 12"
COP_9_69 = VAGUE_WORDING_CITATION
CFA_S38_5 = "Children and Families Act 2014, s.38(5)"

#: Also importable from here: the vague-wording checks of statutory.plan_wording.
__all__ = [
    "PLAN_RULES",
    "SECTION_ORDER",
    "VAGUE_PATTERNS",
    "VAGUE_WORDING_CITATION",
    "Flag",
    "NeedSnapshot",
    "OutcomeSnapshot",
    "PlanRule",
    "PlanSnapshot",
    "Problem",
    "ProvisionSnapshot",
    "VaguePattern",
    "draft_problems",
    "golden_thread_problems",
    "highlight_parts",
    "outcome_problems",
    "preparing_for_adulthood_problems",
    "provision_problems",
    "section_b_problems",
    "section_i_problems",
    "section_j_problems",
    "vague_wording",
]


@dataclass(frozen=True)
class PlanRule:
    """One rule about a plan's content: the problem code it raises, what it requires and where the law says so."""

    code: str
    requires: str
    citation: str


PLAN_RULES: dict[str, PlanRule] = {
    rule.code: rule
    for rule in (
        PlanRule("no_needs", "Section B sets out the special educational needs", f"{REG_12}(1)(b)"),
        PlanRule("need_without_provision", "Every need in section B has special educational provision in section F",
                 f"{REG_12}(1)(f); {COP_9_69}"),
        PlanRule("no_outcomes", "Section E sets out the outcomes sought", f"{REG_12}(1)(e)"),
        PlanRule("need_without_outcome", "Every need in section B has an outcome in section E", COP_9_69),
        PlanRule("vague_outcome", "Outcomes are specific", COP_9_69),
        PlanRule("provision_not_quantified", "Provision in section F says how much, how often and who provides it",
                 f"{REG_12}(1)(f); {COP_9_69}"),
        PlanRule("provision_without_need", "Provision in section F meets a need in section B", COP_9_69),
        PlanRule("provision_without_outcome", "Provision in section F is linked to an outcome in section E", COP_9_69),
        PlanRule("vague_provision", "Provision is detailed and specific, without vague wording", COP_9_69),
        PlanRule("health_not_agreed", "Health provision in section G is agreed by the health commissioner",
                 f"{REG_12}(1)(g); {COP_9_69}"),
        PlanRule("placement_in_draft", "A draft plan does not name a school or type of school", CFA_S38_5),
        PlanRule("no_placement", "The final plan gives the type (and name, if any) of the institution",
                 f"{REG_12}(1)(i)"),
        PlanRule("no_pfa_outcome", "From Year 9, an outcome about preparing for adulthood", f"{REG_12}(3)"),
        PlanRule("no_pfa_provision", "From Year 9, provision to help prepare for adulthood", f"{REG_12}(3)"),
        PlanRule("no_section_j", "Section J says what a direct payment pays for", f"{REG_12}(1)(j)"),
        PlanRule("section_j_without_payment", "Section J is filled in only when there is a direct payment",
                 f"{REG_12}(1)(j)"),
    )
}


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

    @property
    def rule(self) -> PlanRule | None:
        return PLAN_RULES.get(self.code)

    @property
    def citation(self) -> str:
        """Where the law or the Code of Practice says so ("" for a code with no rule)."""
        return self.rule.citation if self.rule else ""


SECTION_ORDER: tuple[str, ...] = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K")


def draft_problems(plan: PlanSnapshot) -> list[Problem]:
    """Everything that stops this plan being sent, in plan order. Empty means it may go."""
    problems = [
        *section_b_problems(plan),
        *golden_thread_problems(plan),
        *outcome_problems(plan),
        *provision_problems(plan),
        *section_i_problems(plan),
        *preparing_for_adulthood_problems(plan),
        *section_j_problems(plan),
    ]
    order = {s: i for i, s in enumerate(SECTION_ORDER)}
    return sorted(problems, key=lambda p: order.get(p.section, 99))


def section_b_problems(plan: PlanSnapshot) -> list[Problem]:
    """Reg 12(1)(b): section B sets out the child's special educational needs; every need has provision in F
    (reg 12(1)(f), CoP 9.69: provision for each need)."""
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
    return problems


def golden_thread_problems(plan: PlanSnapshot) -> list[Problem]:
    """Reg 12(1)(e) and CoP 9.69: section E has outcomes, and the golden thread runs B -> E -> F, so a need
    that no outcome answers has nothing to aim for."""
    problems: list[Problem] = []
    if plan.needs and not plan.outcomes:
        problems.append(Problem("no_outcomes", "E", "Section E has no outcomes. Add the outcomes sought."))
    for need in plan.needs if plan.outcomes else ():
        if not any(need.key in o.need_keys for o in plan.outcomes):
            problems.append(
                Problem("need_without_outcome", "E",
                        f"{need.label} has no outcome in section E. Every need in section B needs an outcome "
                        "that says what the child or young person will achieve.", item_key=need.key)
            )
    return problems


def outcome_problems(plan: PlanSnapshot) -> list[Problem]:
    """CoP 9.69: outcomes are specific, so vague wording in an outcome is a problem."""
    problems: list[Problem] = []
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
    return problems


def provision_problems(plan: PlanSnapshot) -> list[Problem]:
    """Per item of provision, in plan order:

    * F says how much, how often and who (reg 12(1)(f); CoP 9.69 "detailed and specific and should normally be
      quantified"), and is linked to a need in B and, when there are outcomes, to an outcome in E (CoP 9.69);
    * F, G, H1 and H2 have no vague wording (CoP 9.69);
    * G is agreed by the health commissioner, the integrated care board (reg 12(1)(g); CoP 9.69).
    """
    problems: list[Problem] = []
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
    return problems


def section_i_problems(plan: PlanSnapshot) -> list[Problem]:
    """CFA s.38(5): a draft names no school or type of school; reg 12(1)(i): the final plan gives the type of
    institution (and its name, if there is one)."""
    if plan.is_draft and (plan.placement_name.strip() or plan.placement_type):
        return [
            Problem(
                "placement_in_draft", "I",
                "A draft plan must not name a school or college, or a type of school (Children and Families Act "
                "2014, section 38(5)). Section I is filled in when the final plan is issued.",
            )
        ]
    if not plan.is_draft and not plan.placement_type:
        return [
            Problem("no_placement", "I", "The final plan must give the type of school or other institution in "
                    "section I, and its name if there is one.")
        ]
    return []


def preparing_for_adulthood_problems(plan: PlanSnapshot) -> list[Problem]:
    """Reg 12(3): from Year 9, outcomes and provision to assist preparation for adulthood and independent living."""
    if not plan.year_9_or_above:
        return []
    problems: list[Problem] = []
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
    return problems


def section_j_problems(plan: PlanSnapshot) -> list[Problem]:
    """Reg 12(1)(j): section J (what a direct payment pays for) is there iff there is a direct payment. Skipped
    when ``has_direct_payment`` is None (no personal budget data recorded)."""
    if plan.has_direct_payment is True and not plan.section_j.strip():
        return [Problem("no_section_j", "J", "A direct payment is recorded, so section J must say what it pays for.")]
    if plan.has_direct_payment is False and plan.section_j.strip():
        return [
            Problem("section_j_without_payment", "J",
                    "Section J is filled in but no direct payment is recorded. Remove it or record the payment.")
        ]
    return []


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
