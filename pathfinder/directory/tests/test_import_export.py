from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from jsonschema import Draft202012Validator

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory, ProviderFactory
from pathfinder.core.errors import ServiceError
from pathfinder.directory.exporters import directory_export_csv, directory_export_oruk_json
from pathfinder.directory.importers import directory_import_csv, directory_import_oruk_json
from pathfinder.directory.models import InformationPage, OutcodeCentroid, PostcodeCentroid, Service
from pathfinder.directory.pages import DEFAULT_PAGES
from pathfinder.directory.tests.factories import ScheduleFactory, ServiceAtLocationFactory, link, term

pytestmark = pytest.mark.django_db

CSV = """organisation_name,organisation_kind,name,description,is_free,fees,minimum_age,maximum_age,needs,support,days,opens_at,closes_at,address_1,town,postcode
Wealdmoor Autism Trust,charity,Sensory swim,Quiet swimming,no,£3,4,16,ASD,leisure,SA,10:00,11:00,1 Pool Lane,Wealdbury,WM1 1AA
Wealdmoor Autism Trust,charity,Parent coffee morning,Meet other parents,yes,,,,,support-groups,TU,09:30,11:00,,,
"""


def test_csv_import_creates_published_services():
    officer = LocalOfferOfficerFactory()
    seen = []
    report = directory_import_csv(io.StringIO(CSV), officer, progress=lambda done, total, stage: seen.append((done, total)))
    assert report.refused == [] and report.rows_ok == 2 and report.created == 2
    assert seen[-1] == (2, 2)
    swim = Service.objects.get(name="Sensory swim")
    assert swim.is_published and not swim.is_free and swim.minimum_age == 4
    assert {t.code for t in swim.terms.all()} == {"ASD", "leisure"}
    assert swim.revisions.get().decided_by == officer
    assert Service.objects.filter(organisation__name="Wealdmoor Autism Trust").count() == 2


def test_csv_import_is_all_or_nothing():
    bad = CSV + "X Org,charity,,No name row,yes,,,,,,,,,,,\nY Org,spaceship,Thing,Desc,yes,,30,,AUTISMS,,XX,,,,,\n"
    report = directory_import_csv(io.StringIO(bad), LocalOfferOfficerFactory())
    assert Service.objects.count() == 0
    assert [n for n, _ in report.refused] == [4, 5]
    reasons = " ".join(report.refused[1][1])
    assert "organisation_kind" in reasons and "AUTISMS" in reasons and "days" in reasons


def test_import_needs_officer_and_columns():
    with pytest.raises(ServiceError):
        directory_import_csv(io.StringIO(CSV), ProviderFactory())
    report = directory_import_csv(io.StringIO("a,b\n1,2\n"), LocalOfferOfficerFactory())
    assert report.refused and report.refused[0][0] == 1


def _make_services():
    # Organisations are matched by name on import, so the two are named apart (Faker's company names can clash).
    one = link(ServiceAtLocationFactory(service__name="=HYPERLINK(bad)",
                                        service__organisation__name="Hillside Family Support").service,
               term("send-needs", "HI"))
    ScheduleFactory(service=one)
    two = ServiceAtLocationFactory(service__name="Drop-in", service__organisation__name="Meadow Play Trust").service
    return one, two


def test_csv_round_trip():
    _make_services()
    exported = directory_export_csv()
    assert "'=HYPERLINK" in exported  # formula guarded
    Service.objects.all().delete()
    report = directory_import_csv(io.StringIO(exported), LocalOfferOfficerFactory())
    assert report.refused == []
    assert directory_export_csv() == exported


def test_oruk_json_round_trip_keeps_ids_and_validates():
    one, two = _make_services()
    exported = directory_export_oruk_json()
    schema = json.loads((Path(__file__).with_name("oruk_schemas") / "compiled/service.json").read_text())
    for item in json.loads(exported):
        assert not list(Draft202012Validator(schema).iter_errors(item))
    Service.objects.all().delete()
    report = directory_import_oruk_json(io.StringIO(exported), LocalOfferOfficerFactory())
    assert report.refused == [] and report.rows_ok == 2
    assert set(Service.objects.values_list("id", flat=True)) == {one.id, two.id}
    again = json.loads(directory_export_oruk_json())
    before = json.loads(exported)
    strip = ("last_modified", "assured_date", "assurer_email", "schedules", "service_at_locations", "attributes",
             "organization", "organization_id")
    assert [{k: v for k, v in s.items() if k not in strip} for s in again] == [
        {k: v for k, v in s.items() if k not in strip} for s in before
    ]
    assert [a["taxonomy_term_id"] for a in again[0].get("attributes", [])] == [
        a["taxonomy_term_id"] for a in before[0].get("attributes", [])
    ]


def test_oruk_import_refuses_bad_documents():
    officer = LocalOfferOfficerFactory()
    assert directory_import_oruk_json(io.StringIO("not json"), officer).refused
    report = directory_import_oruk_json(io.StringIO(json.dumps([{"name": "x"}, {"id": "nope"}])), officer)
    assert [n for n, _ in report.refused] == [1, 2] and Service.objects.count() == 0


def test_commands(tmp_path):
    path = tmp_path / "offer.csv"
    path.write_text(CSV, encoding="utf-8")
    call_command("import_local_offer", str(path), stdout=io.StringIO())
    assert Service.objects.count() == 2
    out = io.StringIO()
    call_command("export_local_offer", "--format", "oruk", stdout=out)
    assert len(json.loads(out.getvalue())) == 2
    onspd = tmp_path / "onspd.csv"
    onspd.write_text("pcds,lat,long\nWM1 1AA,51.05,-0.85\nWM1 1AB,51.07,-0.87\nRH1 1AA,51.2,-0.1\nbad,1,1\n"
                     "WM2 2ZZ,99.999999,0.000000\n", encoding="utf-8")
    call_command("import_postcodes", str(onspd), "--outcodes", "WM", stdout=io.StringIO())
    assert set(PostcodeCentroid.objects.values_list("postcode", flat=True)) == {"WM1 1AA", "WM1 1AB"}
    assert OutcodeCentroid.objects.get(outcode="WM1").latitude == pytest.approx(51.06)
    call_command("rebuild_search_index", stdout=io.StringIO())


def test_information_pages_seeded_and_not_overwritten():
    assert InformationPage.objects.count() == len(DEFAULT_PAGES)
    page = InformationPage.objects.get(slug="get-the-local-offer-another-way")
    page.body = "Our own words"
    page.save()
    call_command("seed_local_offer_pages", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.body == "Our own words"
