"""The council's administrator sets organisations up and adds each one's first administrator here; from then the
organisation's own administrators manage their colleagues on its pages (organisations.views).

A membership is added through organisations.services (so it is checked and audited) and never changed here:
removing someone, and passing their work on, is the organisation's page, which hands their open work over.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from pathfinder.accounts.roles import Role
from pathfinder.organisations import services
from pathfinder.organisations.models import Membership, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "urn", "la_code", "ods_code")
    list_filter = ("kind", "la_code")
    search_fields = ("name", "urn", "la_code", "ods_code")


class MembershipAdminForm(forms.ModelForm):
    """Checks what organisations.services would refuse, so the admin shows it on the form."""

    class Meta:
        model = Membership
        fields = ("organisation", "user", "is_administrator", "starts_on")

    def clean(self) -> dict:
        data = super().clean()
        user, organisation = data.get("user"), data.get("organisation")
        if user is not None and (user.role != Role.ADVISER or not user.is_active):
            self.add_error("user", "Only an adviser's account can be added to an organisation")
        elif user is not None and organisation is not None and Membership.objects.filter(
                organisation=organisation, user=user, ends_on__isnull=True).exists():
            self.add_error("user", f"{user.display_name} is already a member of {organisation.name}")
        return data


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    form = MembershipAdminForm
    list_display = ("user", "organisation", "is_administrator", "starts_on", "ends_on")
    list_filter = ("organisation", "is_administrator")
    fields = ("organisation", "user", "is_administrator", "starts_on")
    autocomplete_fields = ("organisation",)
    raw_id_fields = ("user",)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # ended on the organisation's page, never deleted: who could see what must stay known

    def save_model(self, request: HttpRequest, obj: Membership, form, change: bool) -> None:
        made = services.organisation_member_add(
            acting_user=request.user, organisation=obj.organisation, user=obj.user,
            is_administrator=obj.is_administrator, on=obj.starts_on, check_administrator=False)
        obj.pk, obj.added_by = made.pk, made.added_by
