import pytest

from pathfinder.directory.demo import build_demo_local_offer
from pathfinder.directory.search import service_search
from pathfinder.directory.selectors import services_needing_check, services_public

pytestmark = pytest.mark.django_db


def test_demo_local_offer_is_searchable_and_varied():
    counts = build_demo_local_offer(services=300, organisations=80, seed=7)
    assert counts["services"] == 300 and counts["organisations"] == 80
    public = services_public()
    assert 250 < public.count() < 300  # a few hidden as stale or unpublished
    assert services_needing_check().exists()
    assert service_search(text="speech").total > 0
    assert service_search(need_codes=["ASD"]).total > 0
    near = service_search(postcode="WM5", within_km=5)
    assert near.total > 0 and all(item.distance_km <= 5 for item in near.items)


def test_demo_services_are_where_their_names_say_and_call_drama_numbers():
    """"Nurture group – Moorcross" is run from Moorcross by an organisation of Moorcross, and every phone number is
    in Ofcom's drama range, so nobody who tries the demo rings a real person."""
    import re

    from pathfinder.directory.demo import TOWNS
    from pathfinder.directory.models import Location, Service

    build_demo_local_offer(services=200, organisations=60, seed=11)
    venues = {loc.organisation_id: loc for loc in Location.objects.all()}
    checked = 0
    for service in Service.objects.select_related("organisation"):
        town = venues[service.organisation_id].town
        assert town in service.organisation.name, (service.organisation.name, town)
        named = service.name.rsplit(" – ", 1)
        if len(named) == 2 and named[1] in TOWNS:
            assert named[1] == town, (service.name, town)
            checked += 1
        assert re.fullmatch(r"01632 960\d{3}", service.phone), service.phone
    assert checked > 50


def test_a_national_bench_directory_is_spread_over_counties_of_the_demo_county_size():
    from collections import Counter

    from pathfinder.directory.demo import build_bench_local_offer
    from pathfinder.directory.geo import DEMO_AREA, nation_counties
    from pathfinder.directory.models import Location

    counties = nation_counties(67)
    areas = [area for area, _ in counties]
    assert areas[0] == DEMO_AREA and len(set(areas)) == 67
    assert all(a == DEMO_AREA or (a[0] in "QVXZ" and a != "ZE") for a in areas)  # no real postcode area
    centres = {(round(p.latitude, 2), round(p.longitude, 2)) for _, p in counties}
    assert len(centres) == 67  # side by side, none on top of another

    made = build_bench_local_offer(4_500)  # three counties' worth
    assert made["services"] == 4_500
    per_area = Counter(postcode[:2] for postcode in Location.objects.values_list("postcode", flat=True))
    assert set(per_area) == {DEMO_AREA, "QA", "QB"}
    assert min(per_area.values()) > 0.25 * made["locations"]  # each about a third
