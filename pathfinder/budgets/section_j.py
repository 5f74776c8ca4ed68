"""Section J of the plan, written from the agreed personal budget, never typed (SEND Regulations 2014 reg 12(1)(j);
CoP 9.95 to 9.124: the personal budget, the provision it pays for, who funds it, how it is held, and for a direct
payment what it pays for).

The text is made from the agreed lines (``section_j_text``) and written into **the plan being written**: the
request's own plan while it is a draft, or, for a budget asked for at a review or re-assessment (the request's
plan is final), the child's amendment (or new plan) being written, the only lawful way a final plan changes (SEND
Regulations 2014 reg 22; plans.amendments). A final plan is never edited here. If no plan is being written when
the budget is agreed, nothing is written and the request page says how to go on: propose the amendment (from the
review, or from the plan), then "Write section J into the plan being written". The plans domain shows section J
read-only on its section J page through the seam ``plans.section_j_source`` (registered in BudgetsConfig.ready()),
and its check learns there is a direct payment.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets.models import BudgetLine, BudgetRequest, Delivery, LineStatus, RequestStatus
from pathfinder.core.errors import ServiceError
from pathfinder.plans.models import EDITABLE_STATUSES, Plan, PlanKind, PlanStatus
from pathfinder.plans.section_j_source import SectionJSource

FUNDED_BY = {"council": "the council", "school": "the school or college", "icb": "the NHS (integrated care board)"}


def _money(amount) -> str:
    return f"£{amount:,.2f}"


def line_sentence(line: BudgetLine) -> str:
    """One line of section J: the provision, the amount, who funds it and how it is held."""
    shares = list(line.shares.all())
    funders = (
        " and ".join(f"{FUNDED_BY.get(s.funder, s.funder)} ({_money(s.amount)})" for s in shares)
        if len(shares) > 1
        else FUNDED_BY.get(shares[0].funder, shares[0].funder)
        if shares
        else "not yet said"
    )
    if line.delivery == Delivery.DIRECT_PAYMENT:
        held = f"paid as a direct payment to buy: {line.provision_text.rstrip('. ')}"
    elif line.delivery == Delivery.THIRD_PARTY:
        held = "held and managed by a third party for the family"
    else:
        held = "held by the council, school or college, which arranges the provision the family chose"
    sentence = (
        f"{line.get_stream_display()}: {line.provision_text.rstrip('. ')} ({_provision_ref(line)}). "
        f"{_money(line.yearly_amount)} a year, funded by {funders}; {held}."
    )
    if line.cannot_separate:
        sentence += (
            " The amount for this provision cannot be separated from a service the council buys for many "
            f"children: {line.cannot_separate_reason}"
        )
    return sentence


def _provision_ref(line: BudgetLine) -> str:
    return f"section {line.provision.section}" if line.provision else "provision in the plan"


def section_j_text(budget_request: BudgetRequest) -> str:
    """Section J as it reads from the agreed lines, one paragraph per line, then the total."""
    lines = list(
        budget_request.lines.filter(status=LineStatus.AGREED).prefetch_related("shares").select_related("provision")
    )
    if not lines:
        return ""
    total = sum(line.yearly_amount for line in lines)
    paragraphs = [f"A personal budget was agreed on {budget_request.agreed_on:%-d %B %Y}: {_money(total)} a year."]
    paragraphs += [line_sentence(line) for line in lines]
    if any(line.delivery == Delivery.DIRECT_PAYMENT for line in lines):
        paragraphs.append("The direct payment is made under an agreement the recipient signs, and is reviewed.")
    return "\n".join(paragraphs)


def plan_being_written(budget_request: BudgetRequest) -> Plan | None:
    """The plan section J goes into: the request's plan while it is a draft, else the child's amendment or new plan
    being written (one at a time per child), else None (the plan is final and nothing is being written)."""
    if budget_request.plan.is_editable:
        return budget_request.plan
    return Plan.objects.filter(child_id=budget_request.child_id, status__in=EDITABLE_STATUSES).first()


@dataclass(frozen=True)
class SectionJPlace:
    """Where the agreed budget's section J stands, for the caseworker."""

    plan: Plan | None  # the plan being written, if any
    up_to_date: bool

    @property
    def is_amendment(self) -> bool:
        return self.plan is not None and self.plan.kind == PlanKind.AMENDMENT

    @property
    def message(self) -> str:
        if self.plan is None:
            return ("The plan is final, so section J is not changed here: a final plan changes only through an "
                    "amendment. Propose amendments to the plan (from the review, or from the plan's page), then "
                    "write section J into them from this page.")
        where = "the proposed amendments to the plan" if self.is_amendment else "the draft plan"
        return (f"Section J of {where} is written from the agreed lines." if self.up_to_date
                else f"Section J of {where} does not match the agreed lines yet: write it from them.")


def section_j_place(budget_request: BudgetRequest) -> SectionJPlace:
    plan = plan_being_written(budget_request)
    return SectionJPlace(plan=plan, up_to_date=plan is not None
                         and plan.section_j.strip() == section_j_text(budget_request).strip())


def section_j_write(*, acting_user, budget_request: BudgetRequest) -> Plan | None:
    """Write section J into the plan being written (a draft, or the amendment that carries a budget agreed at a
    review or re-assessment), in the caller's transaction; returns that plan, or None when the plan is final and
    no amendment is being written (nothing is changed: see the module's note)."""
    target = plan_being_written(budget_request)
    if target is None:
        return None
    plan = Plan.objects.select_for_update().select_related("child").get(pk=target.pk)
    if not plan.is_editable:  # issued a moment ago
        return None
    plan.section_j = section_j_text(budget_request)
    plan.version += 1
    kind = "proposed amendment's" if plan.kind == PlanKind.AMENDMENT else "plan's"
    plan._change_reason = f"Section J of the {kind[:-2]} written from the agreed personal budget"
    plan.save()
    audit_event_record(
        acting_user=acting_user,
        action=AuditAction.UPDATE,
        child=plan.child,
        obj=plan,
        what=f"the {kind} section J written from the agreed personal budget",
    )
    return plan


def section_j_write_agreed(*, acting_user, budget_request: BudgetRequest) -> Plan:
    """The caseworker writes the agreed budget's section J into the plan being written (an amendment proposed
    after the budget was agreed starts with the final plan's old section J). Refused, saying how, otherwise."""
    with transaction.atomic():
        current = BudgetRequest.objects.select_for_update().select_related("plan", "child").get(pk=budget_request.pk)
        if current.status != RequestStatus.AGREED:
            raise ServiceError("Section J is written once the personal budget is agreed.")
        written = section_j_write(acting_user=acting_user, budget_request=current)
        if written is None:
            raise ServiceError(section_j_place(current).message)
    return written


def _requests_for(plan):
    """The requests whose section J is this plan's: its own, and for a plan being written (an amendment or a new
    plan after a re-assessment) those made on the child's final plan at its review or re-assessment."""
    if not plan.is_editable:
        return plan.budget_requests.all()
    return BudgetRequest.objects.filter(Q(plan=plan) | Q(plan__child_id=plan.child_id, plan__status=PlanStatus.FINAL))


def agreed_request(plan) -> BudgetRequest | None:
    return _requests_for(plan).filter(status=RequestStatus.AGREED).order_by("-agreed_on", "-pk").first()


def plan_section_j_source(plan) -> SectionJSource | None:
    """For plans' section J page and its check (plans.section_j_source): any request on the plan (or, for a plan
    being written, on the final plan it follows) makes section J the budget's; a direct payment is known only once
    the budget is agreed (None before: not checked)."""
    budget_request = (
        agreed_request(plan)
        or _requests_for(plan).exclude(status__in=(RequestStatus.REFUSED, RequestStatus.WITHDRAWN)).first()
    )
    if budget_request is None:
        return None
    url = reverse("budgets:request_detail", kwargs={"child_id": plan.child_id, "request_id": budget_request.pk})
    if budget_request.status != RequestStatus.AGREED:
        return SectionJSource(text="", link_text="Work on the personal budget", url=url, has_direct_payment=None)
    has_dp = budget_request.lines.filter(status=LineStatus.AGREED, delivery=Delivery.DIRECT_PAYMENT).exists()
    return SectionJSource(
        text=section_j_text(budget_request),
        link_text="See the agreed personal budget",
        url=url,
        has_direct_payment=True if has_dp else None,
    )
