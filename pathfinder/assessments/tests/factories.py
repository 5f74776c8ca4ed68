from __future__ import annotations

from datetime import date

import factory

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.assessments.constants import AssessmentStatus, ReceivedBy, RequestSource
from pathfinder.assessments.involvements import adviser_involvement_refresh
from pathfinder.assessments.models import AdviceRequest, Assessment
from pathfinder.assessments.services import statutory_due_dates
from pathfinder.people.tests.factories import ChildFactory


class AssessmentFactory(factory.django.DjangoModelFactory):
    """A request just received. Use the state factories below for later stages."""

    class Meta:
        model = Assessment

    child = factory.SubFactory(ChildFactory)
    caseworker = factory.SubFactory(CaseworkerFactory, team=factory.SelfAttribute("..child.team"))
    request_source = RequestSource.PARENT_OR_YOUNG_PERSON
    received_by = ReceivedBy.EMAIL
    received_on = date(2026, 6, 1)
    status = AssessmentStatus.REQUESTED
    decision_due_on = factory.LazyAttribute(lambda o: statutory_due_dates(o.received_on)["decision_due_on"])
    not_issue_due_on = factory.LazyAttribute(lambda o: statutory_due_dates(o.received_on)["not_issue_due_on"])
    final_plan_due_on = factory.LazyAttribute(lambda o: statutory_due_dates(o.received_on)["final_plan_due_on"])


class AssessingFactory(AssessmentFactory):
    status = AssessmentStatus.ASSESSING
    decided_to_assess = True
    decision_to_assess_on = date(2026, 7, 1)


class DraftingFactory(AssessingFactory):
    status = AssessmentStatus.DECIDED_TO_ISSUE
    decided_to_issue = True
    decision_to_issue_on = date(2026, 8, 20)


class AdviceRequestFactory(factory.django.DjangoModelFactory):
    """With an adviser sign-in (``adviser=``), the adviser is involved with the child, as the service does."""

    class Meta:
        model = AdviceRequest
        skip_postgeneration_save = True

    assessment = factory.SubFactory(AssessingFactory)
    kind = "d"
    adviser_name = "Educational psychologist"
    requested_on = date(2026, 7, 2)

    @factory.post_generation
    def involvement(advice, create, extracted, **kwargs):
        if create:
            adviser_involvement_refresh(advice)


class ReceivedAdviceFactory(AdviceRequestFactory):
    """Advice the council has received: closed, so changes come as corrections."""

    received_on = date(2026, 8, 10)
    summary = "Needs a structured language programme."
