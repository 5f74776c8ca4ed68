from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory, ParentFactory, ProviderFactory
from pathfinder.core.errors import ServiceError
from pathfinder.directory import decisions, drafts, organisations, reports, revisions, selectors
from pathfinder.directory.constants import RevisionStatus
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.geo import load_demo_postcodes
from pathfinder.directory.models import ServiceRevision
from pathfinder.directory.tests.factories import MembershipFactory, OrganisationFactory, ServiceFactory, term

pytestmark = pytest.mark.django_db


def _seen(revision: ServiceRevision) -> int:
    """The version the officer's review page shows (it has moved on since the test's copy was made)."""
    return ServiceRevision.objects.get(pk=revision.pk).version

DATA = {
    "name": "Sensory play group",
    "description": "A relaxed play session for under fives.",
    "is_free": True,
    "minimum_age": 0,
    "maximum_age": 5,
    "delivery": ["in_person"],
    "schedules": [{"byday": "TU,TH", "opens_at": "10:00", "closes_at": "11:30"}],
    "locations": [{"name": "Family hub", "address_1": "1 High Street", "town": "Wealdbury", "postcode": "wm11aa"}],
}


@pytest.fixture
def provider():
    membership = MembershipFactory()
    return membership.user


def test_new_service_is_hidden_until_approved(provider):
    org = provider.organisation_memberships.get().organisation
    revision = revisions.service_create_draft(acting_user=provider, organisation=org, data=DATA)
    service = revision.service
    assert not selectors.services_public().filter(pk=service.pk).exists()
    revisions.service_submit(acting_user=provider, revision=revision)
    officer = LocalOfferOfficerFactory()
    decisions.service_approve(acting_user=officer, revision=revision, expected_version=_seen(revision))
    service.refresh_from_db()
    assert selectors.services_public().filter(pk=service.pk).exists()
    assert service.assured_date == timezone.localdate()
    loc = service.service_at_locations.get().location
    assert loc.postcode == "WM1 1AA"
    assert service.schedules.get().byday == "TU,TH"


def test_draft_changes_do_not_touch_live_until_approved(provider):
    org = provider.organisation_memberships.get().organisation
    service = ServiceFactory(organisation=org, name="Old name")
    revision = drafts.service_draft_save(acting_user=provider, service=service, data={"name": "New name"},
                                         expected_version=drafts.NO_DRAFT)
    service.refresh_from_db()
    assert service.name == "Old name"
    assert ("Name", "Old name", "New name") in revisions.revision_changes(revision)
    revisions.service_submit(acting_user=provider, revision=revision)
    officer = LocalOfferOfficerFactory()
    decisions.service_reject(acting_user=officer, revision=revision, reason="Please add opening times",
                             expected_version=_seen(revision))
    service.refresh_from_db()
    assert service.name == "Old name"
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.REJECTED and revision.decided_by == officer
    # a new draft starts a new numbered version; the rejected one is kept
    second = drafts.service_draft_save(acting_user=provider, service=service, data={"name": "Newer name"},
                                       expected_version=drafts.NO_DRAFT)
    assert second.number == 2
    revisions.service_submit(acting_user=provider, revision=second)
    decisions.service_approve(acting_user=officer, revision=second, expected_version=_seen(second))
    service.refresh_from_db()
    assert service.name == "Newer name"
    assert ServiceRevision.objects.filter(service=service).count() == 2


def test_provider_cannot_edit_other_organisations_service(provider):
    other = ServiceFactory()
    with pytest.raises(ServiceError):
        drafts.service_draft_save(acting_user=provider, service=other, data={"name": "Hijack"},
                                  expected_version=drafts.NO_DRAFT)
    assert not selectors.services_editable_by(provider).filter(pk=other.pk).exists()
    assert not selectors.services_editable_by(ParentFactory()).exists()


def test_only_officer_approves(provider):
    org = provider.organisation_memberships.get().organisation
    revision = revisions.service_create_draft(acting_user=provider, organisation=org, data=DATA)
    revisions.service_submit(acting_user=provider, revision=revision)
    with pytest.raises(ServiceError):
        decisions.service_approve(acting_user=provider, revision=revision, expected_version=_seen(revision))
    with pytest.raises(ServiceError):
        decisions.service_reject(acting_user=LocalOfferOfficerFactory(), revision=revision, reason="  ",
                             expected_version=_seen(revision))


@pytest.mark.parametrize(
    "change, field",
    [
        ({"name": ""}, "name"),
        ({"minimum_age": 30}, "minimum_age"),
        ({"minimum_age": 10, "maximum_age": 5}, "minimum_age"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"is_free": False, "fees": ""}, "fees"),
        ({"schedules": [{"byday": "XX", "opens_at": "09:00"}]}, "schedules-0-byday"),
        ({"schedules": [{"byday": "MO", "opens_at": "10:00", "closes_at": "09:00"}]}, "schedules-0-closes_at"),
        ({"locations": [{"address_1": "1 Road", "postcode": "not a postcode"}]}, "locations-0-postcode"),
        ({"term_ids": ["nope"]}, "term_ids"),
    ],
)
def test_invalid_drafts_are_refused_with_the_field(change, field):
    with pytest.raises(ServiceError) as info:
        ServiceContent.clean({**DATA, **change})
    assert info.value.field == field


def test_stale_services_flagged_then_hidden(settings):
    settings.LOCAL_OFFER_HIDE_AFTER_MONTHS = 18
    today = timezone.localdate()
    fresh = ServiceFactory(assured_date=today)
    due = ServiceFactory(assured_date=today - timedelta(days=400))
    hidden = ServiceFactory(assured_date=today - timedelta(days=600))
    needing = set(selectors.services_needing_check())
    assert due in needing and hidden in needing and fresh not in needing
    public = set(selectors.services_public())
    assert fresh in public and due in public and hidden not in public
    assert due.needs_check() and not fresh.needs_check()


def test_confirm_checked_and_out_of_date_report(provider):
    org = provider.organisation_memberships.get().organisation
    service = ServiceFactory(organisation=org, assured_date=timezone.localdate() - timedelta(days=500))
    revisions.service_confirm_checked(acting_user=provider, service=service)
    assert service.assured_date == timezone.localdate()
    with pytest.raises(ServiceError):
        reports.out_of_date_report_create(service=service, message=" ")
    report = reports.out_of_date_report_create(service=service, message="The phone number is wrong")
    assert list(selectors.out_of_date_reports_open(provider)) == [report]
    assert list(selectors.out_of_date_reports_open(ProviderFactory())) == []
    reports.out_of_date_report_resolve(acting_user=provider, report=report, note="Fixed")
    assert not selectors.out_of_date_reports_open(provider).exists()


def test_approval_geocodes_venue_when_postcode_known(provider):
    load_demo_postcodes(per_district=2)
    from pathfinder.directory.models import PostcodeCentroid

    pc = PostcodeCentroid.objects.first()
    org = provider.organisation_memberships.get().organisation
    data = {**DATA, "locations": [{"address_1": "1 Road", "postcode": pc.postcode}]}
    revision = revisions.service_create_draft(acting_user=provider, organisation=org, data=data)
    revisions.service_submit(acting_user=provider, revision=revision)
    decisions.service_approve(acting_user=LocalOfferOfficerFactory(), revision=revision, expected_version=_seen(revision))
    loc = revision.service.service_at_locations.get().location
    assert (loc.latitude, loc.longitude) == (pc.latitude, pc.longitude)


def test_seeded_terms_have_stable_ids():
    autism = term("send-needs", "ASD")
    assert str(autism.pk) == "869388b3-91de-5c01-84dd-c788c68c1e51"  # same on every install
    assert autism.name == "Autism"
    assert autism.taxonomy.code == "send-needs"


def test_organisation_and_membership_need_officer():
    officer = LocalOfferOfficerFactory()
    org = organisations.organisation_create(acting_user=officer, name="Bright Futures", kind="charity")
    provider = ProviderFactory()
    organisations.organisation_member_add(acting_user=officer, organisation=org, user=provider)
    assert list(selectors.organisations_for(provider)) == [org]
    with pytest.raises(ServiceError):
        organisations.organisation_create(acting_user=provider, name="X", kind="charity")
    assert OrganisationFactory()  # others exist, provider still sees one
    assert selectors.organisations_for(provider).count() == 1
