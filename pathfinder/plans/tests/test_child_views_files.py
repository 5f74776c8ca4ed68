"""Pictures, recordings and documents sent with the child's views: kept through the documents component, in
quarantine until the virus check passes, and opened only by those who may read the views they came with."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.documents.models import Document, DocumentPurpose, DocumentStatus
from pathfinder.documents.tests import samples
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory
from pathfinder.plans.models import ChildViews, ChildViewsFile

pytestmark = pytest.mark.django_db


@pytest.fixture
def family():
    child = ChildFactory(preferred_name="Sam")
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    return child, parent


def _edit(child, whose="parent") -> str:
    return reverse("plans:views-edit", kwargs={"child_id": child.pk, "whose": whose})


def _send(client, child, name: str, content: bytes, **answers):
    return client.post(_edit(child), {"version": "0", "action": "later", "file_description": "My drawing",
                                      "file": SimpleUploadedFile(name, content), **answers})


def test_a_picture_is_saved_with_the_answers_and_waits_for_the_virus_check(client, family):
    child, parent = family
    sign_in(client, parent)
    response = _send(client, child, "drawing.png", samples.png(), important="Her dog Biscuit.")
    assert response.status_code == 302
    record = ChildViews.objects.get(child=child, whose="parent")
    sent = ChildViewsFile.objects.get(views=record)
    assert record.important == "Her dog Biscuit."
    assert (sent.description, sent.added_by, sent.document.kind, sent.document.purpose) == (
        "My drawing", parent, "png", DocumentPurpose.CHILD_VIEWS)
    assert sent.document.status == DocumentStatus.SCANNING  # nobody may open it until the check is done
    page = client.get(_edit(child)).content.decode()
    assert "My drawing" in page and "Scanning" in page


def test_a_program_renamed_as_a_picture_is_refused_and_every_answer_stays(client, family):
    child, parent = family
    sign_in(client, parent)
    response = _send(client, child, "drawing.png", b"MZ\x90\x00" + b"\0" * 200, important="Her dog Biscuit.")
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "The selected file must be" in page
    assert "Her dog Biscuit." in page  # the words are still in the form
    assert not Document.objects.exists() and not ChildViews.objects.exists()


def test_only_those_who_may_read_the_views_may_open_the_file(client, family):
    child, parent = family
    sign_in(client, parent)
    _send(client, child, "voice.mp3", samples.mp3_id3(), important="Music.")
    document = ChildViewsFile.objects.get().document
    Document.objects.filter(pk=document.pk).update(status=DocumentStatus.CLEAN)  # as after a clean scan
    url = reverse("documents:download", kwargs={"public_id": document.public_id})
    assert client.get(url).status_code == 200

    caseworker = CaseworkerFactory(team=child.team)
    sign_in(client, caseworker)
    assert client.get(url).status_code == 200

    stranger = ParentFactory()
    FamilyMemberFactory(user=stranger)  # a parent of another child
    sign_in(client, stranger)
    assert client.get(url).status_code == 404
    assert AuditEvent.objects.filter(actor=stranger).exists()  # the refused try is on the record

    adviser = AdviserFactory()  # not involved with the child
    sign_in(client, adviser)
    assert client.get(url).status_code == 404


def test_an_adviser_finds_where_to_record_the_childs_views_from_their_page_about_the_child(client):
    from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessmentFactory

    assessment = AssessmentFactory(child__preferred_name="Sam")
    adviser = AdviserFactory()
    AdviceRequestFactory(assessment=assessment, adviser=adviser)
    sign_in(client, adviser)
    page = html.unescape(client.get(reverse("people:child", kwargs={"child_id": assessment.child_id})).content.decode())
    edit = _edit(assessment.child, "child")
    assert f'href="{edit}"' in page and "Record Sam's views with them" in page
    assert client.get(edit).status_code == 200
    assert client.get(_edit(assessment.child, "parent")).status_code == 404  # the family's own are theirs
