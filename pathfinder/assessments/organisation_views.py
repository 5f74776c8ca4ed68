"""An organisation's advice queue (its home page), taking and giving out requests, and the council's backlog."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.assessments import backlog
from pathfinder.assessments.letters import periods
from pathfinder.assessments.organisation_work import advice_assign, advice_take, organisation_queue
from pathfinder.assessments.queue_forms import AdviceAssignForm
from pathfinder.assessments.services import advice_due_on
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.organisations.selectors import current_members, membership_of, organisation_for_member


def _organisation_or_404(request: HttpRequest, organisation_id: int):
    organisation = organisation_for_member(request.user, organisation_id)
    if organisation is None:
        raise Http404("No such organisation for this user")
    return organisation, membership_of(request.user, organisation)


@for_roles(Role.ADVISER)
def queue(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """The organisation's open advice requests, oldest first, with their reg 8(1) due dates and exceptions."""
    organisation, own = _organisation_or_404(request, organisation_id)
    today = timezone.localdate()
    members = list(current_members(organisation, today))
    rows = []
    for advice in organisation_queue(organisation).filter(received_on__isnull=True):
        due = advice_due_on(advice)
        rows.append({
            "advice": advice, "due": due, "overdue": bool(due and due < today),
            "assign_form": AdviceAssignForm(members=members, prefix=f"a{advice.pk}",
                                            initial={"assigned_to": str(advice.assigned_to_id or "queue")})
            if own.is_administrator else None,
        })
    audit_reads(request, [row["advice"].assessment.child for row in rows], f"advice queue of {organisation.name}")
    return render(request, "assessments/organisation_queue.html", {
        "organisation": organisation, "own": own, "rows": rows, "periods": periods(),
        "page_title": f"Advice queue: {organisation.name}",
    })


def _queued(organisation, advice_id: int):
    return get_object_or_404(organisation_queue(organisation).filter(received_on__isnull=True), pk=advice_id)


@for_roles(Role.ADVISER)
@require_POST
def take(request: HttpRequest, organisation_id: int, advice_id: int) -> HttpResponse:
    organisation, _own = _organisation_or_404(request, organisation_id)
    advice = _queued(organisation, advice_id)
    try:
        advice_take(acting_user=request.user, advice=advice)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("assessments:organisation-queue", organisation_id=organisation.pk)
    messages.success(request, f"You are now doing the advice about {advice.assessment.child.full_name}.")
    return redirect("assessments:advice-give", advice_id=advice.pk)


@for_roles(Role.ADVISER)
@require_POST
def assign(request: HttpRequest, organisation_id: int, advice_id: int) -> HttpResponse:
    organisation, own = _organisation_or_404(request, organisation_id)
    if not own.is_administrator:
        raise Http404("Only administrators give out requests")
    advice = _queued(organisation, advice_id)
    form = AdviceAssignForm(request.POST, members=current_members(organisation), prefix=f"a{advice.pk}")
    if not form.is_valid():
        messages.error(request, "Select who should do the advice")
    else:
        try:
            advice_assign(acting_user=request.user, advice=advice, to_user=form.cleaned_data["assigned_to"])
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            to = form.cleaned_data["assigned_to"]
            messages.success(request, f"The advice about {advice.assessment.child.full_name} is now "
                             + (f"with {to.display_name}." if to else "back in the queue."))
    return redirect("assessments:organisation-queue", organisation_id=organisation.pk)


@for_roles(*CASE_STAFF)
def advice_backlog(request: HttpRequest) -> HttpResponse:
    """Advice still awaited, by organisation and by profession: how many, how many overdue, the oldest."""
    today = timezone.localdate()
    return render(request, "assessments/advice_backlog.html", {
        "today": today, "by_organisation": backlog.backlog_by_organisation(today),
        "by_kind": backlog.backlog_by_kind(today), "periods": periods(), "page_title": "Advice backlog",
    })
