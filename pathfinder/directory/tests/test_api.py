"""The Open Referral UK 3.0 API: schemas, pagination, filters, errors, CORS, speed in queries."""

from __future__ import annotations

import json
from datetime import time, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from pathfinder.directory.constants import stable_uuid
from pathfinder.directory.geo import load_demo_postcodes, postcode_point
from pathfinder.directory.models import Contact, CostOption, PostcodeCentroid
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
SCHEMAS = Path(__file__).with_name("oruk_schemas")
API = "/api/oruk"


def validate(body, *names):
    for name in names:
        schema = json.loads((SCHEMAS / name).read_text())
        errors = list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(body))
        assert not errors, f"{name}: " + "; ".join(f"{list(e.path)} {e.message}" for e in errors[:5])


def get(client, path, **params):
    response = client.get(API + path, params)
    assert response["Access-Control-Allow-Origin"] == "*"
    return response


@pytest.fixture
def rich_service():
    org = OrganisationFactory(name="Wealdmoor Autism Trust", urn="123456", charity_number="1100001", website="")
    service = ServiceFactory(
        organisation=org, name="Saturday sensory club", minimum_age=5, maximum_age=11, is_free=False,
        fees="£3 a session", url="https://example.org/club", email="club@example.org", phone="01234 567890",
    )
    link(service, term("send-needs", "ASD"), term("support-kinds", "leisure"))
    sal = ServiceAtLocationFactory(service=service, location=LocationFactory(accessibility="Step-free entrance"))
    ScheduleFactory(service=service, byday="SA", opens_at=time(10), closes_at=time(12))
    CostOption.objects.create(service=service, option="Per session", amount="3.00")
    Contact.objects.create(service=service, name="Sam Patel", title="Club leader")
    return service, sal


def test_api_details(client):
    response = get(client, "/")
    assert response.status_code == 200
    body = response.json()
    validate(body, "legacy/api_details.json")
    assert body["version"] == "HSDS-UK-3.0"
    assert body["openapi_url"] == "http://testserver/api/oruk/openapi.json"
    spec = get(client, "/openapi.json").json()
    assert spec["servers"][0]["url"] == "http://testserver/api/oruk"
    assert set(spec["paths"]) >= {"/", "/services", "/services/{id}", "/taxonomies", "/taxonomies/{id}",
                                  "/taxonomy_terms", "/taxonomy_terms/{id}", "/service_at_locations",
                                  "/service_at_locations/{id}"}


def test_every_endpoint_validates(client, rich_service):
    service, sal = rich_service
    ServiceFactory(name="Plain service", organisation__description="")
    body = get(client, "/services").json()
    validate(body, "legacy/service_list.json")
    for item in body["contents"]:
        validate(item, "compiled/service_list.json")
    full = get(client, f"/services/{service.id}").json()
    validate(full, "legacy/service.json", "compiled/service.json")
    assert full["attributes"][0]["taxonomy_term"]["name"] in {"Autism", "Leisure and activities"}
    assert full["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "WM1 1AA"
    assert full["organization"]["organization_identifiers"][0]["identifier_scheme"] == "GB-EDU"
    assert full["cost_options"][0]["amount"] == 3.0
    assert full["schedules"][0] == {
        "id": str(service.schedules.get().id), "service_id": str(service.id), "freq": "WEEKLY", "byday": "SA",
        "opens_at": "10:00", "closes_at": "12:00",
    }
    taxonomies = get(client, "/taxonomies").json()
    validate(taxonomies, "legacy/taxonomy_list.json")
    validate(get(client, f"/taxonomies/{taxonomies['contents'][0]['id']}").json(), "legacy/taxonomy.json")
    terms = get(client, "/taxonomy_terms").json()
    validate(terms, "legacy/taxonomy_term_list.json")
    validate(get(client, f"/taxonomy_terms/{terms['contents'][0]['id']}").json(), "legacy/taxonomy_term.json")
    sals = get(client, "/service_at_locations").json()
    validate(sals, "legacy/service_at_location_list.json")
    for item in sals["contents"]:
        validate(item, "compiled/service_at_location_list.json")
    detail = get(client, f"/service_at_locations/{sal.id}").json()
    validate(detail, "legacy/service.json", "compiled/service.json")  # a service, as the official OpenAPI declares


def test_empty_optional_fields_are_omitted(client):
    service = ServiceFactory(url="", email="", fees="", minimum_age=None, maximum_age=None)
    item = get(client, "/services").json()["contents"][0]
    assert "url" not in item and "email" not in item and "minimum_age" not in item
    assert None not in item.values() and "" not in item.values()
    full = get(client, f"/services/{service.id}").json()
    assert "schedules" not in full and "contacts" not in full
    assert item["fees"] == "Free"


@pytest.mark.parametrize("total, per_page", [(0, 5), (5, 5), (12, 5), (1, 5)])
def test_pagination_rules(client, total, per_page):
    for i in range(total):
        ServiceFactory(name=f"Service {i:02d}")
    first = get(client, "/services", per_page=per_page).json()
    pages = first["total_pages"]
    assert first["total_items"] == total and first["first_page"] and first["page_number"] == 1
    assert pages == max(1, -(-total // per_page))
    seen = []
    for page in range(1, pages + 1):
        body = get(client, "/services", per_page=per_page, page=page).json()
        validate(body, "legacy/service_list.json")
        assert body["first_page"] == (page == 1)
        assert body["last_page"] == (page == pages)
        assert body["size"] == len(body["contents"])
        assert body["empty"] == (len(body["contents"]) == 0)
        if page < pages:
            assert len(body["contents"]) == per_page
        seen += [c["id"] for c in body["contents"]]
    assert len(seen) == len(set(seen)) == total
    beyond = get(client, "/services", per_page=per_page, page=pages + 3).json()
    assert beyond["empty"] and beyond["contents"] == [] and beyond["last_page"]


def test_only_public_services(client):
    ServiceFactory(name="Public")
    hidden = [
        ServiceFactory(name="Never approved", is_published=False),
        ServiceFactory(name="Gone", status="defunct"),
        ServiceFactory(name="Stale", assured_date=timezone.localdate() - timedelta(days=800)),
    ]
    names = [c["name"] for c in get(client, "/services").json()["contents"]]
    assert names == ["Public"]
    for service in hidden:
        assert get(client, f"/services/{service.id}").status_code == 404


def _names(client, path="/services", **params):
    response = get(client, path, **params)
    assert response.status_code == 200, response.content
    body = response.json()
    if path == "/service_at_locations":
        return sorted(c["service"]["name"] for c in body["contents"])
    return sorted(c["name"] for c in body["contents"])


def test_each_filter_finds_the_right_services(client, rich_service):
    service, sal = rich_service
    other = link(
        ServiceFactory(name="Teen hearing group", minimum_age=13, maximum_age=19), term("send-needs", "HI")
    )
    ScheduleFactory(service=other, byday="MO,TU", opens_at=time(18), closes_at=time(20))
    assert _names(client, search="sensory") == [service.name]
    assert _names(client, search="autism trust") == [service.name]  # organisation name
    assert _names(client, taxonomy_term_id=str(term("send-needs", "HI").id)) == [other.name]
    assert _names(client, taxonomy_id=str(stable_uuid("taxonomy", "send-needs"))) == sorted([service.name, other.name])
    assert _names(client, taxonomy_id=str(stable_uuid("taxonomy", "provider-types"))) == []
    assert _names(client, minimum_age=12) == [other.name]
    assert _names(client, maximum_age=11) == [service.name]
    assert _names(client, minimum_age=5, maximum_age=11) == [service.name]
    assert _names(client, day="SA") == [service.name]
    assert _names(client, day="tuesday") == [other.name]
    assert _names(client, start_time="17:00") == [other.name]
    assert _names(client, end_time="12:00") == [service.name]
    assert _names(client, day="MO", start_time="09:00", end_time="19:00") == []  # AND, same schedule
    assert _names(client, search="club", day="MO") == []  # filters compose with AND
    # the same filters on /service_at_locations
    assert _names(client, "/service_at_locations", search="sensory") == [service.name]
    assert _names(client, "/service_at_locations", day="MO") == []


def test_postcode_and_proximity(client):
    load_demo_postcodes(per_district=2)
    pc = PostcodeCentroid.objects.filter(outcode="WM2").first()
    here = postcode_point(pc.postcode)
    near = ServiceAtLocationFactory(
        service__name="Near", location=LocationFactory(latitude=here.latitude + 0.0005, longitude=here.longitude)
    )
    ServiceAtLocationFactory(
        service__name="Far", location=LocationFactory(latitude=here.latitude + 0.2, longitude=here.longitude)
    )
    assert _names(client, "/service_at_locations", postcode=pc.postcode, proximity="100") == ["Near"]
    assert _names(client, "/service_at_locations", postcode=pc.postcode, proximity="50000") == ["Far", "Near"]
    assert _names(client, "/services", postcode=pc.postcode, proximity=100) == ["Near"]
    ordered = get(client, "/service_at_locations", postcode=pc.postcode).json()["contents"]
    assert [c["id"] for c in ordered][0] == str(near.id)
    unknown = get(client, "/service_at_locations", postcode="WM99 9ZZ", proximity="100")
    assert unknown.status_code == 400 and "postcode" in unknown.json()["message"]


@pytest.mark.parametrize(
    "path, params",
    [
        ("/services", {"page": "0"}),
        ("/services", {"page": "x"}),
        ("/services", {"per_page": "1000000000"}),
        ("/services", {"per_page": "-1"}),
        ("/services", {"taxonomy_term_id": "not-a-uuid"}),
        ("/services", {"taxonomy_id": "1"}),
        ("/services", {"day": "funday"}),
        ("/services", {"start_time": "25:00"}),
        ("/services", {"minimum_age": "old"}),
        ("/services", {"minimum_age": "nan"}),
        ("/services", {"proximity": "100"}),
        ("/services", {"postcode": "nonsense", "proximity": "100"}),
        ("/service_at_locations", {"postcode": "x" * 50}),
        ("/taxonomy_terms", {"per_page": "0"}),
        ("/services/not-a-uuid", {}),
        ("/taxonomies/123", {}),
    ],
)
def test_bad_parameters_are_400_json(client, path, params):
    response = get(client, path, **params)
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["message"]


def test_unknown_ids_are_404_json(client):
    for path in ("/services", "/taxonomies", "/taxonomy_terms", "/service_at_locations"):
        response = get(client, f"{path}/{stable_uuid('nothing', path)}")
        assert response.status_code == 404 and response.json()["message"] == "Not found"


def test_html_is_returned_as_data(client):
    service = ServiceFactory(name="<script>alert(1)</script>")
    response = get(client, f"/services/{service.id}")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["name"] == "<script>alert(1)</script>"


def test_throttled_anonymous_requests(client, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    codes = [get(client, "/taxonomies").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert get(client, "/taxonomies").json()["status"] == 429


def test_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    for i in range(30):
        service = link(ServiceFactory(name=f"S{i}"), term("send-needs", "ASD"))
        ServiceAtLocationFactory(service=service)
        ScheduleFactory(service=service)
    with django_assert_max_num_queries(4):
        assert len(get(client, "/services", per_page=30).json()["contents"]) == 30
    with django_assert_max_num_queries(4):
        assert len(get(client, "/service_at_locations", per_page=30).json()["contents"]) == 30
    with django_assert_max_num_queries(9):
        get(client, f"/services/{service.id}")


def test_write_methods_refused(client, rich_service):
    service, _ = rich_service
    assert client.post(f"{API}/services", {}).status_code == 405
    assert client.delete(f"{API}/services/{service.id}").status_code == 405
