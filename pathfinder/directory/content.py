"""A service's content: everything a provider may change, as one typed value.

`ServiceContent` is what a revision proposes, what is live, what an import brings in and what the officer compares.
It is stored in `ServiceRevision.data` as plain JSON (the format below, unchanged since the first revision, so every
row ever saved still loads):

    name, description, url, email, phone, status, is_free, fees, minimum_age, maximum_age, eligibility,
    how_to_access, referral_route, delivery (list of Delivery values), local_offer_answers ({"a".."j": text}),
    term_ids (list of TaxonomyTerm ids as strings),
    schedules    [{"byday": "MO,WE", "opens_at": "09:00", "closes_at": "15:00", "description": ""}],
    contacts     [{"name", "title", "phone", "email"}],
    cost_options [{"option", "amount" ("5.00" or ""), "amount_description"}],
    locations    [{"id" (optional, to keep a venue), "name", "address_1", "address_2", "town", "county",
                   "postcode", "accessibility", "location_type"}]

    ServiceContent.from_service(service)  what is live          content.apply_to(service)  make it live
    ServiceContent.from_data(row.data)    a stored snapshot     content.to_data()          store it
    ServiceContent.clean(typed)           check what someone typed or imported (raises ServiceError with `field`)
    content.differences(before)           each part that differs, for the officer's before/after and the history
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from typing import Any

from pathfinder.directory.constants import Delivery
from pathfinder.directory.content_rules import (
    FIELD_LABELS,
    LIST_KEYS,
    LOCATION_FIELDS,
    MAX_AGE,
    SERVICE_FIELDS,
    clean_service_data,
    parse_time,
    time_text,
)
from pathfinder.directory.geo import PostcodeError
from pathfinder.directory.models import (
    Contact,
    CostOption,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
)
from pathfinder.directory.search_vocabulary import search_words_add

__all__ = ["FIELD_LABELS", "LIST_KEYS", "LOCATION_FIELDS", "MAX_AGE", "SERVICE_FIELDS", "ServiceContent"]


@dataclass(frozen=True)
class OpeningTime:
    byday: str = ""  # "MO,WE"
    opens_at: str = ""  # "09:00" or ""
    closes_at: str = ""
    description: str = ""


@dataclass(frozen=True)
class ContactRow:
    name: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Price:
    option: str = ""
    amount: str = ""  # "5.00" or ""
    amount_description: str = ""


@dataclass(frozen=True)
class Venue:
    name: str = ""
    address_1: str = ""
    address_2: str = ""
    town: str = ""
    county: str = ""
    postcode: str = ""
    accessibility: str = ""
    location_type: str = ""
    id: str = ""  # the Location kept for this venue; "" for a new one

    def to_data(self) -> dict[str, str]:
        data = {f: getattr(self, f) for f in LOCATION_FIELDS}
        if self.id:
            data["id"] = self.id
        return data


def _rows(kind: type, rows: Any) -> list:
    """Stored rows as typed rows: unknown keys are ignored, missing ones are blank (old rows still load)."""
    names = {f.name for f in fields(kind)}
    return [kind(**{k: "" if v is None else str(v) for k, v in row.items() if k in names})
            for row in rows or [] if isinstance(row, dict)]


@dataclass(frozen=True)
class Difference:
    """One part of the content that differs: its key and label, and the stored values before and after."""

    key: str
    label: str
    before: Any
    after: Any


@dataclass(frozen=True)
class ServiceContent:
    """The editable content of one service. Blank by default; `clean()` makes a checked one."""

    name: str = ""
    description: str = ""
    url: str = ""
    email: str = ""
    phone: str = ""
    status: str = ""
    is_free: bool = False
    fees: str = ""
    minimum_age: int | None = None
    maximum_age: int | None = None
    eligibility: str = ""
    how_to_access: str = ""
    referral_route: str = ""
    delivery: tuple[str, ...] = ()
    local_offer_answers: dict[str, str] = field(default_factory=dict)
    term_ids: tuple[str, ...] = ()
    schedules: tuple[OpeningTime, ...] = ()
    contacts: tuple[ContactRow, ...] = ()
    cost_options: tuple[Price, ...] = ()
    locations: tuple[Venue, ...] = ()

    # --- Reading ----------------------------------------------------------------------------------------------

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> ServiceContent:
        """A stored snapshot (ServiceRevision.data), as it was saved. Nothing is checked."""
        data = data or {}
        simple = {name: data[name] for name in SERVICE_FIELDS if data.get(name) is not None}
        return cls(
            **simple,
            delivery=tuple(data.get("delivery") or ()),
            local_offer_answers=dict(data.get("local_offer_answers") or {}),
            term_ids=tuple(str(t) for t in data.get("term_ids") or ()),
            schedules=tuple(_rows(OpeningTime, data.get("schedules"))),
            contacts=tuple(_rows(ContactRow, data.get("contacts"))),
            cost_options=tuple(_rows(Price, data.get("cost_options"))),
            locations=tuple(_rows(Venue, data.get("locations"))),
        )

    @classmethod
    def from_service(cls, service: Service) -> ServiceContent:
        """The live (approved) content of a service."""
        return cls(
            **{name: getattr(service, name) for name in SERVICE_FIELDS},
            delivery=tuple(service.delivery),
            local_offer_answers=dict(service.local_offer_answers or {}),
            term_ids=tuple(sorted(str(t) for t in service.attributes.values_list("term_id", flat=True))),
            schedules=tuple(
                OpeningTime(s.byday, time_text(s.opens_at), time_text(s.closes_at), s.description)
                for s in service.schedules.order_by("opens_at", "id")
            ),
            contacts=tuple(ContactRow(c.name, c.title, c.phone, c.email) for c in service.contacts.order_by("id")),
            cost_options=tuple(
                Price(c.option, "" if c.amount is None else str(c.amount), c.amount_description)
                for c in service.cost_options.order_by("id")
            ),
            locations=tuple(
                Venue(**{f: getattr(sal.location, f) for f in LOCATION_FIELDS}, id=str(sal.location_id))
                for sal in service.service_at_locations.select_related("location").order_by("location__name", "id")
            ),
        )

    def to_data(self) -> dict[str, Any]:
        """The snapshot stored in ServiceRevision.data."""
        data: dict[str, Any] = {name: getattr(self, name) for name in SERVICE_FIELDS}
        data["delivery"] = list(self.delivery)
        data["local_offer_answers"] = dict(self.local_offer_answers)
        data["term_ids"] = list(self.term_ids)
        data["schedules"] = [asdict(s) for s in self.schedules]
        data["contacts"] = [asdict(c) for c in self.contacts]
        data["cost_options"] = [asdict(c) for c in self.cost_options]
        data["locations"] = [v.to_data() for v in self.locations]
        return data

    # --- Checking ---------------------------------------------------------------------------------------------

    @classmethod
    def clean(cls, data: dict[str, Any], known_term_ids: Collection[str] | None = None) -> ServiceContent:
        """Check content typed in a form or read from an import (snapshot keys, loose values) and return it tidied.

        Raises ServiceError (with `field`) on the first problem (see directory.content_rules). `known_term_ids`:
        every term's id, when the caller has read them once for many services.
        """
        return cls.from_data(clean_service_data(data, known_term_ids))

    def recleaned(self) -> ServiceContent:
        """This content checked again, as it would be if typed in now (raises ServiceError if it no longer passes)."""
        return ServiceContent.clean(self.to_data())

    # --- Writing ----------------------------------------------------------------------------------------------

    def apply_to(self, service: Service) -> None:
        """Write this (checked) content onto the live rows (approval, imports). No permission checks."""
        for name in SERVICE_FIELDS:
            setattr(service, name, getattr(self, name))
        delivery = set(self.delivery)
        service.in_person = Delivery.IN_PERSON in delivery
        service.online = Delivery.ONLINE in delivery
        service.by_phone = Delivery.PHONE in delivery
        service.local_offer_answers = dict(self.local_offer_answers)
        service.save()
        service.attributes.exclude(term_id__in=self.term_ids).delete()
        existing = {str(t) for t in service.attributes.values_list("term_id", flat=True)}
        ServiceAttribute.objects.bulk_create(
            [ServiceAttribute(service=service, term_id=t) for t in self.term_ids if t not in existing]
        )
        service.schedules.all().delete()
        Schedule.objects.bulk_create([
            Schedule(service=service, byday=s.byday, opens_at=parse_time(s.opens_at, "", ""),
                     closes_at=parse_time(s.closes_at, "", ""), description=s.description)
            for s in self.schedules
        ])
        service.contacts.all().delete()
        Contact.objects.bulk_create([Contact(service=service, **asdict(c)) for c in self.contacts])
        service.cost_options.all().delete()
        CostOption.objects.bulk_create([
            CostOption(service=service, option=c.option, amount=Decimal(c.amount) if c.amount else None,
                       amount_description=c.amount_description)
            for c in self.cost_options
        ])
        self._apply_venues(service)
        service.search_document = _search_document(service)
        service.save(update_fields=["search_document"])
        search_words_add(service.name, service.description, service.search_document)

    def _apply_venues(self, service: Service) -> None:
        from pathfinder.directory.geo import postcode_point

        keep: list[uuid.UUID] = []
        own = {str(sal.location_id): sal.location for sal in service.service_at_locations.select_related("location")}
        for venue in self.locations:
            location = own.get(venue.id)
            if location is None and venue.id:
                location = Location.objects.filter(pk=venue.id, organisation=service.organisation).first()
            if location is None:
                location = Location(organisation=service.organisation)
            for f in LOCATION_FIELDS:
                setattr(location, f, getattr(venue, f))
            location.latitude = location.longitude = None
            if location.postcode:
                try:
                    point = postcode_point(location.postcode)
                    location.latitude, location.longitude = point.latitude, point.longitude
                except PostcodeError:
                    pass  # kept, shown, but not found by distance until the postcode is known
            location.save()
            ServiceAtLocation.objects.get_or_create(service=service, location=location)
            keep.append(location.pk)
        service.service_at_locations.exclude(location_id__in=keep).delete()

    # --- Comparing --------------------------------------------------------------------------------------------

    def differences(self, before: ServiceContent | dict | None) -> list[Difference]:
        """Each part where this content differs from `before` (None: a new service, nothing before), in form order.

        Values are in stored form; venues are compared without their ids (the same address is the same venue).
        """
        old = before.to_data() if isinstance(before, ServiceContent) else (before or {})
        new = self.to_data()
        rows = []
        for key in (*SERVICE_FIELDS, *LIST_KEYS):
            was, now = old.get(key), new.get(key)
            if key == "locations":
                was = [{k: v for k, v in loc.items() if k != "id"} for loc in was or []]
                now = [{k: v for k, v in loc.items() if k != "id"} for loc in now or []]
            if was != now:
                rows.append(Difference(key, FIELD_LABELS[key], was, now))
        return rows


def _search_document(service: Service) -> str:
    terms = " ".join(service.terms.values_list("name", flat=True))
    return f"{service.organisation.name} {terms} {service.eligibility}".strip()
