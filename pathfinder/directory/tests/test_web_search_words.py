"""The Local Offer officer keeps the council's list of search words; nobody else can."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory, LocalOfferOfficerFactory, ProviderFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.directory.models import SearchSynonym
from pathfinder.directory.search import service_search
from pathfinder.directory.tests.factories import ServiceFactory, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    sign_in(client, LocalOfferOfficerFactory())
    return client


def page(response) -> str:
    return html.unescape(response.content.decode())


def test_the_starting_list_is_there_and_listed(officer):
    assert SearchSynonym.objects.filter(phrase__in=["salt", "camhs", "respite", "can't sleep", "meltdowns"]).count() == 5
    text = page(officer.get(reverse("directory:officer-search-words")))
    assert "Search words" in text and "speech and language therapy" in text and "can't sleep" in text


def test_add_a_word_and_the_search_uses_it(officer):
    ServiceFactory(name="Talking club", description="Chat and play.")
    response = officer.post(reverse("directory:officer-search-word-new"), {
        "phrase": "  Chatterbox ", "kind": "same_meaning", "means": "Talking, chat", "terms": [
            str(term("send-needs", "SLCN").pk)]})
    assert response.status_code == 302
    entry = SearchSynonym.objects.get(phrase="chatterbox")
    assert entry.means == "talking, chat" and list(entry.terms.values_list("code", flat=True)) == ["SLCN"]
    assert [s.name for s in service_search(text="chatterbox").items] == ["Talking club"]


@pytest.mark.parametrize(("data", "message"), [
    ({}, "Enter what people type"),
    ({"phrase": "zzz", "kind": "abbreviation"}, "Enter what to look for as well, or select a need or kind of support"),
    ({"phrase": "SALT", "kind": "abbreviation", "means": "salt"}, "'salt' is already in the list: change that entry"),
    ({"phrase": "x" * 81, "kind": "abbreviation", "means": "y"}, "What people type must be 80 characters or fewer"),
])
def test_wrong_or_empty_forms_are_explained(officer, data, message):
    response = officer.post(reverse("directory:officer-search-word-new"), data)
    assert response.status_code == 200
    text = page(response)
    assert "govuk-error-summary" in text and message in text


def test_change_twice_from_the_same_page_is_refused_the_second_time(officer):
    entry = SearchSynonym.objects.get(phrase="ot")
    url = reverse("directory:officer-search-word-edit", args=[entry.pk])
    data = {"phrase": "ot", "kind": "abbreviation", "means": "occupational therapy, OT clinic",
            "version": str(entry.version)}
    assert officer.post(url, data).status_code == 302
    again = officer.post(url, {**data, "means": "something else"})
    assert again.status_code == 200 and "Someone else changed this entry" in page(again)
    entry.refresh_from_db()
    assert entry.means == "occupational therapy, ot clinic"


def test_remove_a_word_after_confirming(officer):
    entry = SearchSynonym.objects.get(phrase="respite")
    url = reverse("directory:officer-search-word-delete", args=[entry.pk])
    assert "Remove 'respite'?" in page(officer.get(url))
    assert officer.post(url).status_code == 302
    assert not SearchSynonym.objects.filter(phrase="respite").exists()
    assert officer.get(url).status_code == 404


@pytest.mark.parametrize("factory", [CaseworkerFactory, ProviderFactory])
def test_only_the_officer_may(client, factory):
    sign_in(client, factory())
    entry = SearchSynonym.objects.first()
    assert client.get(reverse("directory:officer-search-words")).status_code == 403
    assert client.post(reverse("directory:officer-search-word-delete", args=[entry.pk])).status_code == 403
    assert SearchSynonym.objects.filter(pk=entry.pk).exists()
