"""Providers: the officer adds an organisation and lets its people edit its services."""

from __future__ import annotations

from typing import Any

from pathfinder.accounts.roles import Role
from pathfinder.core.errors import ServiceError
from pathfinder.directory.constants import OrganisationKind
from pathfinder.directory.models import Organisation, OrganisationMembership
from pathfinder.directory.permissions import require_officer


def organisation_create(*, acting_user, name: str, kind: str, **fields: Any) -> Organisation:
    """The officer adds a provider organisation."""
    require_officer(acting_user)
    if kind not in OrganisationKind.values:
        raise ServiceError("Select the type of provider", field="kind")
    if not (name or "").strip():
        raise ServiceError("Enter the organisation's name", field="name")
    return Organisation.objects.create(name=name.strip(), kind=kind, **fields)


def organisation_member_add(*, acting_user, organisation: Organisation, user) -> OrganisationMembership:
    """The officer lets a provider user edit this organisation's services."""
    require_officer(acting_user)
    if user.role != Role.PROVIDER:
        raise ServiceError("Only provider accounts can be added to an organisation.")
    membership, _ = OrganisationMembership.objects.get_or_create(user=user, organisation=organisation)
    return membership
