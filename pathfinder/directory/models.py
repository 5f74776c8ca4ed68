"""The Local Offer: who provides what, where and when, in the shape Open Referral UK 3.0 publishes.

Reading and writing rules (for anyone using these models):
* The live rows (`Service` and its children) always hold the last APPROVED content. Search, public pages and
  the API read live rows only, through `selectors.services_public()`.
* Providers never edit live rows. They edit a `ServiceRevision` (a JSON snapshot of the editable fields) through
  `drafts.service_draft_save` / `revisions.service_submit`; the Local Offer officer approves (`decisions.service_approve`, which
  copies the snapshot onto the live rows) or rejects with a reason (`service_reject`). Every revision is kept.
* Everything the API exposes has a UUID primary key (Open Referral ids are UUIDs).
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.directory.constants import (
    DAY_CODES,
    SCHEDULE_2_KEYS,
    Delivery,
    InformationTopic,
    LocationType,
    OrganisationKind,
    ReferralRoute,
    RevisionStatus,
    ServiceStatus,
)


class Taxonomy(models.Model):
    """A vocabulary (SEND needs, kinds of support, provider types). Councils may add their own."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField()
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=20, blank=True)

    class Meta:
        verbose_name_plural = "taxonomies"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    """One term of a taxonomy, e.g. needs/"ASD" (Autism). Terms nest through `parent`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    code = models.CharField(max_length=60)
    name = models.CharField(max_length=200)
    description = models.TextField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    term_uri = models.URLField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["taxonomy__name", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["taxonomy", "code"], name="directory_term_unique_code")]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """A provider: a school, college, nursery, charity, NHS team or council service (Open Referral organization)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    kind = models.CharField("Type of provider", max_length=32, choices=OrganisationKind.choices)
    urn = models.CharField("School URN", max_length=8, blank=True, db_index=True)
    ukprn = models.CharField("UKPRN", max_length=8, blank=True)
    charity_number = models.CharField(max_length=12, blank=True)
    company_number = models.CharField(max_length=10, blank=True)
    in_area = models.BooleanField(
        "In the council's area", default=True, help_text="Schedule 2 separates provision inside and outside the area"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationMembership(models.Model):
    """A provider user who may edit this organisation's services (the user has role "provider")."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="directory_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.organisation}"


class Service(models.Model):
    """A service in the Local Offer. This row is the last APPROVED content; drafts live in ServiceRevision.

    `is_published` turns true at the first approval. A published service is public unless it is defunct or
    has not been checked (`assured_date`) for settings.LOCAL_OFFER_HIDE_AFTER_MONTHS months.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(max_length=200)
    description = models.TextField()
    url = models.URLField("Website", blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    status = models.CharField(max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE)
    is_free = models.BooleanField(default=True)
    fees = models.TextField("What it costs", blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text="In years, 0 to 25")
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text="In years, 0 to 25")
    eligibility = models.TextField("Who it is for", blank=True)
    how_to_access = models.TextField("How to get it", blank=True)
    referral_route = models.CharField(max_length=16, choices=ReferralRoute.choices, default=ReferralRoute.SELF)
    in_person = models.BooleanField(default=True)
    online = models.BooleanField(default=False)
    by_phone = models.BooleanField(default=False)
    local_offer_answers = models.JSONField(
        default=dict, blank=True, help_text="Schedule 2 para 5 answers: keys 'a' to 'j' (constants.SCHEDULE_2_QUESTIONS)"
    )
    assured_date = models.DateField("Last checked", null=True, blank=True)
    assurer_email = models.EmailField(blank=True)
    last_modified = models.DateTimeField(default=timezone.now)
    is_published = models.BooleanField(default=False, db_index=True)
    search_document = models.TextField(
        blank=True, editable=False, help_text="Organisation name and term names, kept by services for text search"
    )
    terms = models.ManyToManyField(TaxonomyTerm, through="ServiceAttribute", related_name="services", blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["is_published", "status", "assured_date"], name="directory_service_public"),
            models.Index(fields=["minimum_age", "maximum_age"], name="directory_service_ages"),
            # Alphabetical lists (search without words or postcode, the ORUK /services list) read pages in order.
            models.Index(fields=["name", "id"], name="directory_service_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def delivery(self) -> list[str]:
        """How the service is given, as Delivery values."""
        return [
            value
            for value, on in ((Delivery.IN_PERSON, self.in_person), (Delivery.ONLINE, self.online), (Delivery.PHONE, self.by_phone))
            if on
        ]

    @property
    def schedule_2_answers(self) -> list[tuple[str, str]]:
        """(question key, answer) pairs in order, only those answered."""
        answers = self.local_offer_answers or {}
        return [(key, answers[key]) for key in SCHEDULE_2_KEYS if answers.get(key)]

    def needs_check(self, today: date | None = None) -> bool:
        """True when nobody has checked this service for 12 months (or ever)."""
        from pathfinder.directory.selectors import check_due_before

        today = today or timezone.localdate()
        return self.assured_date is None or self.assured_date < check_due_before(today)


class ServiceAttribute(models.Model):
    """Links a service to a taxonomy term (an Open Referral `attribute` with link_type "service")."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="attributes")
    term = models.ForeignKey(TaxonomyTerm, on_delete=models.PROTECT, related_name="attributes")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "term"], name="directory_attribute_unique")]
        # "Services with this need": from the term to its services without touching the table.
        indexes = [models.Index(fields=["term", "service"], name="directory_attribute_term")]


class Location(models.Model):
    """A place a service is given (or a virtual location for online-only services)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="locations"
    )
    location_type = models.CharField(max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL)
    name = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    address_1 = models.CharField("Address line 1", max_length=200, blank=True)
    address_2 = models.CharField("Address line 2", max_length=200, blank=True)
    town = models.CharField("Town or city", max_length=100, blank=True)
    county = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=8, blank=True, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    accessibility = models.TextField("Getting in and around", blank=True)

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"], name="directory_location_latlon")]

    def __str__(self) -> str:
        return self.name or ", ".join(p for p in (self.address_1, self.town, self.postcode) if p)


class ServiceAtLocation(models.Model):
    """A service given at a location (Open Referral service_at_location)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_at_locations")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "location"], name="directory_sal_unique")]


class Schedule(models.Model):
    """When a service runs: weekly on `byday` (e.g. "MO,WE") from opens_at to closes_at, or a description only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    freq = models.CharField(max_length=10, default="WEEKLY")
    byday = models.CharField(max_length=30, blank=True, help_text="Comma-separated: " + ",".join(DAY_CODES))
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["opens_at"]

    @property
    def days(self) -> list[str]:
        return [d for d in self.byday.split(",") if d]


class Contact(models.Model):
    """A named person or team to contact about a service."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200, blank=True)
    title = models.CharField("Job title", max_length=200, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)


class CostOption(models.Model):
    """One price, e.g. "Per session", £5.00."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=200, blank=True)
    amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=300, blank=True)


class ServiceRevision(models.Model):
    """One version of a service's editable content, kept for ever: who proposed it, who decided, and why.

    `data` is the snapshot: `content.ServiceContent.to_data()` (read it with
    `ServiceContent.from_data`). Only one draft-or-submitted revision exists per service at a time.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    data = models.JSONField(default=dict)
    status = models.CharField(max_length=12, choices=RevisionStatus.choices, default=RevisionStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Goes up with every save, so a stale save is refused")

    class Meta:
        ordering = ["service", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["service", "number"], name="directory_revision_unique_number")
        ]
        indexes = [models.Index(fields=["status", "submitted_at"], name="directory_revision_queue")]

    def __str__(self) -> str:
        return f"{self.service} version {self.number} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        """Still being worked on or waiting for a decision."""
        return self.status in (RevisionStatus.DRAFT, RevisionStatus.SUBMITTED)


class OutOfDateReport(models.Model):
    """Someone told us a service's details are wrong. The officer resolves it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="out_of_date_reports")
    message = models.TextField()
    reporter_email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved = models.BooleanField(default=False, db_index=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]


class InformationPage(models.Model):
    """A page the council writes for the Local Offer (how to ask for an assessment, travel, complaints...).

    `body` is plain text: paragraphs separated by a blank line; a line starting "- " is a list item. Never HTML.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    topic = models.CharField(max_length=20, choices=InformationTopic.choices, default=InformationTopic.OTHER)
    published = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["sort_order", "title"]

    def __str__(self) -> str:
        return self.title


class PostcodeCentroid(models.Model):
    """The centre point of one full postcode (from ONSPD or Code-Point Open, both Open Government Licence)."""

    postcode = models.CharField(max_length=8, primary_key=True, help_text="Normalised: upper case, one space")
    outcode = models.CharField(max_length=4, db_index=True)
    latitude = models.FloatField()
    longitude = models.FloatField()


class OutcodeCentroid(models.Model):
    """The centre of a postcode district (e.g. "WD7"), used when a full postcode is not known."""

    outcode = models.CharField(max_length=4, primary_key=True)
    latitude = models.FloatField()
    longitude = models.FloatField()


# Harvesting neighbouring directories' feeds, and the search's words: kept in their own modules (this one is near
# its size limit).
from pathfinder.directory.harvest.models import (  # noqa: E402, F401
    FeedSubscription,
    HarvestConflict,
    HarvestedService,
    HarvestRun,
)
from pathfinder.directory.models_search import SearchSynonym, SearchWord, SynonymKind  # noqa: E402, F401
