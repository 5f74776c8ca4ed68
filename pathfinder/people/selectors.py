"""Which children a user may see. Every query for a child's record goes through here (deny by default)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF, CASE_VIEWERS, Role
from pathfinder.organisations.selectors import active_organisation_ids
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import involvements_active
from pathfinder.people.models import Child

# The involvement that opens a child's record to each role (people.models.Involvement).
_CAPACITY_FOR_ROLE = {
    Role.ADVISER: InvolvementCapacity.ADVISER,
    Role.PARENT: InvolvementCapacity.PARENT,
    Role.YOUNG_PERSON: InvolvementCapacity.YOUNG_PERSON,
}


def _today() -> date:
    return timezone.localdate()


def children_visible_to(user, *, today: date | None = None) -> QuerySet[Child]:
    """The children this user may open on ``today``: those they have an involvement with that is active then
    (starts_on <= today < ends_on, ends_on being the first day it no longer applies, or empty).

    - caseworker: the children their team is involved with (capacity team: the allocated team);
    - adviser: the children they were asked to advise on, until the set number of days after their advice is
      received (capacity adviser, PATHFINDER_ADVISER_ACCESS_AFTER_ADVICE_DAYS), whether the involvement names
      them or an organisation they are a member of on ``today`` (a school, an NHS service: membership is read on
      the day, so a colleague removed today sees nothing today), and the children whose review a school they
      are a member of runs (capacity school, from the day the review starts until its decision: reviews), and
      the children whose personal budget a health organisation they belong to was asked to agree (capacity
      health, while the request is open: budgets);
    - parent or carer with parental responsibility: their own child until the rights pass to the young person
      at the end of compulsory school age, or longer where the young person lacks capacity (CFA s.80);
    - young person: their own record, from the end of compulsory school age;
    - manager: every child of the council, by their role and not by involvement (they oversee every case);
    - administrator, provider, Local Offer officer: no case data.

    The capacity decides the dates when the involvement is recorded (people.involvements), so this only reads
    involvements (and, for advisers, memberships); one subquery on the indexed involvement table (with the
    memberships as a nested subquery of organisation ids), so no duplicate children.
    """
    if not getattr(user, "is_authenticated", False):
        return Child.objects.none()
    today = today or _today()
    role = user.role
    if role == Role.MANAGER:
        return Child.objects.all()
    active = involvements_active(today)
    if role == Role.CASEWORKER:
        if not user.team_id:
            return Child.objects.none()
        involved = active.filter(capacity=InvolvementCapacity.TEAM, team_id=user.team_id)
    elif role == Role.ADVISER:
        # Asked for advice, a member of the school running the child's review (reviews), or of the health
        # organisation asked to agree the NHS share of a personal budget (budgets).
        involved = active.filter(capacity__in=(InvolvementCapacity.ADVISER, InvolvementCapacity.SCHOOL,
                                               InvolvementCapacity.HEALTH)).filter(
            Q(user=user) | Q(organisation_id__in=active_organisation_ids(user, today))
        )
    elif role in _CAPACITY_FOR_ROLE:
        involved = active.filter(capacity=_CAPACITY_FOR_ROLE[role], user=user)
    else:
        return Child.objects.none()
    return Child.objects.filter(pk__in=involved.values("child_id"))


def child_get_for(user, pk: int) -> Child | None:
    return children_visible_to(user).filter(pk=pk).first()


def can_see_whole_record(user) -> bool:
    """Advisers see only what they need for their advice, not the whole record."""
    return user.role in CASE_VIEWERS


def can_change_case(user) -> bool:
    return user.role in CASE_STAFF
