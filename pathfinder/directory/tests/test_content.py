"""ServiceContent: one typed value for a service's editable content, stored in ServiceRevision.data unchanged."""

from __future__ import annotations

import json
from datetime import time
from decimal import Decimal

import pytest

from pathfinder.directory.constants import Delivery, LocationType, ReferralRoute, ServiceStatus
from pathfinder.directory.content import LIST_KEYS, SERVICE_FIELDS, ServiceContent
from pathfinder.directory.models import Contact, CostOption, Schedule, Service
from pathfinder.directory.tests.factories import (
    LocationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    link,
    term,
)

pytestmark = pytest.mark.django_db


def _service_with_everything() -> Service:
    """A service where every editable field has a value other than its default."""
    service = ServiceFactory(
        name="Splash club", description="Swimming for disabled children.", url="https://splash.example.org",
        email="hello@splash.example.org", phone="01632 960000", status=ServiceStatus.TEMPORARILY_CLOSED,
        is_free=False, fees="£3 a session", minimum_age=4, maximum_age=18, eligibility="Children with SEND",
        how_to_access="Phone us first", referral_route=ReferralRoute.BOTH, in_person=True, online=True,
        by_phone=True, local_offer_answers={"a": "We plan with families.", "j": "More sessions next year."},
    )
    link(service, term("support-kinds", "education"), term("support-kinds", "short-breaks"))
    Schedule.objects.create(service=service, byday="MO,WE", opens_at=time(9, 30), closes_at=time(15, 0),
                            description="Term time")
    Schedule.objects.create(service=service, byday="SA", opens_at=time(10, 0), closes_at=time(12, 0))
    Contact.objects.create(service=service, name="Sam Lee", title="Manager", phone="01632 960001",
                           email="sam@splash.example.org")
    CostOption.objects.create(service=service, option="Per session", amount=Decimal("3.00"),
                              amount_description="Siblings free")
    venue = LocationFactory(organisation=service.organisation, name="Leisure centre", address_1="1 Pool Road",
                            address_2="Eastside", town="Wealdbury", county="Wealdshire", postcode="WM1 1AA",
                            accessibility="Hoist at the pool", location_type=LocationType.PHYSICAL)
    ServiceAtLocationFactory(service=service, location=venue)
    return service


def test_every_editable_field_survives_service_content_data_content_service():
    original = _service_with_everything()
    content = ServiceContent.from_service(original)
    assert all(getattr(content, name) not in (None, "", (), {}) for name in (*SERVICE_FIELDS, *LIST_KEYS)
               if name != "is_free")
    assert content.delivery == (Delivery.IN_PERSON, Delivery.ONLINE, Delivery.PHONE)

    stored = json.loads(json.dumps(content.to_data()))  # as the JSON column gives it back
    loaded = ServiceContent.from_data(stored)
    assert loaded == content
    assert loaded.recleaned() == content  # checked content passes the checks again, unchanged

    copy = Service(organisation=original.organisation, is_published=False)
    loaded.apply_to(copy)
    assert ServiceContent.from_service(copy) == content
    copy.refresh_from_db()
    for name in SERVICE_FIELDS:
        assert getattr(copy, name) == getattr(original, name), name
    assert (copy.in_person, copy.online, copy.by_phone) == (True, True, True)
    assert copy.local_offer_answers == original.local_offer_answers
    assert set(copy.terms.all()) == set(original.terms.all())
    assert not content.differences(ServiceContent.from_service(copy))


def test_the_stored_format_is_unchanged_and_old_rows_still_load():
    stored = {
        "name": "Splash club", "description": "Swimming.", "url": "", "email": "", "phone": "",
        "status": "active", "is_free": True, "fees": "", "minimum_age": None, "maximum_age": 18,
        "eligibility": "", "how_to_access": "", "referral_route": "self", "delivery": ["in_person"],
        "local_offer_answers": {"b": "Visual timetables."},
        "term_ids": [str(term("support-kinds", "education").pk)],
        "schedules": [{"byday": "MO", "opens_at": "09:00", "closes_at": "15:00", "description": ""}],
        "contacts": [{"name": "Sam", "title": "", "phone": "", "email": ""}],
        "cost_options": [{"option": "Per session", "amount": "5.00", "amount_description": ""}],
        "locations": [
            {"name": "Hub", "address_1": "1 High Street", "address_2": "", "town": "Wealdbury", "county": "",
             "postcode": "WM1 1AA", "accessibility": "", "location_type": "physical"},
            {"id": "0f6f6f06-3a55-4f4b-9a3e-3f1d5f0a1c11", "name": "", "address_1": "", "address_2": "", "town": "",
             "county": "", "postcode": "", "accessibility": "", "location_type": "virtual"},
        ],
    }
    assert ServiceContent.from_data(stored).to_data() == stored
    assert ServiceContent.clean(stored).to_data() == stored

    old = ServiceContent.from_data({"imported": "demo"})  # demo rows and any older, smaller snapshot
    assert old == ServiceContent()
    assert [d.key for d in ServiceContent.from_data(stored).differences(old)][:2] == ["name", "description"]


def test_differences_ignore_venue_ids_and_name_each_part():
    service = _service_with_everything()
    live = ServiceContent.from_service(service)
    data = live.to_data()
    for venue in data["locations"]:
        venue.pop("id")
    data["name"] = "Splash and play"
    proposed = ServiceContent.from_data(data)
    assert [(d.label, d.before, d.after) for d in proposed.differences(live)] == [
        ("Name", "Splash club", "Splash and play")]
