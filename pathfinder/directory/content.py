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

import re
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import time
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from pathfinder.core.errors import ServiceError
from pathfinder.directory.constants import (
    DAY_CODES,
    SCHEDULE_2_KEYS,
    Delivery,
    LocationType,
    ReferralRoute,
    ServiceStatus,
)
from pathfinder.directory.geo import PostcodeError, normalise_postcode
from pathfinder.directory.models import (
    Contact,
    CostOption,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    TaxonomyTerm,
)

SERVICE_FIELDS = (
    "name",
    "description",
    "url",
    "email",
    "phone",
    "status",
    "is_free",
    "fees",
    "minimum_age",
    "maximum_age",
    "eligibility",
    "how_to_access",
    "referral_route",
)
LIST_KEYS = ("delivery", "local_offer_answers", "term_ids", "schedules", "contacts", "cost_options", "locations")
LOCATION_FIELDS = ("name", "address_1", "address_2", "town", "county", "postcode", "accessibility", "location_type")
MAX_AGE = 25

FIELD_LABELS = {
    "name": "Name",
    "description": "Description",
    "url": "Website",
    "email": "Email",
    "phone": "Phone",
    "status": "Status",
    "is_free": "Free",
    "fees": "What it costs",
    "minimum_age": "Youngest age",
    "maximum_age": "Oldest age",
    "eligibility": "Who it is for",
    "how_to_access": "How to get it",
    "referral_route": "How to be referred",
    "delivery": "How it is given",
    "local_offer_answers": "Answers for schools and settings",
    "term_ids": "Needs and kinds of support",
    "schedules": "Opening times",
    "contacts": "Contacts",
    "cost_options": "Prices",
    "locations": "Venues",
}


def _text(value: Any, limit: int | None = None) -> str:
    text = "" if value is None else str(value).strip()
    if limit and len(text) > limit:
        raise ValueError(f"must be {limit} characters or fewer")
    return text


def _time_text(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _parse_time(value: Any, label: str, field_name: str) -> time | None:
    text = _text(value)
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ServiceError(f"Enter {label} as a 24-hour time, like 09:30", field=field_name)
    return time(int(match[1]), int(match[2]))


def _parse_age(value: Any, label: str, field_name: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        age = int(value)
    except (TypeError, ValueError):
        raise ServiceError(f"{label} must be a whole number of years", field=field_name) from None
    if not 0 <= age <= MAX_AGE:
        raise ServiceError(f"{label} must be between 0 and {MAX_AGE}", field=field_name)
    return age


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
                OpeningTime(s.byday, _time_text(s.opens_at), _time_text(s.closes_at), s.description)
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
    def clean(cls, data: dict[str, Any]) -> ServiceContent:
        """Check content typed in a form or read from an import (snapshot keys, loose values) and return it tidied.

        Raises ServiceError (with `field`) on the first problem.
        """
        out: dict[str, Any] = {}
        limits = {"name": 200, "url": 200, "email": 254, "phone": 30}
        for name in ("name", "description", "url", "email", "phone", "fees", "eligibility", "how_to_access"):
            try:
                out[name] = _text(data.get(name), limits.get(name))
            except ValueError as exc:
                raise ServiceError(f"{FIELD_LABELS[name]} {exc}", field=name) from None
        if not out["name"]:
            raise ServiceError("Enter the name of the service", field="name")
        if not out["description"]:
            raise ServiceError("Enter a description of the service", field="description")
        if out["url"]:
            try:
                URLValidator(schemes=["http", "https"])(out["url"])
            except ValidationError:
                raise ServiceError("Enter the website address in the correct format, like https://www.example.org",
                                   field="url") from None
        if out["email"]:
            try:
                EmailValidator()(out["email"])
            except ValidationError:
                raise ServiceError("Enter an email address in the correct format, like name@example.org",
                                   field="email") from None
        status = data.get("status") or ServiceStatus.ACTIVE
        if status not in ServiceStatus.values:
            raise ServiceError("Select a status from the list", field="status")
        out["status"] = status
        route = data.get("referral_route") or ReferralRoute.SELF
        if route not in ReferralRoute.values:
            raise ServiceError("Select how people are referred", field="referral_route")
        out["referral_route"] = route
        out["is_free"] = bool(data.get("is_free"))
        if not out["is_free"] and not out["fees"] and not data.get("cost_options"):
            raise ServiceError("Say what the service costs, or say it is free", field="fees")
        out["minimum_age"] = _parse_age(data.get("minimum_age"), "Youngest age", "minimum_age")
        out["maximum_age"] = _parse_age(data.get("maximum_age"), "Oldest age", "maximum_age")
        if out["minimum_age"] is not None and out["maximum_age"] is not None and out["minimum_age"] > out["maximum_age"]:
            raise ServiceError("Youngest age must be the same as or less than the oldest age", field="minimum_age")
        delivery = list(data.get("delivery") or [])
        if any(d not in Delivery.values for d in delivery):
            raise ServiceError("Select how the service is given from the list", field="delivery")
        out["delivery"] = tuple(d for d in Delivery.values if d in delivery)
        answers = data.get("local_offer_answers") or {}
        if not isinstance(answers, dict):
            raise ServiceError("Answers for schools and settings are in the wrong shape", field="local_offer_answers")
        out["local_offer_answers"] = {k: _text(answers.get(k)) for k in SCHEDULE_2_KEYS if _text(answers.get(k))}
        out["term_ids"] = _clean_term_ids(data.get("term_ids"))
        out["schedules"] = _clean_schedules(data.get("schedules"))
        out["contacts"] = tuple(
            ContactRow(**{k: _text(c.get(k)) for k in ("name", "title", "phone", "email")})
            for c in data.get("contacts") or []
            if any(_text(c.get(k)) for k in ("name", "title", "phone", "email"))
        )
        out["cost_options"] = _clean_prices(data.get("cost_options"))
        out["locations"] = _clean_venues(data.get("locations"))
        return cls(**out)

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
            Schedule(service=service, byday=s.byday, opens_at=_parse_time(s.opens_at, "", ""),
                     closes_at=_parse_time(s.closes_at, "", ""), description=s.description)
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


def _clean_term_ids(raw_ids: Any) -> tuple[str, ...]:
    term_ids = []
    for raw in raw_ids or []:
        try:
            term_ids.append(str(uuid.UUID(str(raw))))
        except ValueError:
            raise ServiceError("Select needs and kinds of support from the list", field="term_ids") from None
    if term_ids and TaxonomyTerm.objects.filter(pk__in=term_ids).count() != len(set(term_ids)):
        raise ServiceError("Select needs and kinds of support from the list", field="term_ids")
    return tuple(sorted(set(term_ids)))


def _clean_schedules(rows: Any) -> tuple[OpeningTime, ...]:
    out = []
    for i, s in enumerate(rows or []):
        days = [d.strip().upper() for d in _text(s.get("byday")).split(",") if d.strip()]
        if any(d not in DAY_CODES for d in days):
            raise ServiceError("Select days from Monday to Sunday", field=f"schedules-{i}-byday")
        opens = _parse_time(s.get("opens_at"), "the opening time", f"schedules-{i}-opens_at")
        closes = _parse_time(s.get("closes_at"), "the closing time", f"schedules-{i}-closes_at")
        if opens and closes and closes <= opens:
            raise ServiceError("The closing time must be after the opening time", field=f"schedules-{i}-closes_at")
        description = _text(s.get("description"))
        if not (days or description):
            continue
        out.append(OpeningTime(",".join(d for d in DAY_CODES if d in days), _time_text(opens), _time_text(closes),
                               description))
    return tuple(out)


def _clean_prices(rows: Any) -> tuple[Price, ...]:
    out = []
    for i, c in enumerate(rows or []):
        amount = _text(c.get("amount")).lstrip("£")
        if amount:
            try:
                value = Decimal(amount)
            except InvalidOperation:
                raise ServiceError("Enter the price as a number, like 5.50", field=f"cost_options-{i}-amount") from None
            if value < 0 or value >= Decimal("10000000"):
                raise ServiceError("Enter a price between 0 and 9,999,999", field=f"cost_options-{i}-amount")
            amount = str(value.quantize(Decimal("0.01")))
        price = Price(_text(c.get("option")), amount, _text(c.get("amount_description")))
        if any(asdict(price).values()):
            out.append(price)
    return tuple(out)


def _clean_venues(rows: Any) -> tuple[Venue, ...]:
    out = []
    for i, loc in enumerate(rows or []):
        row = {f: _text(loc.get(f)) for f in LOCATION_FIELDS}
        row["location_type"] = row["location_type"] or LocationType.PHYSICAL
        if row["location_type"] not in LocationType.values:
            raise ServiceError("Select the type of venue", field=f"locations-{i}-location_type")
        if row["postcode"]:
            try:
                row["postcode"] = normalise_postcode(row["postcode"])
            except PostcodeError as exc:
                raise ServiceError(exc.message, field=f"locations-{i}-postcode") from None
        if row["location_type"] == LocationType.PHYSICAL and not (row["address_1"] and row["postcode"]):
            raise ServiceError("Enter the first line of the address and the postcode of each venue",
                               field=f"locations-{i}-address_1")
        out.append(Venue(**row, id=str(loc["id"]) if loc.get("id") else ""))
    return tuple(out)


def _search_document(service: Service) -> str:
    terms = " ".join(service.terms.values_list("name", flat=True))
    return f"{service.organisation.name} {terms} {service.eligibility}".strip()
