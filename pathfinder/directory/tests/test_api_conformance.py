"""The feed as the ORUK validator and real harvesters read it: every endpoint against the official ORUK 3.0 OpenAPI
and the UK-profile schemas it references (the repository's own copies, see oruk_schemas/README.md), the validator's
page checks, every public service exactly once to a harvester, and each filter a client relies on."""

from __future__ import annotations

import json
import random
from datetime import time, timedelta
from datetime import timezone as dt_timezone
from pathlib import Path

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from pathfinder.directory.constants import DELIVERY_TAXONOMY, stable_uuid
from pathfinder.directory.models import Contact, CostOption, Service
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
UK_PROFILE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
OPENAPI_URI = "urn:oruk:3.0:openapi"


def _registry() -> Registry:
    """The official OpenAPI and, under the addresses its $refs name, the UK-profile schemas (no network)."""
    files = {
        OPENAPI_URI: SCHEMAS / "official" / "openapi.json",
        UK_PROFILE + "compiled/service.json": SCHEMAS / "compiled" / "service.json",
        UK_PROFILE + "compiled/service_list.json": SCHEMAS / "compiled" / "service_list.json",
        UK_PROFILE + "compiled/service_at_location_list.json": SCHEMAS / "compiled" / "service_at_location_list.json",
        UK_PROFILE + "taxonomy.json": SCHEMAS / "uk-profile" / "taxonomy.json",
        UK_PROFILE + "taxonomy_term.json": SCHEMAS / "uk-profile" / "taxonomy_term.json",
    }
    return Registry().with_resources(
        (uri, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012))
        for uri, path in files.items()
    )


REGISTRY = _registry()
OFFICIAL = json.loads((SCHEMAS / "official" / "openapi.json").read_text())


def official_validator(path: str) -> Draft202012Validator:
    """A validator for the 200 response of `path` exactly as the official document declares it."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    ref = f"{OPENAPI_URI}#/paths/{pointer}/get/responses/200/content/application~1json/schema"
    return Draft202012Validator({"$ref": ref}, registry=REGISTRY, format_checker=FormatChecker())


def check(body, path: str) -> None:
    errors = list(official_validator(path).iter_errors(body))
    assert not errors, f"{path}: " + "; ".join(f"{list(e.absolute_path)} {e.message}" for e in errors[:5])


def get(client, path, **params):
    response = client.get(API + path, params)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.status_code == 200, (path, params, response.content[:300])
    return response.json()


def check_page_rules(body, page: int, per_page: int) -> None:
    """The validator's pagination checks (legacy PaginationTestingService)."""
    assert body["first_page"] == (page == 1)
    assert body["last_page"] == (page == body["total_pages"])
    assert body["empty"] == (not body["contents"])
    assert body["size"] == len(body["contents"])
    if page < body["total_pages"]:
        assert len(body["contents"]) == per_page


@pytest.fixture
def directory():
    """A directory with every shape a service can take: venues or online only, sessions, prices, contacts, terms,
    each way of being given, and services the public must not see."""
    rng = random.Random(12)
    orgs = [OrganisationFactory(urn=f"1000{i}", website="https://example.org") for i in range(3)] + [
        OrganisationFactory(description="")
    ]
    needs = [term("send-needs", code) for code in ("ASD", "HI", "SEMH", "SLCN")]
    services = []
    for i in range(23):
        service = ServiceFactory(
            organisation=orgs[i % len(orgs)], name=f"Service {rng.choice('ABCDEFG')}{i:02d}",
            eligibility="Children with an EHC plan" if i % 2 else "", how_to_access="Ring us" if i % 3 else "",
            in_person=i % 4 != 0, online=i % 3 == 0, by_phone=i % 5 == 0, is_free=i % 2 == 0,
            fees="" if i % 2 == 0 else "£2", email="" if i % 4 else "x@example.org",
        )
        link(service, needs[i % len(needs)], term("support-kinds", "leisure"))
        if i % 4:
            ServiceAtLocationFactory(service=service, location=LocationFactory(accessibility="Ramp" if i % 2 else ""))
        if i % 3:
            ScheduleFactory(service=service, byday="MO,TH", opens_at=time(9 + i % 5), closes_at=time(17))
        if i % 5 == 1:
            CostOption.objects.create(service=service, option="Per hour", amount="4.50")
            Contact.objects.create(service=service, name="Ali", title="Manager")
        services.append(service)
    ServiceFactory(name="Never approved", is_published=False)
    ServiceFactory(name="Closed", status="defunct")
    return services


LISTS = ("/services", "/taxonomies", "/taxonomy_terms", "/service_at_locations")
DETAILS = {"/services": "/services/{id}", "/taxonomies": "/taxonomies/{id}",
           "/taxonomy_terms": "/taxonomy_terms/{id}", "/service_at_locations": "/service_at_locations/{id}"}


def test_every_endpoint_validates_as_the_validator_checks_it(client, directory):
    check(get(client, "/"), "/")
    rng = random.Random(3)
    for path in LISTS:
        first = get(client, path)  # page 1 at the default size
        check(first, path)
        check_page_rules(first, 1, 50)
        ids = [item["id"] for item in first["contents"]]
        small = get(client, path, per_page=5)
        pages = small["total_pages"]
        for page in sorted({1, max(1, pages // 2), pages}):  # first, a middle and the last page
            body = get(client, path, per_page=5, page=page)
            check(body, path)
            check_page_rules(body, page, 5)
            ids += [item["id"] for item in body["contents"]]
        assert ids, f"{path} returned nothing"
        for item_id in rng.sample(sorted(set(ids)), min(10, len(set(ids)))):  # ten random ids
            check(get(client, DETAILS[path].format(id=item_id)), DETAILS[path])


def test_service_at_location_answers_a_service_as_the_official_document_declares(client, directory):
    sal = directory[1].service_at_locations.get()
    body = get(client, f"/service_at_locations/{sal.id}")
    check(body, "/service_at_locations/{id}")
    assert body["id"] == str(directory[1].id) and body["name"] == directory[1].name and body["status"] == "active"
    assert [s["id"] for s in body["service_at_locations"]] == [str(sal.id)]


def test_attributes_have_link_entity_and_terms_a_code(client, directory):
    for service in directory[:6]:
        body = get(client, f"/services/{service.id}")
        assert body["attributes"]
        for attribute in body["attributes"]:
            assert attribute["link_entity"] == "service" and attribute["link_id"] == str(service.id)
            assert attribute["taxonomy_term"]["code"]
    for item in get(client, "/taxonomy_terms", per_page=200)["contents"]:
        assert item["code"]


def test_eligibility_application_and_attendance_as_the_page_shows(client):
    service = ServiceFactory(eligibility="Young people aged 16 to 25", how_to_access="Fill in the form on our website",
                             referral_route="professional", in_person=False, online=True, by_phone=True)
    body = get(client, f"/services/{service.id}")
    assert body["eligibility_description"] == "Young people aged 16 to 25"
    assert body["application_process"] == "A professional must refer.\n\nFill in the form on our website"
    code = DELIVERY_TAXONOMY[0]
    given = {a["taxonomy_term"]["code"] for a in body["attributes"] if a["taxonomy_term"]["taxonomy"] == DELIVERY_TAXONOMY[1]}
    assert given == {"online", "phone"}
    term_id = str(stable_uuid(code, "online"))
    assert get(client, f"/taxonomy_terms/{term_id}")["name"] == "Online"  # the attribute's term is served too
    listed = get(client, "/services")["contents"][0]
    assert listed["eligibility_description"] == "Young people aged 16 to 25"


@pytest.mark.parametrize("per_page", [1, 7, 50, 200, 500])
def test_a_harvester_gets_every_public_service_exactly_once(client, directory, per_page):
    public = {str(s.id) for s in directory}
    seen: list[str] = []
    page = 1
    while True:
        body = get(client, "/services", per_page=per_page, page=page)
        seen += [item["id"] for item in body["contents"]]
        if body["last_page"]:
            break
        page += 1
    assert len(seen) == len(set(seen)) and set(seen) == public


def test_a_harvester_gets_every_service_once_when_names_tie(client):
    """Stable order even when many services share a name (the id breaks the tie)."""
    made = {str(ServiceFactory(name="Same name").id) for _ in range(11)}
    seen = [i["id"] for p in (1, 2, 3, 4) for i in get(client, "/services", per_page=3, page=p)["contents"]]
    assert len(seen) == 11 and set(seen) == made


def test_per_page_above_the_maximum_is_clamped_and_said(client, directory):
    body = get(client, "/services", per_page=500)
    assert body["per_page"] == 200 and body["size"] == len(directory)
    assert "500" in body["message"] and "200" in body["message"]
    assert "message" not in get(client, "/services", per_page=200)


def test_organization_id_filter(client, directory):
    org = directory[1].organisation
    body = get(client, "/services", organization_id=str(org.id))
    assert {i["id"] for i in body["contents"]} == {str(s.id) for s in directory if s.organisation_id == org.id}
    assert all(i["organization_id"] == str(org.id) for i in body["contents"]) and body["total_items"] < len(directory)
    sals = get(client, "/service_at_locations", organization_id=str(org.id))["contents"]
    assert sals and all(i["service"]["organization_id"] == str(org.id) for i in sals)


def test_modified_after_filter(client, directory):
    now = timezone.now()
    old = directory[:20]
    Service.objects.filter(pk__in=[s.pk for s in old]).update(last_modified=now - timedelta(days=30))
    Service.objects.filter(pk=directory[21].pk).update(last_modified=now - timedelta(days=1))
    since = (now - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = get(client, "/services", modified_after=since)
    assert {i["id"] for i in body["contents"]} == {str(s.id) for s in directory[20:]}
    body = get(client, "/services", modified_after=(now - timedelta(days=2)).date().isoformat())
    assert body["total_items"] == 3
    assert get(client, "/service_at_locations", modified_after=since)["total_items"] == 2  # of 21 and 22, with venues
    # The same moment written with an offset PostgreSQL cannot store (beyond 15:59) means the same thing.
    far_west = (now - timedelta(days=2)).astimezone(dt_timezone(-timedelta(hours=18, minutes=53)))
    assert get(client, "/service_at_locations", modified_after=far_west.isoformat())["total_items"] == 2


@pytest.mark.parametrize(
    "path, params",
    [
        ("/services", {"serach": "swim"}),
        ("/services", {"format": "xml"}),
        ("/services", {"format": "ndjson"}),
        ("/services", {"modified_after": "yesterday"}),
        ("/services", {"organization_id": "acme"}),
        ("/taxonomies", {"search": "x"}),
        ("/taxonomy_terms/" + str(stable_uuid("send-needs", "ASD")), {"page": "1"}),
        ("/", {"x": "1"}),
    ],
)
def test_unknown_parameters_and_formats_are_json_400(client, path, params):
    response = client.get(API + path, params)
    assert response.status_code == 400 and response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["status"] == 400 and response.json()["message"]


def test_format_json_is_accepted(client, directory):
    assert get(client, "/services", format="json")["total_items"] == len(directory)


def test_redirects_errors_and_unknown_paths_carry_cors_and_json(client):
    redirect = client.get("/api/oruk")
    assert redirect.status_code in (301, 302) and redirect["Access-Control-Allow-Origin"] == "*"
    for path in ("/nothing", "/services/x/y", "/organizations", "/services/"):
        response = client.get(API + path)
        assert response.status_code == 404 and response["Access-Control-Allow-Origin"] == "*", path
        assert response.json() == {"status": 404, "message": "Not found"}
    assert client.post(API + "/nothing").status_code == 405


def test_served_openapi_matches_what_the_api_does(client):
    """Every parameter an endpoint takes is in the served document with its limits, and nothing else is."""
    from pathfinder.directory.api import urls, views

    spec = get(client, "/openapi.json")
    by_path = {"/" + (p.pattern._route if hasattr(p.pattern, "_route") else "").replace("<str:pk>", "{id}"): p
               for p in urls.urlpatterns}
    for path, operations in spec["paths"].items():
        view = by_path[path if path != "/" else "/"].callback.view_class
        documented = set()
        for parameter in operations["get"].get("parameters", []):
            name = parameter["$ref"].rsplit("/", 1)[1] if "$ref" in parameter else parameter["name"]
            documented.add(spec["components"]["parameters"][name]["name"] if "$ref" in parameter else name)
        assert documented - {"id"} == set(view.parameters) | {"format"}, path
    limits = spec["components"]["parameters"]
    assert limits["search"]["schema"]["maxLength"] == 200
    assert limits["postcode"]["schema"]["maxLength"] == 10
    assert limits["per_page"]["schema"]["minimum"] == 1 and "200" in limits["per_page"]["description"]
    assert limits["format"]["schema"]["enum"] == ["json"]
    assert spec["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"] == {"$ref": "#/components/schemas/Service"}
    assert views.params.MAX_PER_PAGE == 200
