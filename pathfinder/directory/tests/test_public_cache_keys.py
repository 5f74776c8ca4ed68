"""The public cache keeps one entry for one meaning: the same query written another way is a hit, a query the view
reads differently never is. Last-Modified is when the content last changed, and the 304s still follow it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from pathfinder.directory.cache_middleware import SEARCH_PAGE, STATUS
from pathfinder.directory.cache_query import QueryMeaning, canonical_query
from pathfinder.directory.public_cache import DIRECTORY, local_offer_changed, service_scope
from pathfinder.directory.tests.factories import ServiceFactory, link, term

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public_cache_on(settings):
    settings.PATHFINDER_PUBLIC_CACHE_ENABLED = True
    caches["public"].clear()
    yield
    caches["public"].clear()


@pytest.fixture
def swimming():
    return link(ServiceFactory(name="Sensory swimming", description="Quiet swimming sessions.", minimum_age=None,
                               maximum_age=None), term("send-needs", "HI"))


def test_the_same_search_written_another_way_is_one_entry(client, swimming):
    first = client.get("/local-offer/?q=swimming&age=7&need=HI&need=ASD")
    assert first[STATUS] == "miss" and "Sensory swimming" in first.content.decode()
    for same in ("/local-offer/?age=7&q=swimming&need=HI&need=ASD",  # another order
                 "/local-offer/?need=ASD&need=HI&q=swimming&age=7",  # needs in another order: any of them will do
                 "/local-offer/?q=++swimming+&age=7&day=&page=&need=HI&need=ASD",  # blanks
                 "/local-offer/?q=swimming&age=3&age=7&need=HI&need=ASD"):  # the form reads the last age given
        again = client.get(same)
        assert again[STATUS] == "hit", same
        assert again.content == first.content and again["ETag"] == first["ETag"]


def test_a_search_the_page_reads_differently_is_never_the_same_entry(client, swimming):
    assert client.get("/local-offer/?q=swimming")[STATUS] == "miss"
    assert client.get("/local-offer/?q=Swimming")[STATUS] == "miss"  # the page shows the words back as typed
    empty = client.get("/local-offer/?q=swimming&q=")  # the last q is blank: no words at all
    assert empty[STATUS] == "miss"
    assert client.get("/local-offer/")[STATUS] == "hit"  # ... which is the page without words
    assert client.get("/local-offer/?need=")[STATUS] != "hit"  # a blank need is refused, not "no need"


def test_the_api_keeps_one_entry_for_one_meaning(client, swimming):
    first = client.get("/api/oruk/services?per_page=5&page=1&day=MO")
    assert first.status_code == 200 and first[STATUS] == "miss"
    for same in ("/api/oruk/services?page=1&per_page=5&day=mo",  # day is read without regard to case
                 "/api/oruk/services?day=MO&page=1&per_page=5&search=",  # blank: not given
                 "/api/oruk/services?day=MO&page=1&per_page=5&search=%20%20",
                 "/api/oruk/services?day=MO&page=2&page=1&per_page=5"):  # the last page given is read
        assert client.get(same)[STATUS] == "hit", same
    # Refused, blank or not: an unknown parameter, and a format other than json.
    assert client.get("/api/oruk/services?day=MO&page=1&per_page=5&serch=").status_code == 400
    assert client.get("/api/oruk/services?day=MO&page=1&per_page=5&format=").status_code == 400
    assert client.get("/api/oruk/services?day=MO&page=1&per_page=5&search=swimming")[STATUS] == "miss"


@pytest.mark.parametrize(("asked", "written"), [
    ("b=2&a=1", "a=1&b=2"),
    ("q=+speech+++therapy+&page=", "q=speech+therapy"),
    ("q=a&q=", ""),
    ("q=&q=a", "q=a"),
    ("postcode=wm1++1qy", "postcode=WM1+1QY"),
    ("need=HI&need=&need=ASD", "need=&need=ASD&need=HI"),  # a blank need is kept: the form refuses it
    ("day=+", "day=+"),  # not a blank to a choice: the form refuses " "
    ("x=%41&x=", "x=A"),
])
def test_the_search_pages_query_is_written_one_way(asked, written):
    assert canonical_query(asked, SEARCH_PAGE) == written


def test_a_value_too_long_is_never_shortened_into_one_accepted():
    words = "a  " * 80  # 240 characters: refused; with single spaces, 160 would be accepted
    assert canonical_query(f"q={words}", SEARCH_PAGE) == "q=" + ("a++" * 80).rstrip("+")
    assert canonical_query("q=a%20%20b", SEARCH_PAGE) == "q=a+b"
    assert canonical_query("b=1&a=2&a=1", QueryMeaning()) == "a=2&a=1&b=1"  # order of one name's values kept


# --- Last-Modified ----------------------------------------------------------------------------------------------


def test_last_modified_is_when_the_content_changed_not_when_it_was_cached(client, swimming, monkeypatch,
                                                                         django_capture_on_commit_callbacks):
    import pathfinder.directory.public_cache as public_cache

    changed_at = timezone.now() - timedelta(hours=3)
    type(swimming).objects.filter(pk=swimming.pk).update(last_modified=changed_at - timedelta(days=2))
    monkeypatch.setattr(public_cache.time, "time", lambda: changed_at.timestamp())
    with django_capture_on_commit_callbacks(execute=True):
        local_offer_changed(service_scope(swimming.pk), DIRECTORY)
    monkeypatch.undo()
    url = f"/local-offer/services/{swimming.pk}/"
    page = client.get(url)
    assert page[STATUS] == "miss"
    assert page["Last-Modified"] == http_date(changed_at.timestamp())  # three hours ago, though cached just now
    assert client.get(url)["Last-Modified"] == page["Last-Modified"]
    # 304 when nothing changed since; 200 when asked about a time before the change.
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=page["Last-Modified"]).status_code == 304
    earlier = http_date(changed_at.timestamp() - 60)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=page["ETag"]).status_code == 304


def test_a_change_moves_last_modified_on_and_a_stale_validator_gets_the_new_page(client, swimming,
                                                                                 django_capture_on_commit_callbacks):
    url = f"/api/oruk/services/{swimming.pk}"
    before = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        type(swimming).objects.filter(pk=swimming.pk).update(name="Sensory swimming club")
        local_offer_changed(service_scope(swimming.pk))
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"], HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
    assert after.status_code == 200 and "Sensory swimming club" in after.content.decode()
    assert parse_http_date(after["Last-Modified"]) >= parse_http_date(before["Last-Modified"])


def test_without_a_recorded_change_a_page_is_as_old_as_the_directory_s_last_approved_change(client, swimming):
    approved = timezone.now() - timedelta(days=40)
    type(swimming).objects.filter(pk=swimming.pk).update(last_modified=approved)
    page = client.get(f"/local-offer/services/{swimming.pk}/")
    assert page["Last-Modified"] == http_date(approved.timestamp())
    # A page listing services is never older than today's start: the stale-service sweep changes it at midnight.
    listing = client.get("/api/oruk/services")
    midnight = timezone.make_aware(timezone.datetime.combine(timezone.localdate(), timezone.datetime.min.time()))
    assert parse_http_date(listing["Last-Modified"]) == int(midnight.timestamp())
