"""Statutory durations as data.

Why data and not constants: the law changes (the 2026 White Paper proposes new plans, not yet law). A change
in the law is a new :class:`Rule` row with a later ``effective_from``; :meth:`RuleBook.lookup` picks the row
in force on the *trigger* date, so cases started under the old law keep the old deadline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from statutory.calendar import UNITS, Unit, WorkingDayCalendar
from statutory.rules_disagreements import DISAGREEMENT_RULE_ROWS
from statutory.rules_disclosure import DISCLOSURE_RULE_ROWS

REGS = "https://www.legislation.gov.uk/uksi/2014/1530/regulation/"
CFA = "https://www.legislation.gov.uk/ukpga/2014/6/section/"
HESC = "https://www.legislation.gov.uk/uksi/2008/2699/rule/20"

#: SEND Regulations 2014 and CFA 2014 Part 3 came into force on 1 September 2014.
SEND_2014_IN_FORCE = date(2014, 9, 1)
#: The 2-month SEND appeal period of r.20(1)(c) applies to appeals under CFA 2014 s.51, so from the same day.
HESC_APPEAL_IN_FORCE = SEND_2014_IN_FORCE


@dataclass(frozen=True)
class Rule:
    """One statutory time limit: ``amount`` ``unit`` counted from a trigger date.

    ``unit`` "days" and "calendar_days" both mean calendar days (the Regulations say "days" and mean calendar
    days, spec section 0); "working_days" needs a :class:`~statutory.calendar.WorkingDayCalendar`.
    """

    code: str
    summary: str
    citation: str
    url: str
    amount: int
    unit: Unit
    effective_from: date
    #: "N days beginning with the day X" (reg 13(1)(a)): X is day 1, so the last day is X + N - 1.
    begins_with_trigger: bool = False
    #: How sure we are of the row: the spec's evidence tags [V] verbatim, [S] secondary source, [R] not re-verified.
    note: str = ""

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"Unknown unit {self.unit!r} for rule {self.code!r}")
        if self.amount < 0:
            raise ValueError(f"Rule {self.code!r} has a negative amount")

    def due_from(self, trigger: date, calendar: WorkingDayCalendar | None = None) -> date:
        """The last compliant day: trigger + amount (``within N weeks of X`` = X + 7N days), or the last day of
        a period *beginning with* the trigger day: trigger + amount - 1 day for days ("15 days beginning with
        the day", reg 13(1)(a)), the day before trigger + amount for weeks and months ("the period of 12 months
        starting with the date", CFA s.44(1)), and the Nth working day counting the trigger as day 1."""
        calendar = calendar or WorkingDayCalendar()
        if not (self.begins_with_trigger and self.amount):
            return calendar.add(trigger, self.amount, self.unit)
        if self.unit in ("weeks", "months"):
            end = calendar.add(trigger, self.amount, self.unit)
            if self.unit == "months" and end.day != trigger.day:
                # No corresponding day in the last month (12 months starting with 29 February): the period runs
                # to the end of that month (the corresponding date rule, Dodds v Walker [1980]).
                return end
            return end - timedelta(days=1)
        if self.unit == "working_days":
            return calendar.working_days_beginning_with(trigger, self.amount)
        return calendar.add(trigger, self.amount - 1, self.unit)

    @property
    def duration_text(self) -> str:
        """E.g. "6 weeks", "15 working days"; "at once" for a duty with no period (reg 44(2)(a))."""
        if self.amount == 0:
            return "at once"
        unit = {"calendar_days": "days"}.get(self.unit, self.unit).replace("_", " ")
        if self.amount == 1:
            unit = unit.removesuffix("s")
        return f"{self.amount} {unit}"


@dataclass(frozen=True)
class RuleBook:
    """A versioned table of rules. Lookup is by code and the date the clock started."""

    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        seen: set[tuple[str, date]] = set()
        for rule in self.rules:
            key = (rule.code, rule.effective_from)
            if key in seen:
                raise ValueError(f"Two rows for {rule.code!r} take effect on {rule.effective_from}")
            seen.add(key)

    def lookup(self, code: str, on: date) -> Rule:
        """The row for ``code`` in force on ``on`` (the latest ``effective_from`` not after ``on``)."""
        candidates = [r for r in self.rules if r.code == code and r.effective_from <= on]
        if not candidates:
            raise LookupError(f"No rule {code!r} in force on {on.isoformat()}")
        return max(candidates, key=lambda r: r.effective_from)

    def codes(self) -> frozenset[str]:
        return frozenset(r.code for r in self.rules)

    def with_rules(self, extra: Iterable[Rule]) -> RuleBook:
        """A new book with more rows, e.g. a future amendment to the law."""
        return RuleBook(self.rules + tuple(extra))


RULES = RuleBook(
    (
        Rule(
            code="decision_to_assess",
            summary="Tell the parent/young person whether an EHC needs assessment will be carried out",
            citation="SEND Regulations 2014, reg 5(1)",
            url=f"{REGS}5",
            amount=6,
            unit="weeks",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(code="advice", summary="Each person asked for advice must give it within 6 weeks of receiving the request",
             citation="SEND Regulations 2014, reg 8(1)", url=f"{REGS}8", amount=6, unit="weeks",
             effective_from=SEND_2014_IN_FORCE),
        Rule(
            code="decision_not_to_issue",
            summary="Tell the parent/young person of a decision not to issue an EHC plan",
            citation="SEND Regulations 2014, reg 10(1)",
            url=f"{REGS}10",
            amount=16,
            unit="weeks",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="representations_close",
            summary=(
                "Parent/young person has at least 15 days, beginning with the day the draft plan was served, "
                "to make representations and ask for a school (the day of service is day 1)"
            ),
            citation="SEND Regulations 2014, reg 13(1)(a)",
            url=f"{REGS}13",
            amount=15,
            unit="calendar_days",
            effective_from=SEND_2014_IN_FORCE,
            begins_with_trigger=True,
        ),
        Rule(
            code="consultation",
            summary="A school or college consulted about being named should respond within 15 days",
            citation="Children and Families Act 2014, s.39; SEND Code of Practice 2015, paras 9.78-9.80",
            url=f"{CFA}39",
            amount=15,
            unit="calendar_days",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="final_plan",
            summary="Send the finalised EHC plan within 20 weeks of the request",
            citation="SEND Regulations 2014, reg 13(2)",
            url=f"{REGS}13",
            amount=20,
            unit="weeks",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="appeal",
            summary=(
                "The Tribunal must receive an appeal within 2 months after the written notice of the decision "
                "was sent (or 1 month after a mediation certificate, if later)"
            ),
            citation="Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.20(1)(c)",
            url=HESC,
            amount=2,
            unit="months",
            effective_from=HESC_APPEAL_IN_FORCE,
        ),
        Rule(
            code="appeal_after_certificate",
            summary="Or within 1 month from the date the mediation certificate was issued, if that is later",
            citation="Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.20(1)(c)",
            url=HESC,
            amount=1,
            unit="months",
            effective_from=HESC_APPEAL_IN_FORCE,
        ),
        Rule(
            code="mediation_contact",
            summary=(
                "A parent or young person who wishes to appeal contacts a mediation adviser within 2 months "
                "after the written notice of the decision was sent"
            ),
            citation="SEND Regulations 2014, reg 33",
            url=f"{REGS}33",
            amount=2,
            unit="months",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="mediation_certificate",
            summary="The mediation adviser issues a certificate within 3 working days of being told",
            citation="SEND Regulations 2014, reg 34",
            url=f"{REGS}34",
            amount=3,
            unit="working_days",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="mediation_held",
            summary="Mediation must take place within 30 days of the parent or young person telling the council",
            citation="SEND Regulations 2014, regs 35 to 38",
            url=f"{REGS}37",
            amount=30,
            unit="calendar_days",
            effective_from=SEND_2014_IN_FORCE,
        ),
        # -- The plan's life after it is issued (spec section 3) --------------------------------------------
        Rule(
            code="annual_review",
            summary=(
                "Review the EHC plan within the 12 months starting with the day it was first made, and then within "
                "each 12 months starting with the day it was last reviewed"
            ),
            citation="Children and Families Act 2014, s.44(1)",
            url=f"{CFA}44",
            amount=12,
            unit="months",
            effective_from=SEND_2014_IN_FORCE,
            begins_with_trigger=True,
        ),
        Rule(
            code="early_years_review",
            summary=(
                "For a child under 5, consider reviewing the plan every 3 to 6 months (guidance, not a duty): at "
                "the latest 6 months after it was made or last reviewed"
            ),
            citation="SEND Code of Practice 2015, para 9.178",
            url="https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
            amount=6,
            unit="months",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="review_invitation_notice",
            summary="Everyone who must be invited to the review meeting has at least 2 weeks' notice of its date",
            citation="SEND Regulations 2014, reg 20(3)",
            url=f"{REGS}20",
            amount=2,
            unit="weeks",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="review_advice_circulated",
            summary="Advice and information about the child is sent to everyone invited at least 2 weeks before the meeting",
            citation="SEND Regulations 2014, reg 20(4)",
            url=f"{REGS}20",
            amount=2,
            unit="weeks",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="review_report",
            summary="The report of the review meeting is sent to the council and everyone invited within 2 weeks of the meeting",
            citation="SEND Regulations 2014, reg 20(7)",
            url=f"{REGS}20",
            amount=2,
            unit="weeks",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="review_decision",
            summary=(
                "The council decides whether to keep the plan as it is, amend it or cease it, and tells the parent "
                "or young person, within 4 weeks of the review meeting"
            ),
            citation="SEND Regulations 2014, reg 20(10)",
            url=f"{REGS}20",
            amount=4,
            unit="weeks",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="amendment_representations_close",
            summary=(
                "The parent or young person has at least 15 days, beginning with the day the amendment notice was "
                "served, to comment on the proposed amendments, ask for a meeting and ask for a school"
            ),
            citation="SEND Regulations 2014, reg 22(2)(c)",
            url=f"{REGS}22",
            amount=15,
            unit="calendar_days",
            effective_from=SEND_2014_IN_FORCE,
            begins_with_trigger=True,
        ),
        Rule(
            code="amendment_final",
            summary=(
                "Issue the amended plan, or tell the family it will not be amended and why, within 8 weeks of the "
                "amendment notice"
            ),
            citation="SEND Regulations 2014, reg 22(3)",
            url=f"{REGS}22",
            amount=8,
            unit="weeks",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="post_16_transfer",
            summary=(
                "A young person moving between post-16 institutions: the plan is reviewed and amended at least "
                "5 months before the transfer"
            ),
            citation="SEND Regulations 2014, reg 18(2)",
            url=f"{REGS}18",
            amount=5,
            unit="months",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="reassessment_decision",
            summary="Tell the parent or young person whether the council will re-assess within 15 days of the request",
            citation="SEND Regulations 2014, reg 25(1)",
            url=f"{REGS}25",
            amount=15,
            unit="calendar_days",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="reassessment_refusal_window",
            summary=(
                "The council may refuse a request for a re-assessment made within 6 months of the last EHC needs "
                "assessment"
            ),
            citation="SEND Regulations 2014, reg 24(2)",
            url=f"{REGS}24",
            amount=6,
            unit="months",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="reassessment_final",
            summary=(
                "Send the finalised plan after a re-assessment within 14 weeks of telling the parent or young "
                "person that the council will re-assess"
            ),
            citation="SEND Regulations 2014, reg 27(2)",
            url=f"{REGS}27",
            amount=14,
            unit="weeks",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="transfer_out",
            summary=(
                "The old council transfers the plan to the new council on the day of the move, or within 15 "
                "working days beginning with the day it became aware of the move if it learnt of it less than 15 "
                "working days before"
            ),
            citation="SEND Regulations 2014, reg 15(2)",
            url=f"{REGS}15",
            amount=15,
            unit="working_days",
            effective_from=SEND_2014_IN_FORCE,
            begins_with_trigger=True,
        ),
        Rule(
            code="transfer_in_notice",
            summary=(
                "The new council tells the parent or young person that the plan has been transferred, whether it "
                "will assess and when it will review the plan, within 6 weeks of the transfer"
            ),
            citation="SEND Regulations 2014, reg 15(4)",
            url=f"{REGS}15",
            amount=6,
            unit="weeks",
            effective_from=SEND_2014_IN_FORCE,
        ),
        Rule(
            code="transfer_in_review",
            summary=(
                "The new council reviews the plan before the later of the end of the 12 months starting with the "
                "day it was made or last reviewed, and the end of the 3 months starting with the day of the transfer"
            ),
            citation="SEND Regulations 2014, reg 15(5)",
            url=f"{REGS}15",
            amount=3,
            unit="months",
            effective_from=SEND_2014_IN_FORCE,
            begins_with_trigger=True,
        ),
    )  # below: disagreements (spec 6); inspectors' lists and subject access (not SEND law)
    + tuple(Rule(**row) for row in DISAGREEMENT_RULE_ROWS + DISCLOSURE_RULE_ROWS)
)


def rule_in_force(code: str, on: date, rules: RuleBook | None = None) -> Rule:
    """Shortcut for ``(rules or RULES).lookup(code, on)``."""
    return (rules or RULES).lookup(code, on)
