"""The mediation service's pages (/mediation/...): the mediations referred to it, one mediation, and its steps.

Least privilege: a mediation service is not involved with the child, so it never opens the child's record
(``people.access.child_view`` would refuse it). It sees only mediations referred to its organisation, only what
mediation needs (the child's name and date of birth, the decision, the dates and the issues), and every read is
audited against the child as ``child_view`` does.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record, audit_read, audit_reads
from pathfinder.core.access import for_roles
from pathfinder.disagreements import mediation
from pathfinder.disagreements.models_mediation import MediationCase, MediationStatus
from pathfinder.disagreements.selectors import decision_rights, mediations_for_service
from pathfinder.disagreements.views import STEP_FORMS, step_form, step_save

#: Where the service's part has ended: a certificate lets the family appeal; an agreement carried out.
FINISHED = frozenset({MediationStatus.CERTIFICATE, MediationStatus.AGREEMENT_DONE})


def _case(request: HttpRequest, case_id: int, what: str) -> MediationCase:
    case = mediations_for_service(request.user, timezone.localdate()).filter(pk=case_id).first()
    if case is None:
        audit_event_record(acting_user=request.user, action=AuditAction.DENIED, request=request,
                           what=f"was refused {what} (a mediation not referred to them)")
        raise Http404("No such mediation for this service")
    if request.method == "GET":
        audit_read(request, case.decision.child, what, obj=case)
    return case


def case_url(case: MediationCase) -> str:
    return reverse("disagreements:service-case", kwargs={"case_id": case.pk})


@for_roles(Role.MEDIATOR)
def service_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    cases = list(mediations_for_service(request.user, today).order_by("adviser_contacted", "pk"))
    audit_reads(request, [c.decision.child for c in cases], "mediations referred to the service")
    # Open first, oldest contact first (the family's 30 days run from then); finished ones after, newest first.
    finished = [c for c in reversed(cases) if c.status in FINISHED]
    return render(request, "disagreements/service_list.html", {
        "cases": cases, "open_cases": [c for c in cases if c.status not in FINISHED], "finished_cases": finished,
        "page_title": "Mediations", "today": today,
    })


@for_roles(Role.MEDIATOR)
def service_case(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, "a mediation (mediation service)")
    today = timezone.localdate()
    return render(request, "disagreements/service_case.html", {
        "case": case, "decision": case.decision, "child": case.decision.child,
        "rights": decision_rights(case.decision), "timeline": mediation.mediation_timeline(case, today),
        "steps": mediation.allowed_steps(case, by_mediation_service=True), "today": today,
        "page_title": "Mediation",
    })


@for_roles(Role.MEDIATOR)
def service_step(request: HttpRequest, case_id: int, action: str) -> HttpResponse:
    if action not in STEP_FORMS or action not in mediation.MEDIATION_SERVICE_STEPS:
        raise Http404("No such step")
    case = _case(request, case_id, "recording a mediation step (mediation service)")
    form = step_form(action, request.POST or None, case)
    if request.method == "POST" and form.is_valid() and step_save(request, case, action, form,
                                                                  by_mediation_service=True):
        return redirect(case_url(case))
    if request.method != "GET":
        audit_read(request, case.decision.child, "recording a mediation step (shown again)", obj=case)
    return render(request, "core/form_page.html", {
        "form": form, "page_title": mediation.WORKFLOW[action].label, "caption": case.decision.child.full_name,
        "back_url": case_url(case), "submit_text": "Save",
    })
