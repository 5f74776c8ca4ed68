"""A provider edits a service and sends it; the officer sees the difference and approves or rejects with a reason."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory, ParentFactory, ProviderFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.directory.constants import OrganisationKind, RevisionStatus
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.drafts import draft_start
from pathfinder.directory.models import InformationPage, OutOfDateReport, ServiceRevision
from pathfinder.directory.tests.factories import MembershipFactory, OrganisationFactory, ServiceFactory, term
from pathfinder.directory.web.forms import ServiceForm

pytestmark = pytest.mark.django_db


def _errors(response) -> list[str]:
    return [html.unescape(e) for e in re.findall(r'<a href="#[^"]*">([^<]+)</a>', response.content.decode())]


def _seen(revision) -> str:
    """The version the officer's review page carries in its hidden field."""
    return str(ServiceRevision.objects.get(pk=revision.pk).version)


def _form_data(service, **changes) -> dict:
    """What the edit form posts when nothing is changed, with `changes` on top."""
    content = ServiceContent.from_service(service)
    initial = ServiceForm.initial_from(content, [], [])
    data = {k: v for k, v in initial.items() if v not in (None, [])}
    data["needs"] = [str(t) for t in content.term_ids]
    data["version"] = str(draft_start(service).version)
    data.update(changes)
    return data


@pytest.fixture
def provider_service():
    membership = MembershipFactory(organisation=OrganisationFactory(name="Wealdmoor Swim Trust"))
    service = ServiceFactory(organisation=membership.organisation, name="Splash club",
                             description="Swimming for disabled children.", minimum_age=5, maximum_age=16,
                             assured_date=timezone.localdate())
    return membership.user, service


def test_edit_submit_approve_publishes_and_keeps_history(client, provider_service):
    provider, service = provider_service
    sign_in(client, provider)
    home = client.get(reverse("directory:provider-home")).content.decode()
    assert "Splash club" in home and "Published" in home

    # the provider edits the draft; the public still sees the approved version
    edit_url = reverse("directory:service-edit", args=[service.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, _form_data(
        service, description="Swimming and splash play for disabled children.", maximum_age="18",
        **{"schedules-0-byday": ["SA"], "schedules-0-opens_at": "10:00", "schedules-0-closes_at": "11:30"}))
    assert response.status_code == 302, _errors(response)
    assert "Swimming for disabled children." in Client().get(reverse("directory:service", args=[service.pk])).content.decode()

    manage = html.unescape(client.get(reverse("directory:service-manage", args=[service.pk])).content.decode())
    assert "Swimming and splash play" in manage and "5 to 16" not in manage
    assert "Saturday, 10am to 11:30am" in manage

    # and sends it for approval
    client.post(reverse("directory:service-submit", args=[service.pk]), {"version": _draft_version(service)})
    revision = ServiceRevision.objects.get(service=service, status=RevisionStatus.SUBMITTED)

    # the officer sees the before and after
    officer = LocalOfferOfficerFactory()
    sign_in(client, officer)
    queue = client.get(reverse("directory:officer-home")).content.decode()
    assert "Splash club" in queue and "1 change waiting for approval" in queue
    review = html.unescape(client.get(reverse("directory:revision-review", args=[revision.pk])).content.decode())
    assert "<del>Swimming for disabled children.</del>" in review
    assert "<ins>Swimming and splash play for disabled children.</ins>" in review
    assert "<del>16</del>" in review and "<ins>18</ins>" in review
    assert "Name" not in re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th>', review)

    # and approves it: the public sees the new version
    response = client.post(reverse("directory:revision-review", args=[revision.pk]), {"decision": "approve",
                                                                                   "version": _seen(revision)})
    assert response.status_code == 302
    public = html.unescape(Client().get(reverse("directory:service", args=[service.pk])).content.decode())
    assert "Swimming and splash play for disabled children." in public and "5 to 18 years" in public

    # every version is kept, with who did what
    sign_in(client, provider)
    history = html.unescape(client.get(reverse("directory:service-history", args=[service.pk])).content.decode())
    assert "Version 1" in history and "Approved" in history
    assert "Sent for approval" in history and provider.display_name in history and officer.display_name in history


def test_officer_rejects_with_a_reason_and_nothing_is_published(client, provider_service):
    provider, service = provider_service
    sign_in(client, provider)
    client.post(reverse("directory:service-edit", args=[service.pk]), _form_data(service, name="Splash club NOW"))
    client.post(reverse("directory:service-submit", args=[service.pk]), {"version": _draft_version(service)})
    revision = ServiceRevision.objects.get(service=service)

    sign_in(client, LocalOfferOfficerFactory())
    url = reverse("directory:revision-review", args=[revision.pk])
    response = client.post(url, {"decision": "reject", "reason": "", "version": _seen(revision)})
    assert "Say what needs to change, so the provider can put it right" in _errors(response)
    response = client.post(url, {"decision": "reject", "reason": "Please do not use capitals for emphasis.",
                                 "version": _seen(revision)})
    assert response.status_code == 302
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.REJECTED

    public = Client().get(reverse("directory:service", args=[service.pk])).content.decode()
    assert "Splash club NOW" not in public
    sign_in(client, provider)
    assert "Changes needed" in client.get(reverse("directory:provider-home")).content.decode()
    manage = html.unescape(client.get(reverse("directory:service-manage", args=[service.pk])).content.decode())
    assert "Please do not use capitals for emphasis." in manage


def test_a_refused_edit_is_explained_and_saves_nothing(client, provider_service):
    provider, service = provider_service
    sign_in(client, provider)
    response = client.post(reverse("directory:service-edit", args=[service.pk]), _form_data(
        service, minimum_age="12", maximum_age="8", **{"locations-0-address_1": "1 High St",
                                                        "locations-0-postcode": "nonsense"}))
    errors = _errors(response)
    assert errors and "<title>Error:" in response.content.decode()
    assert not ServiceRevision.objects.exists()
    response = client.post(reverse("directory:service-edit", args=[service.pk]), _form_data(
        service, **{"schedules-0-byday": ["MO"], "schedules-0-opens_at": "15:00", "schedules-0-closes_at": "09:00"}))
    assert "The closing time must be after the opening time" in _errors(response)
    assert 'id="id_schedules-0-closes_at"' in response.content.decode()


def test_a_provider_cannot_touch_another_organisations_service(client, provider_service):
    provider, _ = provider_service
    other = ServiceFactory(name="Not yours")
    sign_in(client, provider)
    for name in ("directory:service-manage", "directory:service-edit", "directory:service-history"):
        assert client.get(reverse(name, args=[other.pk])).status_code == 404
    assert client.post(reverse("directory:service-edit", args=[other.pk]), _form_data(other)).status_code == 404
    assert client.post(reverse("directory:service-submit", args=[other.pk])).status_code == 404
    assert client.post(reverse("directory:service-checked", args=[other.pk])).status_code == 404
    assert "Not yours" not in client.get(reverse("directory:provider-home")).content.decode()
    assert client.get(reverse("directory:officer-home")).status_code == 403
    assert not ServiceRevision.objects.exists()


def test_only_the_right_roles_reach_provider_and_officer_pages(client):
    service = ServiceFactory()
    for url in (reverse("directory:provider-home"), reverse("directory:officer-home"),
                reverse("directory:service-edit", args=[service.pk]), reverse("directory:officer-pages")):
        response = client.get(url)
        assert response.status_code == 302 and "/account/" in response["Location"]
    sign_in(client, ParentFactory())
    assert client.get(reverse("directory:provider-home")).status_code == 403
    assert client.get(reverse("directory:service-edit", args=[service.pk])).status_code == 403
    sign_in(client, ProviderFactory())
    assert client.get(reverse("directory:officer-pages")).status_code == 403


def test_services_not_checked_for_12_months_are_flagged_on_both_dashboards(client, provider_service):
    provider, service = provider_service
    old = ServiceFactory(organisation=service.organisation, name="Old club",
                         assured_date=timezone.localdate() - timedelta(days=400))
    sign_in(client, provider)
    home = client.get(reverse("directory:provider-home")).content.decode()
    assert "1 service has not been checked for 12 months" in home and "Check needed" in home
    manage = client.get(reverse("directory:service-manage", args=[old.pk])).content.decode()
    assert "Nobody has checked this service for 12 months" in manage
    sign_in(client, LocalOfferOfficerFactory())
    officer = client.get(reverse("directory:officer-home")).content.decode()
    assert "Old club" in officer and "1 service to check" in officer
    # the provider confirms the details are still right
    sign_in(client, provider)
    client.post(reverse("directory:service-checked", args=[old.pk]))
    old.refresh_from_db()
    assert old.assured_date == timezone.localdate()


def test_officer_and_provider_deal_with_out_of_date_reports(client, provider_service):
    provider, service = provider_service
    report = OutOfDateReport.objects.create(service=service, message="Contact details: wrong phone number")
    sign_in(client, LocalOfferOfficerFactory())
    listing = client.get(reverse("directory:officer-reports")).content.decode()
    assert "wrong phone number" in listing
    sign_in(client, provider)
    assert "wrong phone number" in client.get(reverse("directory:provider-home")).content.decode()
    url = reverse("directory:report-resolve", args=[report.pk])
    assert "Enter what was done about the report" in _errors(client.post(url, {"note": ""}))
    assert client.post(url, {"note": "Phone number corrected."}).status_code == 302
    report.refresh_from_db()
    assert report.resolved and report.resolved_by == provider
    # another provider cannot see it
    sign_in(client, ProviderFactory())
    assert client.get(url).status_code == 404


def test_officer_writes_an_information_page(client):
    sign_in(client, LocalOfferOfficerFactory())
    url = reverse("directory:officer-page-new")
    response = client.post(url, {"title": "", "slug": "Bad Slug!", "topic": "travel", "body": "", "sort_order": 0})
    errors = _errors(response)
    assert "Enter a title" in errors and "Enter the page text" in errors
    response = client.post(url, {"title": "Mediation and tribunal", "slug": "mediation", "topic": "disagreements",
                                 "body": "You can ask for mediation.", "published": "on", "sort_order": 1})
    assert response.status_code == 302
    page = InformationPage.objects.get(slug="mediation")
    assert page.published and page.title == "Mediation and tribunal"
    response = client.post(reverse("directory:officer-page-edit", args=["mediation"]), {
        "title": "Mediation and tribunal appeals", "slug": "ignored", "topic": "disagreements",
        "body": "You can ask for mediation first.", "sort_order": 1})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Mediation and tribunal appeals" and page.slug == "mediation" and not page.published
    assert Client().get(reverse("directory:information-page", args=["mediation"])).status_code == 404


def test_a_school_edits_its_schedule_2_answers(client):
    membership = MembershipFactory(organisation=OrganisationFactory(kind=OrganisationKind.ACADEMY))
    service = ServiceFactory(organisation=membership.organisation, name="Beech Academy SEN")
    sign_in(client, membership.user)
    page = client.get(reverse("directory:service-edit", args=[service.pk])).content.decode()
    assert "How do you adapt the curriculum and the learning environment?" in page
    response = client.post(reverse("directory:service-edit", args=[service.pk]), _form_data(
        service, answer_b="Visual timetables in every class.", kinds=[str(term("support-kinds", "education").pk)]))
    assert response.status_code == 302, _errors(response)
    revision = ServiceRevision.objects.get(service=service)
    assert revision.data["local_offer_answers"] == {"b": "Visual timetables in every class."}
    assert str(term("support-kinds", "education").pk) in revision.data["term_ids"]


def test_a_provider_starts_a_new_service_which_stays_private_until_approved(client):
    # given a provider who belongs to one organisation, and another organisation they do not belong to
    membership = MembershipFactory()
    other = OrganisationFactory()
    sign_in(client, membership.user)
    url = reverse("directory:service-new")

    # when they try to add a service to an organisation that is not theirs, it is refused
    response = client.post(url, {"organisation": str(other.pk), "name": "Sneaky", "description": "x",
                                 "is_free": "yes"})
    assert response.status_code == 200 and "Sneaky" not in str(ServiceRevision.objects.values_list("data"))

    # and a paid service with no price is explained
    response = client.post(url, {"organisation": str(membership.organisation.pk), "name": "Swim club",
                                 "description": "Sessions in a quiet pool", "is_free": "no", "fees": ""})
    assert "Say what the service costs" in _errors(response)

    # when they start one properly, it is a draft and the public cannot see it
    response = client.post(url, {"organisation": str(membership.organisation.pk), "name": "Quiet swim club",
                                 "description": "Relaxed sessions in a quiet pool", "is_free": "yes"})
    revision = ServiceRevision.objects.get(service__name="Quiet swim club")
    assert response.status_code == 302 and revision.status == RevisionStatus.DRAFT
    assert not revision.service.is_published
    public = Client().get(reverse("directory:service", kwargs={"service_id": revision.service_id}))
    assert public.status_code == 404


def _draft_version(service) -> int:
    """The version of the open draft, as the manage page's "Send for approval" form carries it."""
    return ServiceRevision.objects.get(service=service, status=RevisionStatus.DRAFT).version


def test_sending_a_draft_changed_since_the_page_was_read_is_refused(client, provider_service):
    provider, service = provider_service
    sign_in(client, provider)
    client.post(reverse("directory:service-edit", args=[service.pk]),
                _form_data(service, name="Splash club on Saturdays"))
    read_at = _draft_version(service)
    manage = client.get(reverse("directory:service-manage", args=[service.pk])).content.decode()
    assert f'name="version" value="{read_at}"' in manage
    # a colleague (or another tab) changes the draft after the page was read
    client.post(reverse("directory:service-edit", args=[service.pk]),
                _form_data(service, name="Splash club for all ages", version=read_at))
    response = client.post(reverse("directory:service-submit", args=[service.pk]), {"version": read_at},
                           follow=True)
    assert "This draft was changed after you opened this page" in response.content.decode()
    assert not ServiceRevision.objects.filter(service=service, status=RevisionStatus.SUBMITTED).exists()
    client.post(reverse("directory:service-submit", args=[service.pk]), {"version": _draft_version(service)})
    assert ServiceRevision.objects.get(service=service).status == RevisionStatus.SUBMITTED
