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
