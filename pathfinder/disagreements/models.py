"""Appealable decisions: every decision the council sends that the family may take to the Tribunal.

One row per decision, written in the same transaction as the letter that tells the family (through the seam
``people.decisions.appealable_decision_made``), so mediation, appeals and the family's page all start from one
record with the date the notice was sent.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from pathfinder.disagreements.constants import AppealableKind


class AppealableDecision(models.Model):
    """A decision the family may appeal (CFA 2014 s.51(2)), with the notice that gave them their rights (reg 32).

    ``source_type`` and ``source_id`` name the record that made the decision (for example "assessments.assessment"
    and its id) as plain strings, as ``people.Involvement`` does, so this app need not know the lower domains'
    models and a decision is recorded once however often its service is retried.
    """

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="appealable_decisions")
    kind = models.CharField(max_length=24, choices=AppealableKind.choices)
    decided_on = models.DateField()
    notice_sent = models.DateField(null=True, blank=True, help_text="The day the written notice was sent")
    sections = models.JSONField(
        default=list, blank=True,
        help_text='The plan sections the decision settles ("B", "F", "I"); empty when it is not about contents',
    )
    source_type = models.CharField(max_length=60)
    source_id = models.CharField(max_length=40)
    summary = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source_type", "source_id", "kind"],
                                    name="disagreements_one_decision_per_source_kind"),
        ]
        indexes = [models.Index(fields=["child", "decided_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.decided_on:%-d %B %Y})"


from pathfinder.disagreements.models_complaints import OmbudsmanComplaint, Remedy  # noqa: E402,F401
from pathfinder.disagreements.models_mediation import MediationCase  # noqa: E402,F401
