"""Personal budgets: when one may be asked for, and the checks before a budget or a direct payment is agreed
(Children and Families Act 2014 s.49; SEN (Personal Budgets) Regulations 2014, SI 2014/1652; spec section 5).

Plain facts in, problems (each citing its regulation) or dates out; nothing here reads the clock.

* CFA s.49(1): a council that maintains or is preparing a plan must prepare a personal budget if the parent or
  young person asks for one.
* PB Regs reg 3: the council gives information on the provision a budget may be available for, and on
  organisations that give advice and support.
* PB Regs reg 4: a budget may be asked for once the council has confirmed it will prepare a plan (the draft), or
  during a statutory review or a re-assessment. Where the council cannot identify an amount for some provision
  (it is part of a block-commissioned service, or separating it would harm other children's provision or not be
  an efficient use of resources) it says so with its reasons. The issue calls this "reg 4A"; the spec places it
  under reg 4 [S/R], so it is cited here as reg 4.
* PB Regs reg 5: who may receive a direct payment (the parent, the young person, a nominee, a representative).
* PB Regs reg 6: the conditions the council must be satisfied of before it makes direct payments.
* PB Regs reg 7: a refusal is in writing with the reasons, and the family may ask for it to be reviewed.
* PB Regs reg 8: written notice of the agreed provision and the amount.
* PB Regs regs 9 to 11: monitoring, review and stopping. The spec could not confirm the frequencies [R], so
  when a direct payment is first reviewed and how often after that are the council's settings
  (budgets.BudgetSettings), passed in here; the dates say so.
* CFA s.49(4): a direct payment stops if the recipient's consent is withdrawn.
* CoP 9.119: a direct payment for provision on a school's or college's premises needs the head teacher's or
  principal's agreement; a direct payment cannot pay for a school or college place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from statutory.calendar import add_months

PB_REGS = "SEN (Personal Budgets) Regulations 2014"
PB_URL = "https://www.legislation.gov.uk/uksi/2014/1652/regulation/"
CFA_49 = "Children and Families Act 2014, s.49"
CFA_49_URL = "https://www.legislation.gov.uk/ukpga/2014/6/section/49"
COP_9_119 = "SEND Code of Practice (2015), paragraph 9.119"
COP_URL = "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25"


def citation(reg: int | str) -> str:
    """E.g. "SEN (Personal Budgets) Regulations 2014, reg 7"."""
    return f"{PB_REGS}, reg {reg}"


def citation_url(reg: int | str) -> str:
    return f"{PB_URL}{reg}"


# -- reg 4: when a budget may be asked for ------------------------------------------------------------------------

STAGE_DRAFT_PLAN = "draft_plan"
STAGE_REVIEW = "review"
STAGE_REASSESSMENT = "reassessment"

#: What the family is told when they cannot ask yet (plain English, reg 4).
WHEN_YOU_CAN_ASK = (
    "You can ask for a personal budget while an EHC plan is being written (once you have the draft plan), at an "
    "annual review of the plan, or while the plan is being re-assessed."
)


@dataclass(frozen=True)
class PlanFacts:
    """The plan and what is happening to it, as plain values (statuses as the plans and reviews domains say)."""

    plan_status: str  # "draft", "draft_sent", "final", ...
    review_open: bool = False  # an annual review of this plan is under way
    reassessment_open: bool = False  # a re-assessment of the child is under way while this plan is in force


def request_stage(facts: PlanFacts) -> str | None:
    """The stage a budget may be asked for at now (reg 4), or None if it cannot be asked for now.

    A plan being drafted (draft, or draft sent to the family) is the draft stage; a final plan under review or
    while the child is re-assessed is the review or re-assessment stage. A final plan with nothing under way, or
    a plan that has ended, is none: the family is told when they can ask (``WHEN_YOU_CAN_ASK``)."""
    if facts.plan_status in ("draft", "draft_sent"):
        return STAGE_DRAFT_PLAN
    if facts.plan_status == "final":
        if facts.review_open:
            return STAGE_REVIEW
        if facts.reassessment_open:
            return STAGE_REASSESSMENT
    return None


# -- problems -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something that stops the step, with the field to show it by and the rule that says so."""

    field: str
    message: str
    citation: str


def refusal_problems(reasons: str) -> list[Problem]:
    """A refusal needs written reasons (reg 7)."""
    if not (reasons or "").strip():
        return [Problem("reasons", "Enter the reasons for refusing, in words the family will read", citation(7))]
    return []


@dataclass(frozen=True)
class ShareFacts:
    funder: str  # "council", "school", "icb"
    amount: Decimal
    agreed_on: date | None


@dataclass(frozen=True)
class LineFacts:
    label: str
    amount: Decimal
    shares: tuple[ShareFacts, ...]
    cannot_separate: bool = False
    cannot_separate_reason: str = ""


def shares_problems(amount: Decimal, shares: tuple[ShareFacts, ...] | list[ShareFacts]) -> list[Problem]:
    """Each funder's share is not negative and together they make the line's amount exactly."""
    if any(share.amount < 0 for share in shares):
        return [Problem("shares", "A funder's share cannot be less than £0", CFA_49)]
    total = sum((share.amount for share in shares), Decimal("0"))
    if total != amount:
        return [
            Problem(
                "shares",
                f"The funders' shares add up to £{total:,.2f} but the line is £{amount:,.2f}: they must be the same",
                CFA_49,
            )
        ]
    return []


def line_problems(line: LineFacts) -> list[Problem]:
    """What stops one line being agreed: its shares, the ICB's agreement for a health share, each partner's
    approval of an integrated line, and the reason for provision that cannot be separated (reg 4)."""
    problems = shares_problems(line.amount, line.shares)
    if not line.shares:
        problems.append(Problem("shares", f"{line.label}: say who pays for it", CFA_49))
    if line.cannot_separate and not line.cannot_separate_reason.strip():
        problems.append(
            Problem(
                "cannot_separate_reason",
                f"{line.label}: give the reason the amount cannot be separated from the service",
                citation(4),
            )
        )
    for share in line.shares:
        if share.agreed_on is None:
            who = (
                "the integrated care board"
                if share.funder == "icb"
                else {"council": "the council", "school": "the school or college"}.get(share.funder, share.funder)
            )
            problems.append(Problem("shares", f"{line.label}: {who} has not agreed its share yet", CFA_49))
    return problems


def agree_problems(lines: list[LineFacts]) -> list[Problem]:
    """A budget is agreed only when it has a line and every line's shares are whole and agreed."""
    if not lines:
        return [Problem("lines", "Add at least one budget line before agreeing the budget", CFA_49)]
    return [problem for line in lines for problem in line_problems(line)]


def notice_problems(lines: list[LineFacts]) -> list[Problem]:
    """The reg 8 notice says the agreed provision and the amount: it needs agreed lines with amounts."""
    if not lines:
        return [Problem("lines", "There is no agreed provision to put in the notice", citation(8))]
    return []


# -- direct payments ----------------------------------------------------------------------------------------------

RECIPIENTS = ("parent", "young_person", "nominee", "representative")  # reg 5


@dataclass(frozen=True)
class DirectPaymentFacts:
    recipient_kind: str
    recipient_name: str
    consent_given_on: date | None
    will_use_appropriately: bool  # reg 6(a)
    acts_in_best_interests: bool  # reg 6(b): only for a nominee or a representative
    no_adverse_impact: bool  # reg 6(c)
    efficient_use: bool  # reg 6(d)
    on_school_premises: bool
    head_agreed_on: date | None
    head_name: str
    holding: str  # "own_account", "prepaid_card", "third_party"
    prepaid_card_chosen: bool = False
    third_party_name: str = ""
    pays_for_a_place: bool = False


def conditions_problems(facts: DirectPaymentFacts) -> list[Problem]:
    """The reg 6 conditions, each confirmed (6(b) only where a nominee or a representative receives it)."""
    problems = []
    if not facts.will_use_appropriately:
        problems.append(
            Problem(
                "will_use_appropriately",
                "Confirm the recipient will use the direct payment to secure the agreed provision",
                citation("6(a)"),
            )
        )
    if facts.recipient_kind in ("nominee", "representative") and not facts.acts_in_best_interests:
        problems.append(
            Problem(
                "acts_in_best_interests",
                "Confirm the nominee or representative will act in the child's or young person's best interests",
                citation("6(b)"),
            )
        )
    if not facts.no_adverse_impact:
        problems.append(
            Problem(
                "no_adverse_impact",
                "Confirm the direct payment will not harm other services for children and young people with plans",
                citation("6(c)"),
            )
        )
    if not facts.efficient_use:
        problems.append(
            Problem(
                "efficient_use",
                "Confirm the direct payment is an efficient use of the council's resources",
                citation("6(d)"),
            )
        )
    return problems


def agreement_problems(facts: DirectPaymentFacts) -> list[Problem]:
    """Everything that must be true before the direct payment agreement is sent: a recipient the law allows
    (reg 5) who consented (CFA s.49(4)), the reg 6 conditions, the head's agreement for provision on a school's or
    college's premises and no school place paid for (CoP 9.119), and how the money is held, a prepaid card only
    by the family's choice."""
    problems = []
    if facts.recipient_kind not in RECIPIENTS or not facts.recipient_name.strip():
        problems.append(Problem("recipient_name", "Say who receives the direct payment", citation(5)))
    if facts.consent_given_on is None:
        problems.append(
            Problem("consent_given_on", "Record the date the recipient consented to the direct payment", CFA_49)
        )
    problems.extend(conditions_problems(facts))
    if facts.on_school_premises and (facts.head_agreed_on is None or not facts.head_name.strip()):
        problems.append(
            Problem(
                "head_agreed_on",
                "The provision is on a school's or college's premises: record the "
                "head teacher's or principal's agreement (name and date)",
                COP_9_119,
            )
        )
    if facts.pays_for_a_place:
        problems.append(Problem("lines", "A direct payment cannot pay for a school or college place", COP_9_119))
    if not facts.holding:
        problems.append(Problem("holding", "Say how the money will be held", citation(6)))
    elif facts.holding == "prepaid_card" and not facts.prepaid_card_chosen:
        problems.append(
            Problem("prepaid_card_chosen", "A prepaid card can only be used if the family chose it", citation(6))
        )
    elif facts.holding == "third_party" and not facts.third_party_name.strip():
        problems.append(
            Problem("third_party_name", "Give the name of the third party who will hold the money", citation(6))
        )
    return problems


def stop_problems(reason: str, reasons_text: str) -> list[Problem]:
    """A direct payment stops when consent is withdrawn (CFA s.49(4)) or the conditions are no longer met
    (regs 10 and 11 [R]), always with the reasons written down."""
    problems = []
    if reason not in ("consent_withdrawn", "conditions_not_met", "no_longer_needed"):
        problems.append(Problem("reason", "Select why the direct payment is stopping", citation(11)))
    if not (reasons_text or "").strip():
        problems.append(Problem("reasons", "Enter the reasons, in words the family will read", citation(11)))
    return problems


@dataclass(frozen=True)
class ReviewDates:
    """When a direct payment is reviewed: the first review, then at least every N months (regs 9 to 11)."""

    first_due: date
    next_due: date
    rule: str


def review_dates(
    *, first_payment_on: date, first_within_months: int, every_months: int, last_reviewed_on: date | None = None
) -> ReviewDates:
    """The first review ``first_within_months`` after the first payment, then ``every_months`` after the last
    review. Both numbers are the council's settings: the spec could not confirm a frequency in regs 9 to 11."""
    first = add_months(first_payment_on, first_within_months)
    following = add_months(last_reviewed_on, every_months) if last_reviewed_on else first
    rule = (
        f"{PB_REGS}, regs 9 to 11 (monitoring and review). How often is the council's own setting: the first "
        f"review within {first_within_months} months of the first payment, then every {every_months} months."
    )
    return ReviewDates(first_due=first, next_due=following, rule=rule)
