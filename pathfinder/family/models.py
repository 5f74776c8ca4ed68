"""The family portal's own records: invitations, requests for an account, and requests for an assessment made online.

None of these gives access to a child by itself. Access comes only from involvements (people.involvements),
made when an invitation is used; a request for an account or an assessment waits for a caseworker, who
matches it to a child's record first.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class FamilyInvitation(models.Model):
    """A single-use link with which a parent, carer or young person makes their Pathfinder account.

    Only a hash of the token is kept (as accounts.StaffInvitation does), so the database alone cannot be used
    to take over a family's invitation. ``family_member`` is empty when the invitation is for the young person
    themselves (their own record, from the end of compulsory school age).
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="family_invitations")
    family_member = models.ForeignKey("people.FamilyMember", null=True, blank=True, on_delete=models.CASCADE,
                                      related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="family_invitations_used", help_text="The account made with it")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["family_member", "used_at"])]

    def __str__(self) -> str:
        return f"Invitation for {self.invitee_name} (made {self.created_at:%Y-%m-%d})"

    @property
    def invitee_name(self) -> str:
        return self.family_member.name if self.family_member_id else self.child.full_name

    @property
    def for_young_person(self) -> bool:
        return self.family_member_id is None


class RequestStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to be checked"
    DONE = "done", "Checked and matched"
    REFUSED = "refused", "Refused"


class AccountRequest(models.Model):
    """Someone asked for an account on the public site. Nobody sees anything until a caseworker matches them to a
    child and a family member (verify) or refuses with a reason."""

    name = models.CharField(max_length=200)
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True)
    relationship = models.CharField(max_length=60)
    child_first_name = models.CharField(max_length=100)
    child_last_name = models.CharField(max_length=100)
    child_date_of_birth = models.DateField()
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sender_key = models.CharField(max_length=64, blank=True, help_text="A keyed hash of the address, for the limit")
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.WAITING)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two caseworkers acting at once")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    refusal_reason = models.TextField(blank=True)
    family_member = models.ForeignKey("people.FamilyMember", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    invitation = models.ForeignKey(FamilyInvitation, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"Account request from {self.name}"

    @property
    def full_name(self) -> str:
        """What the caseworker's worklist shows in place of a child's name (there is no record yet)."""
        return f"{self.child_first_name} {self.child_last_name} (not yet matched)"


class RequesterKind(models.TextChoices):
    PARENT = "parent", "I am the child's parent or carer"
    YOUNG_PERSON = "young_person", "I am the young person (16 to 25)"


class OnlineRequest(models.Model):
    """A request for an EHC needs assessment sent from the public site (CFA s.36(1)), with or without an account.

    It counts as received when it is submitted, by the same rule as a request the caseworker records
    (statutory.receipt.request_received_on): ``arrived_on`` and ``arrived_after_hours`` are kept, ``received_on``
    is the day the clock starts, and ``decision_due_on`` the date the family is told in the acknowledgement.
    When the caseworker turns it into a case, the Assessment is made from the same arrival, so the clock is
    not started again.
    """

    reference = models.CharField(max_length=12, unique=True)
    submitted_at = models.DateTimeField()
    arrived_on = models.DateField()
    arrived_after_hours = models.BooleanField(default=False)
    received_on = models.DateField(help_text="The day it counts as received: the clock starts here")
    decision_due_on = models.DateField(help_text="The date the council must tell the family whether it will assess")
    requester_kind = models.CharField(max_length=12, choices=RequesterKind.choices)
    requester_name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=60, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    child_first_name = models.CharField(max_length=100)
    child_last_name = models.CharField(max_length=100)
    child_date_of_birth = models.DateField()
    setting_name = models.CharField(max_length=200, blank=True)
    needs = models.TextField(help_text="What the child finds hard")
    support_so_far = models.TextField(blank=True, help_text="Help they have had so far")
    why_now = models.TextField(blank=True, help_text="Why the family is asking now")
    agrees_to_share = models.BooleanField(default=False, help_text="The family agrees we may ask others for advice")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    sender_key = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.WAITING)
    version = models.PositiveIntegerField(default=1, help_text="Guards against two caseworkers acting at once")
    child = models.ForeignKey("people.Child", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    assessment = models.ForeignKey("assessments.Assessment", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    refusal_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["received_on", "submitted_at"]
        indexes = [models.Index(fields=["status", "received_on"])]

    def __str__(self) -> str:
        return f"Online request {self.reference}"

    @property
    def full_name(self) -> str:
        """What the caseworker's worklist shows in place of a child's name (there is no record yet)."""
        return f"{self.child_first_name} {self.child_last_name} (not yet matched)"
