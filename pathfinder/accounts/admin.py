from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from pathfinder.accounts import device_admin  # noqa: F401  (replaces django-otp's admin, which shows secrets)
from pathfinder.accounts.models import Team, User


@admin.register(User)
class PathfinderUserAdmin(UserAdmin):
    """Administrators manage sign-ins and roles. They see no case data."""

    list_display = ("username", "first_name", "last_name", "role", "team", "is_active")
    list_filter = ("role", "team", "is_active")
    search_fields = ("username", "first_name", "last_name", "email")
    fieldsets = (*UserAdmin.fieldsets, ("Pathfinder", {"fields": ("role", "team", "job_title", "organisation_name", "phone")}))
    add_fieldsets = (*UserAdmin.add_fieldsets, ("Pathfinder", {"fields": ("role", "team")}))


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "area")
