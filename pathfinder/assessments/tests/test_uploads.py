"""Advice documents are checked by their content and size, and stored privately (issue item 18)."""

import io
import os
import stat
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pathfinder.accounts.tests.factories import AdviserFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.tests.factories import AdviceRequestFactory
from pathfinder.assessments.uploads import check_document

pytestmark = pytest.mark.django_db

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
MZ_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"This program cannot be run in DOS mode"
TYPE_ERROR = "The selected file must be a PDF, Word (.docx) or OpenDocument (.odt) document"


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<Types><Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def _odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def _zip_of_a_program() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("setup.exe", MZ_PROGRAM)
    return out.getvalue()


class TestCheckDocument:
    @pytest.mark.parametrize("name, content, kind", [
        ("report.pdf", b"%PDF-1.7\n...", "pdf"),
        ("report.docx", _docx(), "docx"),
        ("report.ODT", _odt(), "odt"),
    ])
    def test_real_documents_pass(self, name, content, kind):
        assert check_document(SimpleUploadedFile(name, content)).kind == kind

    @pytest.mark.parametrize("name, content", [
        ("report.pdf", MZ_PROGRAM),           # a Windows program renamed .pdf
        ("eicar.com", EICAR),                 # the EICAR test file
        ("eicar.pdf", EICAR),                 # ... renamed
        ("report.docx", _zip_of_a_program()),  # a zip, but not a Word document
        ("report.pdf", _docx()),              # a real .docx named .pdf
        ("notes.txt", b"plain text"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),  # old Word format can carry macros
    ])
    def test_anything_else_is_refused_by_its_content(self, name, content):
        check = check_document(SimpleUploadedFile(name, content))
        assert check.kind == "" and check.problem == TYPE_ERROR

    def test_the_stated_size_is_enforced(self, settings):
        settings.FILE_UPLOAD_MAX_SIZE = 1024
        assert check_document(SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * 1019)).kind == "pdf"
        too_big = check_document(SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * 1020))
        assert too_big.problem == "The selected file must be smaller than 1KB"


def _give(client, advice, document):
    return client.post(reverse("assessments:advice-give", kwargs={"advice_id": advice.pk}), {
        "received_on-day": "10", "received_on-month": "8", "received_on-year": "2026",
        "summary": "Typed summary that must not be lost", "document": document,
    })


class TestThroughTheGiveAdvicePage:
    @pytest.fixture(autouse=True)
    def media_in_tmp(self, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path

    def test_a_program_named_pdf_is_refused_and_nothing_saved(self, client):
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        page = _give(client, advice, SimpleUploadedFile("report.pdf", MZ_PROGRAM)).content.decode()
        assert TYPE_ERROR in page and "Typed summary that must not be lost" in page
        advice.refresh_from_db()
        assert advice.received_on is None and not advice.document

    def test_eicar_is_refused(self, client):
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
        assert advice.received_on is None and not advice.document

    def test_a_30mb_body_is_refused_before_it_is_read(self, client):
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        response = _give(client, advice, SimpleUploadedFile("big.pdf", b"%PDF-1.7" + b"0" * (30 * 1024 * 1024)))
        assert response.status_code == 413
        assert "The selected file must be smaller than 10MB" in response.content.decode()
        advice.refresh_from_db()
        assert advice.received_on is None

    def test_a_good_file_is_stored_under_a_random_name_readable_by_the_app_only(self, client):
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        assert _give(client, advice, SimpleUploadedFile("../../evil name.pdf", b"%PDF-1.7 ok")).status_code == 302
        advice.refresh_from_db()
        assert advice.received_on == date(2026, 8, 10)
        assert advice.document.name.startswith("advice/") and "evil" not in advice.document.name
        assert advice.document.name.endswith(".pdf")
        path = advice.document.path
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700

    def test_the_hint_states_the_limit_enforced(self, client):
        advice = AdviceRequestFactory(adviser=AdviserFactory())
        sign_in(client, advice.adviser)
        page = client.get(reverse("assessments:advice-give", kwargs={"advice_id": advice.pk})).content.decode()
        assert "up to 10MB" in page
