"""Factories for personal budgets: a published RAS for a stream, a request on a plan being drafted, lines with
their funders' shares, and a direct payment. Every part of the domain's tests builds on these."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from pathfinder.budgets.models import (
    AskedBy,
    BudgetLine,
    BudgetLineShare,
    BudgetRequest,
    Delivery,
    Funder,
    MadeThrough,
    RequestStage,
)
from pathfinder.budgets.models_money import DirectPayment, RecipientKind
from pathfinder.budgets.models_ras import AllocationSystem, RasBand, RasOption, RasQuestion, RasStatus, Stream
from pathfinder.plans.tests.factories import PlanFactory, PlanNeedFactory, PlanProvisionFactory

#: A small social care questionnaire: two questions, three answers each, three bands with prices.
QUESTIONS = (
    (
        "How much help does the child need with personal care?",
        (("None beyond what is usual for their age", 0), ("Some help every day", 4), ("Help with everything", 8)),
    ),
    ("How often do the family need a break from caring?", (("Rarely", 0), ("Every month", 3), ("Every week", 6))),
)
BANDS = (
    ("Band A", 0, 4, Decimal("1200.00")),
    ("Band B", 5, 9, Decimal("3600.00")),
    ("Band C", 10, None, Decimal("7800.00")),
)


class AllocationSystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AllocationSystem

    stream = Stream.SOCIAL_CARE
    number = factory.Sequence(lambda n: n + 1)
    title = "Short breaks and personal care"


def published_ras(
    *,
    stream: str = Stream.SOCIAL_CARE,
    effective_from: date = date(2026, 4, 1),
    questions=QUESTIONS,
    bands=BANDS,
    **kwargs,
) -> AllocationSystem:
    """A published RAS version with its questions, answers and priced bands."""
    system = AllocationSystemFactory(
        stream=stream, status=RasStatus.PUBLISHED, effective_from=effective_from, published_on=effective_from, **kwargs
    )
    for q_order, (text, options) in enumerate(questions, start=1):
        question = RasQuestion.objects.create(system=system, order=q_order, text=text)
        for o_order, (label, points) in enumerate(options, start=1):
            RasOption.objects.create(question=question, order=o_order, label=label, points=points)
    for name, low, high, amount in bands:
        RasBand.objects.create(system=system, name=name, min_points=low, max_points=high, yearly_amount=amount)
    return system


def plan_with_provision(**plan_kwargs):
    """A draft plan (the stage a budget is most often asked for) with one need and one F provision."""
    plan = PlanFactory(**plan_kwargs)
    need = PlanNeedFactory(plan=plan)
    PlanProvisionFactory(plan=plan, needs=[need])
    return plan


class BudgetRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetRequest

    plan = factory.LazyFunction(plan_with_provision)
    child = factory.SelfAttribute("plan.child")
    stage = RequestStage.DRAFT_PLAN
    requested_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    asked_by = AskedBy.PARENT
    made_through = MadeThrough.CASEWORKER
    streams = factory.LazyFunction(lambda: [Stream.SOCIAL_CARE])
    wishes = "We would like to choose our own short breaks carer so Sam has someone he knows."


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    request = factory.SubFactory(BudgetRequestFactory)
    provision = factory.LazyAttribute(lambda o: o.request.plan.provisions.first())
    provision_text = factory.LazyAttribute(lambda o: o.provision.description if o.provision else "Short breaks")
    stream = Stream.SOCIAL_CARE
    delivery = Delivery.DIRECT_PAYMENT
    legal_basis = "Chronically Sick and Disabled Persons Act 1970 s.2"
    unit_price = Decimal("18.50")
    units_per_year = Decimal("120")
    yearly_amount = Decimal("2220.00")


def line_with_share(*, funder: str = Funder.COUNCIL, agreed_on: date | None = None, **kwargs) -> BudgetLine:
    """A line paid for wholly by one funder."""
    line = BudgetLineFactory(**kwargs)
    BudgetLineShare.objects.create(line=line, funder=funder, amount=line.yearly_amount, agreed_on=agreed_on)
    return line


class DirectPaymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DirectPayment

    request = factory.SubFactory(BudgetRequestFactory)
    recipient_kind = RecipientKind.PARENT
    recipient_name = "Leanne Cartwright"
