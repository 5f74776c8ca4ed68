"""Advice documents are checked by their content and size, and kept by the documents component (issue item 18).

The checks themselves (each kind, renamed programs) are tested in pathfinder/documents/tests; these tests are
the adviser's page: a refused file keeps what was typed, a good one becomes a Document waiting for its scan.
"""

import os
import stat
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pathfinder.accounts.tests.factories import AdviserFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.tests.factories import AdviceRequestFactory
from pathfinder.documents.models import DocumentPurpose, DocumentStatus, documents_storage

pytestmark = pytest.mark.django_db

EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-" + b"ANTIVIRUS-TEST-FILE!$H+H*"  # in pieces: see documents
MZ_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"This program cannot be run in DOS mode"
TYPE_ERROR = "The selected file must be a PDF, Word document or image"


def _give(client, advice, document):
    return client.post(reverse("assessments:advice-give", kwargs={"advice_id": advice.pk}), {
        "received_on-day": "10", "received_on-month": "8", "received_on-year": "2026",
        "summary": "Typed summary that must not be lost", "document": document,
    })


class TestThroughTheGiveAdvicePage:
    def test_a_program_named_pdf_is_refused_and_nothing_saved(self, client):
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        page = _give(client, advice, SimpleUploadedFile("report.pdf", MZ_PROGRAM)).content.decode()
        assert TYPE_ERROR in page and "Typed summary that must not be lost" in page
        advice.refresh_from_db()
        assert advice.received_on is None and advice.document is None

    def test_eicar_is_refused_by_its_content_even_without_a_scanner(self, client):
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        assert TYPE_ERROR in _give(client, advice, SimpleUploadedFile("eicar.com", EICAR)).content.decode()
        advice.refresh_from_db()
        assert advice.received_on is None

    def test_a_file_over_the_limit_is_dropped_while_streaming_and_what_was_typed_kept(self, client, settings):
        settings.FILE_UPLOAD_MAX_SIZE = 100 * 1024  # body limit is this plus the form's 2.5MB
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        big = SimpleUploadedFile("big.pdf", b"%PDF-1.7" + b"0" * (300 * 1024))
        page = _give(client, advice, big).content.decode()
        assert "The selected file must be smaller than 100KB" in page
        assert "Typed summary that must not be lost" in page
        advice.refresh_from_db()
        assert advice.received_on is None and advice.document is None

    def test_a_body_over_the_limit_is_refused_before_it_is_read(self, client, settings):
        settings.FILE_UPLOAD_MAX_SIZE = 1024 * 1024
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        response = _give(client, advice, SimpleUploadedFile("big.pdf", b"%PDF-1.7" + b"0" * (4 * 1024 * 1024)))
        assert response.status_code == 413
        assert "The selected file must be smaller than 1MB" in response.content.decode()
        advice.refresh_from_db()
        assert advice.received_on is None

    def test_a_good_file_is_kept_under_a_random_name_readable_by_the_app_only(self, client):
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        assert _give(client, advice, SimpleUploadedFile("../../evil name.pdf", b"%PDF-1.7 ok")).status_code == 302
        advice.refresh_from_db()
        document = advice.document
        assert advice.received_on == date(2026, 8, 10)
        assert document.purpose == DocumentPurpose.ADVICE and document.kind == "pdf"
        assert document.status == DocumentStatus.SCANNING  # quarantined until the virus check (no clamd here)
        assert document.original_name == "evil name.pdf" and document.uploaded_by == advice.adviser
        assert document.stored_name.startswith("advice/") and "evil" not in document.stored_name
        assert document.stored_name.endswith(".pdf")
        path = documents_storage().path(document.stored_name)
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700

    def test_the_hint_states_the_limit_enforced(self, client):
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        page = client.get(reverse("assessments:advice-give", kwargs={"advice_id": advice.pk})).content.decode()
        assert "A PDF, Word document or image, up to 50MB" in page
