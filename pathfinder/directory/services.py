"""Changes to the Local Offer. Providers propose (drafts), the Local Offer officer decides; live rows change only
on approval, so the public always sees approved content. Every revision is kept with who did what and when.

The editable content of a service is a plain dict (the revision snapshot):
    name, description, url, email, phone, status, is_free, fees, minimum_age, maximum_age, eligibility,
    how_to_access, referral_route, delivery (list of Delivery values), local_offer_answers ({"a".."j": text}),
    term_ids (list of TaxonomyTerm ids as strings),
    schedules    [{"byday": "MO,WE", "opens_at": "09:00", "closes_at": "15:00", "description": ""}],
    contacts     [{"name", "title", "phone", "email"}],
    cost_options [{"option", "amount" ("5.00" or ""), "amount_description"}],
    locations    [{"id" (optional, to keep a venue), "name", "address_1", "address_2", "town", "county",
                   "postcode", "accessibility", "location_type"}]
Missing keys keep their current value when saving a draft.
"""

from __future__ import annotations

import re
import uuid
from datetime import time
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.core.errors import ServiceError
from pathfinder.directory.constants import (
    DAY_CODES,
    SCHEDULE_2_KEYS,
    Delivery,
    InformationTopic,
    LocationType,
    OrganisationKind,
    ReferralRoute,
    RevisionStatus,
    ServiceStatus,
)
from pathfinder.directory.geo import PostcodeError, normalise_postcode
from pathfinder.directory.models import (
    Contact,
    CostOption,
    InformationPage,
    Location,
    Organisation,
    OrganisationMembership,
    OutOfDateReport,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    ServiceRevision,
    TaxonomyTerm,
)
from pathfinder.directory.selectors import organisations_for, services_editable_by

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


# ---------------------------------------------------------------------------------------------------------------
# Snapshots and validation


def _time_text(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def service_snapshot(service: Service) -> dict[str, Any]:
    """The live (approved) content of a service in revision-snapshot form."""
    data: dict[str, Any] = {name: getattr(service, name) for name in SERVICE_FIELDS}
    data["minimum_age"] = service.minimum_age
    data["maximum_age"] = service.maximum_age
    data["delivery"] = service.delivery
    data["local_offer_answers"] = dict(service.local_offer_answers or {})
    data["term_ids"] = sorted(str(t) for t in service.attributes.values_list("term_id", flat=True))
    data["schedules"] = [
        {"byday": s.byday, "opens_at": _time_text(s.opens_at), "closes_at": _time_text(s.closes_at),
         "description": s.description}
        for s in service.schedules.order_by("opens_at", "id")
    ]
    data["contacts"] = [
        {"name": c.name, "title": c.title, "phone": c.phone, "email": c.email} for c in service.contacts.order_by("id")
    ]
    data["cost_options"] = [
        {"option": c.option, "amount": "" if c.amount is None else str(c.amount),
         "amount_description": c.amount_description}
        for c in service.cost_options.order_by("id")
    ]
    data["locations"] = [
        {"id": str(sal.location_id), **{f: getattr(sal.location, f) for f in LOCATION_FIELDS}}
        for sal in service.service_at_locations.select_related("location").order_by("location__name", "id")
    ]
    return data


def _text(value: Any, limit: int | None = None) -> str:
    text = "" if value is None else str(value).strip()
    if limit and len(text) > limit:
        raise ValueError(f"must be {limit} characters or fewer")
    return text


def _parse_time(value: Any, label: str, field: str) -> time | None:
    text = _text(value)
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ServiceError(f"Enter {label} as a 24-hour time, like 09:30", field=field)
    return time(int(match[1]), int(match[2]))


def _parse_age(value: Any, label: str, field: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        age = int(value)
    except (TypeError, ValueError):
        raise ServiceError(f"{label} must be a whole number of years", field=field) from None
    if not 0 <= age <= MAX_AGE:
        raise ServiceError(f"{label} must be between 0 and {MAX_AGE}", field=field)
    return age


def service_data_clean(data: dict[str, Any]) -> dict[str, Any]:
    """Check a full snapshot and return it tidied. Raises ServiceError (with `field`) on the first problem."""
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
            raise ServiceError("Enter the website address in the correct format, like https://www.example.org", field="url") from None
    if out["email"]:
        try:
            EmailValidator()(out["email"])
        except ValidationError:
            raise ServiceError("Enter an email address in the correct format, like name@example.org", field="email") from None
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
    term_ids = []
    for raw in data.get("term_ids") or []:
        try:
            term_ids.append(str(uuid.UUID(str(raw))))
        except ValueError:
            raise ServiceError("Select needs and kinds of support from the list", field="term_ids") from None
    if term_ids and TaxonomyTerm.objects.filter(pk__in=term_ids).count() != len(set(term_ids)):
        raise ServiceError("Select needs and kinds of support from the list", field="term_ids")
    out["term_ids"] = sorted(set(term_ids))
    out["schedules"] = []
    for i, s in enumerate(data.get("schedules") or []):
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
        out["schedules"].append(
            {"byday": ",".join(d for d in DAY_CODES if d in days), "opens_at": _time_text(opens),
             "closes_at": _time_text(closes), "description": description}
        )
    out["contacts"] = [
        {k: _text(c.get(k)) for k in ("name", "title", "phone", "email")}
        for c in data.get("contacts") or []
        if any(_text(c.get(k)) for k in ("name", "title", "phone", "email"))
    ]
    out["cost_options"] = []
    for i, c in enumerate(data.get("cost_options") or []):
        amount = _text(c.get("amount")).lstrip("£")
        if amount:
            try:
                value = Decimal(amount)
            except InvalidOperation:
                raise ServiceError("Enter the price as a number, like 5.50", field=f"cost_options-{i}-amount") from None
            if value < 0 or value >= Decimal("10000000"):
                raise ServiceError("Enter a price between 0 and 9,999,999", field=f"cost_options-{i}-amount")
            amount = str(value.quantize(Decimal("0.01")))
        row = {"option": _text(c.get("option")), "amount": amount, "amount_description": _text(c.get("amount_description"))}
        if any(row.values()):
            out["cost_options"].append(row)
    out["locations"] = []
    for i, loc in enumerate(data.get("locations") or []):
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
        out["locations"].append(row)
    return out


def _search_document(service: Service) -> str:
    terms = " ".join(service.terms.values_list("name", flat=True))
    return f"{service.organisation.name} {terms} {service.eligibility}".strip()


def service_apply(service: Service, data: dict[str, Any]) -> None:
    """Write a cleaned snapshot onto the live rows (used by approval and by imports). No permission checks."""
    for name in SERVICE_FIELDS:
        setattr(service, name, data[name])
    delivery = set(data["delivery"])
    service.in_person = Delivery.IN_PERSON in delivery
    service.online = Delivery.ONLINE in delivery
    service.by_phone = Delivery.PHONE in delivery
    service.local_offer_answers = data["local_offer_answers"]
    service.save()
    service.attributes.exclude(term_id__in=data["term_ids"]).delete()
    existing = {str(t) for t in service.attributes.values_list("term_id", flat=True)}
    ServiceAttribute.objects.bulk_create(
        [ServiceAttribute(service=service, term_id=t) for t in data["term_ids"] if t not in existing]
    )
    service.schedules.all().delete()
    Schedule.objects.bulk_create(
        [
            Schedule(service=service, byday=s["byday"], opens_at=_parse_time(s["opens_at"], "", ""),
                     closes_at=_parse_time(s["closes_at"], "", ""), description=s["description"])
            for s in data["schedules"]
        ]
    )
    service.contacts.all().delete()
    Contact.objects.bulk_create([Contact(service=service, **c) for c in data["contacts"]])
    service.cost_options.all().delete()
    CostOption.objects.bulk_create(
        [
            CostOption(service=service, option=c["option"], amount=Decimal(c["amount"]) if c["amount"] else None,
                       amount_description=c["amount_description"])
            for c in data["cost_options"]
        ]
    )
    _apply_locations(service, data["locations"])
    service.search_document = _search_document(service)
    service.save(update_fields=["search_document"])


def _apply_locations(service: Service, locations: list[dict[str, Any]]) -> None:
    from pathfinder.directory.geo import postcode_point

    keep: list[uuid.UUID] = []
    own = {str(sal.location_id): sal.location for sal in service.service_at_locations.select_related("location")}
    for row in locations:
        fields = {f: row[f] for f in LOCATION_FIELDS}
        location = own.get(row.get("id", ""))
        if location is None and row.get("id"):
            location = Location.objects.filter(pk=row["id"], organisation=service.organisation).first()
        if location is None:
            location = Location(organisation=service.organisation)
        for f, v in fields.items():
            setattr(location, f, v)
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


# ---------------------------------------------------------------------------------------------------------------
# The draft -> submit -> approve / reject workflow


def _require_editor(acting_user, service: Service) -> None:
    if not services_editable_by(acting_user).filter(pk=service.pk).exists():
        raise ServiceError("You can only change your own organisation's services.")


def _require_officer(acting_user) -> None:
    if getattr(acting_user, "role", None) != Role.LOCAL_OFFER_OFFICER:
        raise ServiceError("Only the Local Offer officer can approve or reject changes.")


def _open_revision(service: Service) -> ServiceRevision | None:
    return (
        ServiceRevision.objects.select_for_update()
        .filter(service=service, status__in=[RevisionStatus.DRAFT, RevisionStatus.SUBMITTED])
        .first()
    )


def _next_number(service: Service) -> int:
    last = service.revisions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def service_create_draft(*, acting_user, organisation: Organisation, data: dict[str, Any]) -> ServiceRevision:
    """A new service for this organisation, saved as a draft (not public until the officer approves it)."""
    if not organisations_for(acting_user).filter(pk=organisation.pk).exists():
        raise ServiceError("You can only add services for your own organisation.")
    cleaned = service_data_clean(data)
    with transaction.atomic():
        service = Service(organisation=organisation, is_published=False)
        service_apply(service, cleaned)
        return ServiceRevision.objects.create(
            service=service, number=1, data=cleaned, status=RevisionStatus.DRAFT, created_by=acting_user
        )


def service_submit(*, acting_user, revision: ServiceRevision) -> ServiceRevision:
    """Send a draft to the Local Offer officer for approval."""
    _require_editor(acting_user, revision.service)
    with transaction.atomic():
        revision = ServiceRevision.objects.select_for_update().get(pk=revision.pk)
        if revision.status != RevisionStatus.DRAFT:
            raise ServiceError("Only a draft can be sent for approval.")
        service_data_clean(revision.data)
        revision.status = RevisionStatus.SUBMITTED
        revision.version += 1  # an editor opened before sending must not quietly take it back to draft
        revision.submitted_by = acting_user
        revision.submitted_at = timezone.now()
        revision.save()
        return revision


def service_confirm_checked(*, acting_user, service: Service) -> Service:
    """The provider or officer confirms the published details are still right: the check date becomes today."""
    _require_editor(acting_user, service)
    with transaction.atomic():
        service.assured_date = timezone.localdate()
        service.assurer_email = acting_user.email or ""
        service.save(update_fields=["assured_date", "assurer_email"])
        return service


def revision_changes(revision: ServiceRevision) -> list[tuple[str, Any, Any]]:
    """(label, live value, proposed value) for every part of the service this revision changes."""
    live = service_snapshot(revision.service)
    proposed = revision.data
    changes = []
    for key in (*SERVICE_FIELDS, *LIST_KEYS):
        old, new = live.get(key), proposed.get(key)
        if key == "locations":
            old = [{k: v for k, v in loc.items() if k != "id"} for loc in old or []]
            new = [{k: v for k, v in loc.items() if k != "id"} for loc in new or []]
        if old != new:
            changes.append((FIELD_LABELS[key], old, new))
    return changes


# ---------------------------------------------------------------------------------------------------------------
# Organisations, reports and information pages


def organisation_create(*, acting_user, name: str, kind: str, **fields: Any) -> Organisation:
    """The officer adds a provider organisation."""
    _require_officer(acting_user)
    if kind not in OrganisationKind.values:
        raise ServiceError("Select the type of provider", field="kind")
    if not (name or "").strip():
        raise ServiceError("Enter the organisation's name", field="name")
    return Organisation.objects.create(name=name.strip(), kind=kind, **fields)


def organisation_member_add(*, acting_user, organisation: Organisation, user) -> OrganisationMembership:
    """The officer lets a provider user edit this organisation's services."""
    _require_officer(acting_user)
    if user.role != Role.PROVIDER:
        raise ServiceError("Only provider accounts can be added to an organisation.")
    membership, _ = OrganisationMembership.objects.get_or_create(user=user, organisation=organisation)
    return membership


def out_of_date_report_create(*, service: Service, message: str, reporter_email: str = "") -> OutOfDateReport:
    """Anyone tells us a service's details look wrong. No account needed."""
    message = (message or "").strip()
    if not message:
        raise ServiceError("Tell us what is wrong or out of date", field="message")
    if len(message) > 2000:
        raise ServiceError("Your message must be 2,000 characters or fewer", field="message")
    return OutOfDateReport.objects.create(service=service, message=message, reporter_email=(reporter_email or "").strip())


def out_of_date_report_resolve(*, acting_user, report: OutOfDateReport, note: str = "") -> OutOfDateReport:
    """Mark a report dealt with (the provider or officer has checked the details)."""
    _require_editor(acting_user, report.service)
    with transaction.atomic():
        report.resolved = True
        report.resolved_by = acting_user
        report.resolved_at = timezone.now()
        report.resolution_note = (note or "").strip()
        report.save()
        return report


def information_page_save(
    *, acting_user, slug: str, title: str, body: str, summary: str = "", topic: str = InformationTopic.OTHER,
    published: bool = True, sort_order: int = 0,
) -> InformationPage:
    """The officer creates or updates a council information page (plain text body)."""
    _require_officer(acting_user)
    if not title.strip():
        raise ServiceError("Enter a title", field="title")
    if not body.strip():
        raise ServiceError("Enter the page text", field="body")
    if topic not in InformationTopic.values:
        raise ServiceError("Select a topic", field="topic")
    page, _ = InformationPage.objects.update_or_create(
        slug=slug,
        defaults={"title": title.strip(), "body": body.strip(), "summary": summary.strip(), "topic": topic,
                  "published": published, "sort_order": sort_order, "updated_by": acting_user},
    )
    return page
