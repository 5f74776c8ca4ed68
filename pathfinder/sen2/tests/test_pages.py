"""The SEN2 page (role by URL, the figures, the problems, the download), the command and the worklist."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    LocalOfferOfficerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
    YoungPersonFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.tests.factories import AssessmentFactory
from pathfinder.audit.models import AuditAction, AuditEvent
from pathfinder.core.worklist import worklist_items
from pathfinder.people.tests.factories import ChildFactory
from pathfinder.sen2.census import next_census
from pathfinder.sen2.demo import load_sample_statistics
from pathfinder.sen2.xml import schema_problems

pytestmark = pytest.mark.django_db
OK, FORBIDDEN = 200, 403


def _request_without_upn(caseworker=None, surname: str = "Quillfeather"):
    """A request received this year for a child with no UPN: SEN2-R14 on the next return."""
    today = timezone.localdate()
    child = ChildFactory(legal_last_name=surname, upn="")
    kwargs = {"caseworker": caseworker} if caseworker else {}
    return AssessmentFactory(child=child, received_on=today.replace(month=1, day=5) if today.month > 1 else today,
                             **kwargs)


@pytest.mark.parametrize(("factory", "page", "download"), [
    (ManagerFactory, OK, OK),
    (AdministratorFactory, OK, FORBIDDEN),
    (CaseworkerFactory, FORBIDDEN, FORBIDDEN),
    (AdviserFactory, FORBIDDEN, FORBIDDEN),
    (ParentFactory, FORBIDDEN, FORBIDDEN),
    (YoungPersonFactory, FORBIDDEN, FORBIDDEN),
    (ProviderFactory, FORBIDDEN, FORBIDDEN),
    (LocalOfferOfficerFactory, FORBIDDEN, FORBIDDEN),
])
def test_who_may_open_the_page_and_download_the_xml(client, factory, page, download):
    _request_without_upn()
    sign_in(client, factory())
    assert client.get(reverse("sen2:return")).status_code == page
    assert client.get(reverse("sen2:download")).status_code in ((download,) if download == FORBIDDEN else (302,))


def test_the_manager_sees_the_figures_beside_the_published_ones_and_the_problems_by_name(client):
    assessment = _request_without_upn()
    load_sample_statistics()
    manager = ManagerFactory()
    sign_in(client, manager)
    body = client.get(reverse("sen2:return")).content.decode()
    census = next_census(timezone.localdate())
    assert f"census on {census.day} January {census.year}" in body
    assert "Requests for an EHC needs assessment received" in body
    assert "Wealdmoor (fictional), 2024" in body and "South East, 2024" in body and "England, 2024" in body
    assert "154,489" in body  # England's requests in 2024, from the sample
    assert "SEN2-R14: Neither a UPN nor a ULN is recorded (1 child)" in body
    assert reverse("people:child", kwargs={"child_id": assessment.child_id}) in body
    assert AuditEvent.objects.filter(actor=manager, child=assessment.child, action=AuditAction.VIEW).exists()


def test_without_the_councils_own_row_the_page_says_so(client, settings):
    settings.COUNCIL_LA_CODE = "998"
    load_sample_statistics()
    sign_in(client, ManagerFactory())
    body = client.get(reverse("sen2:return")).content.decode()
    assert "The published statistics have no row for this council (LA code 998)" in body
    assert "England, 2024" in body and "Wealdmoor (fictional)" not in body


def test_an_administrator_sees_how_many_problems_but_no_child(client):
    _request_without_upn()
    sign_in(client, AdministratorFactory())
    body = client.get(reverse("sen2:return")).content.decode()
    assert "SEN2-R14" in body and "(1 child)" in body
    assert "Quillfeather" not in body
    assert "Download the XML" not in body


def test_a_census_day_that_is_not_a_date_is_explained(client):
    sign_in(client, ManagerFactory())
    response = client.get(reverse("sen2:return"), {"census-day": "31", "census-month": "2", "census-year": "2027"})
    assert response.status_code == OK
    body = response.content.decode()
    assert "There is a problem" in body and "census day must be a real date" in body.lower()


def test_the_download_is_the_valid_xml_and_is_recorded_for_every_child(client):
    assessment = _request_without_upn()
    manager = ManagerFactory()
    sign_in(client, manager)
    census = next_census(timezone.localdate())
    response = client.get(reverse("sen2:download"), {"census-day": census.day, "census-month": census.month,
                                                     "census-year": census.year})
    assert response.status_code == OK
    assert response["Content-Disposition"] == f'attachment; filename="sen2-999-{census}.xml"'
    content = b"".join(response.streaming_content)
    assert schema_problems(content) == []
    assert b"<Surname>Quillfeather</Surname>" in content
    assert AuditEvent.objects.filter(actor=manager, child=assessment.child, action=AuditAction.DOWNLOAD).count() == 1


def test_the_command_writes_the_xml_and_counts_the_problems(tmp_path):
    _request_without_upn()
    output = tmp_path / "sen2.xml"
    census = next_census(timezone.localdate())
    out = io.StringIO()
    call_command("sen2_return", "--census-date", census.isoformat(), "--output", str(output), stdout=out)
    assert schema_problems(output.read_bytes()) == []
    text = out.getvalue()
    assert "1 person, 1 request," in text
    assert "SEN2-R14 (1): Neither a UPN nor a ULN is recorded" in text


@pytest.mark.parametrize("bad", ["21/01/2027", "2027-02-30", "soon"])
def test_the_command_refuses_a_date_it_cannot_read(tmp_path, bad):
    with pytest.raises(CommandError, match="is not a date: write it as YYYY-MM-DD"):
        call_command("sen2_return", "--census-date", bad, "--output", str(tmp_path / "x.xml"))
    assert not (tmp_path / "x.xml").exists()


def test_a_caseworker_sees_the_problems_of_their_own_cases_all_year(client):
    mine = CaseworkerFactory()
    assessment = _request_without_upn(caseworker=mine)
    _request_without_upn(caseworker=CaseworkerFactory(), surname="Brackenwhistle")
    today = timezone.localdate()
    items = [item for item in worklist_items(mine, today).items if item.title.startswith("SEN2:")]
    assert [(item.child.pk, item.title, item.due, item.is_overdue) for item in items] == [
        (assessment.child_id, "SEN2: Neither a UPN nor a ULN is recorded", next_census(today), False)]
    sign_in(client, mine)
    body = client.get(reverse("insights:caseworker-home")).content.decode()
    assert "SEN2: Neither a UPN nor a ULN is recorded" in body and "Brackenwhistle" not in body


def test_a_manager_gets_no_sen2_worklist_items():
    _request_without_upn()
    assert not [i for i in worklist_items(ManagerFactory(), date(2026, 12, 7)).items if i.title.startswith("SEN2")]
