from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from pathfinder.accounts.roles import STAFF_ROLES, Role


class Team(models.Model):
    """A team of SEND caseworkers, usually one per area of the county."""

    name = models.CharField(max_length=120, unique=True)
    area = models.CharField(max_length=120, blank=True)

    def __str__(self) -> str:
        return self.name


class ContactPreference(models.TextChoices):
    """How someone wants to hear from us (pathfinder.notifications sends by it). A letter is printed and posted."""

    EMAIL = "email", "Email"
    SMS = "sms", "Text message"
    LETTER = "letter", "Letter"


class User(AbstractUser):
    """Anyone who signs in. One role each: people with two jobs have two accounts, so each is audited apart."""

    role = models.CharField(max_length=32, choices=Role.choices)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members")
    job_title = models.CharField(max_length=120, blank=True)
    organisation_name = models.CharField(max_length=200, blank=True, help_text="For advisers: school, NHS trust or service")
    phone = models.CharField(max_length=40, blank=True)
    contact_preference = models.CharField(
        max_length=10, choices=ContactPreference.choices, default=ContactPreference.EMAIL,
        help_text="How we tell them what happens next: email, text message or letter",
    )
    postal_address = models.TextField(blank=True, help_text="For letters, if they choose to be sent letters")

    class Meta:
        indexes = [models.Index(fields=["role", "team"])]

    @property
    def is_council_staff(self) -> bool:
        """Staff and professionals must use a second factor to sign in."""
        return self.role in STAFF_ROLES

    def __str__(self) -> str:
        """Name first, so any list that picks a user (the admin's too) shows who they are, not "cw00003"."""
        full = self.get_full_name()
        return f"{full} ({self.username})" if full else self.username

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def is_verified(self) -> bool:  # replaced per request by django-otp's middleware
        return False


class RoleChangeStatus(models.TextChoices):
    PENDING = "pending", "Waiting for approval"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"


class RoleChangeRequest(models.Model):
    """A change of someone's role. A case role (which opens children's records) waits for a second person.

    Kept for every change, direct or approved, so the history of who could see what, and who allowed it, stays.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_changes")
    from_role = models.CharField(max_length=32, blank=True)
    to_role = models.CharField(max_length=32, choices=Role.choices)
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=RoleChangeStatus.choices, default=RoleChangeStatus.PENDING)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["status", "-requested_at"])]

    def __str__(self) -> str:
        return f"{self.user} to {self.get_to_role_display()} ({self.get_status_display()})"


class StaffInvitation(models.Model):
    """A single-use link with which a new member of staff sets up their authenticator app.

    Only a hash of the token is kept, so the database alone cannot be used to set up someone else's device.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    # A link for an account that already holds a case role would let its maker set up their own phone on it
    # (after resetting its password): such a link works only once a second person approves it.
    needs_approval = models.BooleanField(default=False)
    approved_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.user} (made {self.created_at:%Y-%m-%d %H:%M})"
