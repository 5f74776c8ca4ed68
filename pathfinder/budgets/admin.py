"""The council's personal budget settings in the admin: one row, changed by an administrator, its history kept."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pathfinder.budgets.models_money import BudgetSettings


@admin.register(BudgetSettings)
class BudgetSettingsAdmin(SimpleHistoryAdmin):
    """Review dates and alert thresholds are the council's to set (PB Regs regs 9 to 11 give no frequency we could
    confirm), so they are one row here rather than constants; there is only ever the one row."""

    list_display = ("unspent_alert_percent", "unspent_alert_after_weeks", "first_review_within_months",
                    "review_every_months", "updated_at")
    readonly_fields = ("updated_at", "updated_by")

    def has_add_permission(self, request) -> bool:
        return not BudgetSettings.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
