"""A neighbour's feed comes in: the real HTTP client (requests) reads a real ORUK feed, our own API answering
through a transport adapter at the HTTP boundary (the "neighbour" is one organisation's services, so what we
bring in is never read back as theirs), or canned answers for broken feeds."""

from __future__ import annotations

import html
import io
import json
import uuid
from datetime import timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory, ProviderFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.core.errors import ServiceError
from pathfinder.directory.harvest import client as feed_client
from pathfinder.directory.harvest.models import FeedSubscription, HarvestConflict, HarvestedService, HarvestRun
from pathfinder.directory.harvest.services import (
    feed_harvest,
    feed_subscription_create,
    harvest_conflict_resolve,
)
from pathfinder.directory.models import Service
from pathfinder.directory.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    link,
    term,
)

pytestmark = pytest.mark.django_db
BASE = "https://neighbour.test/api/oruk/"
THEIRS = uuid.UUID("0b5e7d1c-43a4-4c38-9a51-0e2f6c1d9a77")


class DjangoAdapter(requests.adapters.BaseAdapter):
    """Answers requests for neighbour.test from our own API (Django's test client), limited to one organisation,
    or with a canned (status, body) for a path in `canned`. Records every query it is asked."""

    def __init__(self, organisation_id, canned: dict | None = None) -> None:
        super().__init__()
        self.organisation_id, self.canned, self.asked = str(organisation_id), canned or {}, []
        self.django = Client()
        self.map_ids = True  # the neighbour's ids differ from the rows that stand for them here (one database)

    def _ids(self) -> dict[str, str]:
        """Their id -> our row's id, for the neighbour's services."""
        if not self.map_ids:
            return {}
        return {str(uuid.uuid5(THEIRS, str(pk))): str(pk)
                for pk in Service.objects.filter(organisation_id=self.organisation_id).values_list("pk", flat=True)}

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        self.asked.append((parts.path, parse_qs(parts.query)))
        response = requests.Response()
        response.url, response.request = request.url, request
        tail = parts.path.removeprefix("/api/oruk/")
        if tail in self.canned:
            status, body = self.canned[tail]
            if isinstance(body, Exception):
                raise body
            response.status_code = status
            response.raw = io.BytesIO(body.encode() if isinstance(body, str) else body)  # read as a stream
            return response
        query = parse_qs(parts.query)
        if parts.path.rstrip("/").endswith("/services") and self.organisation_id:
            query["organization_id"] = [self.organisation_id]
        ids = self._ids()
        path = parts.path
        for theirs, ours in ids.items():
            path = path.replace(theirs, ours)
        answer = self.django.get(f"{path}?{urlencode(query, doseq=True)}", HTTP_HOST="neighbour.test", secure=True)
        content = answer.content.decode()
        for theirs, ours in ids.items():
            content = content.replace(ours, theirs)
        response.status_code, response.raw = answer.status_code, io.BytesIO(content.encode())
        response.headers["Content-Type"] = answer.get("Content-Type", "")
        return response

    def close(self) -> None:
        pass


@pytest.fixture
def neighbour(settings, monkeypatch):
    """The neighbour's directory: three public services of its organisation (one hidden), and a way in."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"}}
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "neighbour.test", "us.test"]
    settings.PATHFINDER_HARVEST_ALLOWED_HOSTS = ["neighbour.test", "us.test"]  # not resolvable: answered below
    # The neighbour answers from this test's database, which only the test's own thread can see (its transaction is
    # never committed): details one at a time, in this thread. The pool is tested against a feed without a database
    # (test_harvest_details.py).
    settings.PATHFINDER_HARVEST_DETAIL_CONCURRENCY = 1
    org = OrganisationFactory(name="Eastshire Autism Hub")
    swim = ServiceFactory(organisation=org, name="Eastshire quiet swim", eligibility="Autistic children",
                          how_to_access="Book online", referral_route="both", online=True, by_phone=True)
    link(swim, term("send-needs", "ASD"))
    ServiceAtLocationFactory(service=swim, location=LocationFactory(postcode="WM1 1AA"))
    ScheduleFactory(service=swim, byday="SA")
    ServiceFactory(organisation=org, name="Eastshire sign club")
    ServiceFactory(organisation=org, name="Eastshire parent forum")
    ServiceFactory(organisation=org, name="Eastshire unpublished", is_published=False)
    adapter = DjangoAdapter(org.pk)
    monkeypatch.setattr(feed_client, "new_session", lambda: _session(adapter))
    return org, adapter


def _session(adapter) -> requests.Session:
    session = requests.Session()
    session.mount("https://", adapter)
    return session


def _their_id(service) -> str:
    return str(uuid.uuid5(THEIRS, str(service.pk)))


def _subscribe(officer=None) -> FeedSubscription:
    return feed_subscription_create(acting_user=officer or LocalOfferOfficerFactory(), name="Eastshire",
                                    base_url=BASE)


def _ours(subscription):
    return Service.objects.filter(harvested_from__subscription=subscription)


def test_first_harvest_brings_in_every_public_service_marked_with_its_source(neighbour):
    org, adapter = neighbour
    subscription = _subscribe()
    run = feed_harvest(subscription=subscription)
    assert run.status == HarvestRun.Status.DONE and run.message == ""
    assert (run.added, run.updated, run.refused, run.conflicts) == (3, 0, 0, 0)
    mine = _ours(subscription)
    assert sorted(mine.values_list("name", flat=True)) == ["Eastshire parent forum", "Eastshire quiet swim",
                                                           "Eastshire sign club"]
    assert all(s.is_published for s in mine) and org.pk not in {s.organisation_id for s in mine}
    swim = mine.get(name="Eastshire quiet swim")
    assert swim.harvested_from.remote_id == _their_id(Service.objects.get(name="Eastshire quiet swim", organisation=org))
    assert (swim.eligibility, swim.how_to_access, swim.referral_route) == ("Autistic children", "Book online", "both")
    assert (swim.in_person, swim.online, swim.by_phone) == (True, True, True)
    assert list(swim.terms.values_list("code", flat=True)) == ["ASD"]  # not the delivery terms: those are flags
    assert swim.service_at_locations.get().location.postcode == "WM1 1AA" and swim.schedules.get().byday == "SA"
    assert subscription.last_harvested_at is not None
    assert "modified_after" not in str(adapter.asked)  # nothing to ask "since" the first time


def test_next_harvest_asks_only_for_what_changed_and_updates_it(neighbour):
    org, adapter = neighbour
    subscription = _subscribe()
    feed_harvest(subscription=subscription)
    Service.objects.filter(organisation=org).update(last_modified=timezone.now() - timedelta(days=3))
    FeedSubscription.objects.filter(pk=subscription.pk).update(last_harvested_at=timezone.now() - timedelta(days=1))
    remote = Service.objects.get(organisation=org, name="Eastshire sign club")
    Service.objects.filter(pk=remote.pk).update(description="Now on Tuesdays too", last_modified=timezone.now())
    adapter.asked.clear()
    subscription.refresh_from_db()
    run = feed_harvest(subscription=subscription)
    assert (run.added, run.updated, run.conflicts) == (0, 1, 0)
    asked = [q for path, q in adapter.asked if path.endswith("/services")]
    assert asked and all("modified_after" in q for q in asked)
    assert _ours(subscription).get(name="Eastshire sign club").description == "Now on Tuesdays too"
    assert [i["outcome"] for i in run.items] == ["updated"]


def test_a_local_edit_is_never_overwritten_silently(neighbour):
    org, _ = neighbour
    officer = LocalOfferOfficerFactory()
    subscription = _subscribe(officer)
    feed_harvest(subscription=subscription)
    mine = _ours(subscription).get(name="Eastshire sign club")
    Service.objects.filter(pk=mine.pk).update(description="Our own words", version=mine.version + 1)  # approved edit
    Service.objects.filter(organisation=org, name="Eastshire sign club").update(
        description="Their new words", last_modified=timezone.now() + timedelta(seconds=5))
    run = feed_harvest(subscription=subscription)
    assert run.conflicts == 1 and run.updated == 0
    mine.refresh_from_db()
    assert mine.description == "Our own words"
    conflict = HarvestConflict.objects.get(run=run)
    harvest_conflict_resolve(acting_user=officer, conflict=conflict, take_theirs=True)
    mine.refresh_from_db()
    assert mine.description == "Their new words" and mine.harvested_from.harvested_version == mine.version
    with pytest.raises(ServiceError):
        harvest_conflict_resolve(acting_user=officer, conflict=conflict, take_theirs=False)


def test_keeping_ours_keeps_it(neighbour):
    org, _ = neighbour
    officer = LocalOfferOfficerFactory()
    subscription = _subscribe(officer)
    feed_harvest(subscription=subscription)
    mine = _ours(subscription).get(name="Eastshire parent forum")
    Service.objects.filter(pk=mine.pk).update(name="Eastshire parents' forum", version=mine.version + 1)
    Service.objects.filter(organisation=org, name="Eastshire parent forum").update(
        description="Changed there", last_modified=timezone.now() + timedelta(seconds=5))
    run = feed_harvest(subscription=subscription)
    harvest_conflict_resolve(acting_user=officer, conflict=run.conflict_rows.get(), take_theirs=False)
    mine.refresh_from_db()
    assert mine.name == "Eastshire parents' forum" and mine.description != "Changed there"
    assert feed_harvest(subscription=subscription).conflicts == 0  # settled: not asked again until it changes


@pytest.mark.parametrize(
    "canned, words",
    [
        ({"": (200, "<html>Welcome</html>")}, "did not send JSON"),
        ({"": (200, json.dumps({"hello": "world"}))}, "not an Open Referral UK 3.0 API"),
        ({"": (404, "")}, "not found"),
        ({"": (500, "")}, "server failed"),
        ({"": (0, requests.ConnectionError())}, "Could not reach"),
        ({"": (0, requests.ReadTimeout())}, "did not answer in time"),
    ],
)
def test_subscribing_to_something_that_is_not_an_oruk_feed_is_refused_with_the_reason(neighbour, canned, words):
    _, adapter = neighbour
    adapter.canned = canned
    with pytest.raises(ServiceError) as refused:
        _subscribe()
    assert words in refused.value.message and refused.value.field == "base_url"
    assert not FeedSubscription.objects.exists()


@pytest.mark.parametrize(
    "canned, words",
    [
        ({"services": (500, "oops")}, "server failed (500)"),
        ({"services": (200, "{not json")}, "did not send JSON"),
        ({"services": (200, json.dumps({"items": []}))}, "no 'contents' list"),
    ],
)
def test_a_broken_feed_fails_the_run_with_the_reason_and_saves_nothing(neighbour, canned, words):
    _, adapter = neighbour
    subscription = _subscribe()
    before = Service.objects.count()
    adapter.canned = canned
    run = feed_harvest(subscription=subscription)
    assert run.status == HarvestRun.Status.FAILED and words in run.message
    assert Service.objects.count() == before and not HarvestedService.objects.exists()
    subscription.refresh_from_db()
    assert subscription.last_harvested_at is None  # the next harvest asks for everything again


def test_a_service_that_fails_a_detail_fetch_half_way_saves_nothing(neighbour):
    org, adapter = neighbour
    subscription = _subscribe()
    last = Service.objects.filter(organisation=org, is_published=True).order_by("name", "id").last()
    adapter.canned = {f"services/{_their_id(last)}": (500, "")}
    before = Service.objects.count()
    run = feed_harvest(subscription=subscription)
    assert run.status == HarvestRun.Status.FAILED and Service.objects.count() == before


def test_an_invalid_service_is_refused_with_why_and_the_rest_come_in(neighbour):
    org, adapter = neighbour
    subscription = _subscribe()
    bad = Service.objects.filter(organisation=org, name="Eastshire parent forum").get()
    body = json.loads(Client().get(f"/api/oruk/services/{bad.pk}").content)
    body["email"], body["id"] = "not an email", _their_id(bad)
    adapter.canned = {f"services/{_their_id(bad)}": (200, json.dumps(body))}
    run = feed_harvest(subscription=subscription)
    assert (run.added, run.refused) == (2, 1)
    refused = [i for i in run.items if i["outcome"] == "refused"]
    assert refused[0]["remote_id"] == _their_id(bad) and "Email" in refused[0]["reason"]
    assert not _ours(subscription).filter(name="Eastshire parent forum").exists()


def test_only_the_officer_may_subscribe_or_harvest(neighbour):
    with pytest.raises(ServiceError):
        feed_subscription_create(acting_user=ProviderFactory(), name="x", base_url=BASE)


def test_the_officer_subscribes_harvests_now_and_reads_the_report(client, neighbour):
    sign_in(client, LocalOfferOfficerFactory())
    empty = client.post(reverse("directory:feeds"), {"name": "", "base_url": "nonsense"})
    page = html.unescape(empty.content.decode())
    assert "Enter whose directory it is" in page and "Enter the address of the API" in page
    response = client.post(reverse("directory:feeds"), {"name": "Eastshire", "base_url": BASE}, follow=True)
    assert "Harvest now" in response.content.decode()
    again = client.post(reverse("directory:feeds"), {"name": "Eastshire", "base_url": BASE})
    assert "already bring in services from this address" in html.unescape(again.content.decode())
    subscription = FeedSubscription.objects.get()
    report = client.post(reverse("directory:feed", args=[subscription.pk]), follow=True)
    page = html.unescape(report.content.decode())
    assert "Harvest report" in page and "3 new services added" in page and "Eastshire quiet swim" in page
    assert client.get(reverse("directory:feeds")).status_code == 200


def test_the_report_shows_conflicts_and_the_officer_chooses(client, neighbour):
    org, _ = neighbour
    officer = LocalOfferOfficerFactory()
    sign_in(client, officer)
    subscription = _subscribe(officer)
    feed_harvest(subscription=subscription)
    mine = _ours(subscription).get(name="Eastshire sign club")
    Service.objects.filter(pk=mine.pk).update(description="Ours", version=mine.version + 1)
    Service.objects.filter(organisation=org, name="Eastshire sign club").update(
        description="Theirs", last_modified=timezone.now() + timedelta(seconds=5))
    run = feed_harvest(subscription=subscription)
    page = html.unescape(client.get(reverse("directory:feed-run", args=[run.pk])).content.decode())
    assert "choose which to keep" in page and "Theirs" in page and "Keep ours" in page
    conflict = run.conflict_rows.get()
    client.post(reverse("directory:feed-conflict", args=[conflict.pk]), {"decision": "theirs"})
    mine.refresh_from_db()
    assert mine.description == "Theirs"


def test_other_roles_cannot_open_the_pages(client, neighbour):
    subscription = _subscribe()
    sign_in(client, ProviderFactory())
    for url in (reverse("directory:feeds"), reverse("directory:feed", args=[subscription.pk])):
        assert client.get(url).status_code in (302, 403, 404)


def test_the_scheduled_command_harvests_every_active_feed(neighbour, capsys):
    subscription = _subscribe()
    call_command("harvest_feeds")
    assert "Eastshire: 3 added" in capsys.readouterr().out
    assert _ours(subscription).count() == 3


def test_odd_ids_and_wrong_shapes_are_refused_not_fetched(neighbour):
    _, adapter = neighbour
    subscription = _subscribe()
    page = {"total_items": 2, "total_pages": 1, "page_number": 1, "size": 2, "first_page": True, "last_page": True,
            "empty": False, "contents": [{"id": "../../admin", "name": "Sneaky"}, {"id": "weird", "name": "Weird"}]}
    weird = {"id": "weird", "name": "Weird", "status": "active", "description": "x", "organization": "oops"}
    adapter.canned = {"services": (200, json.dumps(page)), "services/weird": (200, json.dumps(weird))}
    run = feed_harvest(subscription=subscription)
    assert run.status == HarvestRun.Status.DONE and (run.added, run.refused) == (0, 2)
    assert [i["name"] for i in run.items] == ["Sneaky", "Weird"]
    assert not any("admin" in path for path, _ in adapter.asked)


def test_a_second_harvest_while_one_runs_is_refused(neighbour):
    subscription = _subscribe()
    HarvestRun.objects.create(subscription=subscription, status=HarvestRun.Status.RUNNING)
    run = feed_harvest(subscription=subscription)
    assert run.status == HarvestRun.Status.FAILED and "Another harvest" in run.message


def test_a_throttled_feed_is_waited_for_as_it_asks(neighbour, monkeypatch):
    from pathfinder.directory.harvest import pacing

    _, adapter = neighbour
    waits: list[float] = []
    monkeypatch.setattr(pacing, "wait", waits.append)
    subscription = _subscribe()
    answer = adapter.send

    def throttle_twice(request, **kwargs):
        if len(waits) < 2 and "/services" in request.url:
            response = requests.Response()
            response.status_code, response.raw, response.headers["Retry-After"] = 429, io.BytesIO(b"{}"), "7"
            return response
        return answer(request, **kwargs)

    monkeypatch.setattr(adapter, "send", throttle_twice)
    run = feed_harvest(subscription=subscription)
    assert run.status == HarvestRun.Status.DONE and run.added == 3 and waits == [7.0, 7.0]


def test_services_keep_their_ids_so_a_feed_that_harvests_ours_back_brings_in_nothing_twice(neighbour):
    org, adapter = neighbour
    subscription = _subscribe()
    feed_harvest(subscription=subscription)
    theirs = {uuid.uuid5(THEIRS, str(pk)) for pk in Service.objects.filter(organisation=org, is_published=True)
              .values_list("pk", flat=True)}
    assert set(_ours(subscription).values_list("pk", flat=True)) == theirs  # the same ids as in their feed
    # Harvesting a feed that holds services we already have (here: the whole of our own Local Offer).
    adapter.organisation_id, adapter.map_ids = "", False
    own = feed_subscription_create(acting_user=LocalOfferOfficerFactory(), name="Us", base_url="https://us.test/api/oruk/")
    before, public = Service.objects.count(), Service.objects.filter(is_published=True).count()
    adapter.asked.clear()
    run = feed_harvest(subscription=own)
    assert run.added == 0 and run.refused == public == 6 and Service.objects.count() == before
    assert all("Already in our Local Offer" in i["reason"] for i in run.items)
    assert adapter.asked and not [path for path, _ in adapter.asked if "/services/" in path]  # no detail fetched


# --- Caps, withdrawing what left the feed, batches, decisions (issue 12 part 2) ------------------------------------


def _pages_of_two(monkeypatch) -> None:
    monkeypatch.setattr(feed_client, "PER_PAGE", 2)  # the neighbour's three services: two pages


def _answer_page_two_with(adapter, monkeypatch, body: bytes) -> None:
    answer = adapter.send

    def send(request, **kwargs):
        parts = urlsplit(request.url)
        if parts.path.endswith("/services") and parse_qs(parts.query).get("page") == ["2"]:
            response = requests.Response()
            response.status_code, response.raw, response.url = 200, io.BytesIO(body), request.url
            return response
        return answer(request, **kwargs)

    monkeypatch.setattr(adapter, "send", send)


def test_a_page_past_the_size_cap_stops_the_run_keeps_what_came_before_and_the_next_run_resumes(
        neighbour, monkeypatch, settings):
    org, adapter = neighbour
    _pages_of_two(monkeypatch)
    settings.PATHFINDER_HARVEST_MAX_RESPONSE_BYTES = 20_000
    subscription = _subscribe()
    answer = adapter.send
    _answer_page_two_with(adapter, monkeypatch, b'{"contents": [' + b'{"id": "x"},' * 3000 + b'{}]}')
    run = feed_harvest(subscription=subscription)
    assert run.status == HarvestRun.Status.FAILED and "so reading stopped there" in run.message, run.message
    assert "Page 2 of the feed's services" in run.message and (run.added, run.pages) == (2, 1) and _ours(subscription).count() == 2  # page 1 was kept
    subscription.refresh_from_db()
    assert subscription.last_harvested_at is None
    monkeypatch.setattr(adapter, "send", answer)
    adapter.asked.clear()
    again = feed_harvest(subscription=subscription)
    assert again.status == HarvestRun.Status.DONE and (again.added, again.unchanged) == (1, 2)
    details = [path for path, _ in adapter.asked if "/services/" in path]
    assert details == [f"/api/oruk/services/{_their_id(Service.objects.get(organisation=org, name='Eastshire sign club'))}"]


def test_a_feed_past_the_page_cap_stops_there_and_keeps_those_pages(neighbour, monkeypatch, settings):
    _pages_of_two(monkeypatch)
    settings.PATHFINDER_HARVEST_MAX_PAGES = 1
    subscription = _subscribe()
    run = feed_harvest(subscription=subscription)
    assert run.status == HarvestRun.Status.FAILED and "past page 1 of its services" in run.message
    assert run.added == 2 and _ours(subscription).count() == 2


def test_a_complete_listing_withdraws_services_gone_from_the_feed_and_shows_them_again_when_back(neighbour):
    org, _ = neighbour
    subscription = _subscribe()
    feed_harvest(subscription=subscription)
    Service.objects.filter(organisation=org, name="Eastshire sign club").update(is_published=False)  # gone there
    incremental = feed_harvest(subscription=subscription)
    assert incremental.changed_since is not None and incremental.withdrawn == 0
    assert _ours(subscription).get(name="Eastshire sign club").is_published  # an incremental run cannot know
    full = feed_harvest(subscription=subscription, full=True)
    assert full.status == HarvestRun.Status.DONE and full.changed_since is None and full.withdrawn == 1
    gone = _ours(subscription).get(name="Eastshire sign club")
    assert not gone.is_published and gone.harvested_from.withdrawn  # withdrawn, not deleted
    assert [i["name"] for i in full.items if i["outcome"] == "withdrawn"] == ["Eastshire sign club"]
    assert feed_harvest(subscription=subscription, full=True).withdrawn == 0  # not withdrawn twice
    Service.objects.filter(organisation=org, name="Eastshire sign club").update(is_published=True)
    back = feed_harvest(subscription=subscription, full=True)
    assert back.returned == 1 and back.withdrawn == 0
    gone.refresh_from_db()
    assert gone.is_published and not gone.harvested_from.withdrawn


def test_a_partial_complete_listing_withdraws_nothing(neighbour, monkeypatch):
    org, adapter = neighbour
    _pages_of_two(monkeypatch)
    ServiceFactory(organisation=org, name="Eastshire art club")
    subscription = _subscribe()
    assert feed_harvest(subscription=subscription).added == 4
    Service.objects.filter(organisation=org, name="Eastshire art club").update(is_published=False)  # gone there
    _answer_page_two_with(adapter, monkeypatch, b"<html>oops</html>")  # and the listing fails on its last page
    run = feed_harvest(subscription=subscription, full=True)
    assert run.status == HarvestRun.Status.FAILED and "Page 2" in run.message and run.withdrawn == 0
    assert _ours(subscription).filter(is_published=True).count() == 4


def test_a_gone_service_edited_here_waits_for_the_officer_whose_decision_is_recorded(client, neighbour):
    org, _ = neighbour
    officer = LocalOfferOfficerFactory()
    subscription = _subscribe(officer)
    feed_harvest(subscription=subscription)
    mine = _ours(subscription).get(name="Eastshire quiet swim")
    Service.objects.filter(pk=mine.pk).update(description="Our own words", version=mine.version + 1)
    Service.objects.filter(organisation=org, name="Eastshire quiet swim").update(is_published=False)
    run = feed_harvest(subscription=subscription, full=True)
    assert (run.withdrawn, run.conflicts) == (0, 1)
    mine.refresh_from_db()
    assert mine.is_published  # never withdrawn silently
    conflict = run.conflict_rows.get()
    assert conflict.kind == HarvestConflict.Kind.GONE and conflict.incoming is None
    assert feed_harvest(subscription=subscription, full=True).conflicts == 0  # asked once
    sign_in(client, officer)
    page = html.unescape(client.get(reverse("directory:feed-run", args=[run.pk])).content.decode())
    assert "no longer in the other directory" in page and "Withdraw it" in page
    client.post(reverse("directory:feed-conflict", args=[conflict.pk]), {"decision": "theirs"})
    mine.refresh_from_db()
    conflict.refresh_from_db()
    assert not mine.is_published and conflict.decided_by == officer and conflict.decided_at is not None
    assert [(h.history_type, h.decision, h.history_user) for h in conflict.history.order_by("history_date")] == [
        ("+", "", None), ("~", "theirs", officer)]
    page = html.unescape(client.get(reverse("directory:feed-run", args=[run.pk])).content.decode())
    assert f"Withdrew it from our Local Offer, as the other directory did: decided by {officer.display_name}" in page


def test_keeping_ours_is_recorded_with_who_and_when_on_the_report(client, neighbour):
    org, _ = neighbour
    officer = LocalOfferOfficerFactory()
    subscription = _subscribe(officer)
    feed_harvest(subscription=subscription)
    mine = _ours(subscription).get(name="Eastshire sign club")
    Service.objects.filter(pk=mine.pk).update(description="Ours", version=mine.version + 1)
    Service.objects.filter(organisation=org, name="Eastshire sign club").update(
        description="Theirs", last_modified=timezone.now() + timedelta(seconds=5))
    run = feed_harvest(subscription=subscription)
    sign_in(client, officer)
    client.post(reverse("directory:feed-conflict", args=[run.conflict_rows.get().pk]), {"decision": "ours"})
    conflict = run.conflict_rows.get()
    assert (conflict.decision, conflict.decided_by) == ("ours", officer)
    assert conflict.history.latest().history_user == officer
    page = html.unescape(client.get(reverse("directory:feed-run", args=[run.pk])).content.decode())
    assert f"Kept our version: decided by {officer.display_name} on" in page


def test_new_services_are_written_in_bulk_not_a_few_queries_each(neighbour):
    """The writes of a page do not grow with its services: 3 or 30 new services take the same INSERTs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    org, _ = neighbour

    def inserts_for_a_first_harvest(name: str) -> int:
        subscription = feed_subscription_create(acting_user=None, name=name, base_url=BASE)
        with CaptureQueriesContext(connection) as queries:
            run = feed_harvest(subscription=subscription)
        assert run.status == HarvestRun.Status.DONE
        return sum(1 for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("INSERT"))

    few = inserts_for_a_first_harvest("neighbour")
    for n in range(27):
        swim = ServiceFactory(organisation=org, name=f"Eastshire club {n:02d}")
        ServiceAtLocationFactory(service=swim, location=LocationFactory(postcode="WM1 1AA"))
        ScheduleFactory(service=swim, byday="MO")
    Service.objects.filter(harvested_from__isnull=False).delete()
    FeedSubscription.objects.all().delete()
    many = inserts_for_a_first_harvest("neighbour")
    assert Service.objects.filter(harvested_from__isnull=False).count() == 30
    assert many <= few + 2, (few, many)


def test_the_public_page_and_the_api_say_where_a_harvested_service_comes_from(client, neighbour):
    from pathfinder.directory.tests.test_api_conformance import check

    org, _ = neighbour
    subscription = feed_subscription_create(acting_user=None, name="Eastshire County Council's Local Offer",
                                            base_url=BASE, website="https://eastshire.example/local-offer")
    feed_harvest(subscription=subscription)
    mine = _ours(subscription).get(name="Eastshire sign club")
    page = html.unescape(client.get(reverse("directory:service", args=[mine.pk])).content.decode())
    assert ("This service's details come from <a class=\"govuk-link\" href=\"https://eastshire.example/local-offer\">"
            "Eastshire County Council's Local Offer</a>. We last checked them there on") in page
    local = Service.objects.get(organisation=org, name="Eastshire sign club")
    own_page = html.unescape(client.get(reverse("directory:service", args=[local.pk])).content.decode())
    assert "details come from" not in own_page and "Last checked:" in own_page
    body = client.get(f"/api/oruk/services/{mine.pk}").json()
    check(body, "/services/{id}")  # still the official ORUK 3.0 shape
    [source] = body["metadata"]
    assert (source["updated_by"], source["replacement_value"], source["resource_id"]) == (
        "Eastshire County Council's Local Offer", f"{BASE}services/{mine.harvested_from.remote_id}", str(mine.pk))
    assert source["last_action_type"] == "harvested" and source["last_action_date"] == timezone.now().date().isoformat()
    assert "metadata" not in client.get(f"/api/oruk/services/{local.pk}").json()


def test_the_officer_gives_the_directory_s_website_when_subscribing(client, neighbour):
    sign_in(client, LocalOfferOfficerFactory())
    client.post(reverse("directory:feeds"), {"name": "Eastshire", "base_url": BASE,
                                             "website": "https://eastshire.example/"})
    assert FeedSubscription.objects.get().website == "https://eastshire.example/"


def test_one_oversized_service_is_refused_with_the_reason_and_the_rest_come_in(neighbour, settings):
    org, adapter = neighbour
    settings.PATHFINDER_HARVEST_MAX_RESPONSE_BYTES = 20_000
    subscription = _subscribe()
    big = Service.objects.get(organisation=org, name="Eastshire parent forum")
    adapter.canned = {f"services/{_their_id(big)}": (200, '{"name": "' + "x" * 30_000 + '"}')}
    run = feed_harvest(subscription=subscription)
    assert run.status == HarvestRun.Status.DONE and (run.added, run.refused) == (2, 1)
    [refused] = [i for i in run.items if i["outcome"] == "refused"]
    assert refused["remote_id"] == _their_id(big) and "so reading stopped there" in refused["reason"]


def test_the_report_of_a_run_stopped_part_way_says_what_was_kept(client, neighbour, monkeypatch):
    _, adapter = neighbour
    _pages_of_two(monkeypatch)
    officer = LocalOfferOfficerFactory()
    subscription = _subscribe(officer)
    _answer_page_two_with(adapter, monkeypatch, b"<html>oops</html>")
    run = feed_harvest(subscription=subscription)
    sign_in(client, officer)
    page = html.unescape(client.get(reverse("directory:feed-run", args=[run.pk])).content.decode())
    assert "The harvest did not work" in page and "Page 2 of the feed's services" in page
    assert "What was read before it stopped was kept: 2 new services added" in page and "Nothing was withdrawn" in page
