"""Local Offer test data. Services built here are published and checked today unless told otherwise."""

from __future__ import annotations

from datetime import time

import factory
from django.utils import timezone

from pathfinder.accounts.tests.factories import ProviderFactory
from pathfinder.directory.constants import OrganisationKind, ServiceStatus, stable_uuid
from pathfinder.directory.models import (
    Location,
    Organisation,
    OrganisationMembership,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    TaxonomyTerm,
)


def term(taxonomy_code: str, code: str) -> TaxonomyTerm:
    """A seeded term by its codes, e.g. term("send-needs", "ASD")."""
    return TaxonomyTerm.objects.get(pk=stable_uuid(taxonomy_code, code))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Faker("company", locale="en_GB")
    description = factory.Faker("paragraph", locale="en_GB")
    email = factory.Sequence(lambda n: f"org{n}@example.test")
    kind = OrganisationKind.CHARITY


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    user = factory.SubFactory(ProviderFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Service number {n}")
    description = factory.Faker("paragraph", locale="en_GB")
    status = ServiceStatus.ACTIVE
    is_published = True
    assured_date = factory.LazyFunction(timezone.localdate)
    minimum_age = 0
    maximum_age = 25


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Faker("street_name", locale="en_GB")
    address_1 = factory.Faker("street_address", locale="en_GB")
    town = "Wealdbury"
    postcode = "WM1 1AA"
    latitude = 51.05
    longitude = -0.85


class ServiceAtLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceAtLocation

    service = factory.SubFactory(ServiceFactory)
    location = factory.SubFactory(LocationFactory)


class ScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schedule

    service = factory.SubFactory(ServiceFactory)
    byday = "MO,WE"
    opens_at = time(9, 0)
    closes_at = time(15, 0)


def link(service: Service, *terms: TaxonomyTerm) -> Service:
    """Attach terms to a service and refresh its search text."""
    for t in terms:
        ServiceAttribute.objects.get_or_create(service=service, term=t)
    service.search_document = " ".join([service.organisation.name, *service.terms.values_list("name", flat=True)])
    service.save(update_fields=["search_document"])
    return service
