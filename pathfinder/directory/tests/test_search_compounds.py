"""Partial and compound words ("physio", "playscheme" / "play scheme", "wheel chair") find what the services write,
and a rare word typed counts for more than a common one on PostgreSQL as in SQLite. Runs on both databases."""

from __future__ import annotations

import pytest

from pathfinder.directory.search import service_search
from pathfinder.directory.search_compounds import compound_readings
from pathfinder.directory.search_query import understand
from pathfinder.directory.search_vocabulary import search_words_rebuild, word_rarity
from pathfinder.directory.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def names(result) -> list[str]:
    return [s.name for s in result.items]


@pytest.fixture
def offer():
    ServiceFactory(name="Physiotherapy for children", description="Exercises to build strength.")
    ServiceFactory(name="Summer playscheme", description="Games outdoors in the holidays.")
    ServiceFactory(name="Play scheme at the park", description="Games outdoors on Saturdays.")
    ServiceFactory(name="Wheelchair skills", description="Learn to get about safely.")
    ServiceFactory(name="Homework club", description="After school help with homework.")
    ServiceFactory(name="Wellbeing walk", description="A gentle walk and a chat.")
    search_words_rebuild()


def test_a_partial_word_anywhere_finds_the_whole_word(offer):
    result = service_search(text="physiother exercises")  # not the last word, so not searched as a prefix
    assert names(result) == ["Physiotherapy for children"]
    assert "Matched 'physiotherapy' (you typed 'physiother')" in result.notes
    assert service_search(text="physiother exercises", understood=False).total == 0


def test_a_compound_typed_apart_finds_it_written_together_and_apart(offer):
    assert set(names(service_search(text="play scheme"))) == {"Summer playscheme", "Play scheme at the park"}
    result = service_search(text="well being walk")  # "well" alone is a filler word, "well being" is not
    assert names(result) == ["Wellbeing walk"]
    assert "'well being' also finds 'wellbeing'" in result.notes


def test_a_compound_typed_together_finds_it_written_apart(offer):
    assert set(names(service_search(text="playscheme"))) == {"Summer playscheme", "Play scheme at the park"}
    result = service_search(text="afterschool homework")
    assert names(result) == ["Homework club"]
    assert "Matched 'after school' (you typed 'afterschool')" in result.notes


def test_a_synonym_typed_apart_is_still_the_synonym(offer):
    result = service_search(text="wheel chair")  # the council's list has "wheelchair"
    assert "Wheelchair skills" in names(result)
    assert "'wheelchair' also finds 'physical disability', 'step-free', 'accessible'" in result.notes


def test_words_are_not_invented(offer):
    vocabulary = {"play", "scheme"}
    assert compound_readings(["zzzplay", "phys", "phy"], {}, vocabulary) == {
        "zzzplay": [], "phys": compound_readings(["phys"], {}, vocabulary)["phys"], "phy": []}
    assert [c.word for c in compound_readings(["phys"], {}, vocabulary)["phys"]] == ["physiotherapy"]
    assert [c.word for c in compound_readings(["playscheme"], {}, vocabulary)["playscheme"]] == ["play scheme"]
    assert compound_readings(["playscheme"], {}, {"play"})["playscheme"] == []  # both halves must be words


def test_two_filler_words_are_never_joined(offer):
    ServiceFactory(name="Step into art", description="Painting.")
    search_words_rebuild()
    assert [g.typed for g in understand("step in to art").groups] == ["step", "art"]
    assert [g.typed for g in understand("step in to").groups] == ["step"]


def test_rarity_weighs_a_rare_word_above_a_common_one(offer):
    ServiceFactory.create_batch(4, name="Games club", description="Games indoors.")
    search_words_rebuild()
    games, physiotherapy, nowhere = word_rarity(["games", "physiotherapy", "zzzz"])
    assert nowhere > physiotherapy > games > 0


@pytest.fixture
def groups():
    """"group" is in many names, "parent" in few: a search for both should put the parent group first."""
    for n in range(5):
        ServiceFactory(name=f"Chess group {n}", description="A group for a parent and child to play together.")
    ServiceFactory(name="Parent forum", description="A group for carers to meet.")
    for n in range(20):
        ServiceFactory(name=f"Craft group {n}", description="Making things together.")
    search_words_rebuild()


def test_a_rare_word_typed_counts_for_more_than_a_common_one(groups):
    # Without weighing by rarity, PostgreSQL's ts_rank scores name "group" + description "parent" the same as name
    # "parent" + description "group", and the chess groups come first (A to Z); SQLite's bm25 weighs rarity itself.
    assert names(service_search(text="parent group"))[0] == "Parent forum"
