"""Asking for a personal budget, and the council's answer: refused with reasons, reconsidered, or withdrawn
(CFA s.49; PB Regs regs 3, 4 and 7). Agreeing it is in lines.py (it needs every line agreed).

The stage the family asks at (reg 4) is worked out from the plan, its reviews and any re-assessment, never typed:
``statutory.personal_budgets.request_stage``. Every status change goes through budgets.workflow.REQUEST_WORKFLOW.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from pathfinder.assessments.constants import AssessmentKind, AssessmentStatus
from pathfinder.assessments.family_messages import family_tell
from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets import request_messages
from pathfinder.budgets.models import OPEN_REQUEST_STATUSES, BudgetRequest
from pathfinder.budgets.models_ras import Stream
from pathfinder.budgets.workflow import REQUEST_WORKFLOW
from pathfinder.core.errors import ServiceError
from pathfinder.plans.models import Plan
from pathfinder.reviews.models import OPEN_STATUSES as OPEN_REVIEW_STATUSES
from statutory import personal_budgets as law

#: What a personal budget may be available for and who can help (reg 3), unless the Local Offer has its own page.
INFORMATION_SLUG = "personal-budgets"
DEFAULT_INFORMATION = (
    "A personal budget is an amount of money to pay for some of the help in the EHC plan. It can pay for special "
    "educational provision in section F, health care in section G (agreed with the NHS) and social care in "
    "section H. It cannot pay for a place at a school or college.",
    "You can have it as a direct payment (the money is paid to you to buy the help), as an arrangement (the "
    "council, school or college holds the money and buys the help you choose), through a third party who holds "
    "it for you, or a mix of these.",
    "Your local SEND information, advice and support service (SENDIASS) can help you decide, free and in "
    "confidence. The Local Offer lists other organisations that can help.",
)


def _today() -> date:
    return timezone.localdate()


def plan_facts(plan: Plan) -> law.PlanFacts:
    """The plan as plain facts for reg 4: its status, an annual review under way, a re-assessment under way."""
    review_open = plan.reviews.filter(status__in=OPEN_REVIEW_STATUSES).exists()
    reassessment_open = Assessment.objects.filter(
        child_id=plan.child_id,
        kind=AssessmentKind.REASSESSMENT,
        final_issued_on__isnull=True,
        status__in=(AssessmentStatus.ASSESSING, AssessmentStatus.DECIDED_TO_ISSUE),
    ).exists()
    return law.PlanFacts(plan_status=plan.status, review_open=review_open, reassessment_open=reassessment_open)


def request_stage_for(plan: Plan) -> str | None:
    """The stage a budget may be asked for on this plan today (reg 4), or None."""
    return law.request_stage(plan_facts(plan))


def open_request(plan: Plan) -> BudgetRequest | None:
    return plan.budget_requests.filter(status__in=OPEN_REQUEST_STATUSES).first()


def information_blocks() -> list[tuple[str, object]]:
    """The council's reg 3 information as blocks to show (("p", text), ("ul", [items]), ("h2", text)): its Local
    Offer page about personal budgets if it has published one (read the way the Local Offer shows it, so its
    lists stay lists), else the default words above; always ending with who can help."""
    from pathfinder.directory.models import InformationPage
    from pathfinder.directory.web.present import information_blocks as page_blocks

    page = InformationPage.objects.filter(slug=INFORMATION_SLUG, published=True).first()
    if page is None:
        return [("p", text) for text in DEFAULT_INFORMATION]
    return [*page_blocks(page.body), ("p", DEFAULT_INFORMATION[-1])]


def budget_request_make(
    *,
    acting_user,
    plan: Plan,
    asked_by: str,
    made_through: str,
    streams: list[str],
    wishes: str = "",
    requested_on: date | None = None,
) -> BudgetRequest:
    """Record a request for a personal budget for this plan (CFA s.49(1)), at a stage reg 4 allows, and send the
    family what a budget may be available for and who can help (reg 3)."""
    requested_on = requested_on or _today()
    if requested_on > _today():
        raise ServiceError("The date it was asked for cannot be in the future", field="requested_on")
    streams = [str(s) for s in streams]
    if not streams or any(s not in Stream.values for s in streams):
        raise ServiceError("Select what the personal budget would be for", field="streams")
    with transaction.atomic():
        plan = Plan.objects.select_for_update().select_related("child").get(pk=plan.pk)
        stage = request_stage_for(plan)
        if stage is None:
            raise ServiceError(
                f"A personal budget cannot be asked for on this plan now. {law.WHEN_YOU_CAN_ASK}", field="streams"
            )
        if open_request(plan) is not None:
            raise ServiceError(
                "A personal budget has already been asked for on this plan and is being worked on.", field="streams"
            )
        budget_request = BudgetRequest(
            child=plan.child,
            plan=plan,
            stage=stage,
            requested_on=requested_on,
            asked_by=asked_by,
            made_through=made_through,
            requested_by=acting_user,
            streams=streams,
            wishes=(wishes or "").strip(),
            information_sent_on=_today(),
        )
        budget_request._change_reason = "Asked for a personal budget"
        try:
            with transaction.atomic():
                budget_request.save()
        except IntegrityError as error:  # someone else asked at the same moment (one open request per plan)
            raise ServiceError("A personal budget has already been asked for on this plan.", field="streams") from error
        audit_event_record(
            acting_user=acting_user,
            action=AuditAction.CREATE,
            child=plan.child,
            obj=budget_request,
            what=f"personal budget: asked for ({budget_request.get_made_through_display()})",
        )
        family_tell(child=plan.child, kind=request_messages.ASKED.key, values={"date": requested_on}, on=_today())
    return budget_request


def budget_request_refuse(
    *, acting_user, budget_request: BudgetRequest, expected_version: int, reasons: str, refused_on: date | None = None
) -> BudgetRequest:
    """Refuse, in writing with the reasons; the family may ask for it to be reviewed (reg 7)."""
    problems = law.refusal_problems(reasons)
    if problems:
        raise ServiceError(problems[0].message, field=problems[0].field)
    refused_on = refused_on or _today()

    def apply(current: BudgetRequest) -> None:
        current.refused_on = refused_on
        current.refusal_reasons = reasons.strip()

    with transaction.atomic():
        current = REQUEST_WORKFLOW.transition(
            budget_request, "refuse", acting_user=acting_user, expected_version=expected_version, apply=apply
        )
        family_tell(child=current.child, kind=request_messages.REFUSED.key, values={"date": refused_on}, on=_today())
    return current


def budget_request_reconsider(
    *,
    acting_user,
    budget_request: BudgetRequest,
    expected_version: int,
    asked_on: date,
    outcome: str,
    change_decision: bool,
) -> BudgetRequest:
    """The family asked for the refusal to be reviewed (reg 7): record when and what was decided. If the council
    changes its decision the request is open again; if not, the refusal stands with the outcome recorded."""
    if not (outcome or "").strip():
        raise ServiceError("Enter what was decided and why", field="outcome")
    if asked_on > _today():
        raise ServiceError("The date they asked cannot be in the future", field="asked_on")

    def apply(current: BudgetRequest) -> None:
        current.reconsideration_asked_on = asked_on
        current.reconsideration_outcome = outcome.strip()

    return REQUEST_WORKFLOW.transition(
        budget_request,
        "reconsider" if change_decision else "refusal_stands",
        acting_user=acting_user,
        expected_version=expected_version,
        apply=apply,
        what=None if change_decision else "reconsidered, the refusal stands",
    )


def budget_request_withdraw(
    *, acting_user, budget_request: BudgetRequest, expected_version: int, withdrawn_on: date | None = None
) -> BudgetRequest:
    """The family no longer wants a personal budget."""

    def apply(current: BudgetRequest) -> None:
        current.withdrawn_on = withdrawn_on or _today()

    return REQUEST_WORKFLOW.transition(
        budget_request, "withdraw", acting_user=acting_user, expected_version=expected_version, apply=apply
    )
