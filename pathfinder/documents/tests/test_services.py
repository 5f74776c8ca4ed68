"""document_receive keeps only what the checks allow, under a random name; document_store_generated keeps what
Pathfinder made as clean, without a scan."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pathfinder.accounts.tests.factories import ParentFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.core.errors import ServiceError
from pathfinder.documents.models import Document, DocumentPurpose, DocumentStatus, documents_storage
from pathfinder.documents.services import document_receive, document_store_generated
from pathfinder.documents.tests import samples
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def test_a_file_is_kept_waiting_under_a_random_name_with_its_facts():
    child, parent = ChildFactory(), ParentFactory()
    content = samples.png()
    document = document_receive(SimpleUploadedFile("../My drawing.PNG.exe", content), child,
                                DocumentPurpose.FAMILY_UPLOAD, parent)
    assert document.status == DocumentStatus.SCANNING and document.scanned_at is None
    assert (document.kind, document.content_type, document.size) == ("png", "image/png", len(content))
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.original_name == "My drawing.PNG.exe"  # shown as sent...
    assert document.download_name == "My drawing.PNG.png"  # ...but downloaded as what it really is
    assert "drawing" not in document.stored_name and document.stored_name.endswith(".png")
    assert document.stored_name.startswith("family_upload/")
    with documents_storage().open(document.stored_name) as stored:
        assert stored.read() == content
    assert document.uploaded_by == parent and len(str(document.public_id)) == 36
    assert AuditEvent.objects.filter(child=child, actor=parent, action="create", object_type="Document").exists()


@pytest.mark.parametrize("name, content, allowed, message", [
    ("setup.pdf", samples.MZ_PROGRAM, None, "The selected file must be a PDF, Word document, image or audio file"),
    ("empty.pdf", b"", None, "The selected file is empty"),
    ("song.mp3", samples.mp3_id3(), {"pdf"}, "The selected file must be a PDF"),
])
def test_a_refused_file_is_not_kept(name, content, allowed, message):
    kwargs = {"allowed_kinds": allowed} if allowed else {}
    with pytest.raises(ServiceError) as refused:
        document_receive(SimpleUploadedFile(name, content), ChildFactory(), DocumentPurpose.FAMILY_UPLOAD, None,
                         **kwargs)
    assert refused.value.message == message and refused.value.field == "document"
    assert not Document.objects.exists()


def test_an_oversized_file_is_refused(settings):
    settings.FILE_UPLOAD_MAX_SIZE = 1024
    with pytest.raises(ServiceError, match="The selected file must be smaller than 1KB"):
        document_receive(SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000), ChildFactory(),
                         DocumentPurpose.ADVICE, None)


def test_a_file_pathfinder_made_is_clean_and_says_so():
    child = ChildFactory()
    document = document_store_generated(samples.pdf(), "EHC plan.pdf", child, DocumentPurpose.PLAN_PDF)
    assert document.status == DocumentStatus.CLEAN and document.made_by_pathfinder and document.scanned_at is None
    assert document.kind == "pdf" and document.size == len(samples.pdf())
    with document.open() as stored:
        assert stored.read() == samples.pdf()


def test_the_documents_storage_is_outside_the_web_root_and_static_files(settings):
    from config.settings import base

    location = str(base.DOCUMENTS_STORAGE["OPTIONS"]["location"])
    for public in (base.STATIC_ROOT, *base.STATICFILES_DIRS, base.MEDIA_ROOT):
        assert not location.startswith(str(public))
    assert base.STORAGES["documents"] is base.DOCUMENTS_STORAGE
    assert base.DOCUMENTS_STORAGE["OPTIONS"]["file_permissions_mode"] == 0o600


def test_a_large_upload_kept_on_disk_by_django_is_sniffed_and_stored_too():
    from django.core.files.uploadedfile import TemporaryUploadedFile

    content = samples.docx(padding=3 * 1024 * 1024)  # bigger than FILE_UPLOAD_MAX_MEMORY_SIZE
    upload = TemporaryUploadedFile("big.docx", "application/octet-stream", len(content), None)
    upload.write(content)
    upload.seek(0)
    document = document_receive(upload, ChildFactory(), DocumentPurpose.ADVICE, None)
    upload.close()  # as Django does after a request (the storage moved the temporary file into place)
    assert document.kind == "docx" and document.size == len(content)
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    with document.open() as stored:
        assert stored.read() == content


def test_if_the_row_cannot_be_written_the_file_is_not_kept(monkeypatch):
    from pathfinder.documents import services

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "_received_row", fail)
    before = set(_all_files())
    with pytest.raises(RuntimeError):
        document_receive(SimpleUploadedFile("a.pdf", samples.pdf()), ChildFactory(), DocumentPurpose.ADVICE, None)
    assert set(_all_files()) == before


def _all_files() -> list[str]:
    import os

    root = documents_storage().location
    return [os.path.join(d, f) for d, _, files in os.walk(root) for f in files]
