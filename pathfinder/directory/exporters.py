"""Take the public Local Offer out: a spreadsheet (CSV, same columns the importer reads) or ORUK 3.0 JSON."""

from __future__ import annotations

import csv
import io
import json

from pathfinder.directory.api.serializers import service_full_json
from pathfinder.directory.api.views import service_details
from pathfinder.directory.constants import TAXONOMY_NEEDS, TAXONOMY_SUPPORT
from pathfinder.directory.importers import CSV_COLUMNS
from pathfinder.directory.selectors import services_public


def _rows():
    for service in service_details(services_public()).order_by("name", "id").iterator(chunk_size=500):
        terms = [a.term for a in service.attributes.all()]
        schedule = next(iter(service.schedules.all()), None)
        sal = next(iter(service.service_at_locations.all()), None)
        loc = sal.location if sal else None
        yield {
            "service_id": str(service.id),
            "organisation_name": service.organisation.name,
            "organisation_kind": service.organisation.kind,
            "organisation_email": service.organisation.email,
            "organisation_website": service.organisation.website,
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "phone": service.phone,
            "status": service.status,
            "is_free": "yes" if service.is_free else "no",
            "fees": service.fees,
            "minimum_age": "" if service.minimum_age is None else service.minimum_age,
            "maximum_age": "" if service.maximum_age is None else service.maximum_age,
            "eligibility": service.eligibility,
            "how_to_access": service.how_to_access,
            "referral_route": service.referral_route,
            "delivery": ",".join(service.delivery),
            "needs": ",".join(t.code for t in terms if t.taxonomy.code == TAXONOMY_NEEDS),
            "support": ",".join(t.code for t in terms if t.taxonomy.code == TAXONOMY_SUPPORT),
            "days": schedule.byday if schedule else "",
            "opens_at": schedule.opens_at.strftime("%H:%M") if schedule and schedule.opens_at else "",
            "closes_at": schedule.closes_at.strftime("%H:%M") if schedule and schedule.closes_at else "",
            "venue_name": loc.name if loc else "",
            "address_1": loc.address_1 if loc else "",
            "town": loc.town if loc else "",
            "postcode": loc.postcode if loc else "",
            "accessibility": loc.accessibility if loc else "",
        }


def _safe_cell(value):
    """Stop spreadsheet programs running a cell as a formula (CSV injection)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def directory_export_csv() -> str:
    """Every public service as CSV text (one row per service: first opening time and first venue)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in _rows():
        writer.writerow({k: _safe_cell(v) for k, v in row.items()})
    return out.getvalue()


def directory_export_oruk_json() -> str:
    """Every public service, fully nested ORUK 3.0, as a JSON list."""
    services = service_details(services_public()).order_by("name", "id")
    return json.dumps([service_full_json(s) for s in services.iterator(chunk_size=500)], indent=1)
