from django.contrib import admin

from pathfinder.core.models import NonWorkingDay


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(admin.ModelAdmin):
    """One-off closed days (for example a bank holiday proclaimed at short notice) that deadlines skip."""

    list_display = ("day", "reason")
