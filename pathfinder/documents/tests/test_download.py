"""Who may download which document: the role-by-URL matrix for /documents/<uuid>/, per purpose, with every try
audited, and the response a browser can only save (attachment, nosniff, the type the content showed)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import F
from django.urls import reverse

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
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessmentFactory, DraftingFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.documents.access import register_document_access
from pathfinder.documents.models import DocumentPurpose, DocumentStatus
from pathfinder.documents.tests.factories import PDF_BYTES, document_make
from pathfinder.people.models import Involvement
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302


@pytest.fixture
def world():
    """One child with advice received as a document and a final plan with its PDF; one person in every role."""
    assessment = AssessmentFactory(child__date_of_birth=date(2016, 4, 1))
    child = assessment.child
    advice = AdviceRequestFactory(assessment=assessment, adviser=AdviserFactory())
    advice.document = document_make(child=child, purpose=DocumentPurpose.ADVICE, uploaded_by=advice.adviser)
    advice.save()
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent, has_parental_responsibility=True)
    plan = PlanFactory(assessment=DraftingFactory(child=child, received_on=date(2025, 9, 1)), child=child,
                       status="final", draft_sent_on=date(2026, 1, 12), issued_on=date(2026, 2, 20))
    plan.final_pdf = document_make(child=child, purpose=DocumentPurpose.PLAN_PDF, name="EHC plan.pdf")
    plan.save()
    return {
        "child": child,
        "advice": advice,
        "documents": {
            "advice": advice.document,
            "plan PDF": plan.final_pdf,
            "no rule registered": document_make(child=child, purpose=DocumentPurpose.CHILD_VIEWS),
        },
        "users": {
            "own caseworker": assessment.caseworker,
            "other team's caseworker": CaseworkerFactory(),
            "manager": ManagerFactory(),
            "involved adviser": advice.adviser,
            "uninvolved adviser": AdviserFactory(),
            "parent": parent,
            "another parent": ParentFactory(),
            "young person (another)": YoungPersonFactory(),
            "administrator": AdministratorFactory(),
            "provider": ProviderFactory(),
            "local offer officer": LocalOfferOfficerFactory(),
            "anonymous": None,
        },
    }


_OUTSIDERS = {"administrator": FORBIDDEN, "provider": FORBIDDEN, "local offer officer": FORBIDDEN,
              "anonymous": SIGN_IN, "other team's caseworker": NOT_FOUND, "uninvolved adviser": NOT_FOUND,
              "another parent": NOT_FOUND, "young person (another)": NOT_FOUND}
MATRIX = {
    # Advice is for the council: case staff, and the adviser who sent it. Not the family (they get it with the
    # draft plan).
    "advice": {**_OUTSIDERS, "own caseworker": OK, "manager": OK, "involved adviser": OK, "parent": NOT_FOUND},
    "plan PDF": {**_OUTSIDERS, "own caseworker": OK, "manager": OK, "involved adviser": OK, "parent": OK},
    # Deny by default: a purpose no domain has given a rule is opened by nobody, the child's caseworker included.
    "no rule registered": {**_OUTSIDERS, "own caseworker": NOT_FOUND, "manager": NOT_FOUND,
                           "involved adviser": NOT_FOUND, "parent": NOT_FOUND},
}


def _url(document) -> str:
    return reverse("documents:download", kwargs={"public_id": document.public_id})


def _as(client, user) -> None:
    client.logout()
    if user is not None:
        sign_in(client, user)


@pytest.mark.parametrize("which", MATRIX)
def test_role_matrix(client, world, which):
    expected = MATRIX[which]
    assert set(expected) == set(world["users"]), "every role must have an expectation"
    url = _url(world["documents"][which])
    got = {}
    for role, user in world["users"].items():
        _as(client, user)
        got[role] = client.get(url).status_code
    assert got == expected


def test_a_download_is_an_attachment_of_the_detected_type_and_audited(client, world):
    caseworker = world["users"]["own caseworker"]
    document = world["documents"]["advice"]
    _as(client, caseworker)
    response = client.get(_url(document))
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    event = AuditEvent.objects.get(actor=caseworker, action="download")
    assert event.child == world["child"] and event.object_id == str(document.pk) and event.path == _url(document)


def test_another_parent_guessing_the_address_gets_404_and_is_audited(client, world):
    intruder = world["users"]["another parent"]
    _as(client, intruder)
    response = client.get(_url(world["documents"]["plan PDF"]))
    assert response.status_code == 404
    assert b"EHC plan" not in response.content and PDF_BYTES not in response.content
    event = AuditEvent.objects.get(actor=intruder, action="denied")
    assert event.child == world["child"] and event.what == "was refused a document"


def test_an_address_that_does_not_exist_is_404_and_audited(client, world):
    import uuid

    parent = world["users"]["parent"]
    _as(client, parent)
    assert client.get(reverse("documents:download", kwargs={"public_id": uuid.uuid4()})).status_code == 404
    assert AuditEvent.objects.filter(actor=parent, action="denied", child=None).exists()


def test_an_integer_address_is_not_a_document(client, world):
    _as(client, world["users"]["own caseworker"])
    assert client.get(f"/documents/{world['documents']['advice'].pk}/").status_code == 404


def test_access_ends_the_moment_the_involvement_ends(client, world):
    adviser = world["users"]["involved adviser"]
    url = _url(world["documents"]["advice"])
    _as(client, adviser)
    assert client.get(url).status_code == OK
    Involvement.objects.filter(user=adviser).update(ends_on=F("starts_on"))  # ended, as a service would
    assert client.get(url).status_code == NOT_FOUND


@pytest.mark.parametrize("status", [DocumentStatus.SCANNING, DocumentStatus.REFUSED])
def test_a_file_not_clean_is_never_sent(client, world, status):
    document = world["documents"]["advice"]
    document.status = status
    document.status_reason = "The virus check found a problem in this file (Test), so it cannot be opened."
    document.save()
    _as(client, world["users"]["own caseworker"])
    response = client.get(_url(document))
    assert response.status_code == 200 and "Content-Disposition" not in response
    assert PDF_BYTES not in response.content
    assert ("checking this file for viruses" if status == "scanning" else "found a problem") in \
        response.content.decode()


def test_a_higher_domain_opens_its_purpose_by_registering_a_rule(client, world):
    document = world["documents"]["no rule registered"]
    _as(client, world["users"]["parent"])
    assert client.get(_url(document)).status_code == NOT_FOUND
    from pathfinder.documents import access

    saved = dict(access._RULES)
    try:
        register_document_access(DocumentPurpose.CHILD_VIEWS, lambda user, doc: user.role == "parent")
        assert client.get(_url(document)).status_code == OK
        _as(client, world["users"]["another parent"])  # the rule never widens who may see the child
        assert client.get(_url(document)).status_code == NOT_FOUND
    finally:
        access._RULES.clear()
        access._RULES.update(saved)
