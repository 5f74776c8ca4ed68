"""The demo outbox shows what organisations' members and the caseworker were told about advice, as the services
would have told them (pathfinder.demo.messages_demo)."""

from __future__ import annotations

from datetime import date

import pytest

from pathfinder.assessments.tests.factories import ReceivedAdviceFactory
from pathfinder.demo.messages_demo import organisation_notices
from pathfinder.organisations.tests.factories import MembershipFactory, OrganisationAdviceFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_demo_notices_tell_the_administrators_of_the_queue_the_member_given_it_and_the_caseworker():
    organisation = OrganisationFactory()
    admin = MembershipFactory(organisation=organisation, is_administrator=True).user
    member = MembershipFactory(organisation=organisation).user
    waiting = OrganisationAdviceFactory(organisation=organisation)
    given = OrganisationAdviceFactory(organisation=organisation, assigned_to=member, assessment=waiting.assessment)
    received = ReceivedAdviceFactory(assessment=waiting.assessment)
    notices = list(organisation_notices({"caseworker": waiting.assessment.caseworker}, today=date(2026, 9, 1)))
    told = sorted((n.to.user.pk, n.kind, n.values["link"]) for n in notices)
    queue = f"http://127.0.0.1:8000/organisations/{organisation.pk}/"
    case = (f"http://127.0.0.1:8000/children/{received.assessment.child_id}/assessments/"
            f"{received.assessment_id}/")
    assert told == sorted([
        (admin.pk, "assessments.advice_for_organisation", queue),
        (admin.pk, "assessments.advice_for_organisation", queue),
        (member.pk, "assessments.advice_given_to_you", f"http://127.0.0.1:8000/advice/{given.pk}/"),
        (waiting.assessment.caseworker.pk, "assessments.advice_arrived", case),
    ])
