"""An adviser sees the child from the day advice is asked for until a set number of days after it arrives."""

from datetime import date, timedelta

import pytest

from pathfinder.accounts.tests.factories import AdviserFactory
from pathfinder.assessments import services
from pathfinder.assessments.involvements import advice_involvements_rebuild
from pathfinder.assessments.models import AdviceRequest
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessingFactory
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.models import Involvement
from pathfinder.people.selectors import children_visible_to

pytestmark = pytest.mark.django_db

ASKED, RECEIVED = date(2026, 7, 2), date(2026, 8, 10)


def visible(user, today):
    return set(children_visible_to(user, today=today))


def _ask(assessment, adviser):
    return services.advice_request_create(
        acting_user=assessment.caseworker, assessment=assessment, kind="d", adviser_name="Dr Ada Adviser",
        adviser=adviser, requested_on=ASKED,
    )


def test_asking_for_advice_involves_the_adviser_from_that_day():
    assessment, adviser = AssessingFactory(), AdviserFactory()
    advice = _ask(assessment, adviser)
    involvement = Involvement.objects.get(capacity=InvolvementCapacity.ADVISER)
    assert (involvement.user, involvement.child, involvement.starts_on, involvement.ends_on) == (
        adviser, assessment.child, ASKED, None)
    assert involvement.reason == "Asked for psychological advice on 2 July 2026"
    assert (involvement.source_type, involvement.source_id) == ("assessments.advicerequest", str(advice.pk))
    assert visible(adviser, ASKED - timedelta(days=1)) == set()
    assert visible(adviser, ASKED) == {assessment.child}


@pytest.mark.parametrize("days", [56, 10])
def test_access_ends_the_set_number_of_days_after_the_advice_is_received(settings, days):
    settings.PATHFINDER_ADVISER_ACCESS_AFTER_ADVICE_DAYS = days
    assessment, adviser = AssessingFactory(), AdviserFactory()
    advice = _ask(assessment, adviser)
    services.advice_received_record(acting_user=adviser, advice=advice, received_on=RECEIVED, summary="Done")
    ends_on = RECEIVED + timedelta(days=days)
    assert Involvement.objects.get(capacity=InvolvementCapacity.ADVISER).ends_on == ends_on
    assert visible(adviser, ends_on - timedelta(days=1)) == {assessment.child}  # the day before: still
    assert visible(adviser, ends_on) == set()  # from the set day: no longer
    assert visible(adviser, ends_on + timedelta(days=1)) == set()


def test_the_default_is_56_days():
    from django.conf import settings

    assert settings.PATHFINDER_ADVISER_ACCESS_AFTER_ADVICE_DAYS == 56


def test_advice_from_someone_without_a_sign_in_involves_nobody():
    _ask(AssessingFactory(), None)
    assert not Involvement.objects.filter(capacity=InvolvementCapacity.ADVISER).exists()


def test_each_request_keeps_its_own_involvement():
    adviser = AdviserFactory()
    first, second = AdviceRequestFactory(adviser=adviser), AdviceRequestFactory(adviser=adviser)
    services.advice_received_record(acting_user=adviser, advice=first, received_on=RECEIVED, summary="Done")
    later = RECEIVED + timedelta(days=100)
    assert visible(adviser, later) == {second.assessment.child}


def test_rebuild_makes_advisers_involvements_of_bulk_loaded_advice():
    adviser = AdviserFactory()
    awaited, received = AdviceRequestFactory(), AdviceRequestFactory()
    Involvement.objects.all().delete()
    AdviceRequest.objects.filter(pk=awaited.pk).update(adviser=adviser)
    AdviceRequest.objects.filter(pk=received.pk).update(adviser=adviser, received_on=RECEIVED)
    assert advice_involvements_rebuild() == 2
    assert advice_involvements_rebuild() == 2  # replaced, not doubled
    assert Involvement.objects.count() == 2
    assert visible(adviser, RECEIVED + timedelta(days=55)) == {awaited.assessment.child, received.assessment.child}
    assert visible(adviser, RECEIVED + timedelta(days=56)) == {awaited.assessment.child}
