"""The admin site for accounts. Administrators manage sign-ins; they cannot give anyone a case role alone.

A user's role is read-only on the change page: a change of role is asked for as a RoleChangeRequest, applied
at once for roles that open no children's records, and otherwise approved by another administrator or a SEND
manager (accounts.role_views). New staff get a single-use link to set up their authenticator app.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from pathfinder.accounts import (
    device_admin,  # noqa: F401  (replaces django-otp's admin, which shows secrets)
    services,
)
from pathfinder.accounts.models import RoleChangeRequest, StaffInvitation, Team, User
from pathfinder.accounts.roles import CASE_ROLES, STAFF_ROLES
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record

PATHFINDER_FIELDS = ("role", "team", "job_title", "organisation_name", "phone")


def _give_set_up_link(request: HttpRequest, user: User) -> None:
    token = services.staff_invitation_create(acting_user=request.user, user=user, request=request)
    link = request.build_absolute_uri(reverse("accounts:set-up", args=[token]))
    waits = (" It works only after a SEND manager or another administrator approves it on "
             f"{reverse('accounts:role-changes')}." if user.role in CASE_ROLES else "")
    messages.warning(request, f"Give {user.username} this link to set up their authenticator app. It works once "
                              f"and is shown only now: {link}{waits}")


@admin.register(User)
class PathfinderUserAdmin(UserAdmin):
    """Administrators manage sign-ins and roles. They see no case data."""

    list_display = ("username", "first_name", "last_name", "role", "team", "is_active")
    list_filter = ("role", "team", "is_active")
    search_fields = ("username", "first_name", "last_name", "email")
    list_per_page = 50
    fieldsets = (*UserAdmin.fieldsets, ("Pathfinder", {"fields": (*PATHFINDER_FIELDS, "change_role")}))
    add_fieldsets = (*UserAdmin.add_fieldsets, ("Pathfinder", {"fields": ("role", "team")}))
    actions = ["make_set_up_link"]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple[str, ...]:
        return ("role", "change_role") if obj is not None else ()

    @admin.display(description="Change of role")
    def change_role(self, obj: User) -> str:
        url = f"{reverse('admin:accounts_rolechangerequest_add')}?user={obj.pk}"
        return format_html('<a href="{}">Ask for a change of role</a>', url)

    def save_model(self, request: HttpRequest, obj: User, form, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        role = form.cleaned_data.get("role", "")
        obj.role = ""  # no role until it is given: a case role waits for a second person's approval
        super().save_model(request, obj, form, change)
        services.user_account_create(acting_user=request.user, user=obj, role=role, request=request)
        obj.refresh_from_db()
        if role in STAFF_ROLES:
            _give_set_up_link(request, obj)

    def log_change(self, request: HttpRequest, obj: User, message):
        """Every change to an account in the admin (a new password included) also goes to the audit trail."""
        entry = super().log_change(request, obj, message)
        audit_event_record(
            acting_user=request.user, action=AuditAction.UPDATE, obj=obj, request=request,
            what=f"changed the account {obj.username} in the admin: {entry.get_change_message() or 'no fields'}",
        )
        return entry

    @admin.action(description="Make a new authenticator set-up link")
    def make_set_up_link(self, request: HttpRequest, queryset) -> None:
        for user in queryset:
            _give_set_up_link(request, user)


class RoleChangeRequestForm(forms.ModelForm):
    class Meta:
        model = RoleChangeRequest
        fields = ("user", "to_role")

    def clean(self) -> dict:
        data = super().clean()
        if data.get("user") and data.get("to_role"):
            if problem := services.role_change_problem(user=data["user"], role=data["to_role"]):
                raise forms.ValidationError(problem)
        return data


@admin.register(RoleChangeRequest)
class RoleChangeRequestAdmin(admin.ModelAdmin):
    """Ask for a change of role. Kept for ever; decided on the 'Changes of role' page, never edited here."""

    form = RoleChangeRequestForm
    list_display = ("user", "from_role", "to_role", "status", "requested_by", "requested_at", "decided_by")
    list_filter = ("status", "to_role")
    list_select_related = ("user", "requested_by", "decided_by")
    raw_id_fields = ("user",)
    search_fields = ("user__username",)
    list_per_page = 50

    def get_fields(self, request: HttpRequest, obj=None):
        if obj is None:
            return ("user", "to_role")
        return ("user", "from_role", "to_role", "status", "requested_by", "requested_at", "decided_by", "decided_at")

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return () if obj is None else self.get_fields(request, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: RoleChangeRequest, form, change: bool) -> None:
        made = services.user_role_change(acting_user=request.user, user=obj.user, role=obj.to_role, request=request)
        obj.pk = made.pk
        obj.refresh_from_db()
        decide = reverse("accounts:role-changes")
        if obj.status == "pending":
            messages.info(request, f"Another administrator or a SEND manager must approve this on {decide}")


@admin.register(StaffInvitation)
class StaffInvitationAdmin(admin.ModelAdmin):
    """Who was sent a set-up link, and whether it was used. The token itself is never kept."""

    list_display = ("user", "created_by", "created_at", "expires_at", "used_at")
    list_select_related = ("user", "created_by")
    fields = ("user", "created_by", "created_at", "expires_at", "used_at")
    readonly_fields = fields
    list_per_page = 50

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "area")
