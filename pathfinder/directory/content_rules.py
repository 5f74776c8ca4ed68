"""What a service's content must be: its parts, their labels, and the checks on what a provider types or a file
brings in. `clean_service_data` turns loose values into the stored snapshot (see directory.content), or raises
ServiceError naming the field.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection
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
from pathfinder.directory.models import TaxonomyTerm

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


def time_text(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def parse_time(value: Any, label: str, field_name: str) -> time | None:
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


def clean_service_data(data: dict[str, Any], known_term_ids: Collection[str] | None = None) -> dict[str, Any]:
    """Check content typed in a form or read from an import (snapshot keys, loose values) and return it tidied,
    as it is stored. Raises ServiceError (with `field`) on the first problem. `known_term_ids`: every term's id,
    read once by a caller checking many services (a harvest page), instead of a query a service."""
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
    out["delivery"] = [d for d in Delivery.values if d in delivery]
    answers = data.get("local_offer_answers") or {}
    if not isinstance(answers, dict):
        raise ServiceError("Answers for schools and settings are in the wrong shape", field="local_offer_answers")
    out["local_offer_answers"] = {k: _text(answers.get(k)) for k in SCHEDULE_2_KEYS if _text(answers.get(k))}
    out["term_ids"] = _clean_term_ids(data.get("term_ids"), known_term_ids)
    out["schedules"] = _clean_schedules(data.get("schedules"))
    out["contacts"] = [
        {k: _text(c.get(k)) for k in ("name", "title", "phone", "email")}
        for c in data.get("contacts") or []
        if any(_text(c.get(k)) for k in ("name", "title", "phone", "email"))
    ]
    out["cost_options"] = _clean_prices(data.get("cost_options"))
    out["locations"] = _clean_venues(data.get("locations"))
    return out


def _clean_term_ids(raw_ids: Any, known: Collection[str] | None = None) -> list[str]:
    term_ids = []
    for raw in raw_ids or []:
        try:
            term_ids.append(str(uuid.UUID(str(raw))))
        except ValueError:
            raise ServiceError("Select needs and kinds of support from the list", field="term_ids") from None
    if known is not None and not all(t in known for t in term_ids):
        raise ServiceError("Select needs and kinds of support from the list", field="term_ids")
    if known is None and term_ids and TaxonomyTerm.objects.filter(pk__in=term_ids).count() != len(set(term_ids)):
        raise ServiceError("Select needs and kinds of support from the list", field="term_ids")
    return sorted(set(term_ids))


def _clean_schedules(rows: Any) -> list[dict[str, str]]:
    out = []
    for i, s in enumerate(rows or []):
        days = [d.strip().upper() for d in _text(s.get("byday")).split(",") if d.strip()]
        if any(d not in DAY_CODES for d in days):
            raise ServiceError("Select days from Monday to Sunday", field=f"schedules-{i}-byday")
        opens = parse_time(s.get("opens_at"), "the opening time", f"schedules-{i}-opens_at")
        closes = parse_time(s.get("closes_at"), "the closing time", f"schedules-{i}-closes_at")
        if opens and closes and closes <= opens:
            raise ServiceError("The closing time must be after the opening time", field=f"schedules-{i}-closes_at")
        description = _text(s.get("description"))
        if not (days or description):
            continue
        out.append({"byday": ",".join(d for d in DAY_CODES if d in days), "opens_at": time_text(opens),
                    "closes_at": time_text(closes), "description": description})
    return out


def _clean_prices(rows: Any) -> list[dict[str, str]]:
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
        price = {"option": _text(c.get("option")), "amount": amount, "amount_description": _text(c.get("amount_description"))}
        if any(price.values()):
            out.append(price)
    return out


def _clean_venues(rows: Any) -> list[dict[str, str]]:
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
        if loc.get("id"):
            row["id"] = str(loc["id"])
        out.append(row)
    return out
