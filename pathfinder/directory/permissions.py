"""Who may change what in the Local Offer: a provider their own organisation's services, the officer everything."""

from __future__ import annotations

from pathfinder.accounts.roles import Role
from pathfinder.core.errors import ServiceError
from pathfinder.directory.models import Service
from pathfinder.directory.selectors import services_editable_by


def require_editor(acting_user, service: Service) -> None:
    if not services_editable_by(acting_user).filter(pk=service.pk).exists():
        raise ServiceError("You can only change your own organisation's services.")


def require_officer(acting_user) -> None:
    if getattr(acting_user, "role", None) != Role.LOCAL_OFFER_OFFICER:
        raise ServiceError("Only the Local Offer officer can approve or reject changes.")
