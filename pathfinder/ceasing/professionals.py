"""Who else hears of a decision to cease (reg 31(2)): the school or college and the health body involved.

The regulation requires the council to notify, besides the family, the head teacher or principal of the
institution named in the plan and the health commissioning body. In Pathfinder they are the organisations
involved with the child as its school or setting and as its health body (people.Involvement, capacities ``school``
and ``health``): their administrators are told, with the date and a link to the plan behind sign-in. Where none
is recorded, the decision page says so, so the caseworker sends the notice to them by hand.
Called inside the decision's transaction, so the messages go only if the decision is saved.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from pathfinder.ceasing import messages
from pathfinder.notifications.kinds import link
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send
from pathfinder.organisations.selectors import memberships_active
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import involvements_active
from pathfinder.plans.models import Plan

CAPACITIES = (InvolvementCapacity.SCHOOL, InvolvementCapacity.HEALTH)


def professional_recipients(plan: Plan, on: date) -> list:
    """The school or setting and the health body involved with the plan's child on ``on``, one row each."""
    rows = (involvements_active(on).filter(child_id=plan.child_id, capacity__in=CAPACITIES,
                                           organisation__isnull=False)
            .select_related("organisation").order_by("capacity", "organisation__name"))
    seen, organisations = set(), []
    for row in rows:
        if row.organisation_id not in seen:
            seen.add(row.organisation_id)
            organisations.append(row.organisation)
    return organisations


def professionals_tell_decided(plan: Plan, *, decided_on: date, last_day: date, acting_user) -> list[str]:
    """Tell each involved organisation's administrators of the decision; returns the organisations' names."""
    plan_link = link(reverse("plans:document", kwargs={"child_id": plan.child_id, "plan_id": plan.pk}))
    told = []
    for organisation in professional_recipients(plan, decided_on):
        administrators = (memberships_active(decided_on).filter(organisation=organisation, is_administrator=True)
                          .select_related("user").order_by("pk"))
        for membership in administrators:
            if membership.user.is_active and membership.user_id != getattr(acting_user, "pk", None):
                message_send(to=Recipient.for_user(membership.user), kind=messages.DECIDED_FOR_PROFESSIONALS.key,
                             child=plan.child, values={"date": decided_on, "last_day": last_day, "link": plan_link})
        told.append(organisation.name)
    return told
