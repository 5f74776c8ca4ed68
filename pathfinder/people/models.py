from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

import statutory
from pathfinder.people.codes import (
    ContactPreference,
    InvolvementCapacity,
    NeedType,
    SettingCode,
    SettingPhase,
    Sex,
)
from pathfinder.people.names import MAX_KEY_LENGTH, name_search_keys


class Child(models.Model):
    """A child or young person (0 to 25). One record across education, health and social care."""

    legal_first_name = models.CharField(max_length=100)
    legal_last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(db_index=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    la_code = models.CharField("Council responsible (DfE LA code)", max_length=3)
    upn = models.CharField("Unique pupil number (UPN)", max_length=13, blank=True, db_index=True)
    uln = models.CharField("Unique learner number (ULN)", max_length=10, blank=True, db_index=True)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True, db_index=True)
    setting_name = models.CharField("Current school, college or setting", max_length=200, blank=True)
    setting_urn = models.CharField("School URN", max_length=6, blank=True)
    setting_ukprn = models.CharField("Provider UKPRN", max_length=8, blank=True)
    setting_code = models.CharField(
        "Other arrangement (SEN2 setting code)", max_length=4, choices=SettingCode.choices, blank=True
    )
    setting_phase = models.CharField(
        "Phase of the current school", max_length=12, choices=SettingPhase.choices, blank=True, default="", db_default="",
        help_text="Decides which moves next September are phase transfers (reg 2(1), reg 18)",
    )
    communication_needs = models.TextField(blank=True, help_text="How to communicate well with this child")
    first_language = models.CharField(max_length=60, default="English")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="children")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="own_record",
        help_text="The young person's own sign-in, used from the end of compulsory school age",
    )
    lacks_capacity = models.BooleanField(
        default=False,
        help_text="Assessed under the Mental Capacity Act as lacking capacity for SEND decisions (CFA s.80)",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name_plural = "children"
        indexes = [models.Index(fields=["team", "legal_last_name"])]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        """Save, then refresh the name search keys, so that every way a child is saved keeps search in step."""
        super().save(*args, **kwargs)
        keys = name_search_keys(self.legal_first_name, self.legal_last_name, self.preferred_name)
        if set(self.search_keys.values_list("key", flat=True)) != keys:
            self.search_keys.all().delete()
            ChildSearchKey.objects.bulk_create(ChildSearchKey(child=self, key=key) for key in keys)

    @property
    def full_name(self) -> str:
        first = self.preferred_name or self.legal_first_name
        return f"{first} {self.legal_last_name}"

    @property
    def legal_name(self) -> str:
        return f"{self.legal_first_name} {self.legal_last_name}"

    def decision_maker(self, on: date) -> statutory.DecisionMaker:
        """Who holds the rights on that date: parent, young person, or representative (CFA s.80)."""
        has_representative = any(m.is_representative for m in self.family_members.all())
        return statutory.decision_maker(
            self.date_of_birth, on, lacks_capacity=self.lacks_capacity, has_representative=has_representative
        )

    def ranked_needs(self) -> list[ChildNeed]:
        return sorted(self.needs.all(), key=lambda n: n.rank)


class ChildSearchKey(models.Model):
    """One way of writing a child's name, for the caseworker's search (see people.names): one indexed prefix
    lookup finds a full name, a surname or a preferred name among any number of children."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="search_keys")
    key = models.CharField(max_length=MAX_KEY_LENGTH)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["child", "key"], name="one_search_key_per_child")]
        # varchar_pattern_ops lets PostgreSQL use the index for LIKE 'prefix%' whatever the database collation;
        # other databases ignore it (SQLite searches the plain index by range instead).
        indexes = [models.Index(fields=["key"], name="child_search_key_prefix", opclasses=["varchar_pattern_ops"])]

    def __str__(self) -> str:
        return self.key


class ChildNeed(models.Model):
    """A special educational need, ranked: rank 1 is the primary need (SEN2 SENtypeRank)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="needs")
    need_type = models.CharField(max_length=4, choices=NeedType.choices)
    rank = models.PositiveSmallIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["child", "rank"], name="one_need_per_rank")]
        ordering = ["rank"]

    def __str__(self) -> str:
        return f"{self.rank}. {self.get_need_type_display()}"


class FamilyMember(models.Model):
    """A parent, carer or other person in the child's life, and whether they must receive notices."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="family_members")
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=60, help_text="For example: mother, father, foster carer")
    has_parental_responsibility = models.BooleanField(default=True)
    is_representative = models.BooleanField(
        default=False, help_text="Deputy or attorney acting for a young person who lacks capacity (CFA s.80)"
    )
    receives_notices = models.BooleanField(default=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    contact_preference = models.CharField(
        max_length=10, choices=ContactPreference.choices, default=ContactPreference.EMAIL
    )
    needs_interpreter = models.BooleanField(default=False)
    language = models.CharField(max_length=60, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="family_links",
        help_text="The parent's or carer's own sign-in",
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.name} ({self.relationship})"


class Involvement(models.Model):
    """Who is involved with a child, in what capacity, from when, until when, and why.

    It is the only thing that gives access to a child's record (people.selectors.children_visible_to reads
    nothing else, apart from the manager's council-wide role). One row grants one user, one team or one
    organisation (a school, an NHS service: its members on the day see the child, so access does not leave with
    one person; pathfinder.organisations).

    Dates: ``starts_on`` is the first day of the involvement; ``ends_on`` is the first day it *no longer*
    applies (exclusive), or null for open-ended. So it is active on a day D when starts_on <= D < ends_on.
    Exclusive, because then one date hands over: a team moved on D stops and the new team starts on D, and a
    parent's involvement ends on the day the young person's starts; ends_on == starts_on is a row that never
    gave access, which is how a same-day change is kept honestly.

    ``source_type`` and ``source_id`` name the record that created it (for example "assessments.advicerequest"
    and its id), as plain strings, so the domain that made it can find and update it without people knowing
    that domain's models.
    """

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="involvements")
    capacity = models.CharField(max_length=12, choices=InvolvementCapacity.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="involvements",
    )
    team = models.ForeignKey("accounts.Team", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="involvements")
    organisation = models.ForeignKey("organisations.Organisation", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="involvements")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True, help_text="The first day it no longer applies; empty if open")
    reason = models.CharField(max_length=300, help_text="Why, in plain English")
    source_type = models.CharField(max_length=60, blank=True)
    source_id = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="involvement_ends_on_or_after_start",
            ),
            models.CheckConstraint(
                condition=(models.Q(user__isnull=True, team__isnull=True)
                           | models.Q(user__isnull=True, organisation__isnull=True)
                           | models.Q(team__isnull=True, organisation__isnull=True)),
                name="involvement_grants_one_of_user_team_organisation",
            ),
        ]
        # children_visible_to: "this user's (or team's) involvements of this capacity active on a day".
        indexes = [
            models.Index(fields=["user", "capacity", "starts_on"], name="involvement_by_user"),
            models.Index(fields=["team", "capacity", "starts_on"], name="involvement_by_team"),
            models.Index(fields=["organisation", "capacity", "starts_on"], name="involvement_by_organisation"),
            models.Index(fields=["source_type", "source_id"], name="involvement_by_source"),
        ]

    def __str__(self) -> str:
        return f"{self.get_capacity_display()}: {self.reason}"

    def is_active_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day < self.ends_on)


class ConsentGivenBy(models.TextChoices):
    YOUNG_PERSON = "young_person", "The young person, in Pathfinder"
    CASEWORKER = "caseworker", "Recorded by the caseworker"


class ParentAccessConsent(models.Model):
    """The young person's consent that a parent (a family member) goes on seeing their case after the rights
    have passed to them at the end of compulsory school age (CFA s.80; Code of Practice 8.13-8.16).

    Why a record of its own: the consent is the young person's decision, given or withdrawn on a day, by them or
    through their caseworker, and the parent's access must follow it at once. The parent's involvement after
    that day is made from this row (people.involvements.parent_consent_involvement_refresh), from the day the
    rights pass (or the day consent is given, if later) until the day it is withdrawn (the first day without).
    """

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="parent_consents")
    family_member = models.ForeignKey(FamilyMember, on_delete=models.CASCADE, related_name="consents")
    given_on = models.DateField()
    given_by = models.CharField(max_length=12, choices=ConsentGivenBy.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    withdrawn_on = models.DateField(null=True, blank=True, help_text="The first day the parent no longer has access")
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    note = models.CharField(max_length=300, blank=True, help_text="How the consent was given, if not in Pathfinder")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(withdrawn_on__isnull=True) | models.Q(withdrawn_on__gte=models.F("given_on")),
                name="consent_withdrawn_on_or_after_given",
            ),
            models.UniqueConstraint(fields=["family_member"], condition=models.Q(withdrawn_on__isnull=True),
                                    name="one_open_consent_per_family_member"),
        ]

    def __str__(self) -> str:
        return f"Consent for {self.family_member} from {self.given_on}"

    def is_active_on(self, day: date) -> bool:
        return self.given_on <= day and (self.withdrawn_on is None or day < self.withdrawn_on)
