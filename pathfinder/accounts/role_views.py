"""Changes of role waiting for a second person: another administrator or a SEND manager approves or refuses.

Managers cannot use the admin site, so the decision is made here, on a GOV.UK page that works without
JavaScript; administrators ask for changes in the admin and decide others' requests here too.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from pathfinder.accounts import services
from pathfinder.accounts.models import RoleChangeRequest, RoleChangeStatus, StaffInvitation
from pathfinder.accounts.roles import ROLE_APPROVERS as APPROVERS
from pathfinder.accounts.setup_forms import RoleDecisionForm
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError

TITLE = "Changes of role"


def _render_list(request: HttpRequest, *, error: str = "", status: int = 200) -> HttpResponse:
    changes = RoleChangeRequest.objects.select_related("user", "requested_by", "decided_by")
    return render(request, "accounts/role_changes.html", {
        "pending": list(changes.filter(status=RoleChangeStatus.PENDING)),
        "decided": list(changes.exclude(status=RoleChangeStatus.PENDING)[:20]),
        "links": services.staff_invitations_waiting(),
        "error": error, "page_title": f"Error: {TITLE}" if error else TITLE,
    }, status=status)


@for_roles(*APPROVERS)
def role_change_list(request: HttpRequest) -> HttpResponse:
    return _render_list(request)


@for_roles(*APPROVERS)
@require_POST
def role_change_decide(request: HttpRequest, change_id: int) -> HttpResponse:
    change = get_object_or_404(RoleChangeRequest, pk=change_id)
    form = RoleDecisionForm(request.POST)
    if not form.is_valid():
        return _render_list(request, error=form.errors["decision"][0], status=400)
    try:
        services.role_change_decide(acting_user=request.user, change=change,
                                    approve=form.cleaned_data["decision"] == "approve", request=request)
    except ServiceError as error:
        return _render_list(request, error=error.message, status=400)
    verb = "approved" if form.cleaned_data["decision"] == "approve" else "refused"
    messages.success(request, f"You {verb} the change of role for {change.user.display_name}")
    return redirect("accounts:role-changes")


@for_roles(*APPROVERS)
@require_POST
def invitation_approve(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(StaffInvitation, pk=invitation_id)
    try:
        services.staff_invitation_approve(acting_user=request.user, invitation=invitation, request=request)
    except ServiceError as error:
        return _render_list(request, error=error.message, status=400)
    messages.success(request, f"You approved the set-up link for {invitation.user.display_name}")
    return redirect("accounts:role-changes")
