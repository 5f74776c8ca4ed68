"""Reads for the Local Offer. Public reads see only approved, current services; providers see their own."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.directory.constants import RevisionStatus, ServiceStatus
from pathfinder.directory.models import (
    InformationPage,
    Organisation,
    OutOfDateReport,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceRevision,
    TaxonomyTerm,
)

CHECK_AFTER_MONTHS = 12


def _months_before(today: date, months: int) -> date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    day = min(today.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    return date(year, month, day)


def check_due_before(today: date) -> date:
    """Services last checked before this date need checking (12 months)."""
    return _months_before(today, CHECK_AFTER_MONTHS)


def hidden_before(today: date) -> date:
    """Services last checked before this date are hidden from the public (settings.LOCAL_OFFER_HIDE_AFTER_MONTHS)."""
    return _months_before(today, int(getattr(settings, "LOCAL_OFFER_HIDE_AFTER_MONTHS", 18)))


def services_public(today: date | None = None) -> QuerySet[Service]:
    """Services anyone may see: approved at least once, not closed for good, checked recently enough."""
    today = today or timezone.localdate()
    return Service.objects.filter(is_published=True, assured_date__gte=hidden_before(today)).exclude(
        status=ServiceStatus.DEFUNCT
    )


def service_public_get(service_id) -> Service:
    """One public service with everything a detail page shows (raises Service.DoesNotExist)."""
    return services_with_details(services_public()).get(pk=service_id)


def services_with_details(queryset: QuerySet[Service]) -> QuerySet[Service]:
    """Prefetch the children a full service page or API record shows, in a fixed number of queries."""
    return queryset.select_related("organisation").prefetch_related(
        Prefetch("schedules", queryset=Schedule.objects.order_by("opens_at", "id")),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").order_by("location__name", "id"),
        ),
        "contacts",
        "cost_options",
        Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy")),
    )


def services_editable_by(user) -> QuerySet[Service]:
    """Services this user may propose changes to: a provider's own organisations'; an officer may edit all."""
    if not getattr(user, "is_authenticated", False):
        return Service.objects.none()
    if user.role == Role.LOCAL_OFFER_OFFICER:
        return Service.objects.all()
    if user.role == Role.PROVIDER:
        return Service.objects.filter(organisation__memberships__user=user).distinct()
    return Service.objects.none()


def organisations_for(user) -> QuerySet[Organisation]:
    """Organisations this user may add services to."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    if user.role == Role.LOCAL_OFFER_OFFICER:
        return Organisation.objects.all()
    if user.role == Role.PROVIDER:
        return Organisation.objects.filter(memberships__user=user)
    return Organisation.objects.none()


def service_open_revision(service: Service) -> ServiceRevision | None:
    """The draft or submitted revision of this service, if someone is working on one."""
    return service.revisions.filter(status__in=[RevisionStatus.DRAFT, RevisionStatus.SUBMITTED]).first()


def service_revision_list(service: Service) -> QuerySet[ServiceRevision]:
    """Every version of a service, newest first, with who proposed and who decided."""
    return service.revisions.select_related("created_by", "submitted_by", "decided_by").order_by("-number")


def revisions_awaiting_decision(user) -> QuerySet[ServiceRevision]:
    """The officer's approval queue, oldest first. Empty for anyone but a Local Offer officer."""
    if getattr(user, "role", None) != Role.LOCAL_OFFER_OFFICER:
        return ServiceRevision.objects.none()
    return (
        ServiceRevision.objects.filter(status=RevisionStatus.SUBMITTED)
        .select_related("service__organisation", "submitted_by")
        .order_by("submitted_at")
    )


def services_needing_check(user=None, today: date | None = None) -> QuerySet[Service]:
    """Published services nobody has checked for 12 months, oldest check first (scoped to the user if given)."""
    today = today or timezone.localdate()
    base = Service.objects.all() if user is None else services_editable_by(user)
    return (
        base.filter(is_published=True)
        .filter(Q(assured_date__lt=check_due_before(today)) | Q(assured_date__isnull=True))
        .exclude(status=ServiceStatus.DEFUNCT)
        .select_related("organisation")
        .order_by("assured_date", "name")
    )


def services_hidden_as_stale(today: date | None = None) -> QuerySet[Service]:
    """Published services the public no longer sees because nobody has checked them for too long."""
    today = today or timezone.localdate()
    return Service.objects.filter(is_published=True).filter(
        Q(assured_date__lt=hidden_before(today)) | Q(assured_date__isnull=True)
    )


def out_of_date_reports_open(user) -> QuerySet[OutOfDateReport]:
    """Unresolved reports the user may act on (officer: all; provider: their services')."""
    return (
        OutOfDateReport.objects.filter(resolved=False, service__in=services_editable_by(user))
        .select_related("service__organisation")
        .order_by("created_at")
    )


def taxonomy_terms(code: str) -> QuerySet[TaxonomyTerm]:
    """The terms of one taxonomy by its code (constants.TAXONOMY_NEEDS etc.), in display order."""
    return TaxonomyTerm.objects.filter(taxonomy__code=code).select_related("parent").order_by("sort_order", "name")


def information_pages_published() -> QuerySet[InformationPage]:
    return InformationPage.objects.filter(published=True).order_by("sort_order", "title")


def information_page_get(slug: str) -> InformationPage:
    return InformationPage.objects.get(slug=slug, published=True)


def services_with_open_revision() -> QuerySet[Service]:
    """Annotate-ready filter: services that have a draft or submitted revision."""
    open_rev = ServiceRevision.objects.filter(
        service=OuterRef("pk"), status__in=[RevisionStatus.DRAFT, RevisionStatus.SUBMITTED]
    )
    return Service.objects.annotate(has_open_revision=Exists(open_rev))



def harvested_source(service: Service):
    """The other directory a service was brought in from (its link to the feed), or None if it started here: the
    public page says where its details come from and when they were last checked there."""
    from pathfinder.directory.harvest.models import HarvestedService

    return HarvestedService.objects.filter(service=service).select_related("subscription").first()
