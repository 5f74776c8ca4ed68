"""What the plan's page says about ceasing it (registered with plans.plan_notes from this app's ready())."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils import formats

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.ceasing.models import CessationStatus as S
from pathfinder.plans.models import PlanStatus
from pathfinder.plans.plan_notes import PlanNote


def _d(day) -> str:
    return formats.date_format(day, "j F Y")


def cease_notes(request, plan) -> Iterable[PlanNote]:
    """Staff: where ceasing stands, with a link to its page. The family: the same in short sentences."""
    staff = getattr(request.user, "role", None) in CASE_STAFF
    url = reverse("ceasing:plan", kwargs={"child_id": plan.child_id, "plan_id": plan.pk})
    cessation = plan.cessations.exclude(status=S.WITHDRAWN).first()
    if cessation is None:
        if staff and plan.status == PlanStatus.FINAL:
            return [PlanNote("", "Propose to cease the plan", reverse("ceasing:propose", kwargs={
                "child_id": plan.child_id, "plan_id": plan.pk}))]
        return []
    if cessation.status == S.CEASED:
        text = f"This plan ceased on {_d(cessation.ceases_on)}." if staff else \
            f"This plan ended on {_d(cessation.ceases_on)}."
    elif cessation.status == S.DECIDED:
        until = cessation.in_force_until
        if staff:
            text = (f"Ceasing decided on {_d(cessation.decided_on)}: " +
                    (f"in force until {_d(until)}." if until else
                     "an appeal was lodged, so the plan is in force until the Tribunal decides."))
        else:
            text = ("We have decided to end this plan. " +
                    (f"It stays in place until {_d(until)}. You can appeal until then." if until else
                     "You appealed. The plan stays in place until the Tribunal decides."))
    else:
        text = f"Ceasing proposed on {_d(cessation.proposed_on)}." if staff else \
            "We are thinking about ending this plan. Nothing changes yet. We will ask what you think."
    return [PlanNote(text, "Ceasing the plan", url)] if staff else [PlanNote(text)]
