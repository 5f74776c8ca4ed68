"""Organisations that take part in casework as organisations: a school, an NHS trust's service, a social care team.

Why organisations and not people: a school's SENCO leaves, but the school is still involved with the child. The
council grants involvement to the organisation (people.models.Involvement.organisation), and the organisation's
own administrators decide who works for it in Pathfinder (Membership). Access follows membership on the day, so
a colleague removed today loses access today.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords


class OrganisationKind(models.TextChoices):
    SCHOOL = "school", "School or college"
    EARLY_YEARS = "early_years", "Early years setting"
    HEALTH = "health", "NHS trust or health service"
    THERAPY = "therapy", "Therapy service"
    SOCIAL_CARE = "social_care", "Social care team"
    EDUCATIONAL_PSYCHOLOGY = "ep", "Educational psychology service"
    MEDIATION = "mediation", "Mediation service"
    OTHER = "other", "Other"


class Organisation(models.Model):
    """A school, setting, health or care service whose members give advice and may see the children the
    organisation is involved with."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=12, choices=OrganisationKind.choices)
    urn = models.CharField("School URN or UKPRN", max_length=8, blank=True)
    ods_code = models.CharField("NHS ODS code", max_length=10, blank=True)
    # Why: a child at a school in another council's area is "placed out of the area" (the inspectors' list of
    # children with plans marks them). The DfE's three-digit LA code, as SEN2 and GIAS write it.
    la_code = models.CharField(
        "Local authority the setting is in (DfE LA code)", max_length=3, blank=True, default="", db_default="",
        validators=[RegexValidator(r"^[0-9]{3}$", "Enter the DfE LA code: 3 numbers, for example 873")],
        help_text="For a school, college or setting: the council whose area it is in, as 3 numbers (for example "
                  "873). Leave blank if not known.")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """One adviser's membership of an organisation, from ``starts_on`` until ``ends_on`` (exclusive, like
    people.models.Involvement: the first day it no longer applies; empty while they are still a member).

    A removed member's row is ended, never deleted, so who could see what through the organisation stays known.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships")
    is_administrator = models.BooleanField(default=False, help_text="Adds and removes colleagues, passes work on")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True, help_text="The first day it no longer applies; empty if open")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_on_or_after_start",
            ),
            # One open membership per person and organisation: adding someone twice is refused, not doubled.
            models.UniqueConstraint(fields=["organisation", "user"], condition=models.Q(ends_on__isnull=True),
                                    name="one_open_membership_per_person"),
        ]
        # children_visible_to: "this user's memberships active on a day".
        indexes = [models.Index(fields=["user", "starts_on"], name="membership_by_user")]

    def __str__(self) -> str:
        return f"{self.user} at {self.organisation}"

    def is_active_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day < self.ends_on)
