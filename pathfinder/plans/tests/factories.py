from __future__ import annotations

import factory

from pathfinder.assessments.tests.factories import DraftingFactory
from pathfinder.plans.models import Plan, PlanNeed, PlanOutcome, PlanProvision


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    assessment = factory.SubFactory(DraftingFactory)
    child = factory.SelfAttribute("assessment.child")
    section_a = "Sam loves trains and drawing. Sam wants to have friends at school."


class PlanNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanNeed

    plan = factory.SubFactory(PlanFactory)
    area = "Communication and interaction"
    description = "Sam finds it hard to follow spoken instructions of more than two steps."
    order = factory.Sequence(lambda n: n + 1)


class PlanOutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanOutcome
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    description = "By July 2027, Sam will follow a three-step instruction in class without adult help."
    order = factory.Sequence(lambda n: n + 1)

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        if create and extracted:
            self.needs.set(extracted)


class PlanProvisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanProvision
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    section = "F"
    description = "One-to-one speech and language therapy working on following instructions"
    amount = "45 minutes"
    frequency = "once a week during term time"
    provided_by = "A speech and language therapist"
    order = factory.Sequence(lambda n: n + 1)

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        if create and extracted:
            self.needs.set(extracted)

    @factory.post_generation
    def outcomes(self, create, extracted, **kwargs):
        if create and extracted:
            self.outcomes.set(extracted)


def complete_plan(**plan_kwargs) -> Plan:
    """A draft that passes every check: one need, its outcome and quantified provision."""
    plan = PlanFactory(**plan_kwargs)
    need = PlanNeedFactory(plan=plan)
    outcome = PlanOutcomeFactory(plan=plan, needs=[need])
    PlanProvisionFactory(plan=plan, needs=[need], outcomes=[outcome])
    return plan
