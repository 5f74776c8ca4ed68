"""Open Referral UK 3.0 JSON for our models. Plain dict builders: fast, and empty optional fields are omitted.

Field names and shapes follow uk-profile/schema/compiled/service.json (HSDS 3.0 UK profile).
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.conf import settings

from pathfinder.directory.constants import DELIVERY_TAXONOMY, Delivery, LocationType, stable_uuid
from pathfinder.directory.models import (
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

_EMPTY = (None, "", [], {})


def compact(data: dict[str, Any]) -> dict[str, Any]:
    """Drop keys whose value is empty: ORUK asks for optional fields without a value to be omitted."""
    return {k: v for k, v in data.items() if v not in _EMPTY}


def _time(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def taxonomy_json(taxonomy: Taxonomy, terms: list[TaxonomyTerm] | None = None) -> dict[str, Any]:
    data = compact(
        {
            "id": str(taxonomy.id),
            "name": taxonomy.name,
            "description": taxonomy.description or taxonomy.name,
            "uri": taxonomy.uri,
            "version": taxonomy.version,
        }
    )
    if terms is not None:
        data["taxonomy_terms"] = [term_json(t, taxonomy=taxonomy) for t in terms]
    return data


def term_json(term: TaxonomyTerm, taxonomy: Taxonomy | None = None) -> dict[str, Any]:
    taxonomy = taxonomy or term.taxonomy
    return compact(
        {
            "id": str(term.id),
            "name": term.name,
            "description": term.description or term.name,
            "parent_id": str(term.parent_id) if term.parent_id else None,
            "taxonomy": taxonomy.name,
            "taxonomy_id": str(term.taxonomy_id),
            "term_uri": term.term_uri,
            "term": term.code,
            # HSDS 3.0.1+ / the DfE's ingestion read `code`; `term` is the 3.0 name for the same thing.
            "code": term.code,
        }
    )


_IDENTIFIER_SCHEMES = (
    ("urn", "GB-EDU", "URN"),
    ("ukprn", "GB-UKPRN", "UKPRN"),
    ("charity_number", "GB-CHC", "Charity number"),
    ("company_number", "GB-COH", "Company number"),
)


def organisation_json(org: Organisation, *, full: bool = False) -> dict[str, Any]:
    data = {
        "id": str(org.id),
        "name": org.name,
        "description": org.description or org.name,
        "email": org.email,
        "website": org.website,
    }
    if full:
        data["organization_identifiers"] = [
            {
                "id": str(stable_uuid("organisation-identifier", str(org.id), scheme)),
                "identifier_scheme": scheme,
                "identifier_type": label,
                "identifier": getattr(org, attr),
            }
            for attr, scheme, label in _IDENTIFIER_SCHEMES
            if getattr(org, attr)
        ]
    return compact(data)


def application_process(service: Service) -> str:
    """How to get the service, as its web page says it: who may ask, then the provider's own words."""
    route = service.get_referral_route_display()
    return f"{route}.\n\n{service.how_to_access}" if service.how_to_access else f"{route}."


def service_list_json(service: Service) -> dict[str, Any]:
    """A list item: the service's own fields plus its organisation (no other children, per HSDS list rules).

    `eligibility_description` and `application_process` are HSDS 3.0 service fields the UK profile leaves out but
    allows (no additionalProperties: false): clients need who a service is for and how to get it, as the page says.
    """
    return compact(
        {
            "id": str(service.id),
            "organization_id": str(service.organisation_id),
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "fees": service.fees or ("Free" if service.is_free else ""),
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.assured_date.isoformat() if service.assured_date else None,
            "assurer_email": service.assurer_email,
            "last_modified": _datetime(service.last_modified),
            "eligibility_description": service.eligibility,
            "application_process": application_process(service),
            "organization": organisation_json(service.organisation),
        }
    )


def schedule_json(schedule: Schedule) -> dict[str, Any]:
    return compact(
        {
            "id": str(schedule.id),
            "service_id": str(schedule.service_id),
            "service_at_location_id": str(schedule.service_at_location_id) if schedule.service_at_location_id else None,
            "freq": schedule.freq if schedule.byday else None,
            "byday": schedule.byday,
            "opens_at": _time(schedule.opens_at),
            "closes_at": _time(schedule.closes_at),
            "description": schedule.description,
        }
    )


def location_json(location: Location) -> dict[str, Any]:
    data = {
        "id": str(location.id),
        "location_type": location.location_type,
        "name": location.name,
        "description": location.description,
        "latitude": location.latitude,
        "longitude": location.longitude,
    }
    if location.location_type != LocationType.VIRTUAL and location.address_1 and location.postcode:
        data["addresses"] = [
            compact(
                {
                    "id": str(stable_uuid("address", str(location.id))),
                    "location_id": str(location.id),
                    "address_1": ", ".join(p for p in (location.address_1, location.address_2) if p),
                    "city": location.town or location.county or settings.COUNCIL_SHORT_NAME,
                    "state_province": location.county or settings.COUNCIL_SHORT_NAME,
                    "postal_code": location.postcode,
                    "country": "GB",
                    "address_type": "postal" if location.location_type == LocationType.POSTAL else "physical",
                }
            )
        ]
    if location.accessibility:
        data["accessibility"] = [
            {
                "id": str(stable_uuid("accessibility", str(location.id))),
                "location_id": str(location.id),
                "description": location.accessibility,
            }
        ]
    return compact(data)


def attribute_json(service: Service, attribute) -> dict[str, Any]:
    """An attribute links a term to the service: `link_entity` (HSDS 3.0.1+, required by the DfE's ingestion) and
    `link_type` (the UK profile's 3.0 name) both say what it is attached to."""
    return _attribute(str(attribute.id), service, attribute.term)


def _attribute(attribute_id: str, service: Service, term: TaxonomyTerm) -> dict[str, Any]:
    return {
        "id": attribute_id,
        "link_id": str(service.id),
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": str(term.id),
        "taxonomy_term": term_json(term),
    }


def _delivery_terms() -> dict[str, TaxonomyTerm]:
    """The seeded "How a service is given" terms, built in memory (same ids as the database rows: no query)."""
    code, name, description, terms = DELIVERY_TAXONOMY
    taxonomy = Taxonomy(id=stable_uuid("taxonomy", code), code=code, name=name, description=description)
    return {
        value: TaxonomyTerm(id=stable_uuid(code, value), taxonomy=taxonomy, code=value, name=label, description=text)
        for value, label, text in terms
    }


_DELIVERY_TERMS = _delivery_terms()


def delivery_attributes(service: Service) -> list[dict[str, Any]]:
    """Attendance (in person, online, by phone) as attributes, as HSDS 3 categorises a service."""
    given = {Delivery.IN_PERSON: service.in_person, Delivery.ONLINE: service.online, Delivery.PHONE: service.by_phone}
    return [
        _attribute(str(stable_uuid("delivery-attribute", str(service.id), value)), service, _DELIVERY_TERMS[value])
        for value, on in given.items()
        if on
    ]


def service_full_json(service: Service) -> dict[str, Any]:
    """The fully nested service (GET /services/{id}). Expects the prefetches of api.views.service_details."""
    data = service_list_json(service)
    data["organization"] = organisation_json(service.organisation, full=True)
    data["schedules"] = [schedule_json(s) for s in service.schedules.all()]
    data["service_at_locations"] = [
        compact(
            {
                "id": str(sal.id),
                "service_id": str(service.id),
                "location_id": str(sal.location_id),
                "location": location_json(sal.location),
            }
        )
        for sal in service.service_at_locations.all()
    ]
    data["cost_options"] = [
        compact(
            {
                "id": str(c.id),
                "service_id": str(service.id),
                "option": c.option,
                "amount": float(c.amount) if c.amount is not None else None,
                "amount_description": c.amount_description,
            }
        )
        for c in service.cost_options.all()
    ]
    data["contacts"] = [
        compact({"id": str(c.id), "service_id": str(service.id), "name": c.name, "title": c.title})
        for c in service.contacts.all()
    ]
    # HSDS 3.0 phones (extra to the UK profile, which allows additional properties): families need a number.
    data["phones"] = (
        [{"id": str(stable_uuid("phone", str(service.id))), "service_id": str(service.id), "number": service.phone}]
        if service.phone
        else []
    )
    data["attributes"] = [attribute_json(service, a) for a in service.attributes.all()] + delivery_attributes(service)
    source = source_metadata(service)
    if source:
        data["metadata"] = source
    return compact(data)


def source_metadata(service: Service) -> list[dict[str, Any]]:
    """Where a service harvested from another directory came from, as an HSDS 3.0 `metadata` entry (the UK profile
    has no "source" field on service and allows HSDS properties beyond it, as with `phones`): the directory's name
    as `updated_by`, its record's address as `replacement_value`, the last check as `last_action_date`. A
    harvester reading us can tell, and need not bring it in twice. Expects select_related harvested_from."""
    link = getattr(service, "harvested_from", None)
    if link is None:
        return []
    return [{
        "id": str(stable_uuid("harvest-source", str(service.id))), "resource_id": str(service.id),
        "resource_type": "service", "last_action_date": link.last_checked.date().isoformat(),
        "last_action_type": "harvested", "field_name": "source", "previous_value": "",
        "replacement_value": link.source_url, "updated_by": link.subscription.name,
    }]


def service_at_location_list_json(sal: ServiceAtLocation) -> dict[str, Any]:
    return compact(
        {
            "id": str(sal.id),
            "service_id": str(sal.service_id),
            "location_id": str(sal.location_id),
            "location": location_json(sal.location),
            "service": service_list_json(sal.service),
        }
    )


def service_at_location_full_json(sal: ServiceAtLocation) -> dict[str, Any]:
    """GET /service_at_locations/{id}: the official ORUK 3.0 OpenAPI declares a fully nested *service* here, so
    that is what a client gets, with `service_at_locations` holding just this one place."""
    data = service_full_json(sal.service)
    data["service_at_locations"] = [
        compact(
            {
                "id": str(sal.id),
                "service_id": str(sal.service_id),
                "location_id": str(sal.location_id),
                "location": location_json(sal.location),
            }
        )
    ]
    return data
