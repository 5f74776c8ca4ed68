"""Received advice is closed; a correction is a new, audited version beside the original (issue item 3)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pathfinder.accounts.tests.factories import AdviserFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments import services
from pathfinder.assessments.advice_corrections import advice_correction_send
from pathfinder.assessments.models import AdviceCorrection
from pathfinder.assessments.tests.factories import AdviceRequestFactory, ReceivedAdviceFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError
from pathfinder.documents.tests.helpers import scanned_clean

pytestmark = pytest.mark.django_db

GIVE = "assessments:advice-give"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _post_advice(client, advice, summary="Second go", document=None):
    data = {"received_on-day": "20", "received_on-month": "8", "received_on-year": "2026", "summary": summary}
    if document is not None:
        data["document"] = document
    return client.post(reverse(GIVE, kwargs={"advice_id": advice.pk}), data)


class TestReceivedAdviceIsClosed:
    def test_a_second_post_is_refused_and_changes_nothing(self, client):
        advice = ReceivedAdviceFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        response = _post_advice(client, advice, document=SimpleUploadedFile("x.pdf", b"%PDF-1.7 new"))
        page = response.content.decode()
        assert response.status_code == 200
        assert "already received this advice, on 10 August 2026" in page
        assert "Second go" in page  # what was typed is kept, in the correction form
        advice.refresh_from_db()
        assert advice.received_on == date(2026, 8, 10)
        assert advice.summary == "Needs a structured language programme."
        assert not advice.document
        assert not AdviceCorrection.objects.exists()

    def test_the_service_refuses_too(self):
        advice = ReceivedAdviceFactory(adviser=AdviserFactory())
        with pytest.raises(ServiceError, match="cannot be changed"):
            services.advice_received_record(
                acting_user=advice.adviser, advice=advice, received_on=date(2026, 8, 20), summary="Replaced"
            )
        advice.refresh_from_db()
        assert advice.summary == "Needs a structured language programme."

    def test_a_stale_copy_of_the_row_cannot_overwrite(self):
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        stale = type(advice).objects.get(pk=advice.pk)
        services.advice_received_record(acting_user=advice.adviser, advice=advice, received_on=date(2026, 8, 10),
                                        summary="First")
        with pytest.raises(ServiceError):
            services.advice_received_record(acting_user=stale.adviser, advice=stale, received_on=date(2026, 8, 11),
                                            summary="Second")
        advice.refresh_from_db()
        assert advice.summary == "First"


class TestCorrections:
    def test_the_adviser_sends_a_correction_kept_beside_the_original_and_audited(self, client):
        advice = ReceivedAdviceFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        response = client.post(reverse(GIVE, kwargs={"advice_id": advice.pk}), {
            "reason": "The hours were wrong", "summary": "Needs 3 x 45 minutes a week, not 3 x 30.",
            "document": SimpleUploadedFile("corrected.pdf", b"%PDF-1.7 corrected"),
        })
        assert response.status_code == 302
        correction = advice.corrections.get()
        assert correction.number == 2 and correction.sent_by == advice.adviser
        advice.refresh_from_db()
        assert advice.summary == "Needs a structured language programme."  # the original is untouched
        assert AuditEvent.objects.filter(actor=advice.adviser, what__contains="sent correction 2").exists()

        # the caseworker sees both versions and can download the correction once its virus check passes
        assert "We are checking this file for viruses" in client.get(
            reverse(GIVE, kwargs={"advice_id": advice.pk})).content.decode()
        scanned_clean(correction.document)
        caseworker = advice.assessment.caseworker
        sign_in(client, caseworker)
        kwargs = {"child_id": advice.assessment.child_id, "assessment_id": advice.assessment_id}
        case = client.get(reverse("assessments:case", kwargs=kwargs)).content.decode()
        assert "Version 1: Needs a structured language programme." in case
        assert "Correction, version 2" in case and "3 x 45 minutes" in case and "The hours were wrong" in case
        download = client.get(reverse("assessments:advice-correction-document",
                                      kwargs={**kwargs, "advice_id": advice.pk, "number": 2}), follow=True)
        assert b"".join(download.streaming_content) == b"%PDF-1.7 corrected"
        assert AuditEvent.objects.filter(actor=caseworker, what="advice correction document").exists()

    def test_versions_number_on(self):
        advice = ReceivedAdviceFactory(adviser=AdviserFactory())
        first = advice_correction_send(acting_user=advice.adviser, advice=advice, summary="a", reason="b")
        second = advice_correction_send(acting_user=advice.adviser, advice=advice, summary="c", reason="d")
        assert (first.number, second.number) == (2, 3)

    def test_a_correction_needs_a_reason(self, client):
        advice = ReceivedAdviceFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        response = client.post(reverse(GIVE, kwargs={"advice_id": advice.pk}), {"reason": "", "summary": "x"})
        assert "Enter what needs correcting" in response.content.decode()
        assert not advice.corrections.exists()

    def test_no_correction_before_the_advice_is_received(self):
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        with pytest.raises(ServiceError, match="not received this advice yet"):
            advice_correction_send(acting_user=advice.adviser, advice=advice, summary="a", reason="b")

    def test_another_adviser_cannot_correct(self, client):
        advice = ReceivedAdviceFactory(adviser=AdviserFactory())
        sign_in(client, AdviserFactory())
        response = client.post(reverse(GIVE, kwargs={"advice_id": advice.pk}), {"reason": "x", "summary": "y"})
        assert response.status_code == 404
        assert not advice.corrections.exists()
