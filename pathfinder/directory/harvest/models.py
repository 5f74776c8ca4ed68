"""Subscriptions to other directories' ORUK feeds, each harvest's report, and where an imported service came from.

Registered through pathfinder.directory.models (imported at its end), so they belong to the `directory` app.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class FeedSubscription(models.Model):
    """Another directory's ORUK 3.0 API that the Local Offer officer imports from on a schedule."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200, help_text="Whose directory it is, for example a neighbouring council")
    base_url = models.URLField("API address", max_length=500, unique=True)
    website = models.URLField("Its website", max_length=500, blank=True,
                              help_text="Where families can read the directory: linked from each service from it")
    active = models.BooleanField(default=True, help_text="Harvested by the scheduled command")
    last_harvested_at = models.DateTimeField(
        null=True, blank=True, help_text="When the last harvest that finished started: the next asks for changes since"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "directory"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class HarvestRun(models.Model):
    """One harvest of one feed and what came of it: counts and, per service, what happened and why."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subscription = models.ForeignKey(FeedSubscription, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    changed_since = models.DateTimeField(null=True, blank=True, help_text="Asked only for services changed since")
    full = models.BooleanField(default=False, help_text="Asked to read everything, so services gone are withdrawn")
    message = models.TextField(blank=True, help_text="Why the harvest failed, in plain English")
    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    conflicts = models.PositiveIntegerField(default=0)
    withdrawn = models.PositiveIntegerField(default=0, help_text="Gone from the feed, so taken off our Local Offer")
    returned = models.PositiveIntegerField(default=0, help_text="Back in the feed after being withdrawn: shown again")
    pages = models.PositiveIntegerField(default=0, help_text="Pages of the feed's /services read and saved")
    items = models.JSONField(default=list, help_text='[{"remote_id", "name", "outcome", "reason"}], the first '
                                                    'ITEMS_KEPT of each outcome (the counts are exact)')
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        app_label = "directory"
        ordering = ["-started_at"]


class HarvestedService(models.Model):
    """A local service brought in from a feed: its source, its id there, and the local version the last harvest
    wrote. A later local edit bumps Service.version past `harvested_version`, so the next harvest leaves it alone
    and lists a conflict."""

    service = models.OneToOneField("directory.Service", on_delete=models.CASCADE, related_name="harvested_from")
    subscription = models.ForeignKey(FeedSubscription, on_delete=models.PROTECT, related_name="services")
    remote_id = models.CharField(max_length=100)
    remote_modified = models.CharField(max_length=40, blank=True)
    harvested_version = models.PositiveIntegerField()
    harvested_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(null=True, blank=True,
                                        help_text="The start of the last complete listing of the feed that held it")
    gone_since = models.DateTimeField(null=True, blank=True, help_text="When a complete listing first lacked it")
    withdrawn = models.BooleanField(default=False, help_text="Taken off our Local Offer because it left the feed")

    class Meta:
        app_label = "directory"
        constraints = [
            models.UniqueConstraint(fields=["subscription", "remote_id"], name="harvested_once_per_feed"),
        ]

    @property
    def source_url(self) -> str:
        """This service in the other directory's API (the ORUK record it came from)."""
        return f"{self.subscription.base_url}services/{self.remote_id}"

    @property
    def last_checked(self):
        """When a harvest last found it as it is (the last finished harvest asked about every change)."""
        return max(filter(None, [self.harvested_at, self.last_seen_at, self.subscription.last_harvested_at]))


class HarvestConflict(models.Model):
    """A change from the feed (or its disappearance from the feed) to a service edited here since the last
    harvest: the officer decides. Who decided what, and when, is kept on the row and in its history."""

    class Kind(models.TextChoices):
        CHANGED = "changed", "Changed there"
        GONE = "gone", "Gone from their directory"

    class Decision(models.TextChoices):
        OPEN = "", "Waiting for a decision"
        THEIRS = "theirs", "Took the feed's version"
        OURS = "ours", "Kept our version"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(HarvestRun, on_delete=models.CASCADE, related_name="conflict_rows")
    link = models.ForeignKey(HarvestedService, on_delete=models.CASCADE, related_name="conflicts")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CHANGED)
    incoming = models.JSONField(null=True, blank=True,
                                help_text="The feed's content, checked, as a revision snapshot (none when gone)")
    remote_modified = models.CharField(max_length=40, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True, default="")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        app_label = "directory"

    def decision_text(self) -> str:
        """What the officer chose, in words that fit the kind of conflict."""
        if self.kind == self.Kind.GONE and self.decision:
            return ("Withdrew it from our Local Offer, as the other directory did" if self.decision == self.Decision.THEIRS
                    else "Kept it in our Local Offer")
        return self.get_decision_display()
