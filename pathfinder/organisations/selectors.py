"""Who belongs to which organisation on a day. people.selectors reads ``active_organisation_ids`` to decide
which children an adviser sees through their organisations, so it must stay one cheap subquery."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.organisations.models import Membership, Organisation


def membership_active_on(today: date, prefix: str = "") -> Q:
    """Memberships in force on ``today`` (starts_on <= today < ends_on, or no end)."""
    return Q(**{f"{prefix}starts_on__lte": today}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gt": today})
    )


def memberships_active(today: date | None = None) -> QuerySet[Membership]:
    return Membership.objects.filter(membership_active_on(today or timezone.localdate()))


def active_organisation_ids(user, today: date | None = None) -> QuerySet:
    """The organisations this adviser is a member of on ``today``, as a subquery of ids. Only advisers act for
    organisations: any other role gets none, whatever rows exist."""
    if getattr(user, "role", None) != Role.ADVISER:
        return Membership.objects.none().values("organisation_id")
    return memberships_active(today).filter(user=user).values("organisation_id")


def organisations_of(user, today: date | None = None) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=active_organisation_ids(user, today)).order_by("name")


def membership_of(user, organisation: Organisation, today: date | None = None) -> Membership | None:
    """The user's membership of this organisation in force today, or None."""
    if getattr(user, "role", None) != Role.ADVISER:
        return None
    return memberships_active(today).filter(user=user, organisation=organisation).first()


def organisation_for_member(user, organisation_id: int, today: date | None = None) -> Organisation | None:
    """The organisation, only if the user is a member of it today (a page for anyone else is a 404)."""
    return organisations_of(user, today).filter(pk=organisation_id).first()


def current_members(organisation: Organisation, today: date | None = None) -> QuerySet[Membership]:
    return (memberships_active(today).filter(organisation=organisation).select_related("user")
            .order_by("user__last_name", "user__first_name"))
