"""The Local Offer's public pages and API answers come from the shared cache, and every change an officer, provider,
import, administrator or the calendar makes shows on the public page and in the API as soon as it is made."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory, ProviderFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.directory import decisions, information_pages, revisions
from pathfinder.directory.cache_middleware import STATUS
from pathfinder.directory.constants import RevisionStatus
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.importers import directory_import_csv
from pathfinder.directory.models import InformationPage, ServiceRevision
from pathfinder.directory.tests.factories import MembershipFactory, ServiceFactory, link, term
from pathfinder.feedback import services as feedback
from pathfinder.feedback.tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public_cache_on(settings):
    settings.PATHFINDER_PUBLIC_CACHE_ENABLED = True
    caches["public"].clear()
    yield
    caches["public"].clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the change's transaction does on commit (each test runs inside a transaction that never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def service_urls(service) -> list[str]:
    return [f"/local-offer/services/{service.pk}/", f"/api/oruk/services/{service.pk}",
            "/local-offer/?q=" + service.name.split()[0], "/api/oruk/services?per_page=50"]


def prime(client, urls: list[str]) -> None:
    """Each address is drawn once and then answered from the cache (so a later change must get past it)."""
    for url in urls:
        assert client.get(url)[STATUS] == "miss", url
        assert client.get(url)[STATUS] == "hit", url


# --- caching itself -----------------------------------------------------------------------------------------

def test_an_anonymous_page_is_kept_and_sent_with_validators_and_a_public_lifetime(client):
    service = ServiceFactory(name="Puddle Jumpers swimming")
    first = client.get(f"/local-offer/services/{service.pk}/")
    second = client.get(f"/local-offer/services/{service.pk}/")
    assert (first[STATUS], second[STATUS]) == ("miss", "hit")
    assert first.content == second.content and b"Puddle Jumpers swimming" in second.content
    assert second["ETag"] == first["ETag"] and second["Last-Modified"]
    assert second["Cache-Control"].startswith("public, max-age=")
    assert "stale-while-revalidate=" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "nonce" not in second["Content-Security-Policy"] and "nonce=" not in second.content.decode()
    assert second["X-Frame-Options"] == "DENY"


def test_a_conditional_request_that_still_matches_is_answered_304(client):
    service = ServiceFactory()
    url = f"/api/oruk/services/{service.pk}"
    first = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_a_signed_in_person_never_gets_or_leaves_a_cached_page(client):
    service = ServiceFactory()
    url = f"/local-offer/services/{service.pk}/"
    anonymous = client.get(url)
    assert anonymous[STATUS] == "miss"
    provider = ProviderFactory(first_name="Zebedee")
    MembershipFactory(user=provider, organisation=service.organisation)
    sign_in(client, provider)
    signed_in = client.get(url)
    assert STATUS not in signed_in and "Zebedee" in signed_in.content.decode()
    assert "public" not in signed_in.get("Cache-Control", "")
    client.logout()
    client.cookies.clear()
    assert "Zebedee" not in client.get(url).content.decode()


def test_pages_with_a_form_token_or_an_error_are_not_kept(client):
    service = ServiceFactory()
    report = f"/local-offer/services/{service.pk}/report/"  # a POST form with a CSRF token
    assert STATUS not in client.get(report) and STATUS not in client.get(report)
    missing = "/local-offer/services/00000000-0000-0000-0000-000000000000/"
    assert client.get(missing).status_code == 404 and STATUS not in client.get(missing)


def test_every_inline_script_is_allowed_by_the_policy_hash_and_no_page_carries_a_nonce(client, settings):
    import base64
    import hashlib
    import re

    response = client.get("/local-offer/")
    html = response.content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
    assert inline, "the GOV.UK template's js-enabled script"
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in response["Content-Security-Policy"]
    assert settings.GOVUK_INLINE_SCRIPT_HASH in response["Content-Security-Policy"]


# --- every kind of change shows at once ----------------------------------------------------------------------

@dataclass
class Change:
    """A change someone can make, what it shows, and which public addresses must show it."""

    name: str
    make: Callable  # (service) -> text the public should now see
    urls: Callable  # (service) -> addresses to check


def _approve(field: str, value: str) -> Callable:
    def make(service):
        officer = LocalOfferOfficerFactory()
        data = ServiceContent.from_service(service).to_data()
        data[field] = value
        revision = ServiceRevision.objects.create(service=service, number=1, data=data,
                                                  status=RevisionStatus.SUBMITTED)
        decisions.service_approve(acting_user=officer, revision=revision, expected_version=revision.version)
        return value
    return make


def _import(service):
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["service_id", "organisation_name", "organisation_kind", "name", "description", "is_free"])
    writer.writerow([service.pk, service.organisation.name, "charity", service.name, "Now on Saturdays too", "yes"])
    report = directory_import_csv(io.StringIO(out.getvalue()), LocalOfferOfficerFactory())
    assert report.updated == 1, report
    return "Now on Saturdays too"


def _organisation_renamed(service):
    service.organisation.name = "Marigold Family Trust"
    service.organisation.save()  # as the admin saves it
    return "Marigold Family Trust"


CHANGES = [
    Change("approved name", _approve("name", "Otters swimming club"), service_urls),
    Change("approved description", _approve("description", "Quiet sessions for children who find noise hard"),
           service_urls),
    Change("approved eligibility", _approve("eligibility", "Children aged 4 to 11 with a disability"),
           lambda s: service_urls(s)[:1]),
    Change("approved fees", _approve("fees", "Four pounds a session"), lambda s: service_urls(s)[:1]),
    Change("imported update", _import, service_urls),
    Change("organisation renamed in the admin", _organisation_renamed, lambda s: service_urls(s)[:2]),
]


@pytest.mark.parametrize("change", CHANGES, ids=[c.name for c in CHANGES])
def test_a_change_shows_on_the_public_page_and_in_the_api_at_once(client, change, committed):
    service = ServiceFactory(name="Otterbury swimming club")
    before = change.urls(service)
    prime(client, before)
    with committed():
        shown = change.make(service)
    service.refresh_from_db()
    for url in change.urls(service):
        assert shown in client.get(url).content.decode(), (change.name, url)


def test_a_service_checked_again_comes_back_into_search_and_the_api(client, committed):
    service = ServiceFactory(name="Kestrel riding lessons", assured_date=timezone.localdate() - timedelta(days=800))
    urls = ["/local-offer/?q=Kestrel", "/api/oruk/services?search=Kestrel"]
    prime(client, urls)
    assert "Kestrel riding lessons" not in client.get(urls[0]).content.decode()
    provider = ProviderFactory()
    MembershipFactory(user=provider, organisation=service.organisation)
    with committed():
        revisions.service_confirm_checked(acting_user=provider, service=service)
    for url in urls:
        assert "Kestrel riding lessons" in client.get(url).content.decode(), url


def test_a_taxonomy_term_renamed_in_the_admin_shows_on_services_and_in_the_api(client, committed):
    service = ServiceFactory()
    need = term("send-needs", "ASD")
    link(service, need)
    urls = [f"/local-offer/services/{service.pk}/", f"/api/oruk/taxonomy_terms/{need.pk}",
            f"/api/oruk/services/{service.pk}"]
    prime(client, urls)
    need.name = "Autism (renamed by the council)"
    with committed():
        need.save()
    for url in urls:
        assert "Autism (renamed by the council)" in client.get(url).content.decode(), url


def test_a_service_hidden_as_stale_leaves_the_public_pages_when_the_day_comes(client, monkeypatch):
    service = ServiceFactory(name="Heron holiday club")
    urls = [f"/local-offer/services/{service.pk}/", "/local-offer/?q=Heron", f"/api/oruk/services/{service.pk}"]
    prime(client, urls)
    later = timezone.localdate() + timedelta(days=800)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: later)
    assert client.get(urls[0]).status_code == 404
    assert "Heron holiday club" not in client.get(urls[1]).content.decode()
    assert client.get(urls[2]).status_code == 404


def test_an_information_page_edit_shows_on_the_page_and_the_lists(client, committed):
    page = InformationPage.objects.create(slug="travel", title="Travel to school", body="Old words.")
    urls = ["/local-offer/information/travel/", "/local-offer/information/", "/local-offer/"]
    prime(client, urls)
    with committed():
        information_pages.information_page_save(acting_user=LocalOfferOfficerFactory(), slug=page.slug,
                                                title="Getting to school", body="New words about buses.")
    assert "New words about buses." in client.get(urls[0]).content.decode()
    assert "Getting to school" in client.get(urls[1]).content.decode()
    assert "Getting to school" in client.get(urls[2]).content.decode()


def test_a_comment_published_shows_on_you_said_we_did(client, committed):
    url = "/local-offer/you-said-we-did/"
    prime(client, [url])
    officer = LocalOfferOfficerFactory()
    comment = CommentFactory(text="The bus page is hard to find")
    with committed():
        comment = feedback.comment_moderate(acting_user=officer, comment=comment, publish=True,
                                            version=comment.version,
                                            published_text="The page about buses was hard to find")
        feedback.comment_respond(acting_user=officer, comment=comment, action="Moved the page",
                                 response="We moved it to the top.", version=comment.version)
    assert "We moved it to the top." in client.get(url).content.decode()


def test_a_change_to_one_service_leaves_other_services_pages_in_the_cache(client, committed):
    changed, other = ServiceFactory(), ServiceFactory()
    other_url = f"/local-offer/services/{other.pk}/"
    prime(client, [other_url, f"/local-offer/services/{changed.pk}/", "/local-offer/"])
    with committed():
        _approve("name", "A new name")(changed)
    assert client.get(other_url)[STATUS] == "hit"
    assert client.get(f"/local-offer/services/{changed.pk}/")[STATUS] == "miss"
    assert client.get("/local-offer/")[STATUS] == "miss"  # lists and search are drawn afresh
