"""Each inspection list: who is on it and who is not; the files; the audit; the reproducible tracking sample."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    CaseworkerFactory,
    ManagerFactory,
    ParentFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.models import AssessmentException
from pathfinder.assessments.tests.factories import AssessmentFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.disclosure.inspection import BY_KEY
from pathfinder.disclosure.sampling import _shares, tracking_sample
from pathfinder.organisations.tests.factories import OrganisationFactory
from pathfinder.people.tests.factories import ChildFactory
from pathfinder.plans.models import PlanStatus
from pathfinder.reviews.tests.factories import final_plan

pytestmark = pytest.mark.django_db


def _names(key: str, today) -> set[str]:
    return {row["last_name"] for row in BY_KEY[key].rows(today)}


def _plan_for(last_name: str, **child):
    plan = final_plan(assessment__child__legal_last_name=last_name, **{f"assessment__child__{k}": v
                                                                      for k, v in child.items()})
    return plan


@pytest.fixture
def today():
    return timezone.localdate()


def test_children_with_plans_has_final_plans_only(today):
    _plan_for("Inplan", setting_name="Far Hills Special School", setting_urn="999123")
    draft = _plan_for("Drafting")
    draft.status = PlanStatus.DRAFT
    draft.save()
    rows = BY_KEY["children-with-plans"].rows(today)
    assert {r["last_name"] for r in rows} == {"Inplan"}
    assert rows[0]["setting"] == "Far Hills Special School, URN 999123"
    assert BY_KEY["children-with-plans"].count(today) == 1


def test_children_placed_out_of_the_area_are_marked_and_counted(today, client, settings):
    settings.COUNCIL_LA_CODE = "999"
    OrganisationFactory(name="Moorside Independent", urn="990077", la_code="998")
    OrganisationFactory(name="Saltmoor College", urn="19990002", la_code="999")
    OrganisationFactory(name="Unrecorded School", urn="990078")
    _plan_for("Away", setting_urn="990077")
    _plan_for("Home", setting_urn="", setting_ukprn="19990002")
    named = _plan_for("Named", setting_urn="")  # no current setting: the placement named in section I counts
    named.placement_urn = "990077"
    named.save()
    _plan_for("Unknown", setting_urn="990078")
    _plan_for("Nowhere", setting_urn="")
    rows = {r["last_name"]: r["placed_out"] for r in BY_KEY["children-with-plans"].rows(today)}
    assert rows == {"Away": "Yes", "Named": "Yes", "Home": "No", "Unknown": "Not known", "Nowhere": "Not known"}
    assert [n for _, n in BY_KEY["children-with-plans"].breakdown(today)] == [2, 1, 2]
    sign_in(client, ManagerFactory())
    page = client.get(reverse("disclosure:inspection-lists")).content.decode()
    assert "Placed out of the area</dt><dd class=\"govuk-summary-list__value\">2<" in page
    csv_text = client.get(reverse("disclosure:inspection-download", kwargs={
        "key": "children-with-plans", "file_kind": "csv"})).content.decode("utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(csv_text)))
    placed = header.index("Placed out of the area")
    assert sorted(line[placed] for line in lines) == ["No", "Not known", "Not known", "Yes", "Yes"]


def test_requests_in_the_window_with_their_outcomes(today):
    AssessmentFactory(child__legal_last_name="Recent", received_on=today - timedelta(days=30),
                      status=AssessmentStatus.REFUSED, decided_to_assess=False)
    AssessmentFactory(child__legal_last_name="Longago", received_on=today - timedelta(days=400))
    rows = BY_KEY["requests"].rows(today)
    assert [(r["last_name"], r["outcome"]) for r in rows] == [("Recent", "Refused to assess")]


def test_refusals_to_assess_and_not_to_issue_in_the_window(today):
    AssessmentFactory(child__legal_last_name="Refused", received_on=today - timedelta(days=60), decided_to_assess=False,
                      decision_to_assess_on=today - timedelta(days=20), refusal_reasons="Needs met by the school")
    AssessmentFactory(child__legal_last_name="Notissued", received_on=today - timedelta(days=200),
                      decided_to_assess=True, decision_to_assess_on=today - timedelta(days=160),
                      decided_to_issue=False, decision_to_issue_on=today - timedelta(days=90))
    AssessmentFactory(child__legal_last_name="Agreed", received_on=today - timedelta(days=60), decided_to_assess=True,
                      decision_to_assess_on=today - timedelta(days=20))
    rows = {r["last_name"]: r for r in BY_KEY["refusals"].rows(today)}
    assert set(rows) == {"Refused", "Notissued"}
    assert rows["Refused"]["reasons"] == "Needs met by the school"
    assert rows["Notissued"]["refusal"] == "Decided not to issue a plan"


def test_late_plans_with_the_exceptions_recorded(today):
    late = AssessmentFactory(child__legal_last_name="Overdue", received_on=today - timedelta(days=200),
                             status=AssessmentStatus.DECIDED_TO_ISSUE, final_plan_exception_applies=True)
    AssessmentException.objects.create(assessment=late, code="E3", period_start=today - timedelta(days=150),
                                       period_end=today - timedelta(days=120), evidence="Letter",
                                       causal_note="The family was abroad for five weeks")
    AssessmentFactory(child__legal_last_name="Issuedlate", received_on=today - timedelta(days=250),
                      status=AssessmentStatus.DECIDED_TO_ISSUE, final_issued_on=today - timedelta(days=10))
    AssessmentFactory(child__legal_last_name="Ontime", received_on=today - timedelta(days=200),
                      status=AssessmentStatus.DECIDED_TO_ISSUE, final_issued_on=today - timedelta(days=80))
    AssessmentFactory(child__legal_last_name="Young", received_on=today - timedelta(days=30))
    rows = {r["last_name"]: r for r in BY_KEY["late-plans"].rows(today)}
    assert set(rows) == {"Overdue", "Issuedlate"}
    assert rows["Overdue"]["reasons"] == "E3: The family was abroad for five weeks"
    assert rows["Overdue"]["issued"] == "Not yet issued"
    assert rows["Issuedlate"]["reasons"] == "No exception recorded"
    assert rows["Issuedlate"]["days_late"] > 0


def test_reviews_overdue(today):
    overdue = _plan_for("Overdue")
    overdue.review_due_on = today - timedelta(days=3)
    overdue.save()
    _plan_for("Notyet")  # made 330 days ago: review due next month
    rows = BY_KEY["reviews-overdue"].rows(today)
    assert [(r["last_name"], r["days_overdue"], r["review_under_way"]) for r in rows] == [("Overdue", 3, "No")]


def test_children_not_in_education(today):
    _plan_for("Neet", setting_code="NEET", setting_name="", setting_urn="")
    _plan_for("Nowhere", setting_code="", setting_name="", setting_urn="")
    _plan_for("Atschool")
    ChildFactory(legal_last_name="Nocase", setting_name="", setting_urn="")
    AssessmentFactory(child__legal_last_name="Asking", child__setting_code="NIEO", child__setting_name="",
                      child__setting_urn="", received_on=today - timedelta(days=10))
    rows = {r["last_name"]: r for r in BY_KEY["not-in-education"].rows(today)}
    assert set(rows) == {"Neet", "Nowhere", "Asking"}
    assert rows["Nowhere"]["situation"] == "No setting recorded"
    assert rows["Asking"]["plan"] == "Request or assessment under way"


def _manager(client):
    manager = ManagerFactory()
    sign_in(client, manager)
    return manager


def test_csv_download_has_the_columns_and_rows_and_is_audited(client, today):
    plan = _plan_for("Inplan")
    manager = _manager(client)
    response = client.get(reverse("disclosure:inspection-download", kwargs={"key": "children-with-plans",
                                                                           "file_kind": "csv"}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0][:3] == ["Pathfinder reference", "First name", "Last name"]
    assert table[1][0] == str(plan.child_id) and table[1][2] == "Inplan"
    assert len(table) == 2
    summary = AuditEvent.objects.get(actor=manager, action="download", child=None)
    assert "All children and young people with an EHC plan" in summary.what and "1 child" in summary.what
    assert AuditEvent.objects.filter(actor=manager, action="download", child=plan.child).count() == 1


def test_xlsx_download(client, today):
    plan = _plan_for("Inplan")
    _manager(client)
    response = client.get(reverse("disclosure:inspection-download", kwargs={"key": "children-with-plans",
                                                                           "file_kind": "xlsx"}))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Pathfinder reference"
    assert sheet["A2"].value == plan.child_id and sheet["C2"].value == "Inplan"
    assert sheet["D2"].value.date() == plan.child.date_of_birth


def test_a_formula_in_a_name_is_not_run_by_a_spreadsheet(client, today):
    _plan_for("=HYPERLINK(1)")
    _manager(client)
    text = client.get(reverse("disclosure:inspection-download", kwargs={"key": "children-with-plans",
                                                                       "file_kind": "csv"})).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def test_an_unknown_list_or_file_kind_is_not_found(client):
    _manager(client)
    assert client.get("/inspection/nothing.csv").status_code == 404
    assert client.get("/inspection/refusals.pdf").status_code == 404


def test_the_page_shows_each_list_with_its_count(client, today):
    _plan_for("Inplan")
    _manager(client)
    page = client.get(reverse("disclosure:inspection-lists")).content.decode()
    for item in BY_KEY.values():
        assert item.title in page
    assert "Inplan" not in page  # counts only


def test_the_same_key_gives_the_same_sample_and_another_key_another(today):
    for n in range(30):
        _plan_for(f"Child{n:02d}")
    first = [c.child_id for c in tracking_sample("inspection 2026-12-07", 5, today)]
    again = [c.child_id for c in tracking_sample("inspection 2026-12-07", 5, today)]
    other = [c.child_id for c in tracking_sample("inspection 2027-01-11", 5, today)]
    assert len(first) == 5 and first == again
    assert first != other


def test_the_sample_is_stratified_across_the_lists(today):
    for n in range(20):
        _plan_for(f"Child{n:02d}")
    AssessmentFactory(child__legal_last_name="Refused", received_on=today - timedelta(days=60),
                      decided_to_assess=False, decision_to_assess_on=today - timedelta(days=20))
    chosen = tracking_sample("key", 4, today)
    assert "Refused" in {c.last_name for c in chosen}
    assert len({c.child_id for c in chosen}) == len(chosen)


def test_shares_give_each_list_one_then_by_size():
    assert _shares({"a": 90, "b": 10, "c": 0}, 10) == {"a": 9, "b": 1, "c": 0}
    assert _shares({"a": 1, "b": 1, "c": 1}, 2) == {"a": 1, "b": 1, "c": 0}
    assert _shares({"a": 2, "b": 1}, 10) == {"a": 2, "b": 1}


def test_the_sample_page_shows_the_key_audits_each_child_and_downloads(client, today):
    plan = _plan_for("Quillfeather")
    manager = _manager(client)
    page = client.get(reverse("disclosure:inspection-sample"), {"key": "Ofsted visit", "size": "5"}).content.decode()
    assert "Ofsted visit" in page and "Quillfeather" in page
    assert AuditEvent.objects.filter(actor=manager, action="view", child=plan.child).exists()
    download = client.get(reverse("disclosure:inspection-sample-download"), {"key": "Ofsted visit", "size": "5"})
    assert "Quillfeather" in download.content.decode("utf-8-sig")
    assert AuditEvent.objects.filter(actor=manager, action="download", child=plan.child).exists()


def test_a_sample_without_a_key_is_explained_on_the_page(client):
    _manager(client)
    page = client.get(reverse("disclosure:inspection-sample"), {"key": "", "size": "500"}).content.decode()
    assert "Enter a sample key" in page and "The most you can choose is 100" in page


OK, FORBIDDEN, SIGN_IN = 200, 403, 302


@pytest.mark.parametrize("name,kwargs", [
    ("disclosure:inspection-lists", {}),
    ("disclosure:inspection-download", {"key": "refusals", "file_kind": "csv"}),
    ("disclosure:inspection-sample", {}),
    ("disclosure:inspection-sample-download", {}),
])
def test_role_matrix(client, name, kwargs):
    url = reverse(name, kwargs=kwargs) + "?key=k&size=3"
    got = {}
    for role, factory in {"manager": ManagerFactory, "caseworker": CaseworkerFactory,
                          "administrator": AdministratorFactory, "parent": ParentFactory, "anonymous": None}.items():
        client.logout()
        if factory is not None:
            sign_in(client, factory())
        got[role] = client.get(url).status_code
    assert got == {"manager": OK, "caseworker": FORBIDDEN, "administrator": FORBIDDEN, "parent": FORBIDDEN,
                   "anonymous": SIGN_IN}


def _queries_for_every_list(today) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        for item in BY_KEY.values():
            item.rows(today)
            item.count(today)
    return len(captured)


def _case_on_every_list(n: int, today) -> None:
    plan = _plan_for(f"Many{n}", setting_code="NEET", setting_name="", setting_urn="")
    plan.review_due_on = today - timedelta(days=1)
    plan.save()
    late = AssessmentFactory(child=plan.child, received_on=today - timedelta(days=200),
                             status=AssessmentStatus.DECIDED_TO_ISSUE)
    AssessmentException.objects.create(assessment=late, code="E3", period_start=today - timedelta(days=150),
                                       period_end=today - timedelta(days=120), evidence="Letter")
    AssessmentFactory(child=plan.child, received_on=today - timedelta(days=50), decided_to_assess=False,
                      decision_to_assess_on=today - timedelta(days=10))


def test_the_lists_take_the_same_number_of_queries_for_any_number_of_children(today):
    _case_on_every_list(0, today)
    few = _queries_for_every_list(today)
    for n in range(1, 8):
        _case_on_every_list(n, today)
    assert all(item.rows(today) for item in BY_KEY.values())
    assert _queries_for_every_list(today) == few
