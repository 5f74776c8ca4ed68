"""Find a public service for a page, turning every kind of 'not there' into a 404."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404

from pathfinder.directory.models import Service
from pathfinder.directory.selectors import service_public_get


def public_service_or_404(service_id) -> Service:
    """The approved, current service with this id (a malformed id is simply not found)."""
    try:
        return service_public_get(service_id)
    except (Service.DoesNotExist, ValidationError, ValueError):
        raise Http404("No such service in the Local Offer")
