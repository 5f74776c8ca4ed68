"""A file the virus check refuses tells whoever sent it to send a different one: the day it was sent and a link,
never the file's name. A clean file, a file with no sender, or a scan that cannot run tells nobody."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pathfinder.accounts.tests.factories import AdviserFactory, ParentFactory
from pathfinder.documents import clamav
from pathfinder.documents.clamav import ScanResult
from pathfinder.documents.models import DocumentPurpose, DocumentStatus
from pathfinder.documents.services import document_receive, document_scan
from pathfinder.documents.tests import samples
from pathfinder.notifications.models import Message, MessageStatus
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

VIRUS = ScanResult(clean=False, signature="Eicar-Test-Signature")


@pytest.fixture(autouse=True)
def _no_notify(settings):
    settings.GOVUK_NOTIFY_API_KEY = ""


def _sent(by, name="Report about Lydia Lucas.pdf", purpose=DocumentPurpose.FAMILY_UPLOAD):
    return document_receive(SimpleUploadedFile(name, samples.pdf()), ChildFactory(legal_first_name="Lydia"), purpose,
                            by)


def test_a_refused_file_tells_the_parent_who_sent_it_with_the_day_and_their_home_page(
        django_capture_on_commit_callbacks):
    parent = ParentFactory(email="amira@example.test")
    document = _sent(parent)
    with mock.patch("pathfinder.documents.clamav.scan_chunks", return_value=VIRUS), \
            django_capture_on_commit_callbacks(execute=True):
        assert document_scan(document.pk).status == DocumentStatus.REFUSED
    [message] = Message.objects.all()
    sent_on = timezone.localdate(document.uploaded_at)
    assert (message.recipient, message.kind, message.to_email) == (parent, "documents.file_refused",
                                                                   "amira@example.test")
    assert message.status == MessageStatus.OUTBOX and message.child_id == document.child_id
    assert message.values == {"date": sent_on.isoformat(), "link": "http://127.0.0.1:8000/children/family/"}
    assert (f"We could not take a file you sent on {sent_on.day} {sent_on:%B %Y}. Our virus check found a problem "
            "with it.") in message.body
    for private in ("Lydia", "Lucas", "Report", "Eicar"):
        assert private not in message.body + message.subject


def test_an_advisers_refused_file_links_to_their_advice_requests(django_capture_on_commit_callbacks):
    adviser = AdviserFactory()
    document = _sent(adviser, purpose=DocumentPurpose.ADVICE)
    with mock.patch("pathfinder.documents.clamav.scan_chunks", return_value=VIRUS), \
            django_capture_on_commit_callbacks(execute=True):
        document_scan(document.pk)
    assert Message.objects.get(recipient=adviser).values["link"] == "http://127.0.0.1:8000/advice/"


def test_a_clean_file_a_waiting_file_or_one_nobody_signed_in_sent_tells_nobody():
    parent = ParentFactory()
    clean, waiting = _sent(parent), _sent(parent)
    anonymous = _sent(None)
    with mock.patch("pathfinder.documents.clamav.scan_chunks", return_value=ScanResult(clean=True)):
        assert document_scan(clean.pk).status == DocumentStatus.CLEAN
    with mock.patch("pathfinder.documents.clamav.scan_chunks", side_effect=clamav.ScannerUnavailable("down")):
        assert document_scan(waiting.pk).status == DocumentStatus.SCANNING
    with mock.patch("pathfinder.documents.clamav.scan_chunks", return_value=VIRUS):
        assert document_scan(anonymous.pk).status == DocumentStatus.REFUSED
        assert document_scan(clean.pk).status == DocumentStatus.CLEAN  # checked already: left as it is
    assert not Message.objects.exists()


def test_scanning_a_refused_file_again_tells_them_only_once():
    parent = ParentFactory()
    document = _sent(parent)
    with mock.patch("pathfinder.documents.clamav.scan_chunks", return_value=VIRUS):
        document_scan(document.pk)
        document_scan(document.pk)
    assert Message.objects.filter(recipient=parent).count() == 1
