"""An adviser's organisations, and the administrator's pages for colleagues. Thin: the rules are in services."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.organisations import forms, handovers, services
from pathfinder.organisations.selectors import (
    current_members,
    membership_of,
    organisation_for_member,
    organisations_of,
)


def _organisation_or_404(request: HttpRequest, organisation_id: int):
    """The organisation, only if the user is a member today: to anyone else it does not exist."""
    organisation = organisation_for_member(request.user, organisation_id)
    if organisation is None:
        raise Http404("No such organisation for this user")
    return organisation, membership_of(request.user, organisation)


@for_roles(Role.ADVISER)
def mine(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = [{"organisation": o, "membership": membership_of(request.user, o, today)}
            for o in organisations_of(request.user, today)]
    return render(request, "organisations/mine.html", {"rows": rows, "page_title": "Your organisation"})


@for_roles(Role.ADVISER)
def members(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """Colleagues; an administrator adds one here by their account's email address."""
    organisation, own = _organisation_or_404(request, organisation_id)
    form = forms.MemberAddForm(request.POST or None) if own.is_administrator else None
    if request.method == "POST":
        if form is None:
            raise Http404("Only administrators change members")
        if form.is_valid():
            try:
                added = services.organisation_member_add(
                    acting_user=request.user, organisation=organisation, user=form.cleaned_data["email"],
                    is_administrator=form.cleaned_data["is_administrator"])
            except ServiceError as error:
                form_add_service_error(form, error, field_map={"user": "email"})
            else:
                messages.success(request, f"{added.user.display_name} is now a member of {organisation.name}.")
                return redirect("organisations:members", organisation_id=organisation.pk)
    return render(request, "organisations/members.html", {
        "organisation": organisation, "own": own, "form": form, "members": current_members(organisation),
        "page_title": f"Colleagues at {organisation.name}",
    })


@for_roles(Role.ADVISER)
def member_remove(request: HttpRequest, organisation_id: int, membership_id: int) -> HttpResponse:
    """Remove a colleague and say who takes on their open work (or the queue)."""
    organisation, own = _organisation_or_404(request, organisation_id)
    if not own.is_administrator:
        raise Http404("Only administrators change members")
    leaving = get_object_or_404(current_members(organisation), pk=membership_id)
    colleagues = [m for m in current_members(organisation) if m.pk != leaving.pk]
    form = forms.MemberRemoveForm(request.POST or None, colleagues=colleagues)
    if request.method == "POST" and form.is_valid():
        try:
            passed = services.organisation_member_remove(acting_user=request.user, membership=leaving,
                                                         pass_to=form.cleaned_data["pass_to"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            to = form.cleaned_data["pass_to"]
            moved = sum(passed.values())
            messages.success(request, f"{leaving.user.display_name} has been removed from {organisation.name}. "
                             f"{moved} open {'item' if moved == 1 else 'items'} "
                             + (f"passed to {to.display_name}." if to else "put back in the queue."))
            return redirect("organisations:members", organisation_id=organisation.pk)
    return render(request, "organisations/member_remove.html", {
        "organisation": organisation, "leaving": leaving, "form": form,
        "open_work": handovers.open_work_of(leaving),
        "page_title": f"Remove {leaving.user.display_name} from {organisation.name}",
    })
