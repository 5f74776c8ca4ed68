"""Partial and compound words: "physio" for physiotherapy, "afterschool" for after school, "wheel chair" for
wheelchair, read against the vocabulary of words the services use (`SearchWord`), the same on SQLite and PostgreSQL.

Why against the vocabulary, not a list: a council's services decide whether they write "play scheme" or
"playscheme", so the search looks at what is there. Three readings, tried in this order after the council's own
synonyms (which always win) and before a word is corrected as a typing slip (`search_vocabulary.corrections`):

* **joining**: two typed words side by side whose joined form some service uses ("wheel chair" -> "wheelchair")
  are one part of the search, matched either way. The joined form is checked against the live text index in the
  same query that checks the typed words (`search_query._used_by_some_service`), so it costs nothing extra;
* **splitting**: a word that is two vocabulary words run together ("afterschool" -> "after school"), or two words
  the synonym list knows as a phrase, is read as that phrase when no service uses it, and matched either way when
  some do ("playscheme" also finds "play scheme"). The halves are looked up in the same query as well;
* **completing**: a word no service uses, of at least `MIN_PREFIX` letters, that starts a vocabulary word ("physio"
  -> "physiotherapy") is read as the most used such word, as the last word typed already is (search as you type).
  One query for all of a search's unknown words together.

Not done: a compound with a typing slip in it ("aftershool") is corrected as a whole word if the services write
it as one, else its best-matching half is kept.
"""

from __future__ import annotations

from django.db.models import Q

from pathfinder.directory.search_vocabulary import MIN_WORD, Correction

MIN_PREFIX = 4  # "occ" or "phy" are too short to say which word was meant
MAX_COMPLETIONS = 3
COMPLETED_SCORE = 0.99  # below an exact word (1.0), above any trigram correction of a different word
SPLIT_SCORE = 0.98


def joined(first: str, second: str) -> str:
    """Two typed words written as one ("wheel", "chair" -> "wheelchair")."""
    return f"{first}{second}"


def _splits(word: str) -> list[tuple[str, str]]:
    return [(word[:i], word[i:]) for i in range(MIN_WORD, len(word) - MIN_WORD + 1)]


def split_parts(words: list[str]) -> set[str]:
    """Every half of every way these words could be two words: what to look up in the vocabulary (with the
    query that checks the typed words, `search_query._used_by_some_service`)."""
    return {part for word in words for split in _splits(word) for part in split}


def best_split(word: str, in_vocabulary: set[str], synonyms: dict) -> str | None:
    """The word as two: a phrase on the synonym list first, else two vocabulary words (not both filler), the
    commonest first; None if there is no such reading."""
    from pathfinder.directory.search_query import FILLER

    found = []
    for first, second in _splits(word):
        phrase = f"{first} {second}"
        if phrase in synonyms:
            return phrase
        if first in in_vocabulary and second in in_vocabulary and not (first in FILLER and second in FILLER):
            found.append(phrase)
    return found[0] if len(found) == 1 else None  # two readings ("pre school", "presc hool"): too unsure


def compound_readings(words: list[str], synonyms: dict, in_vocabulary: set[str]) -> dict[str, list[Correction]]:
    """For each word no service uses, how it may be read as two words (`best_split`) or else as the start of a
    longer one (best first; empty if neither). At most one query to the vocabulary, for all the words."""
    from pathfinder.directory.models import SearchWord

    readings: dict[str, list[Correction]] = {}
    to_complete = []
    for word in dict.fromkeys(words):
        apart = best_split(word, in_vocabulary, synonyms) if len(word) >= 2 * MIN_WORD else None
        readings[word] = [Correction(word, apart, SPLIT_SCORE)] if apart else []
        if not apart and len(word) >= MIN_PREFIX:
            to_complete.append(word)
    if to_complete:
        query = Q()
        for word in to_complete:
            query |= Q(word__startswith=word)
        used = dict(SearchWord.objects.filter(query).order_by("-services", "word").values_list("word", "services"))
        for word in to_complete:
            longer = [w for w in used if w.startswith(word) and w != word][:MAX_COMPLETIONS]
            readings[word] = [Correction(word, w, COMPLETED_SCORE) for w in longer]
    return readings
