"""A parent searches the Local Offer without signing in: every filter narrows the results, through the real page."""

from __future__ import annotations

import html
import re
from datetime import time

import pytest
from django.urls import reverse

from pathfinder.directory.models import OutcodeCentroid, PostcodeCentroid
from pathfinder.directory.tests.factories import (
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    link,
    term,
)

pytestmark = pytest.mark.django_db


def found(client, **params) -> list[str]:
    response = client.get(reverse("directory:search"), params)
    assert response.status_code == 200
    page = response.content.decode()
    return [html.unescape(n) for n in re.findall(r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="/local-offer/services/[^"]+/">([^<]+)</a>', page)]


def count(client, **params) -> str:
    page = client.get(reverse("directory:search"), params).content.decode()
    return re.search(r'<h2 class="govuk-heading-m" id="results-count">([^<]+)</h2>', page).group(1)


@pytest.fixture
def offer():
    PostcodeCentroid.objects.create(postcode="WM1 1AA", outcode="WM1", latitude=51.05, longitude=-0.85)
    OutcodeCentroid.objects.create(outcode="WM1", latitude=51.05, longitude=-0.85)
    speech = ServiceFactory(name="Speech therapy drop-in", description="Help with talking and understanding.",
                            minimum_age=0, maximum_age=5, is_free=True, in_person=True, online=False, by_phone=False)
    link(speech, term("support-kinds", "therapy"), term("send-needs", "SLCN"))
    ScheduleFactory(service=speech, byday="MO", opens_at=time(9), closes_at=time(12))
    ServiceAtLocationFactory(service=speech, location=LocationFactory(latitude=51.05, longitude=-0.85))

    group = ServiceFactory(name="Autism support group", description="Parents meet and share advice.",
                           minimum_age=5, maximum_age=18, is_free=False, fees="£2 a session",
                           in_person=False, online=True, by_phone=False)
    link(group, term("support-kinds", "support-groups"), term("send-needs", "ASD"))
    ScheduleFactory(service=group, byday="SA", opens_at=time(10), closes_at=time(12))

    breaks = ServiceFactory(name="Weekend short breaks club", description="Activities and a break for carers.",
                            minimum_age=8, maximum_age=25, is_free=True, in_person=True, online=False, by_phone=True)
    link(breaks, term("support-kinds", "short-breaks"), term("send-needs", "PD"))
    ScheduleFactory(service=breaks, byday="SA,SU", opens_at=time(13), closes_at=time(17))
    ServiceAtLocationFactory(service=breaks, location=LocationFactory(latitude=51.30, longitude=-0.85))  # ~28 km
    ServiceFactory(name="Hidden draft", is_published=False)
    return speech, group, breaks


def test_everything_public_is_listed_and_counted(client, offer):
    assert found(client) == ["Autism support group", "Speech therapy drop-in", "Weekend short breaks club"]
    assert count(client) == "3 services found"


def test_words_find_and_rank(client, offer):
    assert found(client, q="speech therapy") == ["Speech therapy drop-in"]
    assert found(client, q="autism support group")[0] == "Autism support group"
    assert found(client, q="trampolining") == []
    assert count(client, q="trampolining") == "0 services found"


@pytest.mark.parametrize(("params", "expected"), [
    ({"need": "ASD"}, ["Autism support group"]),
    ({"need": ["ASD", "PD"]}, ["Autism support group", "Weekend short breaks club"]),
    ({"kind": "health"}, ["Speech therapy drop-in"]),  # a child term (therapies) counts under its parent
    ({"kind": "short-breaks"}, ["Weekend short breaks club"]),
    ({"age": "3"}, ["Speech therapy drop-in"]),
    ({"age": "20"}, ["Weekend short breaks club"]),
    ({"cost": "free"}, ["Speech therapy drop-in", "Weekend short breaks club"]),
    ({"day": "SA"}, ["Autism support group", "Weekend short breaks club"]),
    ({"day": "SA", "time": "14:00"}, ["Weekend short breaks club"]),
    ({"time": "09:00"}, ["Speech therapy drop-in"]),
    ({"delivery": "online"}, ["Autism support group"]),
    ({"delivery": ["phone", "online"]}, ["Autism support group", "Weekend short breaks club"]),
    ({"postcode": "WM1 1AA", "distance": "5"}, ["Speech therapy drop-in"]),
    ({"postcode": "wm11aa", "distance": "20"}, ["Speech therapy drop-in", "Weekend short breaks club"]),
    ({"need": "ASD", "cost": "free"}, []),
])
def test_each_filter_narrows_the_results(client, offer, params, expected):
    assert found(client, **params) == expected


def test_postcode_sorts_by_distance_and_shows_it(client, offer):
    page = client.get(reverse("directory:search"), {"postcode": "WM1 1AA"}).content.decode()
    names = found(client, postcode="WM1 1AA")
    assert names[:2] == ["Speech therapy drop-in", "Weekend short breaks club"]
    assert "0.0 miles away" in page and "17." in page  # about 17 miles to the short breaks club


@pytest.mark.parametrize(("postcode", "message"), [
    ("hello", "Enter a real postcode, like WM1 2AB."),
    ("ZZ9 9ZZ", "We do not recognise the postcode ZZ9 9ZZ. Check it, or search without a postcode."),
])
def test_a_bad_postcode_is_explained_on_the_page(client, offer, postcode, message):
    response = client.get(reverse("directory:search"), {"postcode": postcode})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in page and "govuk-error-summary" in page
    assert f'<a href="#id_postcode">{html.escape(message)}</a>' in page
    assert "govuk-error-message" in page


def test_bad_age_and_distance_without_postcode_are_explained(client, offer):
    page = client.get(reverse("directory:search"), {"age": "40", "distance": "5"}).content.decode()
    assert "Age must be between 0 and 25" in page
    assert "Enter a postcode to search within a distance" in page


def test_active_filters_can_each_be_removed(client, offer):
    page = html.unescape(client.get(reverse("directory:search"), {"q": "group", "need": ["ASD", "PD"],
                                                                  "cost": "free"}).content.decode())
    assert "Filters in use" in page
    links = dict((text.strip(), href) for href, text in re.findall(
        r'<a class="govuk-link pf-filter-tag" href="([^"]+)">([^<]+)<', page))
    assert set(links) == {"Words: group", "Need: Autism", "Need: Physical disability", "Free only"}
    assert "need=ASD" not in links["Need: Autism"] and "need=PD" in links["Need: Autism"]
    assert "q=group" in links["Need: Autism"]
    assert "cost=free" not in links["Free only"]


def test_results_are_paged(client):
    for n in range(25):
        ServiceFactory(name=f"Pool session {n:02d}", description="Swimming")
    page1 = client.get(reverse("directory:search"), {"q": "swimming"}).content.decode()
    assert "25 services found" in page1
    assert len(found(client, q="swimming")) == 20
    assert "govuk-pagination" in page1 and 'href="?q=swimming&amp;page=2"' in page1
    assert len(found(client, q="swimming", page="2")) == 5
    assert found(client, q="swimming", page="abc")  # a silly page number shows the first page
