"""The small input checks every plan service shares: a required answer, a date not in the future, a known type of
school. Each refuses with a `ServiceError` naming the form field, so the page puts the message beside it."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from pathfinder.core.errors import ServiceError
from pathfinder.plans.models import InstitutionType


def required(value: str, field: str, message: str) -> str:
    """The answer, trimmed; refused with `message` if it is blank."""
    value = (value or "").strip()
    if not value:
        raise ServiceError(message, field=field)
    return value


def not_future(day: date, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise ServiceError(f"{what} cannot be in the future", field=field)


def institution_type_valid(institution_type: str, field: str) -> None:
    if institution_type not in InstitutionType.values:
        raise ServiceError("Select the type of school or college", field=field)
