"""Providers' drafts: editing after a version was sent back starts from that version, and two people saving one
draft cannot overwrite each other (a stale save is refused with a clear message and loses nothing)."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory, ProviderFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.core.errors import StaleEdit
from pathfinder.directory import decisions, drafts, revisions
from pathfinder.directory.constants import RevisionStatus
from pathfinder.directory.models import OrganisationMembership, ServiceRevision
from pathfinder.directory.tests.factories import MembershipFactory, ServiceFactory
from pathfinder.directory.tests.test_web_provider import _errors, _form_data

pytestmark = pytest.mark.django_db


def _seen(revision: ServiceRevision) -> int:
    """The version the officer's review page shows (it has moved on since the test's copy was made)."""
    return ServiceRevision.objects.get(pk=revision.pk).version


@pytest.fixture
def service_and_provider():
    membership = MembershipFactory()
    service = ServiceFactory(organisation=membership.organisation, name="Splash club", description="Swimming.")
    return service, membership.user


def _version_on_page(page: str) -> str:
    return re.search(r'<input type="hidden" name="version" value="(\d+)">', page).group(1)


def test_editing_after_a_rejection_starts_from_the_rejected_version(client, service_and_provider):
    service, provider = service_and_provider
    revision = drafts.service_draft_save(acting_user=provider, service=service, expected_version=drafts.NO_DRAFT,
                                         data={"description": "Swimming and splash play for disabled children."})
    revisions.service_submit(acting_user=provider, revision=revision)
    decisions.service_reject(acting_user=LocalOfferOfficerFactory(), revision=revision, reason="Add the pool's address",
                             expected_version=_seen(revision))

    sign_in(client, provider)
    page = html.unescape(client.get(reverse("directory:service-edit", args=[service.pk])).content.decode())
    assert "Swimming and splash play for disabled children." in page  # their words, not the published "Swimming."
    assert f"starting from version {revision.number} that the Local Offer officer sent back" in page
    assert "Add the pool's address" in page

    # saving a field keeps the rest of the rejected wording in the new draft
    second = drafts.service_draft_save(acting_user=provider, service=service, expected_version=drafts.NO_DRAFT,
                                       data={"name": "Splash club (Wealdbury)"})
    assert second.number == revision.number + 1
    assert second.data["description"] == "Swimming and splash play for disabled children."
    assert ServiceRevision.objects.get(pk=revision.pk).status == RevisionStatus.REJECTED  # kept


def test_after_an_approval_editing_starts_from_what_is_published(service_and_provider):
    service, provider = service_and_provider
    officer = LocalOfferOfficerFactory()
    first = drafts.service_draft_save(acting_user=provider, service=service, expected_version=0, data={"name": "A"})
    revisions.service_submit(acting_user=provider, revision=first)
    decisions.service_reject(acting_user=officer, revision=first, reason="No",
                             expected_version=_seen(first))
    second = drafts.service_draft_save(acting_user=provider, service=service, expected_version=0, data={"name": "B"})
    revisions.service_submit(acting_user=provider, revision=second)
    decisions.service_approve(acting_user=officer, revision=second, expected_version=_seen(second))
    service.refresh_from_db()
    start = drafts.draft_start(service)
    assert (start.content.name, start.rejected, start.version) == ("B", None, drafts.NO_DRAFT)


def test_two_people_saving_one_draft_do_not_overwrite_each_other(client, service_and_provider):
    service, provider = service_and_provider
    colleague = ProviderFactory()
    OrganisationMembership.objects.create(user=colleague, organisation=service.organisation)
    edit_url = reverse("directory:service-edit", args=[service.pk])
    first = drafts.service_draft_save(acting_user=provider, service=service, expected_version=0, data={"name": "Draft"})

    # both open the editor on the same draft
    sign_in(client, provider)
    assert _version_on_page(client.get(edit_url).content.decode()) == str(first.version)
    opened_at = _form_data(service, name="Splash club")
    opened_at["version"] = str(first.version)

    # the colleague saves first
    drafts.service_draft_save(acting_user=colleague, service=service, expected_version=first.version,
                              data={"description": "The colleague's description."})

    # the provider's save is refused, with their words still in the form and the newer version to save over
    response = client.post(edit_url, {**opened_at, "description": "My description."})
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert drafts.STALE_MESSAGE in _errors(response)
    assert "My description." in page
    assert ServiceRevision.objects.get(pk=first.pk).data["description"] == "The colleague's description."
    assert _version_on_page(page) == str(first.version + 1)

    # saving again, having read the message, is a deliberate choice and goes through
    response = client.post(edit_url, {**opened_at, "description": "My description.", "version": _version_on_page(page)})
    assert response.status_code == 302, _errors(response)
    assert ServiceRevision.objects.get(pk=first.pk).data["description"] == "My description."


def test_a_draft_sent_for_approval_or_decided_since_the_editor_opened_is_not_taken_back(service_and_provider):
    service, provider = service_and_provider
    draft = drafts.service_draft_save(acting_user=provider, service=service, expected_version=0, data={"name": "X"})
    revisions.service_submit(acting_user=provider, revision=draft)
    with pytest.raises(StaleEdit):
        drafts.service_draft_save(acting_user=provider, service=service, expected_version=draft.version,
                                  data={"name": "Y"})
    assert ServiceRevision.objects.get(pk=draft.pk).status == RevisionStatus.SUBMITTED
    decisions.service_reject(acting_user=LocalOfferOfficerFactory(), revision=draft, reason="No",
                             expected_version=_seen(draft))
    with pytest.raises(StaleEdit):  # the editor was opened on the submitted draft, which has been decided
        drafts.service_draft_save(acting_user=provider, service=service, expected_version=draft.version + 1,
                                  data={"name": "Y"})


def test_a_post_without_a_version_is_refused_and_keeps_what_was_typed(client, service_and_provider):
    service, provider = service_and_provider
    sign_in(client, provider)
    data = _form_data(service, description="Typed but not sent with a version.")
    del data["version"]
    response = client.post(reverse("directory:service-edit", args=[service.pk]), data)
    assert drafts.STALE_MESSAGE in _errors(response)
    assert "Typed but not sent with a version." in html.unescape(response.content.decode())
    assert not ServiceRevision.objects.filter(service=service).exists()


def test_the_officer_cannot_approve_a_version_changed_since_they_opened_it(client, service_and_provider):
    service, provider = service_and_provider
    draft = drafts.service_draft_save(acting_user=provider, service=service, expected_version=0,
                                      data={"description": "First wording."})
    revisions.service_submit(acting_user=provider, revision=draft)
    sign_in(client, LocalOfferOfficerFactory())
    url = reverse("directory:revision-review", args=[draft.pk])
    opened = _version_on_review(client.get(url).content.decode())

    # the provider takes it back, changes it and sends it again while the officer reads the first wording
    again = drafts.service_draft_save(acting_user=provider, service=service, expected_version=_seen(draft),
                                      data={"description": "Second wording, not yet read."})
    revisions.service_submit(acting_user=provider, revision=again)

    response = client.post(url, {"decision": "approve", "version": opened}, follow=True)
    assert decisions.STALE_DECISION in html.unescape(response.content.decode())
    service.refresh_from_db()
    assert service.description == "Swimming."  # nothing went live
    assert ServiceRevision.objects.get(pk=draft.pk).status == RevisionStatus.SUBMITTED

    response = client.post(url, {"decision": "reject", "reason": "No", "version": opened})
    assert decisions.STALE_DECISION in _errors(response)
    assert ServiceRevision.objects.get(pk=draft.pk).status == RevisionStatus.SUBMITTED

    # having read it again, the officer's decision goes through
    response = client.post(url, {"decision": "approve", "version": _version_on_review(client.get(url).content.decode())})
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.description == "Second wording, not yet read."


def _version_on_review(page: str) -> str:
    return re.search(r'<input type="hidden" name="version" value="(\d+)">', page).group(1)


def test_saving_a_published_service_unchanged_starts_no_draft(client, service_and_provider):
    """The provider opens "Change this service" and saves without changing anything: no draft for the officer."""
    from pathfinder.core.tests.html_forms import main_form

    service, provider = service_and_provider
    sign_in(client, provider)
    url = reverse("directory:service-edit", args=[service.pk])
    form = main_form(client.get(url).content.decode())
    response = client.post(form.action or url, form.data(), follow=True)
    assert response.status_code == 200
    assert not ServiceRevision.objects.filter(service=service).exists()
    assert "You did not change anything, so there is no draft to send." in html.unescape(response.content.decode())
