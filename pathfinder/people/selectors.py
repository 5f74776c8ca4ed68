"""Which children a user may see. Every query for a child's record goes through here (deny by default)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_STAFF, CASE_VIEWERS, Role
from pathfinder.people.models import Child


def _today() -> date:
    return timezone.localdate()


def children_visible_to(user, *, today: date | None = None) -> QuerySet[Child]:
    """The children this user may open, by role and involvement.

    - caseworker: children of their team; manager: every child of the council;
    - adviser: only children they have been asked to advise on;
    - parent or carer: their own child, until the rights pass to the young person (end of compulsory school
      age), or longer where the young person lacks capacity and the parent acts for them (CFA s.80);
    - young person: their own record, from the end of compulsory school age;
    - administrator, provider, Local Offer officer: no case data.
    """
    if not getattr(user, "is_authenticated", False):
        return Child.objects.none()
    today = today or _today()
    role = user.role
    if role == Role.MANAGER:
        return Child.objects.all()
    if role == Role.CASEWORKER:
        return Child.objects.filter(team_id=user.team_id) if user.team_id else Child.objects.none()
    if role == Role.ADVISER:
        return Child.objects.filter(assessments__advice_requests__adviser=user).distinct()
    if role == Role.PARENT:
        # Born after this date means compulsory school age has not ended yet (checked exactly below).
        linked = Child.objects.filter(family_members__user=user, family_members__has_parental_responsibility=True)
        return linked.filter(Q(pk__in=_still_children(linked, today)) | Q(lacks_capacity=True)).distinct()
    if role == Role.YOUNG_PERSON:
        own = Child.objects.filter(user=user)
        return own.filter(pk__in=[c.pk for c in own if statutory.is_over_compulsory_school_age(c.date_of_birth, today)])
    return Child.objects.none()


def _still_children(children: QuerySet[Child], today: date) -> list[int]:
    return [
        child.pk
        for child in children
        if not statutory.is_over_compulsory_school_age(child.date_of_birth, today)
    ]


def child_get_for(user, pk: int) -> Child | None:
    return children_visible_to(user).filter(pk=pk).first()


def can_see_whole_record(user) -> bool:
    """Advisers see only what they need for their advice, not the whole record."""
    return user.role in CASE_VIEWERS


def can_change_case(user) -> bool:
    return user.role in CASE_STAFF
