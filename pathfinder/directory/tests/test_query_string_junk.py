"""Junk in any query parameter of a Local Offer page (public search, provider and officer pages, comments) gets the
page with an error message, or a 400 or 404: never a server error. Every parameter of every page is tried with
every kind of junk, so a parameter added later without checking is caught here once it is listed."""

from __future__ import annotations

from datetime import time

import pytest
from django.test import Client
from django.urls import reverse

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.directory.models import PostcodeCentroid
from pathfinder.directory.tests.factories import MembershipFactory, ScheduleFactory, ServiceFactory
from pathfinder.directory.web.forms import SearchForm
from pathfinder.feedback.tests.factories import CommentFactory, PublishedCommentFactory

pytestmark = pytest.mark.django_db

JUNK = [
    "25:00", "24:00", "9am", "-1", "0", "999", "99999999999999999999999", "1e10", "NaN", "abc", " ", "%", "\x00",
    "'; DROP TABLE directory_service; --", '"*', "NEAR(", "*", "ZZ9 9ZZ", "x" * 5000, "😀", "[]", "{}", "null",
]
SEARCH_PARAMS = [*SearchForm.base_fields, "page", "unknown"]


@pytest.fixture
def offer():
    PostcodeCentroid.objects.create(postcode="WM1 1AA", outcode="WM1", latitude=51.05, longitude=-0.85)
    service = ServiceFactory(name="Swimming club")
    ScheduleFactory(service=service, byday="MO", opens_at=time(9), closes_at=time(12))
    return service


def _assert_not_a_server_error(client: Client, url: str, params: dict) -> None:
    response = client.get(url, params)
    assert response.status_code in (200, 400, 404), (url, params, response.status_code)


def test_search_survives_junk_in_every_parameter(offer):
    client = Client()
    url = reverse("directory:search")
    for name in SEARCH_PARAMS:
        for value in JUNK:
            _assert_not_a_server_error(client, url, {name: value})
            _assert_not_a_server_error(client, url, {name: [value, value], "q": "swim", "postcode": "WM1 1AA"})


def test_time_25_00_is_an_error_message_not_a_server_error(client, offer):
    response = client.get(reverse("directory:search"), {"time": "25:00"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_public_comment_pages_survive_junk(offer):
    PublishedCommentFactory()
    client = Client()
    for url, names in [(reverse("feedback:comment"), ["service", "page"]),
                       (reverse("feedback:you-said-we-did"), ["year", "page"]),
                       (reverse("directory:information"), ["page"]),
                       (reverse("directory:service", args=[offer.pk]), ["page"])]:
        for name in names:
            for value in JUNK:
                _assert_not_a_server_error(client, url, {name: value})


def test_officer_and_provider_pages_survive_junk(client, offer):
    officer = LocalOfferOfficerFactory()
    comment = CommentFactory()
    membership = MembershipFactory(organisation=offer.organisation)
    pages = [
        (reverse("directory:officer-home"), ["page", "status"]),
        (reverse("directory:officer-reports"), ["page"]),
        (reverse("directory:officer-pages"), ["page"]),
        (reverse("directory:officer-import"), ["page"]),
        (reverse("directory:officer-import-progress", args=["0f8e4b5c-8f69-4b39-9a43-1c7d1c2b9a01"]), ["name"]),
        (reverse("directory:officer-import-progress", args=["junk"]), ["name"]),
        (reverse("feedback:officer-comments"), ["status", "page"]),
        (reverse("feedback:officer-comment", args=[comment.pk]), ["page"]),
        (reverse("feedback:officer-comment-moderate", args=[comment.pk]), ["page"]),
        (reverse("directory:service-manage", args=[offer.pk]), ["page"]),
        (reverse("directory:service-edit", args=[offer.pk]), ["page"]),
        (reverse("directory:service-history", args=[offer.pk]), ["page"]),
    ]
    sign_in(client, officer)
    for url, names in pages:
        for name in names:
            for value in JUNK:
                _assert_not_a_server_error(client, url, {name: value})
    client.logout()
    sign_in(client, membership.user)
    for value in JUNK:
        _assert_not_a_server_error(client, reverse("directory:provider-home"), {"page": value})


API_PARAMS = ["page", "per_page", "text", "taxonomy_term_id", "taxonomy_id", "organization_id", "minimum_age",
              "maximum_age", "postcode", "proximity", "day", "start_time", "end_time", "modified_after", "full_service",
              "is_free", "lat", "lng"]


def test_the_open_referral_api_survives_junk_in_every_parameter(offer):
    """The API reuses the search code, so the same junk must give a 400 (or an empty page), never a 500."""
    from django.core.cache import caches

    client = Client()
    for url in ("/api/oruk/services", "/api/oruk/service_at_locations", "/api/oruk/taxonomy_terms",
                "/api/oruk/taxonomies"):
        for name in API_PARAMS:
            for value in JUNK:
                for store in caches.all():  # the anonymous throttle would otherwise answer 429 before reading them
                    store.clear()
                response = client.get(url, {name: value})
                assert response.status_code in (200, 400), (url, name, value[:20], response.status_code)
