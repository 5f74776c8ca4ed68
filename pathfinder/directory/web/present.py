"""Turning Local Offer data into plain words for pages: opening times, ages, differences between versions."""

from __future__ import annotations

from datetime import time
from typing import Any
from urllib.parse import urlencode

from config.jinja2env import plural
from pathfinder.directory.constants import (
    DAY_CODES,
    NEED_TERMS,
    SCHEDULE_2_QUESTIONS,
    SUPPORT_TERMS,
    Day,
    Delivery,
    LocationType,
    ReferralRoute,
    ServiceStatus,
)
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.models import TaxonomyTerm

DAY_NAMES = dict(Day.choices)


def clock(value: time | str | None) -> str:
    """9:30am, 12 noon, 3pm (GOV.UK style)."""
    if not value:
        return ""
    if isinstance(value, str):
        hours, minutes = (int(p) for p in value.split(":")[:2])
        value = time(hours, minutes)
    if value == time(12, 0):
        return "12 noon"
    if value == time(0, 0):
        return "midnight"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def _is_clock(value: str) -> bool:
    """Whether a query-string value is a real 24-hour time ("25:00" or "9am" is not, and is not shown)."""
    try:
        time.fromisoformat(value)
    except ValueError:
        return False
    return True


def days_text(byday: str) -> str:
    days = [d for d in (byday or "").split(",") if d]
    if not days:
        return ""
    if days == list(DAY_CODES[:5]):
        return "Monday to Friday"
    if days == list(DAY_CODES):
        return "Every day"
    names = [DAY_NAMES.get(d, d) for d in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def schedule_text(byday: str, opens_at: Any, closes_at: Any, description: str = "") -> str:
    parts = [days_text(byday)]
    if opens_at and closes_at:
        parts.append(f"{clock(opens_at)} to {clock(closes_at)}")
    elif opens_at:
        parts.append(f"from {clock(opens_at)}")
    text = ", ".join(p for p in parts if p)
    if description:
        text = f"{text}: {description}" if text else description
    return text


def ages_text(minimum: int | None, maximum: int | None) -> str:
    if minimum is None and maximum is None:
        return "All ages"
    if minimum in (None, 0) and maximum is not None:
        return f"Up to {plural(maximum, 'year')}"
    if maximum is None:
        return f"{plural(minimum, 'year')} and over"
    return f"{minimum} to {plural(maximum, 'year')}"


def information_blocks(body: str) -> list[tuple[str, Any]]:
    """Plain-text page body to blocks: ("p", text) or ("ul", [items]). Never HTML, so it is always escaped."""
    blocks: list[tuple[str, Any]] = []
    for chunk in (body or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("## "):
            blocks.append(("h2", lines[0][3:]))
            lines = lines[1:]
        paragraph: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.startswith("- "):
                if paragraph:
                    blocks.append(("p", " ".join(paragraph)))
                    paragraph = []
                items.append(line[2:])
            else:
                if items:
                    blocks.append(("ul", items))
                    items = []
                paragraph.append(line)
        if paragraph:
            blocks.append(("p", " ".join(paragraph)))
        if items:
            blocks.append(("ul", items))
    return blocks


# ---------------------------------------------------------------------------------------------------------------
# Versions in plain words (for the officer's before/after and the history)


def _term_names(ids: list[str]) -> dict[str, str]:
    return {str(t.pk): t.name for t in TaxonomyTerm.objects.filter(pk__in=ids)}


def value_lines(key: str, value: Any, names: dict[str, str] | None = None) -> list[str]:
    """One snapshot value as lines of plain text."""
    if value in (None, "", [], {}):
        return []
    if key == "is_free":
        return ["Yes" if value else "No"]
    if key == "status":
        return [ServiceStatus(value).label if value in ServiceStatus.values else str(value)]
    if key == "referral_route":
        return [ReferralRoute(value).label if value in ReferralRoute.values else str(value)]
    if key == "delivery":
        return [", ".join(Delivery(v).label for v in value if v in Delivery.values)]
    if key == "term_ids":
        names = names or _term_names(value)
        return sorted(names.get(v, v) for v in value)
    if key == "local_offer_answers":
        return [f"{k}) {SCHEDULE_2_QUESTIONS.get(k, '')} {v}" for k, v in sorted(value.items())]
    if key == "schedules":
        return [schedule_text(s.get("byday", ""), s.get("opens_at"), s.get("closes_at"), s.get("description", ""))
                for s in value]
    if key == "contacts":
        return [", ".join(p for p in (c.get("name"), c.get("title"), c.get("phone"), c.get("email")) if p)
                for c in value]
    if key == "cost_options":
        return [", ".join(p for p in (c.get("option"), f"£{c['amount']}" if c.get("amount") else "",
                                      c.get("amount_description")) if p) for c in value]
    if key == "locations":
        lines = []
        for loc in value:
            kind = loc.get("location_type")
            address = ", ".join(p for p in (loc.get("name"), loc.get("address_1"), loc.get("address_2"),
                                            loc.get("town"), loc.get("county"), loc.get("postcode")) if p)
            if kind and kind != LocationType.PHYSICAL and kind in LocationType.values:
                address = f"{address} ({LocationType(kind).label})"
            if loc.get("accessibility"):
                address += f". Access: {loc['accessibility']}"
            lines.append(address)
        return lines
    return [str(value)]


def content_differences(old: ServiceContent | None, new: ServiceContent) -> list[dict[str, Any]]:
    """Each part that differs: {"label", "before": [lines], "after": [lines]}. `old` None means a new service.

    A part blank on both sides (no answer before, an empty list now) is not a change."""
    changes = [d for d in new.differences(old) if (d.before or None) != (d.after or None)]
    ids = [t for d in changes if d.key == "term_ids" for t in (*(d.before or []), *(d.after or []))]
    names = _term_names(ids) if ids else {}
    return [{"label": d.label, "before": value_lines(d.key, d.before, names),
             "after": value_lines(d.key, d.after, names)} for d in changes]


# ---------------------------------------------------------------------------------------------------------------
# Search filters shown as removable tags


FILTER_LABELS = {
    "need": dict((code, name) for code, name, _ in NEED_TERMS),
    "kind": dict((code, name) for code, name, _ in SUPPORT_TERMS),
    "delivery": dict(Delivery.choices),
    "day": dict(Day.choices),
}


def query_without(params: list[tuple[str, str]], name: str, value: str) -> str:
    """The query string with one filter value taken away (and back to the first page)."""
    kept = [(k, v) for k, v in params if not (k == name and v == value) and k != "page"]
    if name == "postcode":
        kept = [(k, v) for k, v in kept if k != "distance"]
    return "?" + urlencode(kept) if kept else "?"


def active_filters(params: list[tuple[str, str]], distance_labels: dict[str, str]) -> list[dict[str, str]]:
    """Each filter in use, with the link that removes it."""
    out = []
    for name, value in params:
        if not value or name == "page":
            continue
        if name == "q":
            text = f"Words: {value}"
        elif name in FILTER_LABELS:
            label = FILTER_LABELS[name].get(value)
            if not label:
                continue
            text = {"need": "Need", "kind": "Support", "delivery": "Given", "day": "Day"}[name] + f": {label}"
        elif name == "age":
            text = f"Age: {value}"
        elif name == "cost" and value == "free":
            text = "Free only"
        elif name == "time":
            text = f"Open at {clock(value)}" if _is_clock(value) else ""
        elif name == "postcode":
            text = f"Near {value.upper()}"
        elif name == "distance":
            text = distance_labels.get(value, "")
        else:
            continue
        if text:
            out.append({"text": text, "href": query_without(params, name, value)})
    return out


def page_items(current: int, total_pages: int, base: str) -> list[dict[str, Any]]:
    """govukPagination items: first, last and neighbours of the current page, with ellipses between."""
    wanted = sorted({1, total_pages, current - 1, current, current + 1} & set(range(1, total_pages + 1)))
    items: list[dict[str, Any]] = []
    previous = 0
    for number in wanted:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": f"{base}page={number}", "current": number == current})
        previous = number
    return items
