"""Plans moving with a family to or from another council (SEND Regulations 2014 reg 15; spec section 3.3).

Two records, one for each side of a move: ``TransferOut`` (we are the old council: we must send the plan, reg
15(2)) and ``TransferIn`` (we are the new council: we must tell the family what we will do, reg 15(4), and review
the plan, reg 15(5)). Their statuses change only through ``transfers.workflow``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

#: SEN2 return, CeaseReason 5: "transferred to another LA" (the plan ends here because it moved).
SEN2_CEASE_TRANSFERRED = "5"


class TransferOutStatus(models.TextChoices):
    TO_SEND = "to_send", "Plan to send"
    SENT = "sent", "Plan sent"
    WITHDRAWN = "withdrawn", "Not moving after all"


class TransferOut(models.Model):
    """A family moving to another council: the plan to send, by the day the law gives (reg 15(2))."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="transfers_out")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="transfers_out")
    to_la_code = models.CharField("New council's DfE LA code", max_length=3)
    to_la_name = models.CharField("New council", max_length=120)
    move_on = models.DateField(help_text="The day the family moves")
    aware_on = models.DateField(help_text="The day we learnt of the move")
    due_on = models.DateField(help_text="The last day to send the plan (statutory.transfer_out_due)")
    sent_on = models.DateField(null=True, blank=True)
    bundle_sha256 = models.CharField(max_length=64, blank=True,
                                     help_text="The SHA-256 of the bundle as sent, to compare with a later copy")
    sen2_cease_reason = models.CharField(max_length=2, default=SEN2_CEASE_TRANSFERRED,
                                         help_text="SEN2 CeaseReason when the plan ends here (5: transferred)")
    status = models.CharField(max_length=10, choices=TransferOutStatus.choices, default=TransferOutStatus.TO_SEND)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan"], condition=models.Q(status="to_send"),
                                    name="one_transfer_to_send_per_plan"),
        ]
        # The worklist: plans still to send, by due date, across the council.
        indexes = [models.Index(fields=["status", "due_on"], name="transfer_out_status_due")]

    def __str__(self) -> str:
        return f"Move to {self.to_la_name} on {self.move_on:%-d %B %Y}"

    @property
    def is_sent(self) -> bool:
        return self.status == TransferOutStatus.SENT


class TransferInStatus(models.TextChoices):
    NOTICE_DUE = "notice_due", "Family to be told"
    NOTICE_SENT = "notice_sent", "Family told"


class TransferIn(models.Model):
    """A plan another council transferred to us: the child and plan made here from its bundle, and our duties."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="transfers_in")
    plan = models.OneToOneField("plans.Plan", on_delete=models.PROTECT, related_name="transfer_in")
    from_la_code = models.CharField("Old council's DfE LA code", max_length=3)
    from_la_name = models.CharField("Old council", max_length=120)
    from_contacts = models.JSONField(default=dict, help_text="The old council's SEND team, as the bundle gave it")
    move_on = models.DateField(null=True, blank=True, help_text="The day the family moved, as the bundle gave it")
    transferred_on = models.DateField(help_text="The day the plan was transferred to us (reg 15(3))")
    notice_due_on = models.DateField(help_text="The last day to tell the family (reg 15(4))")
    notice_sent_on = models.DateField(null=True, blank=True)
    will_assess = models.BooleanField(null=True, help_text="Whether we will make an EHC needs assessment")
    review_proposed_on = models.DateField(null=True, blank=True, help_text="When we told the family we will review")
    advice = models.JSONField(default=list, help_text="The advice the old council received, as structured text")
    bundle_sha256 = models.CharField(max_length=64, help_text="The SHA-256 of the bundle file we imported")
    status = models.CharField(max_length=12, choices=TransferInStatus.choices, default=TransferInStatus.NOTICE_DUE)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["status", "notice_due_on"], name="transfer_in_status_due")]

    def __str__(self) -> str:
        return f"Plan transferred from {self.from_la_name} on {self.transferred_on:%-d %B %Y}"

    @property
    def is_notice_sent(self) -> bool:
        return self.status == TransferInStatus.NOTICE_SENT
