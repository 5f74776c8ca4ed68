"""What an import leaves behind: the run with its report, and the link from each legacy row to ours."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportFormat(models.TextChoices):
    CSV = "csv", "Pathfinder caseload template (CSV files)"
    SEN2 = "sen2", "SEN2 return (XML)"


class ImportStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to start"
    RUNNING = "running", "Running"
    CHECKED = "checked", "Checked (dry run): nothing written"
    IMPORTED = "imported", "Imported"
    FAILED = "failed", "Failed: nothing written"


class ImportRun(models.Model):
    """One dry run or real run of a caseload import: who ran it, on what, the counts per file and every refused
    row and warning. Kept as the audit trail of the records it wrote (bulk writes have no row history), and as the
    report the administrator reads and downloads."""

    format = models.CharField(max_length=4, choices=ImportFormat.choices)
    source_system = models.CharField(max_length=60, help_text="The legacy system the ids come from")
    file_name = models.CharField(max_length=255)
    commit = models.BooleanField(default=False, help_text="A real run; otherwise a dry run that writes nothing")
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.WAITING)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    team_name = models.CharField(max_length=120, blank=True,
                                 help_text="The team for children whose row names none (made if it is new)")
    upload_path = models.CharField(max_length=500, blank=True, help_text="The uploaded file, kept until imported")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True, help_text="By file: read, imported, updated, refused")
    problems = models.JSONField(default=list, blank=True, help_text="Every refused row and warning")
    message = models.TextField(blank=True, help_text="Why the run stopped, if it did")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Caseload import {self.pk} ({self.get_status_display()})"

    @property
    def refused(self) -> list[dict]:
        return [p for p in self.problems if p["level"] == "refused"]

    @property
    def warnings(self) -> list[dict]:
        return [p for p in self.problems if p["level"] == "warning"]


class LegacyLink(models.Model):
    """A legacy system's id for one of its rows, and the Pathfinder row it became: running the import again
    updates that row instead of adding another (issue 10: idempotent, matched on the legacy system's id)."""

    source_system = models.CharField(max_length=60)
    record_type = models.CharField(max_length=12, help_text="The template file: children, plans, ...")
    legacy_id = models.CharField(max_length=80)
    object_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source_system", "record_type", "legacy_id"],
                                               name="one_link_per_legacy_id")]
        indexes = [models.Index(fields=["record_type", "object_id"], name="legacy_link_by_object")]

    def __str__(self) -> str:
        return f"{self.source_system} {self.record_type} {self.legacy_id} -> {self.object_id}"
