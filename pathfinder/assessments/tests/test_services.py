from datetime import date

import pytest

from pathfinder.assessments import services
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessingFactory, AssessmentFactory
from pathfinder.core.errors import ServiceError
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def test_recording_a_request_fixes_the_three_statutory_dates():
    child = ChildFactory(date_of_birth=date(2016, 5, 4))
    assessment = services.assessment_request_create(
        acting_user=_caseworker(child), child=child, received_on=date(2026, 11, 2),
        received_by="email", request_source="1",
    )
    # 6, 16 and 20 weeks: reg 5(1), reg 10(1), reg 13(2)
    assert assessment.decision_due_on == date(2026, 12, 14)
    assert assessment.not_issue_due_on == date(2027, 2, 22)
    assert assessment.final_plan_due_on == date(2027, 3, 22)


def _caseworker(child):
    from pathfinder.accounts.tests.factories import CaseworkerFactory

    return CaseworkerFactory(team=child.team)


def test_a_second_open_request_for_the_same_child_is_refused():
    first = AssessmentFactory()
    with pytest.raises(ServiceError, match="already has an open request"):
        services.assessment_request_create(acting_user=first.caseworker, child=first.child,
                                           received_on=date(2026, 7, 1), received_by="post", request_source="2")


def test_a_request_before_the_child_was_born_is_refused():
    child = ChildFactory(date_of_birth=date(2020, 1, 1))
    with pytest.raises(ServiceError, match="born"):
        services.assessment_request_create(acting_user=_caseworker(child), child=child,
                                           received_on=date(2019, 1, 1), received_by="post", request_source="1")


def test_an_exception_without_a_causal_note_does_not_set_the_week20_flag():
    assessment = AssessingFactory(received_on=date(2025, 6, 2))
    # reg 10(4)(a): the school was asked for advice in the week before it closed
    AdviceRequestFactory(assessment=assessment, kind="b", adviser_name="Head teacher", requested_on=date(2025, 7, 10))
    services.assessment_exception_record(
        acting_user=assessment.caseworker, assessment=assessment, code="E1", period_start=date(2025, 7, 14),
        period_end=date(2025, 9, 5), evidence="School closed for the summer",
    )
    assessment.refresh_from_db()
    assert assessment.final_plan_exception_applies is False
    assert assessment.final_plan_due_on == date(2025, 10, 20)  # never moved


def test_an_exception_with_a_causal_note_on_a_late_plan_sets_the_week20_flag():
    assessment = AssessingFactory(received_on=date(2025, 6, 2))
    # reg 10(4)(a): the school was asked for advice in the week before it closed
    AdviceRequestFactory(assessment=assessment, kind="b", adviser_name="Head teacher", requested_on=date(2025, 7, 10))
    services.assessment_exception_record(
        acting_user=assessment.caseworker, assessment=assessment, code="E1", period_start=date(2025, 7, 14),
        period_end=date(2025, 9, 5), evidence="School closed for the summer",
        causal_note="The head teacher's advice could not be given until the school reopened",
    )
    assessment.refresh_from_db()
    assert assessment.final_plan_exception_applies is True
    assert assessment.final_plan_due_on == date(2025, 10, 20)


def test_exception_period_must_run_forwards():
    assessment = AssessingFactory()
    with pytest.raises(ServiceError, match="after the start"):
        services.assessment_exception_record(
            acting_user=assessment.caseworker, assessment=assessment, code="E3", period_start=date(2026, 8, 1),
            period_end=date(2026, 7, 1), evidence="x",
        )


def test_preparing_for_adulthood_advice_only_from_year_9():
    young = AssessingFactory(child__date_of_birth=date(2016, 1, 1))  # Year 5 in 2026
    with pytest.raises(ServiceError, match="Year 9"):
        services.advice_request_create(acting_user=young.caseworker, assessment=young, kind="g",
                                       adviser_name="Careers adviser", requested_on=date(2026, 7, 2))
    older = AssessingFactory(child__date_of_birth=date(2012, 1, 1))  # Year 9 in 2026
    advice = services.advice_request_create(acting_user=older.caseworker, assessment=older, kind="g",
                                            adviser_name="Careers adviser", requested_on=date(2026, 7, 2))
    assert advice.pk


def test_reusing_advice_needs_all_three_to_agree():
    assessment = AssessingFactory()
    with pytest.raises(ServiceError, match="reg 6\\(4\\)"):
        services.advice_reuse_record(acting_user=assessment.caseworker, assessment=assessment, kind="d",
                                     adviser_name="EP", reuse_source="EP report, March 2026", agreed_by_adviser=True,
                                     agreed_by_council=True, agreed_by_family=False)
    advice = services.advice_reuse_record(acting_user=assessment.caseworker, assessment=assessment, kind="d",
                                          adviser_name="EP", reuse_source="EP report, March 2026",
                                          agreed_by_adviser=True, agreed_by_council=True, agreed_by_family=True)
    assert advice.reused_existing
    assert services.advice_due_on(advice) is None


def test_advice_is_due_six_weeks_after_it_was_asked_for():
    advice = AdviceRequestFactory(requested_on=date(2026, 7, 2))
    assert services.advice_due_on(advice) == date(2026, 8, 13)


def test_advice_received_before_it_was_asked_for_is_refused():
    advice = AdviceRequestFactory(requested_on=date(2026, 7, 2))
    with pytest.raises(ServiceError, match="before it was asked"):
        services.advice_received_record(acting_user=advice.assessment.caseworker, advice=advice,
                                        received_on=date(2026, 7, 1), summary="x")
