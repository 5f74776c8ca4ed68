"""Mediation steps and Ombudsman remedies on the caseworker's worklist (see core.worklist).

Mediation: the council's own steps that are open (telling the health commissioners, holding mediation within 30
days, doing what a non-appealable agreement says), with their due dates and citations from
``statutory.mediation_timeline``. Remedies: each not yet done, due on the Ombudsman's compliance date. Only the
caseworker's own cases: the child is in their team, as ``people.selectors`` counts a team's cases.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from pathfinder.core.worklist import WorklistItem, register_worklist_provider
from pathfinder.disagreements.mediation import mediation_timeline
from pathfinder.disagreements.models_complaints import ComplaintStatus, Remedy
from pathfinder.disagreements.models_mediation import MediationCase, MediationStatus

#: The council's steps (the family's and the mediation service's are theirs).
COUNCIL_STEPS = frozenset({"notify_health", "hold_mediation", "agreement_non_appealable"})
LGSCO_URL = "https://www.lgo.org.uk/"


def _own(user) -> dict:
    team_id = getattr(user, "team_id", None)
    return {"child__team_id": team_id} if team_id else {"child__team_id": -1}


@register_worklist_provider
def mediation_steps(user, today: date) -> list[WorklistItem]:
    """The council's open mediation steps on the user's team's cases."""
    own = {f"decision__{k}": v for k, v in _own(user).items()}
    rows = (MediationCase.objects.filter(**own).exclude(status=MediationStatus.AGREEMENT_DONE)
            .select_related("decision__child").order_by("pk"))
    items = []
    for case in rows:
        child = case.decision.child
        url = reverse("disagreements:decision", kwargs={"child_id": child.pk, "decision_id": case.decision_id})
        for step in mediation_timeline(case, today).open:
            if step.step in COUNCIL_STEPS:
                items.append(WorklistItem(child=child, title=step.label, due=step.due, url=url,
                                          reason=step.citation, reason_url=step.rule.url, today=today,
                                          sort_key=(child.legal_last_name, case.pk)))
    return items


@register_worklist_provider
def remedies_due(user, today: date) -> list[WorklistItem]:
    """Each Ombudsman remedy not yet done on the user's team's cases."""
    own = {f"complaint__{k}": v for k, v in _own(user).items()}
    rows = (Remedy.objects.filter(done_on__isnull=True, complaint__status=ComplaintStatus.DECIDED, **own)
            .select_related("complaint__child").order_by("due_on", "pk"))
    return [WorklistItem(
        child=r.complaint.child, title=f"Ombudsman remedy: {r.description}", due=r.due_on, today=today,
        url=reverse("disagreements:complaint", kwargs={"child_id": r.complaint.child_id,
                                                       "complaint_id": r.complaint_id}),
        reason="The Ombudsman's compliance date", reason_url=LGSCO_URL,
        sort_key=(r.complaint.child.legal_last_name, r.pk)) for r in rows]
