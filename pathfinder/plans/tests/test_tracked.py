"""Tracked changes, word by word and item by item: plain Python, no database."""

from __future__ import annotations

from pathfinder.plans.tracked import Piece, has_changes, tracked_changes, word_diff


def content(**sections) -> dict:
    return {"version": 1, "sections": {letter: [{"key": f"k{i}", "label": f"{letter}{i}" if letter in "BEFGH" else "",
                                                 "text": t} for i, t in enumerate(texts, 1)]
                                       for letter, texts in sections.items()}}


def test_word_diff_marks_words_added_and_removed_in_reading_order():
    assert word_diff("45 minutes once a week", "60 minutes once a week") == (
        Piece("removed", "45"), Piece("added", "60"), Piece("same", "minutes once a week"))


def test_word_diff_of_equal_text_is_one_same_piece_and_of_empty_text_all_added():
    assert word_diff("a b  c", "a b c") == (Piece("same", "a b c"),)
    assert word_diff("", "new words") == (Piece("added", "new words"),)
    assert word_diff("old words", "") == (Piece("removed", "old words"),)


def test_word_diff_joins_runs_of_the_same_kind():
    pieces = word_diff("one two three four", "one five six four")
    assert pieces == (Piece("same", "one"), Piece("removed", "two three"), Piece("added", "five six"),
                      Piece("same", "four"))


def test_a_reworded_item_is_one_changed_item_and_renumbering_is_not_a_change():
    before = content(F=["Speech therapy. How much: 45 minutes", "Reading help daily"])
    after = content(F=["A new sensory break plan", "Speech therapy. How much: 60 minutes", "Reading help daily"])
    (section,) = [s for s in tracked_changes(before, after) if s.letter == "F"]
    assert [(i.label, i.state) for i in section.items] == [("F1", "added"), ("F2", "changed"), ("F3", "same")]
    assert section.counts == {"added": 1, "removed": 0, "changed": 1}


def test_an_unrelated_replacement_is_one_removed_and_one_added():
    section = tracked_changes(content(B=["Cannot read"]), content(B=["Sensory processing in busy rooms"]))[0]
    assert [i.state for i in section.items] == ["removed", "added"]


def test_an_unchanged_plan_has_no_changes_even_with_new_row_keys():
    before = content(A=["Sam loves trains"], F=["Speech therapy"])
    after = {"version": 1, "sections": {k: [{**i, "key": "new" + i["key"]} for i in v]
                                        for k, v in before["sections"].items()}}
    assert not has_changes(before, after)
    assert has_changes(before, content(A=["Sam loves trains"], F=["Speech therapy", "More"]))
