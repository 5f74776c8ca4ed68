"""Organisations and their members. Advice asked of an organisation involves it, as the service does."""

from __future__ import annotations

from datetime import date

import factory

from pathfinder.accounts.tests.factories import AdviserFactory
from pathfinder.assessments.tests.factories import AdviceRequestFactory
from pathfinder.organisations.models import Membership, Organisation, OrganisationKind


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Brookfield Primary School {n}")
    kind = OrganisationKind.SCHOOL
    urn = factory.Sequence(lambda n: f"{100000 + n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(AdviserFactory, job_title="SENCO", organisation_name="")
    starts_on = date(2026, 1, 5)


class OrganisationAdviceFactory(AdviceRequestFactory):
    """Advice asked of an organisation (no named adviser): the organisation is involved with the child."""

    kind = "b"
    adviser_name = "SENCO"
    organisation = factory.SubFactory(OrganisationFactory)
    adviser_organisation = factory.SelfAttribute("organisation.name")
