"""An adviser gives advice in Pathfinder; the caseworker sees it and can download the report."""

from datetime import date
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pathfinder.accounts.tests.factories import AdviserFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.tests.factories import AdviceRequestFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.documents.tests.helpers import scanned_clean

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_adviser_gives_advice_and_caseworker_downloads_it(client):
    # given an educational psychologist asked for advice
    advice = AdviceRequestFactory(adviser=AdviserFactory(), requested_on=date(2026, 7, 2))
    sign_in(client, advice.adviser)

    # when they open their list, they see the child and the date it is due (6 weeks, reg 8(1))
    home = unescape(client.get(reverse("assessments:adviser-home")).content.decode())
    assert advice.assessment.child.full_name in home
    assert "13 August 2026" in home

    # and give their advice with a report
    report = SimpleUploadedFile("ep-report.pdf", b"%PDF-1.7 advice", content_type="application/pdf")
    response = client.post(reverse("assessments:advice-give", kwargs={"advice_id": advice.pk}), {
        "received_on-day": "10", "received_on-month": "8", "received_on-year": "2026",
        "summary": "Needs a structured language programme, 3 x 30 minutes a week with a trained assistant.",
        "document": report,
    })
    assert response.status_code == 302
    advice.refresh_from_db()
    assert advice.received_on == date(2026, 8, 10)
    assert advice.document is not None
    scanned_clean(advice.document)  # what the task queue does once clamd finds nothing

    # then the caseworker sees it on the case and can download it (audited)
    caseworker = advice.assessment.caseworker
    sign_in(client, caseworker)
    kwargs = {"child_id": advice.assessment.child_id, "assessment_id": advice.assessment_id}
    case = client.get(reverse("assessments:case", kwargs=kwargs)).content.decode()
    assert "structured language programme" in case
    download = client.get(reverse("assessments:advice-document", kwargs={**kwargs, "advice_id": advice.pk}),
                          follow=True)
    assert b"".join(download.streaming_content) == b"%PDF-1.7 advice"
    assert download["Content-Disposition"] == 'attachment; filename="ep-report.pdf"'
    assert AuditEvent.objects.filter(actor=caseworker, what="advice document").exists()
    assert AuditEvent.objects.filter(actor=caseworker, action="download", object_type="Document").exists()


def test_an_adviser_cannot_open_advice_they_were_not_asked_for(client):
    advice = AdviceRequestFactory(adviser=AdviserFactory())
    sign_in(client, AdviserFactory())
    assert client.get(reverse("assessments:advice-give", kwargs={"advice_id": advice.pk})).status_code == 404


def test_a_parent_cannot_download_advice_documents(client):
    advice = AdviceRequestFactory(adviser=AdviserFactory())
    parent = ParentFactory()
    advice.assessment.child.family_members.create(name="P", relationship="Mother", user=parent)
    sign_in(client, parent)
    kwargs = {"child_id": advice.assessment.child_id, "assessment_id": advice.assessment_id, "advice_id": advice.pk}
    assert client.get(reverse("assessments:advice-document", kwargs=kwargs)).status_code == 403


def test_a_document_of_the_wrong_type_is_refused_and_nothing_saved(client):
    advice = AdviceRequestFactory(adviser=AdviserFactory())
    sign_in(client, advice.adviser)
    response = client.post(reverse("assessments:advice-give", kwargs={"advice_id": advice.pk}), {
        "received_on-day": "10", "received_on-month": "8", "received_on-year": "2026", "summary": "Advice",
        "document": SimpleUploadedFile("run-me.exe", b"MZ", content_type="application/octet-stream"),
    })
    assert "The selected file must be a PDF, Word document or image" in response.content.decode()
    advice.refresh_from_db()
    assert advice.received_on is None
