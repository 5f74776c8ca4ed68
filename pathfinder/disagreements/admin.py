"""Appealable decisions in the admin: read-only, because each is written by the service that sent the letter."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pathfinder.disagreements.models import AppealableDecision


@admin.register(AppealableDecision)
class AppealableDecisionAdmin(SimpleHistoryAdmin):
    """For support staff to find a decision; changing one here would bypass the notice it stands for."""

    list_display = ("child", "kind", "decided_on", "notice_sent", "source_type", "source_id")
    list_filter = ("kind",)
    search_fields = ("source_id", "summary")
    raw_id_fields = ("child", "created_by")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
