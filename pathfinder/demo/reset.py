"""Wipe the demo county: every child's record, case and plan, and the people who sign in, before a reload.

Uses raw deletes in dependency order: collecting 100,000 related rows through the ORM's cascade takes minutes.
Audit events are deleted too: they are records of the demo, which is being thrown away (never do this to live data).
"""

from __future__ import annotations

from django.apps import apps
from django.db import transaction

from pathfinder.accounts.models import Team, User
from pathfinder.assessments.models import (
    AdviceNeed,
    AdviceOutcome,
    AdviceProvision,
    AdviceRequest,
    Assessment,
    AssessmentException,
)
from pathfinder.audit.models import AuditEvent
from pathfinder.budgets.models import BudgetLine, BudgetLineShare, BudgetRequest, IndicativeBudget
from pathfinder.budgets.models_money import (
    DirectPayment,
    Payment,
    PaymentSchedule,
    Spend,
    Statement,
    SurplusRecovery,
)
from pathfinder.budgets.models_ras import AllocationSystem, RasBand, RasOption, RasQuestion, RateCardItem
from pathfinder.ceasing.models import Cessation
from pathfinder.documents.models import Document, documents_storage
from pathfinder.family.models import AccountRequest, FamilyInvitation, OnlineRequest
from pathfinder.organisations.models import Membership, Organisation
from pathfinder.people.models import Child, ChildNeed, ChildSearchKey, FamilyMember, Involvement, ParentAccessConsent
from pathfinder.plans.models import (
    ChildViews,
    ChildViewsFile,
    Consultation,
    PlacementRequest,
    Plan,
    PlanNeed,
    PlanOutcome,
    PlanProvision,
    PlanSnapshot,
    Representation,
)
from pathfinder.reviews.models import OutcomeProgress, Review, ReviewAdvice, ReviewInvitee
from pathfinder.transfers.models import TransferIn, TransferOut

#: Personal budgets, children before parents (the demo's RAS and rate card go too: the demo makes them again).
_BUDGETS = [
    Spend, Statement, Payment, PaymentSchedule, SurplusRecovery, DirectPayment.lines.through, DirectPayment,
    BudgetLineShare, BudgetLine, IndicativeBudget, BudgetRequest, RasOption, RasQuestion, RasBand, AllocationSystem,
    RateCardItem,
]


def _raw_delete(model) -> int:
    qs = model.objects.all()
    return qs._raw_delete(qs.db)


def wipe_demo() -> dict[str, int]:
    """Delete all case data and all non-superuser accounts (plus the demo administrator). Returns counts."""
    counts: dict[str, int] = {}
    ordered = [
        *_BUDGETS,
        AccountRequest, OnlineRequest, FamilyInvitation, ParentAccessConsent,
        PlanProvision.outcomes.through, PlanProvision.needs.through, PlanOutcome.needs.through,
        OutcomeProgress, ReviewAdvice, ReviewInvitee, Review, TransferOut, TransferIn,
        Cessation, Representation, PlanSnapshot, ChildViewsFile, ChildViews, Consultation, PlacementRequest, PlanProvision, PlanOutcome, PlanNeed,
        Plan, AdviceNeed, AdviceOutcome, AdviceProvision,
        AdviceRequest, AssessmentException, Assessment, Document, AuditEvent, Involvement, FamilyMember, ChildNeed,
        ChildSearchKey, Child, Membership, Organisation,
    ]
    # simple-history tables of the case apps (foreign keys are checked at commit, so order does not matter)
    historical = [
        m for m in apps.get_models()
        if m._meta.app_label in ("people", "assessments", "plans", "organisations", "ceasing", "reviews", "transfers",
                                  "budgets")
        and m.__name__.startswith("Historical")
    ]
    # Disagreements and appeals (and their history) hang off the children and the decisions: every row goes.
    disputes = [m for label in ("tribunal", "disagreements") for m in apps.get_app_config(label).get_models(
        include_auto_created=True) if not m._meta.proxy]
    stored = [name for name in Document.objects.values_list("stored_name", flat=True) if name]
    with transaction.atomic():
        for model in disputes + historical + ordered:
            counts[model._meta.label] = _raw_delete(model)
        counts.update(_wipe_local_offer())
        counts.update(_wipe_queued_pdfs())
        users = User.objects.filter(is_superuser=False) | User.objects.filter(username="admin")
        counts["users"] = users.count()
        users.delete()
        counts["teams"] = Team.objects.filter(children__isnull=True).delete()[0]
    storage = documents_storage()
    for name in stored:  # the demo's files go with their rows
        storage.delete(name)
    return counts


# Reference data the Local Offer keeps across a reset: seeded by its migrations or loaded idempotently.
_LOCAL_OFFER_KEEP = {"Taxonomy", "TaxonomyTerm", "PostcodeCentroid", "OutcodeCentroid", "InformationPage"}


def _wipe_local_offer() -> dict[str, int]:
    """The Local Offer demo (organisations, services and what hangs off them) and its feedback.

    The demo generator gives its rows stable ids per seed, so a reload would collide with the old rows.
    """
    counts = {}
    for label in ("feedback", "directory"):
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models(include_auto_created=True):
            if model.__name__ not in _LOCAL_OFFER_KEEP and not model._meta.proxy:
                counts[model._meta.label] = _raw_delete(model)
    return counts


def _wipe_queued_pdfs() -> dict[str, int]:
    """PDF tasks queued for the old demo's plans: left behind they would fail on plans that no longer exist."""
    from django_tasks_db.models import DBTaskResult

    from pathfinder.demo.pdfs import TASK_PATH

    return {"queued PDF tasks": DBTaskResult.objects.filter(task_path=TASK_PATH).delete()[0]}
