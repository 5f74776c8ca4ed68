"""Bring services into the Local Offer from a spreadsheet (CSV) or another directory's ORUK 3.0 JSON.

All or nothing: every row is checked first; if any row is refused nothing is saved, and the report says which
rows and why (row numbers as a spreadsheet shows them, header = row 1). A checked file is then written in short
transactions and undone as a whole if writing fails (see directory.import_writer). Imported services are published and
checked today, with an approved revision recording who imported them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pathfinder.accounts.roles import Role
from pathfinder.core.errors import ServiceError
from pathfinder.directory.constants import (
    DAY_CODES,
    DELIVERY_TAXONOMY,
    TAXONOMY_NEEDS,
    TAXONOMY_SUPPORT,
    OrganisationKind,
    ReferralRoute,
)
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.import_messages import csv_problem, oruk_problem
from pathfinder.directory.import_writer import Progress, import_write
from pathfinder.directory.models import TaxonomyTerm

CSV_COLUMNS = (
    "service_id", "organisation_name", "organisation_kind", "organisation_email", "organisation_website", "name",
    "description", "url", "email", "phone", "status", "is_free", "fees", "minimum_age", "maximum_age",
    "eligibility", "how_to_access", "referral_route", "delivery", "needs", "support", "days", "opens_at",
    "closes_at", "venue_name", "address_1", "town", "postcode", "accessibility",
)
REQUIRED_COLUMNS = ("organisation_name", "name", "description")



@dataclass
class ImportReport:
    rows_ok: int = 0
    refused: list[tuple[int, list[str]]] = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def saved(self) -> bool:
        return not self.refused and self.rows_ok > 0


def _require_officer(acting_user) -> None:
    if acting_user is not None and getattr(acting_user, "role", None) != Role.LOCAL_OFFER_OFFICER:
        raise ServiceError("Only the Local Offer officer can import services.")


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").replace(";", ",").split(",") if v.strip()]


def _unescape(value: str) -> str:
    """Undo the exporter's guard against spreadsheet formulas ('=... -> =...)."""
    return value[1:] if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@") else value


def _truthy(value: str) -> bool:
    return (value or "").strip().lower() in {"1", "yes", "y", "true", "free"}


def _term_ids(taxonomy: str, codes: Iterable[str], problems: list[str], label: str) -> list[str]:
    ids = []
    by_code = {t.code.lower(): str(t.id) for t in TaxonomyTerm.objects.filter(taxonomy__code=taxonomy)}
    for code in codes:
        if code.lower() in by_code:
            ids.append(by_code[code.lower()])
        else:
            problems.append(csv_problem(label, f"we do not know '{code}'"))
    return ids


def _csv_row_to_data(row: dict[str, str], problems: list[str]) -> dict[str, Any]:
    days = [d.upper() for d in _split(row.get("days", ""))]
    if any(d not in DAY_CODES for d in days):
        problems.append(csv_problem("days", "use MO, TU, WE, TH, FR, SA, SU"))
    data: dict[str, Any] = {
        "name": row.get("name", ""),
        "description": row.get("description", ""),
        "url": row.get("url", ""),
        "email": row.get("email", ""),
        "phone": row.get("phone", ""),
        "status": row.get("status") or "active",
        "is_free": _truthy(row.get("is_free", "")),
        "fees": row.get("fees", ""),
        "minimum_age": row.get("minimum_age", ""),
        "maximum_age": row.get("maximum_age", ""),
        "eligibility": row.get("eligibility", ""),
        "how_to_access": row.get("how_to_access", ""),
        "referral_route": row.get("referral_route") or "self",
        "delivery": _split(row.get("delivery", "")) or ["in_person"],
        "term_ids": _term_ids(TAXONOMY_NEEDS, _split(row.get("needs", "")), problems, "needs")
        + _term_ids(TAXONOMY_SUPPORT, _split(row.get("support", "")), problems, "support"),
        "schedules": [{"byday": ",".join(days), "opens_at": row.get("opens_at", ""), "closes_at": row.get("closes_at", "")}]
        if days or row.get("opens_at")
        else [],
        "locations": [
            {"name": row.get("venue_name", ""), "address_1": row.get("address_1", ""), "town": row.get("town", ""),
             "postcode": row.get("postcode", ""), "accessibility": row.get("accessibility", "")}
        ]
        if row.get("address_1") or row.get("postcode")
        else [],
    }
    return data


@dataclass
class _Planned:
    service_id: str
    organisation: dict[str, str]
    content: ServiceContent


def directory_import_csv(file, acting_user=None, *, progress: Progress | None = None) -> ImportReport:
    """Import services from a CSV file (text or binary file object; columns CSV_COLUMNS, only some required)."""
    _require_officer(acting_user)
    raw = file.read()
    text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    report = ImportReport()
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        report.refused.append((1, [f"The first row must name the columns; missing: {', '.join(missing)}"]))
        return report
    planned: list[_Planned] = []
    rows = list(reader)
    for number, row in enumerate(rows, start=2):
        _checked(progress, number - 2, len(rows))
        row = {k: _unescape((v or "").strip()) for k, v in row.items() if k}
        if not any(row.values()):
            continue
        problems: list[str] = []
        kind = row.get("organisation_kind") or OrganisationKind.OTHER
        if kind not in OrganisationKind.values:
            problems.append(csv_problem("organisation_kind", f"'{kind}' is not a provider type we know"))
        if not row.get("organisation_name"):
            problems.append(csv_problem("organisation_name", "enter the organisation's name"))
        data = _csv_row_to_data(row, problems)
        try:
            content = ServiceContent.clean(data)
        except ServiceError as exc:
            problems.append(csv_problem(exc.field, exc.message))
        if problems:
            report.refused.append((number, problems))
            continue
        planned.append(
            _Planned(
                row.get("service_id", ""),
                {"name": row["organisation_name"], "kind": kind, "email": row.get("organisation_email", ""),
                 "website": row.get("organisation_website", "")},
                content,
            )
        )
    return _finish(planned, acting_user, report, progress)


def _checked(progress: Progress | None, done: int, total: int) -> None:
    """Tell the progress page how many rows have been checked (a large file takes a while before any is saved)."""
    if progress:
        progress(done, total, "checked")


def _finish(planned, acting_user, report, progress) -> ImportReport:
    if report.refused or not planned:
        return report
    import_write(planned, acting_user, report, progress)  # short batches, undone as a whole if it fails
    report.rows_ok = len(planned)
    return report


def known_term_taxonomies() -> dict[str, str]:
    """Every taxonomy term's id (as text) and its taxonomy's code: read once per file or harvest page."""
    return {str(pk): code for pk, code in TaxonomyTerm.objects.values_list("id", "taxonomy__code")}


def _oruk_to_data(item: dict[str, Any], problems: list[str],
                  known_terms: dict[str, str] | None = None) -> dict[str, Any]:
    """An ORUK 3.0 service as service content. Attributes of the "How a service is given" taxonomy (as our API
    writes them) become the delivery; eligibility_description and application_process (HSDS 3.0) are read too."""
    known_terms = known_term_taxonomies() if known_terms is None else known_terms
    term_ids, delivery = [], []
    for attribute in item.get("attributes") or []:
        term_id = str(attribute.get("taxonomy_term_id") or (attribute.get("taxonomy_term") or {}).get("id") or "")
        if known_terms.get(term_id) == DELIVERY_TAXONOMY[0]:
            delivery.append(str((attribute.get("taxonomy_term") or {}).get("code") or _delivery_code(term_id)))
        elif term_id in known_terms:
            term_ids.append(term_id)
    locations = []
    for sal in item.get("service_at_locations") or []:
        loc = sal.get("location") or {}
        address = (loc.get("addresses") or [{}])[0]
        access = (loc.get("accessibility") or [{}])[0]
        locations.append(
            {"name": loc.get("name", ""), "location_type": loc.get("location_type") or "physical",
             "address_1": address.get("address_1", ""), "town": address.get("city", ""),
             "county": address.get("state_province", ""), "postcode": address.get("postal_code", ""),
             "accessibility": access.get("description", "")}
        )
    phones = item.get("phones") or []
    fees = item.get("fees", "")
    return {
        "name": item.get("name", ""),
        "description": item.get("description", ""),
        "url": item.get("url", ""),
        "email": item.get("email", ""),
        "phone": phones[0].get("number", "") if phones else "",
        "status": item.get("status") or "active",
        "is_free": fees.strip().lower() in {"", "free"} and not item.get("cost_options"),
        "fees": "" if fees.strip().lower() == "free" else fees,
        "minimum_age": item.get("minimum_age"),
        "maximum_age": item.get("maximum_age"),
        "delivery": delivery or (["in_person"] if locations else ["online"]),
        "eligibility": str(item.get("eligibility_description") or ""),
        **_application(str(item.get("application_process") or "")),
        "term_ids": term_ids,
        "schedules": [
            {"byday": s.get("byday", ""), "opens_at": s.get("opens_at", ""), "closes_at": s.get("closes_at", ""),
             "description": s.get("description", "")}
            for s in item.get("schedules") or []
        ],
        "contacts": [{"name": c.get("name", ""), "title": c.get("title", "")} for c in item.get("contacts") or []],
        "cost_options": [
            {"option": c.get("option", ""), "amount": "" if c.get("amount") is None else str(c.get("amount")),
             "amount_description": c.get("amount_description", "")}
            for c in item.get("cost_options") or []
        ],
        "locations": locations,
    }


def _delivery_code(term_id: str) -> str:
    return str(TaxonomyTerm.objects.filter(pk=term_id).values_list("code", flat=True).first() or "")


def _application(text: str) -> dict[str, str]:
    """application_process as how to access, with the referral route back out of it when it leads with one of
    ours (our API writes "A professional must refer." first)."""
    for value, label in ReferralRoute.choices:
        if text == f"{label}." or text.startswith(f"{label}.\n\n"):
            return {"referral_route": value, "how_to_access": text[len(label) + 1 :].strip()}
    return {"how_to_access": text}


def directory_import_oruk_json(file, acting_user=None, *, progress: Progress | None = None) -> ImportReport:
    """Import fully nested ORUK 3.0 services: a JSON list, or a Page object with `contents`. Ids are kept."""
    _require_officer(acting_user)
    raw = file.read()
    report = ImportReport()
    try:
        document = json.loads(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw)
    except (ValueError, UnicodeDecodeError):
        report.refused.append((0, ["The file is not JSON"]))
        return report
    items = document.get("contents") if isinstance(document, dict) else document
    if not isinstance(items, list):
        report.refused.append((0, ["Expected a list of services, or an object with 'contents'"]))
        return report
    planned = []
    for number, item in enumerate(items, start=1):
        _checked(progress, number - 1, len(items))
        problems: list[str] = []
        if not isinstance(item, dict):
            report.refused.append((number, ["Each service must be a JSON object"]))
            continue
        org = item.get("organization") or {}
        if not org.get("name"):
            problems.append("organization: every service needs its organisation's name")
        data = _oruk_to_data(item, problems)
        try:
            content = ServiceContent.clean(data)
        except ServiceError as exc:
            problems.append(oruk_problem(exc.field, exc.message))
        service_id = str(item.get("id") or "")
        if service_id:
            import uuid

            try:
                service_id = str(uuid.UUID(service_id))
            except ValueError:
                problems.append("id: must be a UUID")
        if problems:
            report.refused.append((number, problems))
            continue
        planned.append(
            _Planned(
                service_id,
                {"name": org.get("name", ""), "kind": OrganisationKind.OTHER,
                 "description": org.get("description", ""), "email": org.get("email", ""),
                 "website": org.get("website", "")},
                content,
            )
        )
    return _finish(planned, acting_user, report, progress)
