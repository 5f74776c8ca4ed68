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


class User(AbstractUser):
    """Anyone who signs in. One role each: people with two jobs have two accounts, so each is audited apart."""

    role = models.CharField(max_length=32, choices=Role.choices)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members")
    job_title = models.CharField(max_length=120, blank=True)
    organisation_name = models.CharField(max_length=200, blank=True, help_text="For advisers: school, NHS trust or service")
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = [models.Index(fields=["role", "team"])]

    @property
    def is_council_staff(self) -> bool:
        """Staff and professionals must use a second factor to sign in."""
        return self.role in STAFF_ROLES

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def is_verified(self) -> bool:  # replaced per request by django-otp's middleware
        return False
