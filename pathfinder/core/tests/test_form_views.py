"""The one confirm-and-post page for a move: a done act goes on, a refusal stays on the form, a stale page takes
the version as it is now so that saving again is a choice."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.form_views import form_refused, move_page
from pathfinder.core.forms import GOVUKForm
from pathfinder.directory.constants import RevisionStatus
from pathfinder.directory.models import ServiceRevision
from pathfinder.directory.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


class NoteForm(GOVUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label="Note")


def _revision() -> ServiceRevision:
    return ServiceRevision.objects.create(service=ServiceFactory(), data={}, number=1, status=RevisionStatus.DRAFT)


def _request(method: str = "get", data: dict | None = None):
    request = getattr(RequestFactory(), method)("/somewhere/", data or {})
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _page(request, revision, act):
    return move_page(request, record=revision, form_class=NoteForm, act=act, done="Noted.", next_url="/done/",
                     title="Add a note", caption="A service", intro=["Why notes matter."], submit="Add the note")


def test_the_page_shows_the_form_with_the_version_the_person_saw():
    revision = _revision()
    response = _page(_request(), revision, act=lambda record, data: pytest.fail("a GET acts on nothing"))
    body = response.content.decode()
    assert response.status_code == 200
    assert f'name="version" value="{revision.version}"' in body
    assert "Add a note" in body and "Why notes matter." in body and "Add the note" in body


def test_a_done_act_goes_on_with_its_message():
    revision = _revision()
    seen: list = []
    request = _request("post", {"version": revision.version, "note": "Checked"})
    response = _page(request, revision, act=lambda record, data: seen.append((record.pk, data["note"])))
    assert response.status_code == 302 and response["Location"] == "/done/"
    assert seen == [(revision.pk, "Checked")]
    assert [str(m) for m in get_messages(request)] == ["Noted."]


def test_a_refusal_stays_on_the_form_on_its_field():
    revision = _revision()

    def refuse(record, data):
        raise ServiceError("Say what the note is about", field="note")

    response = _page(_request("post", {"version": revision.version, "note": "x"}), revision, act=refuse)
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and "Say what the note is about" in body


def test_a_stale_page_keeps_what_was_typed_and_takes_the_version_as_it_is_now():
    revision = _revision()
    ServiceRevision.objects.filter(pk=revision.pk).update(version=revision.version + 3)

    def stale(record, data):
        raise StaleEdit("Someone else changed this")

    response = _page(_request("post", {"version": revision.version, "note": "My words"}), revision, act=stale)
    body = response.content.decode()
    assert "Someone else changed this" in body and 'value="My words"' in body
    assert f'name="version" value="{revision.version + 3}"' in body


def test_form_refused_leaves_the_version_alone_for_any_other_refusal():
    revision = _revision()
    form = NoteForm({"version": revision.version - 1, "note": "x"})
    assert form.is_valid()
    form_refused(form, ServiceError("No"), revision)
    assert form.data["version"] == revision.version - 1 and form.non_field_errors() == ["No"]
