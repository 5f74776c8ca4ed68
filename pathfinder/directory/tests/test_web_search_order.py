"""A family sorts Local Offer results by best match, distance or name; with a postcode they are nearest first; and a
page past the end shows the last page rather than a count above an empty list."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from pathfinder.directory.models import OutcodeCentroid, PostcodeCentroid
from pathfinder.directory.search import service_search, sort_for
from pathfinder.directory.tests.factories import LocationFactory, ServiceAtLocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def names(client, **params) -> list[str]:
    response = client.get(reverse("directory:search"), params)
    assert response.status_code == 200
    return [html.unescape(n) for n in re.findall(
        r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="/local-offer/services/[^"]+/">([^<]+)</a>',
        response.content.decode())]


@pytest.fixture
def swims():
    """Three swimming services: the best word match is the farthest away, and names run against distance."""
    PostcodeCentroid.objects.create(postcode="WM1 1AA", outcode="WM1", latitude=51.05, longitude=-0.85)
    OutcodeCentroid.objects.create(outcode="WM1", latitude=51.05, longitude=-0.85)
    far = ServiceFactory(name="Swimming swimming swimming club", description="Swimming lessons, swimming galas.")
    ServiceAtLocationFactory(service=far, location=LocationFactory(latitude=51.25, longitude=-0.85))  # ~22 km
    near = ServiceFactory(name="Wealdmoor pool", description="Open swimming sessions.")
    ServiceAtLocationFactory(service=near, location=LocationFactory(latitude=51.051, longitude=-0.85))
    middle = ServiceFactory(name="Aqua fun", description="Swimming for all.")
    ServiceAtLocationFactory(service=middle, location=LocationFactory(latitude=51.10, longitude=-0.85))  # ~5.5 km
    return far, near, middle


def test_with_a_postcode_results_are_nearest_first_even_with_words(client, swims):
    assert names(client, q="swimming", postcode="WM1 1AA") == [
        "Wealdmoor pool", "Aqua fun", "Swimming swimming swimming club"]


def test_each_sort_orders_the_results(client, swims):
    assert names(client, q="swimming", postcode="WM1 1AA", sort="relevance")[0] == "Swimming swimming swimming club"
    assert names(client, q="swimming", postcode="WM1 1AA", sort="name") == [
        "Aqua fun", "Swimming swimming swimming club", "Wealdmoor pool"]
    assert names(client, q="swimming", sort="name") == ["Aqua fun", "Swimming swimming swimming club", "Wealdmoor pool"]
    assert names(client, q="swimming")[0] == "Swimming swimming swimming club"  # words alone: best match first
    assert names(client, postcode="WM1 1AA", sort="distance") == [
        "Wealdmoor pool", "Aqua fun", "Swimming swimming swimming club"]


def test_the_sort_in_use_is_shown_selected(client, swims):
    page = client.get(reverse("directory:search"), {"q": "swimming", "postcode": "WM1 1AA"}).content.decode()
    assert re.search(r'<option value="distance" selected>', page)
    page = client.get(reverse("directory:search"), {"q": "swimming"}).content.decode()
    assert re.search(r'<option value="relevance" selected>', page)


def test_sorting_by_distance_without_a_postcode_is_explained(client, swims):
    page = html.unescape(client.get(reverse("directory:search"), {"sort": "distance"}).content.decode())
    assert "Enter a postcode to sort by distance" in page and "govuk-error-summary" in page


def test_sort_rules():
    assert sort_for(None, has_text=True, has_point=True) == "distance"
    assert sort_for(None, has_text=True, has_point=False) == "relevance"
    assert sort_for(None, has_text=False, has_point=False) == "name"
    assert sort_for("relevance", has_text=False, has_point=True) == "distance"  # no words: nothing to match
    assert sort_for("distance", has_text=True, has_point=False) == "relevance"  # no postcode: no distance
    assert sort_for("name", has_text=True, has_point=True) == "name"


@pytest.mark.parametrize("params", [{"q": "swimming"}, {}, {"postcode": "WM1 1AA"}])
def test_a_page_past_the_end_shows_the_last_page(client, params):
    PostcodeCentroid.objects.create(postcode="WM1 1AA", outcode="WM1", latitude=51.05, longitude=-0.85)
    for n in range(25):
        service = ServiceFactory(name=f"Pool session {n:02d}", description="Swimming")
        ServiceAtLocationFactory(service=service, location=LocationFactory(latitude=51.05 + n / 1000, longitude=-0.85))
    response = client.get(reverse("directory:search"), {**params, "page": "999"})
    page = html.unescape(response.content.decode())
    assert "25 services found" in page
    assert len(names(client, **params, page="999")) == 5
    assert "There are only 2 pages of results, so this is the last page." in page
    current = page.split('aria-current="page"')[1][:60]
    assert re.match(r">\s*2\s*<", current)  # the pagination marks page 2 as the one shown


def test_the_search_service_clamps_a_page_past_the_end_and_keeps_the_api_s_paging_alone():
    for n in range(3):
        ServiceFactory(name=f"Club {n}")
    result = service_search(page=50, per_page=2)
    assert (result.page, result.requested_page, [s.name for s in result.items]) == (2, 50, ["Club 2"])
    assert service_search(page=1, per_page=2).requested_page == 1


def test_when_nothing_matches_every_word_the_count_and_pages_still_agree(client):
    """The any-part fallback is counted and paged like any search: a page past its end shows its last page."""
    for n in range(25):
        ServiceFactory(name=f"Pool session {n:02d}", description="Swimming")
    ServiceFactory(name="Autism group", description="Parents meet.")
    page = html.unescape(client.get(reverse("directory:search"), {"q": "autism swimming", "page": "999"})
                         .content.decode())
    assert "26 services found" in page and "No service matched all of your words" in page
    assert "There are only 2 pages of results, so this is the last page." in page
    assert len(names(client, q="autism swimming", page="999")) == 6
    assert len(names(client, q="autism swimming", sort="name")) == 20
