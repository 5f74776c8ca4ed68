"""A caseworker records a request and takes it to a decision, through the real pages."""

import re
from datetime import date

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.models import Assessment
from pathfinder.people.models import Child
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db


def _date(prefix, d):
    return {f"{prefix}-day": d.day, f"{prefix}-month": d.month, f"{prefix}-year": d.year}


def _errors(response):
    return re.findall(r'<a href="#[^"]*">([^<]+)</a>', response.content.decode())


def test_request_to_refusal_notice(client):
    # given a caseworker and a child in their team
    child = ChildFactory(date_of_birth=date(2017, 2, 3))
    FamilyMemberFactory(child=child, name="Sam Parent", receives_notices=True, has_parental_responsibility=True)
    caseworker = CaseworkerFactory(team=child.team)
    sign_in(client, caseworker)

    # when they record a request received on 1 September 2026
    response = client.post(reverse("assessments:request-new"), {
        "child": child.pk, **_date("received_on", date(2026, 9, 1)), "received_by": "email", "request_source": "2",
        "requester_name": "Oak Primary School", "caseworker": caseworker.pk,
    })
    assessment = Assessment.objects.get(child=child)
    assert response.status_code == 302

    # then the case shows every statutory date with its rule
    page = client.get(response["Location"]).content.decode()
    assert "13 October 2026" in page and "SEND Regulations 2014, reg 5(1)" in page
    assert "22 December 2026" in page and "reg 10(1)" in page
    assert "19 January 2027" in page and "reg 13(2)" in page

    # when they refuse without reasons, they are told what to fix and nothing is saved
    url = reverse("assessments:decide-assess", kwargs={"child_id": child.pk, "assessment_id": assessment.pk})
    response = client.post(url, {"decision": "no", **_date("decided_on", date(2026, 10, 6)), "reasons": "",
                                 "version": assessment.version})
    assert "Give the reasons for the decision: the family must be told them" in _errors(response)
    assert Assessment.objects.get(pk=assessment.pk).status == "requested"

    # when they refuse with reasons, the notice goes to the parent with appeal rights and time limits
    response = client.post(url, {"decision": "no", **_date("decided_on", date(2026, 10, 6)),
                                 "reasons": "Oak Primary can meet the needs with SEN support.", "version": 1})
    notice = client.get(response["Location"]).content.decode()
    assert "To: Sam Parent" in notice
    assert "Oak Primary can meet the needs with SEN support." in notice
    assert "6 December 2026" in notice  # 2 months to appeal
    assert "mediation" in notice.lower()


def test_bad_child_details_are_explained_and_nothing_is_saved(client):
    caseworker = CaseworkerFactory()
    sign_in(client, caseworker)
    response = client.post(reverse("people:child-new"), {
        "legal_first_name": "Ada", "legal_last_name": "Future", **_date("date_of_birth", date(2099, 1, 1)),
        "sex": "F", "upn": "A12345678901X", "nhs_number": "943 476 5918", "first_language": "English",
        "team": caseworker.team_id, "postcode": "not a postcode",
    })
    errors = _errors(response)
    assert "Date of birth must be today or in the past" in errors
    assert "Enter a real NHS number: the check digit does not match" in errors
    assert any("UPN" in e for e in errors)
    assert "Enter a real postcode, like LE1 6ZZ" in errors
    assert response.content.decode().count('value="Ada"') == 1  # what they typed is kept
    assert "<title>Error:" in response.content.decode()
    assert not Child.objects.filter(legal_last_name="Future").exists()


def test_changes_to_the_record_are_kept_as_history(client):
    child = ChildFactory(first_language="English")
    caseworker = CaseworkerFactory(team=child.team)
    sign_in(client, caseworker)
    edit = client.get(reverse("people:child-edit", kwargs={"child_id": child.pk}))
    assert edit.status_code == 200
    data = {
        "legal_first_name": child.legal_first_name, "legal_last_name": child.legal_last_name,
        **_date("date_of_birth", child.date_of_birth), "sex": child.sex, "first_language": "Polish",
        "team": child.team_id, "upn": child.upn, "nhs_number": child.nhs_number,
    }
    response = client.post(reverse("people:child-edit", kwargs={"child_id": child.pk}), data)
    assert response.status_code == 302, _errors(response)
    history = client.get(reverse("people:child-history", kwargs={"child_id": child.pk})).content.decode()
    assert "first language" in history and "Polish" in history and "English" in history
    assert caseworker.display_name in history
