"""Cases at any stage, with literal dates, for counting deadlines and timeliness."""

from __future__ import annotations

from datetime import date

import factory

from pathfinder.assessments import services
from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.models import AssessmentException
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessmentFactory
from pathfinder.plans.models import Consultation, InstitutionType, Plan


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    assessment = factory.SubFactory(AssessmentFactory)
    child = factory.SelfAttribute("assessment.child")


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    plan = factory.SubFactory(PlanFactory)
    institution_name = "Oakfield Primary School"
    institution_type = InstitutionType.MAINTAINED_SCHOOL
    sent_on = date(2026, 8, 1)


def case(
    received_on: date,
    *,
    assess: tuple[date, bool] | None = None,
    issue: tuple[date, bool] | None = None,
    draft_on: date | None = None,
    final_on: date | None = None,
    withdrawn_on: date | None = None,
    exceptions: tuple[dict, ...] = (),
    **factory_kwargs,
):
    """An assessment with the given outcomes; status follows from them as the transitions would set it.

    Exceptions go through the real service, so the stored Week20 flag is set the way it is in production.
    """
    status = AssessmentStatus.REQUESTED
    fields: dict = {}
    if assess:
        fields.update(decision_to_assess_on=assess[0], decided_to_assess=assess[1])
        status = AssessmentStatus.ASSESSING if assess[1] else AssessmentStatus.REFUSED
    if issue:
        fields.update(decision_to_issue_on=issue[0], decided_to_issue=issue[1])
        status = AssessmentStatus.DECIDED_TO_ISSUE if issue[1] else AssessmentStatus.NOT_ISSUING
    if draft_on:
        fields["draft_served_on"] = draft_on  # the plan's steps are facts of the assessment's clock
    if final_on:
        fields["final_issued_on"] = final_on
    if withdrawn_on:
        fields["withdrawn_on"] = withdrawn_on
        status = AssessmentStatus.WITHDRAWN
    assessment = AssessmentFactory(received_on=received_on, status=status, **fields, **factory_kwargs)
    for exception in exceptions:
        if exception.pop("legacy", False):
            # A record made before the service refused claims outside their step's period: straight to the table.
            AssessmentException.objects.create(assessment=assessment, evidence="Recorded for a test", **exception)
            continue
        if exception["code"] in ("E1", "E2"):  # reg 10(4)(a)/(b): the setting was asked for advice as it closed
            AdviceRequestFactory(assessment=assessment, kind="b", adviser_name="Head teacher",
                                 requested_on=exception["period_start"])
        services.assessment_exception_record(
            acting_user=assessment.caseworker or _anyone(), assessment=assessment,
            evidence="Recorded for a test", **exception,
        )
    assessment.refresh_from_db()
    return assessment


def _anyone():
    from pathfinder.accounts.tests.factories import ManagerFactory

    return ManagerFactory()
