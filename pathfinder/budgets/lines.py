"""Budget lines and agreeing the budget: each line tied to provision in the plan, funded by named bodies in shares
that make its amount, each share agreed by its funder; then the budget agreed as a whole (CFA s.49; PB Regs reg 4
for provision that cannot be separated from a block-commissioned service).

The ICB agrees its share either itself (a member of the health organisation asked, on their own page) or through
the caseworker, who records who agreed and when. Asking a health organisation gives it an involvement with the
child (people.involvements, capacity health) for as long as the request is open, so its members can open it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from pathfinder.assessments.family_messages import family_tell
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets import request_messages, section_j
from pathfinder.budgets.models import (
    BudgetLine,
    BudgetLineShare,
    BudgetRequest,
    Delivery,
    Funder,
    LineStatus,
    RequestStatus,
)
from pathfinder.budgets.workflow import REQUEST_WORKFLOW
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import involvement_end_for_source, involvement_for_source
from statutory import personal_budgets as law

EDITABLE_STATUSES = (RequestStatus.REQUESTED, RequestStatus.INDICATIVE)
SOURCE_TYPE = "budgets.request"
FUNDER_LABELS = {"council": "the council", "school": "the school or college", "icb": "the integrated care board"}


def _today() -> date:
    return timezone.localdate()


def line_facts(line: BudgetLine) -> law.LineFacts:
    return law.LineFacts(
        label=f"{line.provision_text[:60]}",
        amount=line.yearly_amount,
        shares=tuple(law.ShareFacts(s.funder, s.amount, s.agreed_on) for s in line.shares.all()),
        cannot_separate=line.cannot_separate,
        cannot_separate_reason=line.cannot_separate_reason,
    )


def _locked_request(budget_request: BudgetRequest, expected_version: int) -> BudgetRequest:
    current = BudgetRequest.objects.select_for_update().select_related("plan", "child").get(pk=budget_request.pk)
    if int(expected_version) != current.version:
        raise StaleEdit(REQUEST_WORKFLOW.stale_message)
    if current.status not in EDITABLE_STATUSES:
        raise ServiceError("This personal budget can no longer be changed.", field="provision")
    return current


def _bump(current: BudgetRequest, acting_user, what: str) -> None:
    current.version += 1
    current._change_reason = what
    current.save()
    audit_event_record(
        acting_user=acting_user,
        action=AuditAction.UPDATE,
        child=current.child,
        obj=current,
        what=f"personal budget: {what}",
    )


def _clean_shares(amount: Decimal, shares: dict[str, Decimal]) -> dict[str, Decimal]:
    kept = {str(funder): value for funder, value in shares.items() if value}
    if any(funder not in Funder.values for funder in kept):
        raise ServiceError("Choose who pays from the list", field="shares")
    problems = law.shares_problems(amount, [law.ShareFacts(f, v, None) for f, v in kept.items()])
    if not kept:
        raise ServiceError("Enter how much each funder pays: at least one share", field="council_share")
    if problems:
        raise ServiceError(problems[0].message, field="council_share")
    return kept


def _icb_involvement(current: BudgetRequest, organisation) -> None:
    """Let the health organisation asked to agree see the child while the request is open."""
    if organisation is None:
        return
    involvement_for_source(
        child=current.child,
        capacity=InvolvementCapacity.HEALTH,
        source_type=SOURCE_TYPE,
        source_id=current.pk,
        starts_on=_today(),
        ends_on=None,
        organisation=organisation,
        reason=f"Asked on {_today():%d %B %Y} to agree the health part of a personal budget",
    )


def budget_line_save(
    *,
    acting_user,
    budget_request: BudgetRequest,
    expected_version: int,
    provision_id: int,
    stream: str,
    delivery: str,
    legal_basis: str,
    yearly_amount: Decimal,
    shares: dict[str, Decimal],
    cannot_separate: bool = False,
    cannot_separate_reason: str = "",
    icb_organisation=None,
    line: BudgetLine | None = None,
) -> BudgetLine:
    """Add a line (or change ``line``): it must pay for provision in this plan's sections F, G or H, and the
    funders' shares must make its amount. A changed share loses its funder's agreement."""
    if yearly_amount is None or yearly_amount <= 0:
        raise ServiceError("Enter an amount a year more than £0", field="yearly_amount")
    if delivery not in Delivery.values:
        raise ServiceError("Select how the money is held", field="delivery")
    if cannot_separate and not (cannot_separate_reason or "").strip():
        raise ServiceError(
            f"Give the reason the amount cannot be separated from the service ({law.citation(4)})",
            field="cannot_separate_reason",
        )
    kept = _clean_shares(yearly_amount, shares)
    with transaction.atomic():
        current = _locked_request(budget_request, expected_version)
        provision = current.plan.provisions.filter(pk=provision_id).first() if provision_id else None
        if provision is None:
            raise ServiceError(
                "Choose provision that is in this child's plan: a budget can only pay for what the plan says",
                field="provision",
            )
        if line is None:
            line = BudgetLine(request=current)
        elif line.request_id != current.pk:
            raise ServiceError("That line is not part of this personal budget.", field="provision")
        elif _unchanged(
            line, provision, stream, delivery, legal_basis, yearly_amount, kept, cannot_separate, cannot_separate_reason
        ):
            return line  # saved as it was: nothing changes, not even the version
        line.provision, line.provision_text = provision, provision.description
        line.stream, line.delivery, line.legal_basis = stream, delivery, legal_basis.strip()
        line.unit_price, line.units_per_year, line.yearly_amount = yearly_amount, Decimal("1"), yearly_amount
        line.cannot_separate, line.cannot_separate_reason = cannot_separate, (cannot_separate_reason or "").strip()
        line.status = LineStatus.PROPOSED
        line.version = (line.version or 0) + 1 if line.pk else 1
        line._change_reason = "Budget line saved"
        line.save()
        existing = {share.funder: share for share in line.shares.all()}
        for funder, share in existing.items():
            if funder not in kept:
                share.delete()
        for funder, amount in kept.items():
            share = existing.get(funder)
            if share is None:
                BudgetLineShare.objects.create(line=line, funder=funder, amount=amount)
            elif share.amount != amount:
                share.amount, share.agreed_on, share.agreed_by_name, share.agreed_by = amount, None, "", None
                share.save()
        if kept.get(Funder.ICB):
            _icb_involvement(current, icb_organisation)
        _bump(current, acting_user, f"budget line saved (£{yearly_amount:,.2f} a year)")
    return line


def _unchanged(line, provision, stream, delivery, legal_basis, amount, shares, cannot_separate, reason) -> bool:
    now = {share.funder: share.amount for share in line.shares.all()}
    return (
        line.provision_id == provision.pk
        and (line.stream, line.delivery, line.legal_basis) == (stream, delivery, legal_basis.strip())
        and line.yearly_amount == amount
        and now == shares
        and line.cannot_separate == cannot_separate
        and line.cannot_separate_reason == (reason or "").strip()
    )


def budget_line_remove(*, acting_user, line: BudgetLine, expected_version: int) -> None:
    with transaction.atomic():
        current = _locked_request(line.request, expected_version)
        line.delete()
        _bump(current, acting_user, "budget line removed")


def share_agreement_record(
    *,
    acting_user,
    line: BudgetLine,
    funder: str,
    expected_version: int,
    agreed_by_name: str,
    agreed_on: date,
    in_pathfinder: bool = False,
) -> BudgetLineShare:
    """Record a funder's agreement to its share: by the caseworker (who agreed and when), or by a member of the
    health organisation on their own page (``in_pathfinder``: the acting user is the one who agreed)."""
    if not (agreed_by_name or "").strip():
        raise ServiceError("Enter the name of the person who agreed it", field="agreed_by_name")
    if agreed_on is None or agreed_on > _today():
        raise ServiceError("The date it was agreed must be today or in the past", field="agreed_on")
    with transaction.atomic():
        current = _locked_request(line.request, expected_version)
        share = line.shares.filter(funder=funder).first()
        if share is None:
            raise ServiceError(f"This line has no share paid by {FUNDER_LABELS.get(funder, funder)}.", field="funder")
        share.agreed_by_name, share.agreed_on = agreed_by_name.strip(), agreed_on
        share.agreed_by = acting_user if in_pathfinder else None
        share.save()
        _bump(
            current,
            acting_user,
            f"{FUNDER_LABELS.get(funder, funder)} agreed its share ({agreed_by_name.strip()}, {agreed_on:%d %B %Y})",
        )
    return share


def budget_agree(
    *, acting_user, budget_request: BudgetRequest, expected_version: int, agreed_on: date | None = None
) -> BudgetRequest:
    """Agree the personal budget: only when every line's shares make its amount and every funder has agreed
    (health lines need the ICB's agreement). The lines become agreed and section J is written from them."""
    agreed_on = agreed_on or _today()

    def check(current: BudgetRequest) -> None:
        problems = law.agree_problems([line_facts(line) for line in current.lines.prefetch_related("shares")])
        if problems:
            raise ServiceError(problems[0].message, field=problems[0].field)

    def apply(current: BudgetRequest) -> None:
        current.agreed_on = agreed_on
        current.lines.update(status=LineStatus.AGREED, starts_on=agreed_on)

    with transaction.atomic():
        current = REQUEST_WORKFLOW.transition(
            budget_request,
            "agree",
            acting_user=acting_user,
            expected_version=expected_version,
            check=check,
            apply=apply,
        )
        section_j.section_j_write(acting_user=acting_user, budget_request=current)
        involvement_end_for_source(
            capacity=InvolvementCapacity.HEALTH, source_type=SOURCE_TYPE, source_id=current.pk, on=_today()
        )
        family_tell(child=current.child, kind=request_messages.AGREED.key, values={"date": agreed_on}, on=_today())
    return current
