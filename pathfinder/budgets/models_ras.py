"""The council's resource allocation system (RAS): one versioned questionnaire per funding stream, points per
answer, bands of points and a yearly price per band; and the council's rate card of unit prices.

R (KM) v Cambridgeshire CC [2012] UKSC 23: a RAS is lawful only as a starting point, with reasons given, so every
indicative budget keeps the version it was worked out with and its working, answer by answer. A change to the
questionnaire, the points or the prices is a new version with a later ``effective_from``; a published version is
never edited (budgets made with it must still explain themselves).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Stream(models.TextChoices):
    """Where the money comes from and what it is for: SEN2 PB flags are E (education), S (social care), H (health)
    and I (integrated); home-to-school transport is education funding but a stream of its own in most councils."""

    EDUCATION = "education", "Education"
    SOCIAL_CARE = "social_care", "Social care"
    HEALTH = "health", "Health"
    TRANSPORT = "transport", "Home to school transport"


class RasStatus(models.TextChoices):
    DRAFT = "draft", "Draft: not used for budgets yet"
    PUBLISHED = "published", "Published"
    RETIRED = "retired", "Replaced by a later version"


class AllocationSystem(models.Model):
    """One version of one stream's RAS. Its status changes only through budgets.ras_workflow."""

    stream = models.CharField(max_length=12, choices=Stream.choices)
    number = models.PositiveIntegerField(help_text="Version number within the stream: 1, 2, 3 ...")
    title = models.CharField(max_length=200, help_text="For example: Social care short breaks allocation 2027")
    status = models.CharField(max_length=10, choices=RasStatus.choices, default=RasStatus.DRAFT)
    effective_from = models.DateField(null=True, blank=True, help_text="Budgets worked out from this day use it")
    published_on = models.DateField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    what_changed = models.TextField(blank=True, help_text="What this version changes, in plain English")
    agreed_with = models.CharField(
        max_length=200, blank=True, help_text="For health: the integrated care board that agreed the prices"
    )
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["stream", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["stream", "number"], name="budgets_ras_one_number_per_stream"),
            models.UniqueConstraint(
                fields=["stream", "effective_from"],
                condition=models.Q(status="published"),
                name="budgets_ras_one_published_per_stream_and_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_stream_display()} RAS version {self.number}"


def new_code() -> str:
    """A reference for a new question or answer, kept when a version is copied or its words change."""
    return uuid.uuid4().hex[:12]


class RasQuestion(models.Model):
    """One question of a version's questionnaire, answered by the caseworker from the assessment. ``code`` stays the
    same across versions (copied with the draft, kept when the words change), so "what if" can match old answers
    to a new version by it rather than by words (budgets.what_if)."""

    system = models.ForeignKey(AllocationSystem, on_delete=models.CASCADE, related_name="questions")
    code = models.CharField(max_length=32, default=new_code, help_text="The same question in every version")
    order = models.PositiveSmallIntegerField(default=1)
    text = models.CharField(max_length=300)
    help_text = models.TextField(blank=True, help_text="Which part of the assessment answers it")
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text


class RasOption(models.Model):
    """One answer to a question and the points it scores (more need, more points)."""

    question = models.ForeignKey(RasQuestion, on_delete=models.CASCADE, related_name="options")
    code = models.CharField(max_length=32, default=new_code, help_text="The same answer in every version")
    order = models.PositiveSmallIntegerField(default=1)
    label = models.CharField(max_length=300)
    points = models.PositiveSmallIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.label} ({self.points} points)"


class RasBand(models.Model):
    """A band of total points and its price for a year. A band without a price cannot be published."""

    system = models.ForeignKey(AllocationSystem, on_delete=models.CASCADE, related_name="bands")
    name = models.CharField(max_length=80, help_text="For example: Band C")
    min_points = models.PositiveSmallIntegerField()
    max_points = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Empty for the top band")
    yearly_amount = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The indicative budget for a year in this band, in pounds",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["min_points", "id"]

    def __str__(self) -> str:
        return self.name


class RateUnit(models.TextChoices):
    HOUR = "hour", "an hour"
    SESSION = "session", "a session"
    DAY = "day", "a day"
    WEEK = "week", "a week"
    TERM = "term", "a term"
    YEAR = "year", "a year"
    JOURNEY = "journey", "a journey"
    ITEM = "item", "each"


class RateCardItem(models.Model):
    """The council's own price for a unit of provision (a teaching assistant hour, a short-break night), used when
    no Local Offer service gives a price. A change of price is a new row from a later day."""

    stream = models.CharField(max_length=12, choices=Stream.choices)
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=10, choices=RateUnit.choices)
    price = models.DecimalField(max_digits=9, decimal_places=2)
    effective_from = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["stream", "name", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["stream", "name", "effective_from"], name="budgets_rate_once_per_day"),
            models.CheckConstraint(condition=models.Q(price__gte=0), name="budgets_rate_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.name}: £{self.price} {self.get_unit_display()}"
