"""Names as the child search compares them. Plain Python (no Django), so migrations can use it too.

Why keys rather than ``icontains``: a ``LIKE '%...%'`` search reads every child's row, and it cannot find a full
name ("Ashley Hart") because no single column holds it. Each child instead gets a handful of *search keys* —
their name from each word onwards, in both orders, with their preferred name too — so that any search is one
prefix lookup on an indexed column, whatever the number of children.
"""

from __future__ import annotations

import re
import unicodedata

MAX_KEY_LENGTH = 200
_APOSTROPHES = re.compile(r"['’‘`]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalise_name(text: str) -> str:
    """Lower case, no accents, apostrophes dropped, other punctuation as spaces: "Zoë O'Brien-Hart" is
    "zoe obrien hart", so that what a caseworker types matches however the name was written."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NOT_WORD.sub(" ", _APOSTROPHES.sub("", plain)).split())


def name_search_keys(first: str, last: str, preferred: str = "") -> set[str]:
    """Every way a caseworker might start typing this child's name.

    For each ordering (first last, last first, with the legal or the preferred first name, and with only the
    first of several first names), every run of words from any word to the end, so "Jane Hart" and "Hart" find
    "Ashley Jane Hart" as well as the full name does.
    """
    firsts = [w for w in (normalise_name(first).split(), normalise_name(preferred).split()) if w]
    lasts = normalise_name(last).split()
    orderings: list[list[str]] = [lasts] if lasts else []
    for given in firsts:
        for names in (given, given[:1]):
            orderings += [names + lasts, lasts + names]
    keys: set[str] = set()
    for words in orderings:
        for start in range(len(words)):
            keys.add(" ".join(words[start:])[:MAX_KEY_LENGTH])
    keys.discard("")
    return keys
