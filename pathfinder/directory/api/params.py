"""Parse and check ORUK query parameters. Anything wrong raises BadParameter with a plain message (HTTP 400)."""

from __future__ import annotations

import math
import re
import uuid
from datetime import UTC, datetime, time

from pathfinder.directory.constants import DAY_CODES, Day

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
_DAY_NAMES = {label.lower(): code for code, label in Day.choices}


class BadParameter(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _one(query, name: str) -> str | None:
    value = query.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def page_params(query) -> tuple[int, int, int | None]:
    """(page, per_page, asked): a per_page above the maximum is clamped, never refused (harvesters ask for 500 or
    1000 and must still get pages); `asked` is what was asked for when it was clamped, so the page can say so."""
    page = integer(query, "page", default=1, minimum=1)
    per_page = integer(query, "per_page", default=DEFAULT_PER_PAGE, minimum=1)
    if per_page > MAX_PER_PAGE:
        return page, MAX_PER_PAGE, per_page
    return page, per_page, None


def check_names(query, allowed: frozenset[str]) -> None:
    """Refuse a parameter this endpoint does not know: a misspelt filter silently ignored returns everything."""
    unknown = sorted(set(query.keys()) - allowed - {"format"})
    if unknown:
        known = ", ".join(sorted(allowed)) or "none"
        raise BadParameter(f"Unknown parameter {unknown[0]!r}. This endpoint takes: {known}")
    value = _one(query, "format")
    if "format" in query and value != "json":
        raise BadParameter("format must be json (the only format this API gives)")


def datetime_param(query, name: str) -> datetime | None:
    """An ISO 8601 date or date-time; one without a time zone is taken as UTC. Given to the database in UTC:
    PostgreSQL refuses an offset beyond 15:59 (a fuzzer sent -18:53), which Python accepts."""
    raw = _one(query, name)
    if raw is None:
        return None
    try:
        value = datetime.fromisoformat(raw.replace("z", "Z"))
    except ValueError:
        raise BadParameter(f"{name} must be a date-time like 2026-01-31T09:30:00Z") from None
    if not 1900 <= value.year <= 9998:
        raise BadParameter(f"{name} must be a date-time between the years 1900 and 9998")
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def integer(query, name: str, *, default: int, minimum: int) -> int:
    raw = _one(query, name)
    if raw is None:
        return default
    if not re.fullmatch(r"[0-9]{1,9}", raw):
        raise BadParameter(f"{name} must be a whole number")
    value = int(raw)
    if value < minimum:
        raise BadParameter(f"{name} must be {minimum} or more")
    return value


def number(query, name: str) -> float | None:
    raw = _one(query, name)
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise BadParameter(f"{name} must be a number") from None
    if not math.isfinite(value) or value < 0 or value > 1_000_000_000:
        raise BadParameter(f"{name} must be a number of 0 or more")
    return value


def uuid_param(query, name: str) -> uuid.UUID | None:
    raw = _one(query, name)
    if raw is None:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadParameter(f"{name} must be a UUID") from None


def day(query) -> str | None:
    raw = _one(query, "day")
    if raw is None:
        return None
    code = raw.upper() if raw.upper() in DAY_CODES else _DAY_NAMES.get(raw.lower())
    if code is None:
        raise BadParameter("day must be one of MO, TU, WE, TH, FR, SA, SU (or a day name)")
    return code


def time_param(query, name: str) -> time | None:
    raw = _one(query, name)
    if raw is None:
        return None
    match = re.fullmatch(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:Z|[+-][0-9]{2}:?[0-9]{2})?", raw)
    if not match or int(match[1]) > 23 or int(match[2]) > 59 or (match[3] and int(match[3]) > 59):
        raise BadParameter(f"{name} must be a time like 09:30")
    return time(int(match[1]), int(match[2]))


def text(query, name: str, limit: int = 200) -> str:
    raw = _one(query, name) or ""
    if len(raw) > limit:
        raise BadParameter(f"{name} must be {limit} characters or fewer")
    if "\x00" in raw:
        raise BadParameter(f"{name} contains a character we cannot search for")
    return raw
