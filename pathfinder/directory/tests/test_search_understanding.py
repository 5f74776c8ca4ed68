"""A family types what they know ("speach", "SALT", "my son can't sleep") and still finds the right services, told
how the search read their words. The same tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import html
import re

import pytest
from django.db import connection
from django.urls import reverse

from pathfinder.directory.models import SearchSynonym
from pathfinder.directory.search import service_search
from pathfinder.directory.search_query import understand
from pathfinder.directory.search_vocabulary import corrections, search_words_rebuild, similarity
from pathfinder.directory.tests.factories import ServiceFactory, link, term

pytestmark = pytest.mark.django_db


def names(result) -> list[str]:
    return [s.name for s in result.items]


@pytest.fixture
def offer():
    speech = link(ServiceFactory(name="Speech and language drop-in", description="Ask a therapist about talking."),
                  term("send-needs", "SLCN"), term("support-kinds", "therapy"))
    ot = link(ServiceFactory(name="Occupational therapy clinic", description="Handwriting, sensory needs."),
              term("support-kinds", "therapy"))
    autism = link(ServiceFactory(name="Autism family group", description="Parents meet and share tips."),
                  term("send-needs", "ASD"))
    breaks = link(ServiceFactory(name="Saturday short break club", description="Activities while parents rest."),
                  term("support-kinds", "short-breaks"))
    ServiceFactory(name="Swimming", description="Pool sessions.")
    search_words_rebuild()
    return speech, ot, autism, breaks


def test_trigram_similarity_is_pg_trgm_s():
    assert similarity("speach", "speech") == pytest.approx(0.4)
    assert similarity("autisum", "autism") == pytest.approx(0.5)
    assert similarity("speech", "speech") == 1.0
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT similarity('theraphy', 'therapy'), similarity('autisum', 'autism')")
            assert [round(v, 3) for v in cur.fetchone()] == [round(similarity("theraphy", "therapy"), 3), 0.5]


@pytest.mark.parametrize(("typed", "expected", "note"), [
    ("speach", "Speech and language drop-in", "Matched 'speech' (you typed 'speach')"),
    ("autisum", "Autism family group", "Matched 'autism' (you typed 'autisum')"),
    ("occupational theraphy", "Occupational therapy clinic", "Matched 'therapy' (you typed 'theraphy')"),
])
def test_typing_slips_still_find_the_service_and_say_so(offer, typed, expected, note):
    result = service_search(text=typed)
    assert names(result)[0] == expected
    assert note in result.notes
    assert service_search(text=typed, understood=False).total == 0  # as the search was before


def test_corrections_prefer_the_closest_word(offer):
    assert [c.word for c in corrections(["speach"])["speach"]][:1] == ["speech"]
    assert corrections(["zzzzqx"]) == {"zzzzqx": []}


@pytest.mark.parametrize(("typed", "expected", "note"), [
    ("SALT", "Speech and language drop-in", "SALT means speech and language therapy"),
    ("slt", "Speech and language drop-in", "SLT means speech and language therapy"),
    ("OT", "Occupational therapy clinic", "OT means occupational therapy"),
    ("ASD", "Autism family group", "ASD means autism"),
    ("respite", "Saturday short break club", "'respite' also finds 'short breaks', 'short break'"),
])
def test_abbreviations_and_synonyms_expand(offer, typed, expected, note):
    result = service_search(text=typed)
    assert names(result)[0] == expected
    assert note in result.notes


def test_everyday_phrases_find_needs_and_kinds_of_support(offer):
    speech, ot, autism, breaks = offer
    assert names(service_search(text="my son can't talk properly"))[0] == speech.name
    assert names(service_search(text="my son cant talk"))[0] == speech.name  # no apostrophe
    assert speech.name in names(service_search(text="meltdowns")) or autism.name in names(
        service_search(text="meltdowns")) or ot.name in names(service_search(text="meltdowns"))
    assert ot.name in names(service_search(text="handwriting"))
    assert breaks.name in names(service_search(text="we need a break"))


def test_a_word_no_service_uses_is_left_out_and_said(offer):
    result = service_search(text="speech zzzzqx")
    assert names(result) == ["Speech and language drop-in"]
    assert "No service uses the word 'zzzzqx', so we left it out" in result.notes
    assert service_search(text="zzzzqx").total == 0  # nothing usable at all: nothing found, not everything


def test_the_council_s_own_entries_apply_at_once(offer):
    assert service_search(text="chatterbox").total == 0
    entry = SearchSynonym.objects.create(phrase="chatterbox", kind="same_meaning", means="talking")
    result = service_search(text="chatterbox")
    assert names(result) == ["Speech and language drop-in"]
    assert "'chatterbox' also finds 'talking'" in result.notes
    entry.delete()
    assert service_search(text="chatterbox").total == 0


def test_a_plan_groups_phrases_longest_first(offer):
    plan = understand("short breaks for my daughter")
    assert [g.typed for g in plan.groups] == ["short breaks"]
    assert "respite" in plan.groups[0].alternatives


def test_the_results_page_says_how_it_read_the_words(client, offer):
    page = html.unescape(client.get(reverse("directory:search"), {"q": "SALT"}).content.decode())
    assert "SALT means speech and language therapy" in page
    why = re.search(r'pf-result__why">([^<]+)<', page).group(1)
    assert why.startswith("Matched 'speech and language") and "for 'salt'" in why
    page = html.unescape(client.get(reverse("directory:search"), {"q": "autism swimming"}).content.decode())
    assert "No service matched all of your words, so these match some of them" in page
    assert "2 services found" in page


def test_the_api_s_search_reads_words_the_same_way(client, offer):
    response = client.get("/api/oruk/services", {"search": "speach"})
    assert response.status_code == 200
    assert [s["name"] for s in response.json()["contents"]] == ["Speech and language drop-in"]


@pytest.mark.parametrize(("typed", "most"), [
    ("speech", 4),  # the list, which words are used, the page of matches with its count, the page's rows
    ("SALT", 3),  # all on the list: no need to ask which words are used
    ("speach", 7),  # a slip: the vocabulary, then the corrected words read again
    ("autism zzzzqx swimming", 9),  # nothing has them all: the any-part fallback
])
def test_understanding_costs_a_few_queries(offer, django_assert_max_num_queries, typed, most):
    with django_assert_max_num_queries(most):
        service_search(text=typed)
