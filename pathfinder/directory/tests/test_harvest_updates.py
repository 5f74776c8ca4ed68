"""Changed services are written in bulk, a page at a time: the queries do not grow with the page, every field of
the feed's new version is live afterwards, and the rows are exactly those the one-service-at-a-time path
(writer.apply_one, still used when the officer settles a conflict) writes. Local edits still become conflicts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pathfinder.directory.content import ServiceContent
from pathfinder.directory.harvest import client as feed_client
from pathfinder.directory.harvest import harvesting, writer
from pathfinder.directory.harvest.harvesting import feed_harvest
from pathfinder.directory.harvest.models import FeedSubscription, HarvestConflict, HarvestedService, HarvestRun
from pathfinder.directory.importers import known_term_taxonomies
from pathfinder.directory.models import OutcodeCentroid, PostcodeCentroid, Service
from pathfinder.directory.tests.factories import term
from pathfinder.directory.tests.harvest_feed import BASE, FakeFeed, service_item, session_on

pytestmark = pytest.mark.django_db
WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def feed(settings, monkeypatch):
    settings.PATHFINDER_HARVEST_ALLOWED_HOSTS = ["feed.test"]
    settings.PATHFINDER_HARVEST_DETAIL_CONCURRENCY = 4
    PostcodeCentroid.objects.update_or_create(postcode="WM1 1AA", defaults={
        "outcode": "WM1", "latitude": 52.51, "longitude": -1.91})
    OutcodeCentroid.objects.update_or_create(outcode="WM2", defaults={"latitude": 52.62, "longitude": -1.82})
    PostcodeCentroid.objects.filter(postcode="WM2 3BD").delete()  # placed by its district
    fake = FakeFeed(12)
    monkeypatch.setattr(feed_client, "new_session", session_on(fake))
    return fake


def _harvest(subscription: FeedSubscription) -> HarvestRun:
    run = feed_harvest(subscription=subscription)
    assert run.status == HarvestRun.Status.DONE, run.message
    return run


def _index(link: HarvestedService) -> int:
    return int(link.remote_id.removeprefix("svc-"))


def _comparable(content: ServiceContent) -> dict:
    """Content as data, lists in a stable order (rows made again get new ids, which order them), venues without
    the ids of the locations they were written to."""
    data = content.to_data()
    data["locations"] = [{k: v for k, v in loc.items() if k != "id"} for loc in data["locations"]]
    for key in ("term_ids", "schedules", "contacts", "cost_options", "locations", "delivery"):
        data[key] = sorted(data[key], key=repr)
    return data


def test_updating_a_page_of_changed_services_takes_the_same_queries_whatever_its_size(feed):
    def queries_to_update(services: int) -> list[str]:
        feed.services, feed.generation = services, 0
        subscription = FeedSubscription.objects.create(name=f"Feed of {services}", base_url=f"{BASE}{services}/")
        _harvest(subscription)
        feed.generation = 1
        with CaptureQueriesContext(connection) as queries:
            run = _harvest(subscription)
        assert run.updated == services and run.pages == 1
        return [q["sql"] for q in queries.captured_queries]

    few, many = queries_to_update(3), queries_to_update(30)
    assert len(many) == len(few), "\n".join(many)
    writes = [sql for sql in many if sql.lstrip().upper().startswith(WRITES)]
    assert len(writes) <= 30, "\n".join(writes)  # about two a table, for a page of any size


def test_every_field_of_a_changed_service_is_the_feed_s_after_the_harvest(feed, monkeypatch):
    subscription = FeedSubscription.objects.create(name="Eastshire", base_url=BASE)
    _harvest(subscription)
    feed.generation = 1
    told: list = []
    monkeypatch.setattr(harvesting, "services_changed", told.extend)
    run = _harvest(subscription)
    assert (run.added, run.updated, run.refused, run.conflicts) == (0, 12, 0, 0)
    known = known_term_taxonomies()
    links = HarvestedService.objects.filter(subscription=subscription).select_related("service")
    assert sorted(told) == sorted(link.service_id for link in links)  # the public pages forget them
    for link in links:
        service, item = link.service, service_item(_index(link), 1)
        expected, problems = writer.checked_content(item, known)
        assert not problems and expected is not None
        assert _comparable(ServiceContent.from_service(service)) == _comparable(expected)
        assert (service.name, service.status, service.referral_route) == (
            item["name"], "temporarily closed", "professional")
        assert (service.in_person, service.online, service.by_phone) == (False, True, True)
        assert service.is_published and service.version == 2 and service.assured_date == timezone.localdate()
        assert (link.harvested_version, link.remote_modified) == (2, item["last_modified"])
        hi, slcn = term("send-needs", "HI").name, term("send-needs", "SLCN").name
        assert service.search_document in {f"Eastshire Swim Trust {a} {b} Deaf children and their families"
                                           for a, b in ((hi, slcn), (slcn, hi))}
        revision = service.revisions.order_by("-number").first()
        assert (revision.number, revision.status, revision.data) == (2, "approved", expected.to_data())
        places = {sal.location.name: sal.location for sal in service.service_at_locations.select_related("location")}
        assert set(places) == {"New pool", "Online"}
        assert (places["New pool"].latitude, places["New pool"].longitude) == (52.62, -1.82)
        assert places["Online"].latitude is None and service.schedules.count() == 2


def _rows(service: Service) -> dict:
    """Everything a harvest writes about a service, without ids and the moments it was written."""
    skip = {"id", "organisation", "created_at", "last_modified"}
    fields = {f.name: getattr(service, f.name) for f in Service._meta.concrete_fields if f.name not in skip}
    sal_locations = [sal.location for sal in service.service_at_locations.select_related("location")]
    link = service.harvested_from
    return {
        **fields, "organisation": service.organisation.name,
        "terms": sorted(str(t) for t in service.attributes.values_list("term_id", flat=True)),
        "schedules": sorted(service.schedules.values_list("byday", "opens_at", "closes_at", "description",
                                                          "freq", "service_at_location"), key=repr),
        "contacts": sorted(service.contacts.values_list("name", "title", "phone", "email")),
        "prices": sorted(service.cost_options.values_list("option", "amount", "amount_description"), key=repr),
        "locations": sorted(([getattr(loc, f) for f in ("name", "location_type", "description", "address_1",
                                                        "address_2", "town", "county", "postcode", "latitude",
                                                        "longitude", "accessibility")], loc.organisation.name)
                            for loc in sal_locations),
        "revisions": list(service.revisions.order_by("number").values_list(
            "number", "status", "data", "created_by", "decided_by", "version")),
        "link": (link.remote_id, link.remote_modified, link.harvested_version, link.withdrawn, link.gone_since),
    }


def test_bulk_updates_write_exactly_what_one_service_at_a_time_wrote(feed):
    bulk = FeedSubscription.objects.create(name="Eastshire", base_url=BASE)
    one_by_one = FeedSubscription.objects.create(name="Eastshire", base_url=f"{BASE}again/")
    _harvest(bulk)
    _harvest(one_by_one)
    feed.generation = 1
    _harvest(bulk)
    known = known_term_taxonomies()
    for link in HarvestedService.objects.filter(subscription=one_by_one).select_related("service__organisation"):
        content, _ = writer.checked_content(service_item(_index(link), 1), known)
        writer.apply_one(link.service, content, None)  # what a changed service went through before
        link.remote_modified, link.harvested_version = service_item(0, 1)["last_modified"], link.service.version
        link.save(update_fields=["remote_modified", "harvested_version"])
    for link in HarvestedService.objects.filter(subscription=bulk).select_related("service"):
        twin = Service.objects.get(harvested_from__subscription=one_by_one, harvested_from__remote_id=link.remote_id)
        assert _rows(link.service) == _rows(twin)


def test_a_service_edited_here_is_a_conflict_with_its_history_and_the_rest_of_the_page_is_updated(feed):
    subscription = FeedSubscription.objects.create(name="Eastshire", base_url=BASE)
    _harvest(subscription)
    edited = Service.objects.get(harvested_from__remote_id="svc-0004")
    Service.objects.filter(pk=edited.pk).update(description="Our own words", version=edited.version + 1)
    feed.generation = 1
    run = _harvest(subscription)
    assert (run.updated, run.conflicts) == (11, 1)
    edited.refresh_from_db()
    assert edited.description == "Our own words" and edited.name == "Swim club 4"
    conflict = HarvestConflict.objects.get(run=run)
    assert conflict.link.service_id == edited.pk and conflict.incoming["name"] == "Swim and sign club 4"
    assert conflict.remote_modified == "2026-11-20T10:30:00Z"
    assert list(conflict.history.values_list("history_type", flat=True)) == ["+"]
