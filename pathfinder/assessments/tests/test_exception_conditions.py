"""Each exception's own conditions are enforced when it is recorded, with the reason (issue item 23)."""

from datetime import date

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments import services
from pathfinder.assessments.models import AssessmentException
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessingFactory
from pathfinder.core.errors import ServiceError

pytestmark = pytest.mark.django_db


def _record(assessment, code, start, end, **extra):
    return services.assessment_exception_record(
        acting_user=assessment.caseworker, assessment=assessment, code=code, period_start=start, period_end=end,
        evidence="Letter from the family", causal_note="Could not meet us", **extra,
    )


class TestAbsence:
    def test_two_days_away_is_refused_with_the_reason(self):
        assessment = AssessingFactory()
        with pytest.raises(ServiceError, match=r"at least 4 weeks in a row \(28 days\)\. This period is 2 days"):
            _record(assessment, "E4", date(2026, 7, 1), date(2026, 7, 2))
        assert not AssessmentException.objects.exists()

    def test_27_days_is_refused_and_28_accepted(self):
        assessment = AssessingFactory()
        with pytest.raises(ServiceError, match="27 days"):
            _record(assessment, "E4", date(2026, 7, 1), date(2026, 7, 27))
        _record(assessment, "E4", date(2026, 7, 1), date(2026, 7, 28))
        assert AssessmentException.objects.count() == 1


class TestClosure:
    def test_a_closure_without_advice_asked_in_its_window_is_refused(self):
        assessment = AssessingFactory()
        AdviceRequestFactory(assessment=assessment, kind="b", requested_on=date(2026, 7, 2))
        with pytest.raises(ServiceError, match="1 week before it closed"):
            _record(assessment, "E1", date(2026, 7, 22), date(2026, 9, 2))  # window 15 Jul to 27 Aug

    def test_a_closure_with_advice_asked_the_week_before_is_accepted(self):
        assessment = AssessingFactory()
        AdviceRequestFactory(assessment=assessment, kind="b", requested_on=date(2026, 7, 16))
        _record(assessment, "E1", date(2026, 7, 22), date(2026, 9, 2))
        assert AssessmentException.objects.count() == 1

    def test_a_short_closure_is_refused(self):
        assessment = AssessingFactory()
        AdviceRequestFactory(assessment=assessment, kind="b", requested_on=date(2026, 7, 16))
        with pytest.raises(ServiceError, match="This closure is 20 days"):
            _record(assessment, "E1", date(2026, 7, 22), date(2026, 8, 10))


def test_exceptional_circumstances_outside_the_steps_period_are_refused():
    assessment = AssessingFactory()  # received 1 June 2026: the 6-week decision period ends 13 July 2026
    with pytest.raises(ServiceError, match="during the time allowed for the decision whether to assess"):
        _record(assessment, "E3", date(2026, 8, 1), date(2026, 8, 3), applies_to="decision_to_assess")


def test_an_adviser_absence_of_two_days_is_refused():
    advice = AdviceRequestFactory()
    with pytest.raises(ServiceError, match="This period is 2 days"):
        services.advice_exception_record(acting_user=advice.assessment.caseworker, advice=advice, code="A2",
                                         start=date(2026, 7, 10), end=date(2026, 7, 11), note="Away")
    advice.refresh_from_db()
    assert advice.exception_code == ""


def test_the_form_shows_the_reason_and_keeps_what_was_typed(client):
    assessment = AssessingFactory()
    sign_in(client, assessment.caseworker)
    url = reverse("assessments:exception-new", kwargs={"child_id": assessment.child_id, "assessment_id": assessment.pk})
    response = client.post(url, {
        "code": "E4", "applies_to": "", "period_start-day": 1, "period_start-month": 7, "period_start-year": 2026,
        "period_end-day": 2, "period_end-month": 7, "period_end-year": 2026, "evidence": "Holiday booking",
    })
    page = response.content.decode()
    assert "This period is 2 days" in page and "Holiday booking" in page
    assert not AssessmentException.objects.exists()
