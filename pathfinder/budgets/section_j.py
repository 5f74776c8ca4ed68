"""Section J of the plan, written from the agreed personal budget, never typed (SEND Regulations 2014 reg 12(1)(j);
CoP 9.95 to 9.124: the personal budget, the provision it pays for, who funds it, how it is held, and for a direct
payment what it pays for).

The text is made from the agreed lines (``section_j_text``). Agreeing the budget writes it into the plan while the
plan is still being drafted; the plans domain shows it read-only on its section J page through the seam
``plans.section_j_source`` (registered in BudgetsConfig.ready()), and its check learns there is a direct payment.
A final plan (a budget agreed at a review or re-assessment) is not rewritten here: the amendment that follows the
review carries section J, and its page shows this text to copy from.
"""

from __future__ import annotations

from django.urls import reverse

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets.models import BudgetLine, BudgetRequest, Delivery, LineStatus, RequestStatus
from pathfinder.plans.models import Plan
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
        held = f"paid as a direct payment to buy: {line.provision_text}"
    elif line.delivery == Delivery.THIRD_PARTY:
        held = "held and managed by a third party for the family"
    else:
        held = "held by the council, school or college, which arranges the provision the family chose"
    sentence = (
        f"{line.get_stream_display()}: {line.provision_text} ({_provision_ref(line)}). "
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
    paragraphs = [f"A personal budget was agreed on {budget_request.agreed_on:%d %B %Y}: {_money(total)} a year."]
    paragraphs += [line_sentence(line) for line in lines]
    if any(line.delivery == Delivery.DIRECT_PAYMENT for line in lines):
        paragraphs.append("The direct payment is made under an agreement the recipient signs, and is reviewed.")
    return "\n".join(paragraphs)


def section_j_write(*, acting_user, budget_request: BudgetRequest) -> bool:
    """Write section J into a plan still being drafted, in the same transaction as the agreement; True if
    written. A final plan is left as it is (see the module's note)."""
    plan = Plan.objects.select_for_update().get(pk=budget_request.plan_id)
    if not plan.is_editable:
        return False
    plan.section_j = section_j_text(budget_request)
    plan.version += 1
    plan._change_reason = "Section J written from the agreed personal budget"
    plan.save()
    audit_event_record(
        acting_user=acting_user,
        action=AuditAction.UPDATE,
        child=plan.child,
        obj=plan,
        what="plan section J written from the agreed personal budget",
    )
    return True


def agreed_request(plan) -> BudgetRequest | None:
    return plan.budget_requests.filter(status=RequestStatus.AGREED).order_by("-agreed_on", "-pk").first()


def plan_section_j_source(plan) -> SectionJSource | None:
    """For plans' section J page and its check (plans.section_j_source): any request on the plan makes section J
    the budget's; a direct payment is known only once the budget is agreed (None before: not checked)."""
    budget_request = (
        agreed_request(plan)
        or plan.budget_requests.exclude(status__in=(RequestStatus.REFUSED, RequestStatus.WITHDRAWN)).first()
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
